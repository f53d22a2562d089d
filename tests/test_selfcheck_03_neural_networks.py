"""Module 3's self-check questions: every answer recomputed by a route of its own.

The question files (docs/questions/03-neural-networks/*.py) compute their answers with
``syllabus_code.numpy_nn``; these tests recompute each with PyTorch's autograd and optimisers or
a hand formula, and check the structure the issue asks for (2–4 questions per section page, at
least 12 per module, one widget task on each page that embeds a widget).
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
MODULE = "03-neural-networks"
PAGES = ["mlp-forward", "activations", "losses", "backpropagation", "optimizers"]


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


def test_mlp_parameter_count_by_hand_and_by_torch():
    sizes = [784, 128, 64, 10]
    by_hand = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
    net = torch.nn.Sequential(
        *[torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])]
    )
    assert by_hand == sum(p.numel() for p in net.parameters())
    q = question("mlp-forward", "param-count")
    assert q.answer == by_hand and q.tolerance == 0


def test_mlp_forward_value_with_torch_linear_layers():
    lin1, lin2 = torch.nn.Linear(2, 2).double(), torch.nn.Linear(2, 1).double()
    with torch.no_grad():  # nn.Linear stores the page's W (out x in)
        lin1.weight.copy_(torch.tensor([[1.0, -1.0], [2.0, 0.5]]))
        lin1.bias.copy_(torch.tensor([-2.0, -1.0]))
        lin2.weight.copy_(torch.tensor([[3.0, -2.0]]))
        lin2.bias.copy_(torch.tensor([0.5]))
        y = lin2(torch.relu(lin1(torch.tensor([2.0, 1.0], dtype=torch.float64)))).item()
    assert same(question("mlp-forward", "forward-value").answer, y)


def test_mlp_choices():
    q = question("mlp-forward", "linear-collapse")
    assert [o.correct for o in q.options] == ["affine" in o.text for o in q.options]
    q = question("mlp-forward", "code-shape")
    # the page's W: (out, in)
    torch_shape = tuple(torch.nn.Linear(784, 512).weight.shape)
    (correct,) = [o for o in q.options if o.correct]
    assert correct.text == str(torch_shape[::-1])


def autograd_derivative(fn, z: float) -> float:
    t = torch.tensor(z, dtype=torch.float64, requires_grad=True)
    fn(t).backward()
    return t.grad.item()


def test_sigmoid_and_tanh_slopes_by_autograd():
    assert same(
        question("activations", "sigmoid-prime").answer,
        autograd_derivative(torch.sigmoid, 1.5),
    )
    q = question("activations", "widget-tanh-prime")
    assert q.widget == "activation-visualizer"
    widget = ROOT / "docs/javascripts/widgets/activation-visualizer"
    assert "tanh:" in (widget / "logic.js").read_text()  # the function can be chosen
    view = (widget / "view.js").read_text()  # and the probe can reach x = 1
    assert 'type: "range", min: XMIN, max: XMAX, step: 0.01' in view
    assert "const XMIN = -6, XMAX = 6" in view
    assert same(q.answer, autograd_derivative(torch.tanh, 1.0))


def test_relu_backward_by_autograd_uses_zero_at_zero():
    z = torch.tensor([-0.5, 0.0, 1.5], dtype=torch.float64, requires_grad=True)
    torch.relu(z).backward(torch.tensor([2.0, 3.0, -1.0], dtype=torch.float64))
    assert same(question("activations", "relu-backward").answer, z.grad.sum().item())


def test_softmax_entry_by_torch():
    p = torch.softmax(torch.tensor([3.0, 1.0, 0.0], dtype=torch.float64), dim=0)[
        0
    ].item()
    assert same(question("activations", "softmax-entry").answer, p)


def test_losses_by_torch():
    pred = torch.tensor([[1.0, 2.0], [0.0, 1.0]], dtype=torch.float64)
    target = torch.tensor([[0.0, 2.0], [1.0, 3.0]], dtype=torch.float64)
    assert same(
        question("losses", "mse-two-outputs").answer, F.mse_loss(pred, target).item()
    )

    z, y = (
        torch.tensor([2.0], dtype=torch.float64),
        torch.tensor([0.0], dtype=torch.float64),
    )
    assert same(
        question("losses", "bce-logit").answer,
        F.binary_cross_entropy_with_logits(z, y).item(),
    )

    logits = torch.tensor(
        [[1.0, 2.0, 0.0], [0.5, -1.0, 2.0]], dtype=torch.float64, requires_grad=True
    )
    F.cross_entropy(logits, torch.tensor([0, 2])).backward()
    assert same(question("losses", "ce-gradient").answer, logits.grad[0, 0].item())

    q = question("losses", "mse-likelihood")
    assert [o.correct for o in q.options] == [
        "Gaussian noise of fixed variance" in o.text for o in q.options
    ]


def test_hidden_delta_by_autograd():
    W2 = torch.tensor([[1.0, 2.0], [3.0, -1.0]], dtype=torch.float64)
    z1 = torch.tensor([0.5, -0.3], dtype=torch.float64, requires_grad=True)
    z2 = W2 @ torch.tanh(z1)
    z2.backward(torch.tensor([1.0, -2.0], dtype=torch.float64))  # delta^(2) = dL/dz^(2)
    assert same(question("backpropagation", "hidden-delta").answer, z1.grad[0].item())


class Counted(np.ndarray):
    """Adds 2*m*k*n to Counted.flops for every (m, k) @ (k, n) product it takes part in."""

    flops = 0

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        plain = [np.asarray(i) if isinstance(i, Counted) else i for i in inputs]
        if ufunc is np.matmul:
            a, b = plain
            Counted.flops += 2 * a.shape[0] * a.shape[1] * b.shape[1]
        out = getattr(ufunc, method)(*plain, **kwargs)
        return out.view(Counted) if isinstance(out, np.ndarray) else out


def test_backward_cost_measured_on_the_library_code():
    from syllabus_code.numpy_nn import MLP, mlp_backward, softmax_cross_entropy

    sizes = [512, 256, 256, 10]
    net = MLP(sizes, activation="relu", seed=0)
    net.params = {k: v.view(Counted) for k, v in net.params.items()}
    x = np.random.default_rng(0).standard_normal((8, sizes[0])).view(Counted)
    Counted.flops = 0
    out, cache = net.forward(x)
    forward = Counted.flops
    _, grad = softmax_cross_entropy(np.asarray(out), np.arange(8) % sizes[-1])
    mlp_backward(grad.view(Counted), cache)
    measured = (Counted.flops - forward) / forward
    assert same(question("backpropagation", "backward-cost").answer, measured)


def test_bias_sum_choice_matches_autograd_of_the_mean_loss():
    q = question("backpropagation", "bias-sum")
    assert [o.correct for o in q.options] == [
        o.text.startswith(r"The \(1/N\)") for o in q.options
    ]
    from syllabus_code.numpy_nn import MLP

    rng = np.random.default_rng(0)
    x, y = rng.standard_normal((5, 3)), rng.integers(0, 2, 5)
    net = MLP([3, 2], seed=0)
    _, grads = net.loss_and_grads(x, y)
    W = torch.tensor(net.params["W1"], requires_grad=True)
    b = torch.tensor(net.params["b1"], requires_grad=True)
    F.cross_entropy(torch.tensor(x) @ W + b, torch.tensor(y)).backward()
    # the sum is exact
    assert np.allclose(grads["b1"], b.grad.numpy(), rtol=1e-12, atol=1e-15)


def network_visualizer_default() -> dict:
    """The network visualizer's DEFAULT (view.js), read so the task cannot drift from the widget."""
    text = (ROOT / "docs/javascripts/widgets/network-visualizer/view.js").read_text()
    block = re.search(r"const DEFAULT = \{(.*?)\};", text, re.S).group(1)
    as_json = re.sub(r"(\w+):", r'"\1":', block.strip().rstrip(","))  # JSON keys
    return json.loads("{" + as_json + "}")


