"""Module 5's self-check questions: every answer recomputed by a route of its own.

The question files (docs/questions/05-cnns/*.py) compute their answers with
``syllabus_code.shapes`` and ``syllabus_code.numpy_nn``; these tests recompute each with
PyTorch (layers, autograd, gradient footprints), SciPy or a hand formula, check that the widget
tasks start from the widgets' real defaults, and check the structure the issue asks for (2–4
questions per section page, at least 12 per module, a widget task on each page with a widget).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from selfcheck_helpers import load_page, page_widgets

from syllabus_code.selfcheck import Numeric

ROOT = Path(__file__).resolve().parents[1]
MODULE = "05-cnns"
PAGES = [
    "motivation",
    "convolution",
    "padding-stride-pooling",
    "receptive-field",
    "backprop-conv",
    "full-cnn",
]


def load(page: str) -> list:
    return load_page(MODULE, page)


QUESTIONS = {page: load(page) for page in PAGES}


def question(page: str, qid: str):
    (q,) = [q for q in QUESTIONS[page] if q.id == qid]
    return q


def same(value: float, expected: float) -> bool:
    return math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-12)


# ---- structure --------------------------------------------------------------------------------


def test_every_section_page_has_a_question_file_and_no_other_file_exists():
    section_pages = {p.stem for p in (ROOT / "docs" / MODULE).glob("*.md")} - {
        "index",
        "exercises",
    }
    files = {p.stem for p in (ROOT / "docs" / "questions" / MODULE).glob("*.py")}
    assert section_pages == set(PAGES) == files


def test_two_to_four_questions_per_page_and_at_least_twelve_in_the_module():
    assert all(2 <= len(qs) <= 4 for qs in QUESTIONS.values())
    assert sum(len(qs) for qs in QUESTIONS.values()) >= 12


def test_ids_unique_numeric_questions_have_mistakes_choices_explain_every_option():
    for qs in QUESTIONS.values():
        assert len({q.id for q in qs}) == len(qs)
        for q in qs:
            if isinstance(q, Numeric):
                assert 1 <= len(q.mistakes) <= 3
                asked = re.search(r"(\d) decimals", q.prompt)
                # a rounded answer says how precisely to give it
                if q.tolerance >= 1e-4:
                    assert asked, q.id
                if asked:  # and is accepted to half a unit of the last decimal
                    assert math.isclose(
                        q.tolerance, 0.5 * 10.0 ** -int(asked.group(1))
                    ), q.id
                    # and does not sit on a rounding half (0.03125 to 4 decimals: 0.0312 or 0.0313?)
                    scaled = abs(q.answer) * 10 ** int(asked.group(1))
                    assert abs(scaled - math.floor(scaled) - 0.5) > 1e-6, q.id
            else:
                assert 3 <= len(q.options) <= 4
                assert all(o.explanation.strip() for o in q.options)


def test_pages_with_a_widget_have_a_widget_task_for_it():
    for page, qs in QUESTIONS.items():
        text = (ROOT / "docs" / MODULE / f"{page}.md").read_text()
        widgets = page_widgets(text)
        tasks = {q.widget for q in qs if q.widget}
        assert tasks <= widgets, page
        assert bool(widgets) == bool(tasks), page


# ---- independent answers ----------------------------------------------------------------------

WIDGETS = ROOT / "docs" / "javascripts" / "widgets"


def correct_text(page: str, qid: str) -> str:
    (option,) = [o for o in question(page, qid).options if o.correct]
    return option.text


def n_params(module: torch.nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def test_motivation_parameter_counts():
    assert question("motivation", "dense-on-pixels").answer == 64 * 64 * 3 * 500 + 500
    assert question("motivation", "conv-params").answer == n_params(
        torch.nn.Conv2d(3, 32, 5)
    )


def test_stride_two_is_not_equivariant_to_a_one_pixel_shift():
    g = torch.Generator().manual_seed(0)
    image = torch.randn(1, 1, 8, 12, generator=g, dtype=torch.float64)
    kernel = torch.randn(1, 1, 3, 3, generator=g, dtype=torch.float64)
    out = F.conv2d(image, kernel, stride=2)
    by1 = F.conv2d(torch.roll(image, 1, dims=3), kernel, stride=2)
    assert not torch.allclose(by1, out) and not torch.allclose(
        by1[..., 1:], out[..., :-1]
    )
    assert correct_text("motivation", "stride-equivariance").startswith("In general")


def test_one_d_cross_correlation_by_numpy():
    f, g = np.array([2.0, -1.0, 3.0, 0.0, 1.0]), np.array([1.0, 2.0, -1.0])
    assert same(
        question("convolution", "cross-correlation-1d").answer,
        float(np.correlate(f, g, "valid")[1]),
    )


def test_two_d_cross_correlation_by_torch():
    img = torch.tensor(
        [
            [1.0, 0.0, 2.0, -1.0],
            [3.0, 1.0, -2.0, 0.0],
            [0.0, 2.0, 1.0, 1.0],
            [-1.0, 1.0, 0.0, 2.0],
        ],
        dtype=torch.float64,
    )
    ker = torch.tensor([[2.0, 1.0], [0.0, -1.0]], dtype=torch.float64)
    out = F.conv2d(img[None, None], ker[None, None])[0, 0]
    assert same(
        question("convolution", "cross-correlation-2d").answer, out[0, 1].item()
    )


def test_im2col_columns_by_torch_unfold():
    cols = F.unfold(torch.zeros(2, 3, 8, 8), kernel_size=3)  # (N, C k k, L) per image
    assert (
        question("convolution", "im2col-columns").answer
        == cols.shape[0] * cols.shape[2]
    )


def js_array(path: Path, name: str):
    text = path.read_text()
    body = re.search(rf"export const {name} = (\[.*?\n\]);", text, re.S).group(1)
    return json.loads(re.sub(r",\s*\]", "]", body))


def test_conv2d_widget_task_from_the_widgets_defaults_with_torch():
    logic = WIDGETS / "conv2d-worked-example" / "logic.js"
    img = torch.tensor(js_array(logic, "DEFAULT_INPUT"), dtype=torch.float64)
    ker = torch.tensor(js_array(logic, "DEFAULT_KERNEL"), dtype=torch.float64)
    out = F.conv2d(img[None, None], ker[None, None], stride=2, padding=1)[0, 0]
    q = question("convolution", "widget-stride-padding")
    assert q.widget == "conv2d-worked-example"
    assert same(q.answer, out[0, 1].item())


def test_output_size_and_pool_size_by_torch():
    y = F.conv1d(torch.zeros(1, 1, 100), torch.zeros(1, 1, 7), stride=3, padding=2)
    assert question("padding-stride-pooling", "output-size").answer == y.shape[-1]
    y = F.max_pool1d(torch.zeros(1, 1, 56), kernel_size=3, stride=2)
    assert question("padding-stride-pooling", "overlapping-pool").answer == y.shape[-1]
    ceil = F.max_pool1d(torch.zeros(1, 1, 56), kernel_size=3, stride=2, ceil_mode=True)
    assert any(
        m.value == ceil.shape[-1]
        for m in question("padding-stride-pooling", "overlapping-pool").mistakes
    )


def test_max_pool_tie_by_torch():
    x = torch.tensor(
        [[[[3.0, 1.0], [2.0, 3.0]]]], dtype=torch.float64, requires_grad=True
    )
    F.max_pool2d(x, 2).backward(torch.full((1, 1, 1, 1), 5.0, dtype=torch.float64))
    assert same(
        question("padding-stride-pooling", "max-pool-tie").answer,
        x.grad[0, 0, 1, 1].item(),
    )


def test_same_padding_with_stride_by_torch():
    k = 5
    y = F.conv2d(
        torch.zeros(1, 1, 15, 15),
        torch.zeros(1, 1, k, k),
        stride=2,
        padding=(k - 1) // 2,
    )
    assert (
        question("padding-stride-pooling", "same-padding-stride").answer == y.shape[-1]
    )
    assert y.shape[-1] == math.ceil(15 / 2)


def measured_receptive_field(layers, padding=0) -> int:
    """Side of the input region that reaches one output unit (gradient footprint, weights 1)."""
    modules = []
    for spec in layers:
        if spec.get("type") == "pool":
            modules.append(
                torch.nn.AvgPool2d(spec["k"], stride=spec.get("s", spec["k"]))
            )
        else:
            conv = torch.nn.Conv2d(
                1, 1, spec["k"], stride=spec.get("s", 1), padding=padding, bias=False
            )
            torch.nn.init.constant_(conv.weight, 1.0)
            modules.append(conv)
    net = torch.nn.Sequential(*modules).double()
    x = torch.zeros(1, 1, 96, 96, dtype=torch.float64, requires_grad=True)
    y = net(x)
    c = y.shape[-1] // 2
    y[0, 0, c, c].backward()
    rows = np.nonzero(x.grad[0, 0].sum(dim=1).numpy())[0]
    return int(rows.max() - rows.min() + 1)


def test_stack_receptive_field_by_gradient_footprint():
    stack = [
        {"k": 3, "s": 1},
        {"k": 3, "s": 2},
        {"type": "pool", "k": 2},
        {"k": 3, "s": 1},
        {"k": 3, "s": 1},
    ]
    assert question(
        "receptive-field", "stack-receptive-field"
    ).answer == measured_receptive_field(stack)
    assert measured_receptive_field(stack, padding=1) == measured_receptive_field(stack)
    assert correct_text("receptive-field", "padding-and-receptive-field").startswith(
        "Its size stays"
    )


def test_stacked_3x3_weights_by_footprint_and_torch():
    n = 1
    # shortest 3x3 stack that sees 9x9
    while measured_receptive_field([{"k": 3}] * n) < 9:
        n += 1
    assert (
        measured_receptive_field([{"k": 3}] * n)
        == measured_receptive_field([{"k": 9}])
        == 9
    )
    convs = [torch.nn.Conv2d(32, 32, 3, bias=False) for _ in range(n)]
    assert question("receptive-field", "stacked-3x3-weights").answer == sum(
        map(n_params, convs)
    )


def test_playground_task_starts_from_its_lenet_preset():
    logic = (WIDGETS / "architecture-playground" / "logic.js").read_text()
    preset = re.search(
        r'"LeNet-5 \(ReLU and max-pooling form\)": \{\s*input: \[1, 32, 32\],\s*'
        r"layers: \[conv\(6, 5\), relu, pool\(2\), conv\(16, 5\), relu, pool\(2\),",
        logic,
    )
    assert preset, "the LeNet-5 preset changed; update the widget task"
    variant = [{"k": 3}, {"type": "pool", "k": 2}, {"k": 5}, {"type": "pool", "k": 2}]
    q = question("receptive-field", "widget-lenet-receptive-field")
    assert q.widget == "architecture-playground"
    assert q.answer == measured_receptive_field(variant)
    # the worked solution's steps: each layer adds (k - 1) times the spacing of its taps, the
    # product of the strides *below* it, and each running total is the measured footprint
    jump = 1
    for depth in range(2, len(variant) + 1):
        layer, below = variant[depth - 1], variant[depth - 2]
        jump *= below.get("s", below["k"] if below.get("type") == "pool" else 1)
        step = f"+{layer['k'] - 1}\\cdot{jump} = {measured_receptive_field(variant[:depth])}"
        assert step in q.solution, step


def test_one_d_gradients_by_autograd():
    x = torch.tensor(
        [[[2.0, 0.0, -1.0, 1.0, 3.0]]], dtype=torch.float64, requires_grad=True
    )
    K = torch.tensor([[[2.0, -1.0, 1.0]]], dtype=torch.float64, requires_grad=True)
    F.conv1d(x, K).backward(torch.tensor([[[1.0, 2.0, -1.0]]], dtype=torch.float64))
    assert same(
        question("backprop-conv", "kernel-gradient-1d").answer, K.grad[0, 0, 1].item()
    )
    assert same(
        question("backprop-conv", "input-gradient-1d").answer, x.grad[0, 0, 1].item()
    )


def test_output_padding_by_conv_transpose():
    n, k, s, p = 10, 3, 4, 1
    w = torch.ones(1, 1, k, dtype=torch.float64)
    delta = torch.ones(
        1,
        1,
        F.conv1d(
            torch.zeros(1, 1, n, dtype=torch.float64), w, stride=s, padding=p
        ).shape[-1],
        dtype=torch.float64,
    )
    r = int(question("backprop-conv", "output-padding").answer)
    sizes = [
        F.conv_transpose1d(delta, w, stride=s, padding=p, output_padding=op).shape[-1]
        for op in range(s)
    ]
    assert sizes.index(n) == r


def test_input_gradient_is_a_full_convolution_with_the_stored_kernel():
    from scipy.signal import convolve2d

    g = torch.Generator().manual_seed(0)
    img = torch.randn(1, 1, 6, 6, generator=g, dtype=torch.float64, requires_grad=True)
    ker = torch.randn(1, 1, 3, 3, generator=g, dtype=torch.float64)
    delta = torch.randn(1, 1, 4, 4, generator=g, dtype=torch.float64)
    F.conv2d(img, ker).backward(delta)
    d, K = delta[0, 0].numpy(), ker[0, 0].numpy()
    assert np.allclose(img.grad[0, 0].numpy(), convolve2d(d, K, "full"))
    assert not np.allclose(img.grad[0, 0].numpy(), convolve2d(d, K[::-1, ::-1], "full"))
    assert correct_text("backprop-conv", "input-gradient-form").endswith(
        r"with \(K\) as stored."
    )


def sequential(channels, size):
    layers, c = [], 1
    for c_out in channels:
        layers += [
            torch.nn.Conv2d(c, c_out, 3, padding=1),
            torch.nn.BatchNorm2d(c_out),
            torch.nn.ReLU(),
            torch.nn.MaxPool2d(2),
        ]
        c = c_out
    features = torch.nn.Sequential(*layers)
    flat = features(torch.zeros(2, 1, size, size)).flatten(1).shape[1]
    return torch.nn.Sequential(
        features, torch.nn.Flatten(), torch.nn.Linear(flat, 10)
    ), flat


def test_full_cnn_counts_by_torch():
    net, _ = sequential((8, 16), 28)
    assert question("full-cnn", "total-parameters").answer == n_params(net)
    _, flat = sequential((16, 32), 30)
    assert question("full-cnn", "head-inputs-odd-size").answer == flat
    assert question("full-cnn", "second-conv-mult-adds").answer == 14 * 14 * 16 * (
        3 * 3 * 8
    )


def test_conv_bias_before_batch_norm_gets_zero_gradient():
    g = torch.Generator().manual_seed(0)
    conv = torch.nn.Conv2d(2, 3, 3, padding=1).double()
    bn = torch.nn.BatchNorm2d(3).double().train()
    x = torch.randn(4, 2, 6, 6, generator=g, dtype=torch.float64)
    y = torch.relu(bn(conv(x)))
    (y * torch.randn(y.shape, generator=g, dtype=torch.float64)).sum().backward()
    assert conv.bias.grad.abs().max().item() < 1e-12
    assert conv.weight.grad.abs().max().item() > 1e-3
    assert correct_text("full-cnn", "conv-bias-before-batch-norm") == "Exactly zero."