def test_network_visualizer_step_by_autograd():
    d = network_visualizer_default()
    assert d["sizes"] == [2, 2, 1] and (d["activation"], d["output"]) == (
        "sigmoid",
        "identity",
    )
    t = lambda v: torch.tensor(v, dtype=torch.float64)  # noqa: E731
    (l1, l2) = d["layers"]  # W in the code's layout: (in, out)
    W1, b1 = t(l1["W"]).T.clone().requires_grad_(), t(l1["b"]).requires_grad_()
    W2, b2 = t(l2["W"]).T.clone().requires_grad_(), t(l2["b"]).requires_grad_()
    x, y = t(d["x"]), t(d["y"])

    def loss():
        return ((W2 @ torch.sigmoid(W1 @ x + b1) + b2 - y) ** 2).mean()

    opt = torch.optim.SGD([W1, b1, W2, b2], lr=d["lr"])
    first = loss()
    first.backward()
    opt.step()
    with torch.no_grad():
        after = loss().item()
    q = question("backpropagation", "widget-gradient-step")
    assert q.widget == "network-visualizer"
    assert same(q.answer, after)
    # "read the loss before the step"
    assert any(same(m.value, first.item()) for m in q.mistakes)


def test_adam_first_step_by_torch():
    theta = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([theta], lr=0.01)
    theta.grad = torch.tensor([0.5, 0.003], dtype=torch.float64)
    opt.step()
    assert same(question("optimizers", "adam-first-step").answer, -theta[1].item())


def test_momentum_by_torch_sgd():
    theta = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([theta], lr=0.1, momentum=0.9)
    for _ in range(3):
        opt.zero_grad()
        (1.0 * theta).sum().backward()  # gradient 1 at every step
        opt.step()
    assert same(question("optimizers", "momentum-three-steps").answer, theta.item())


def test_steps_per_epoch_and_torch_momentum_choice():
    # drop_last=False
    loader = torch.utils.data.DataLoader(range(50_000), batch_size=128)
    assert (
        question("optimizers", "steps-per-epoch").answer
        == len(loader)
        == math.ceil(50_000 / 128)
    )
    q = question("optimizers", "torch-momentum")
    assert [o.correct for o in q.options] == [
        "learning rate is constant" in o.text for o in q.options
    ]
