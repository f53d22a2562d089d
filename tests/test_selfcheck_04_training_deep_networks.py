"""Module 4's self-check questions: every answer recomputed by a route of its own.

The question files (docs/questions/04-training-deep-networks/*.py) compute their answers with
``syllabus_code.numpy_nn``; these tests recompute each with PyTorch (BatchNorm1d, dropout,
optimisers, initialisers) or a hand formula, and check the structure the issue asks for
(2–4 questions per section page, at least 12 per module).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import torch
import torch.nn.functional as F
from selfcheck_helpers import load_page, page_widgets

from syllabus_code.selfcheck import Numeric

ROOT = Path(__file__).resolve().parents[1]
MODULE = "04-training-deep-networks"
PAGES = [
    "vanishing-gradients",
    "initialization",
    "batch-normalization",
    "regularization",
    "universal-approximation",
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


def correct_text(page: str, qid: str) -> str:
    (option,) = [o for o in question(page, qid).options if o.correct]
    return option.text


def test_sigmoid_product_bound():
    z = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    torch.sigmoid(z).backward()
    best = z.grad.item()  # sigma'(0), the largest slope
    assert best == 0.25
    assert same(
        question("vanishing-gradients", "sigmoid-product-bound").answer, (best * 2) ** 5
    )


def test_clip_by_norm_with_torch():
    w = torch.nn.Parameter(torch.zeros(2, dtype=torch.float64))
    b = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    w.grad = torch.tensor([3.0, 4.0], dtype=torch.float64)
    b.grad = torch.tensor([12.0], dtype=torch.float64)
    norm = torch.nn.utils.clip_grad_norm_([w, b], max_norm=5.0)
    assert norm.item() == 13.0
    # torch divides by ||g|| + 1e-6, so it agrees to about 1e-7 only
    assert math.isclose(
        question("vanishing-gradients", "clip-by-norm").answer,
        b.grad.item(),
        rel_tol=1e-6,
    )
    assert same(question("vanishing-gradients", "clip-by-norm").answer, 12 * 5 / 13)


def test_tanh_xavier_choice():
    assert correct_text("vanishing-gradients", "tanh-xavier-level").startswith(
        "The weights' gain"
    )


def test_xavier_bound_by_hand_and_by_torch_samples():
    a = math.sqrt(6 / (256 + 128))
    assert same(question("initialization", "xavier-uniform-bound").answer, a)
    w = torch.empty(128, 256, dtype=torch.float64)  # PyTorch's (out, in)
    torch.nn.init.xavier_uniform_(w, generator=torch.Generator().manual_seed(0))
    assert w.abs().max().item() <= a and w.abs().max().item() > 0.999 * a


def test_he_std_by_hand_and_by_torch_samples():
    std = math.sqrt(2 / 512)
    assert same(question("initialization", "he-normal-std").answer, std)
    w = torch.empty(512, 512, dtype=torch.float64)
    torch.nn.init.kaiming_normal_(
        w, nonlinearity="relu", generator=torch.Generator().manual_seed(0)
    )
    assert abs(w.std().item() / std - 1) < 0.01  # 262,144 draws: within 1 %


def test_relu_variance_factor_by_hand_and_by_simulation():
    factor = 0.5 * 256 * 0.05**2
    assert same(question("initialization", "relu-variance-factor").answer, factor)
    g = torch.Generator().manual_seed(0)
    z = torch.randn(2000, 256, generator=g, dtype=torch.float64)
    W = torch.randn(256, 256, generator=g, dtype=torch.float64) * 0.05
    measured = ((torch.relu(z) @ W.T).var() / z.var()).item()
    assert abs(measured / factor - 1) < 0.05


def test_zero_init_tanh_nothing_moves_but_the_output_bias():
    net = torch.nn.Sequential(
        torch.nn.Linear(4, 5), torch.nn.Tanh(), torch.nn.Linear(5, 3)
    ).double()
    for p in net.parameters():
        torch.nn.init.zeros_(p)
    g = torch.Generator().manual_seed(0)
    x, y = (
        torch.randn(32, 4, generator=g, dtype=torch.float64),
        torch.randint(0, 3, (32,), generator=g),
    )
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    for _ in range(20):
        opt.zero_grad()
        F.cross_entropy(net(x), y).backward()
        opt.step()
    assert all(
        p.abs().max().item() == 0 for p in (net[0].weight, net[0].bias, net[2].weight)
    )
    assert net[2].bias.abs().max().item() > 0
    assert correct_text("initialization", "zero-init-tanh").startswith(
        "No weight ever moves"
    )


def test_batchnorm_output_and_running_variance_with_torch():
    bn = torch.nn.BatchNorm1d(1, eps=1e-5, momentum=0.1).double()
    with torch.no_grad():
        bn.weight.fill_(2.0)
        bn.bias.fill_(0.5)
    bn.train()
    out = bn(torch.tensor([[1.0], [2.0], [3.0], [6.0]], dtype=torch.float64))
    assert same(question("batch-normalization", "bn-output").answer, out[-1, 0].item())
    assert same(
        question("batch-normalization", "bn-running-var").answer, bn.running_var.item()
    )


def test_batchnorm2d_values_per_channel_and_choice():
    n, c, h, w = 8, 16, 10, 10
    assert (
        question("batch-normalization", "bn2d-values-per-channel").answer == n * h * w
    )
    # torch's unbiased running variance uses the same m: one channel with m values 0, 1
    x = torch.zeros(n, c, h, w, dtype=torch.float64)
    x[0, 0, 0, 0] = 1.0
    bn = torch.nn.BatchNorm2d(c, momentum=1.0).double().train()
    bn(x)
    m = n * h * w
    assert math.isclose(
        bn.running_var[0].item(), (1 / m - 1 / m**2) * m / (m - 1), rel_tol=1e-12
    )
    assert correct_text("batch-normalization", "bn-why").startswith("It helps, but")


def test_inverted_dropout_with_torch():
    out = F.dropout(torch.full((1000,), 1.5, dtype=torch.float64), p=0.2, training=True)
    kept = out[out != 0]
    assert same(question("regularization", "inverted-dropout").answer, kept[0].item())


def test_weight_decay_step_with_torch_sgd():
    w = torch.nn.Parameter(torch.tensor([2.0], dtype=torch.float64))
    opt = torch.optim.SGD([w], lr=0.1, weight_decay=0.5)
    w.grad = torch.tensor([0.4], dtype=torch.float64)
    opt.step()
    assert same(question("regularization", "weight-decay-step").answer, w.item())


def test_l1_proximal_step_by_hand():
    u = 0.03 - 0.1 * 0.2
    prox = math.copysign(max(abs(u) - 0.1 * 0.5, 0.0), u)
    assert same(question("regularization", "l1-proximal-step").answer, prox)


def test_l2_with_adam_differs_from_adamw():
    results = []
    for make in (
        lambda p: torch.optim.Adam(p, lr=0.1, weight_decay=0.5),
        lambda p: torch.optim.AdamW(p, lr=0.1, weight_decay=0.5),
    ):
        w = torch.nn.Parameter(torch.tensor([2.0, 2.0], dtype=torch.float64))
        opt = make([w])
        for _ in range(3):
            w.grad = torch.tensor([10.0, 0.01], dtype=torch.float64)
            opt.step()
        results.append(w.detach().clone())
    assert not torch.allclose(results[0], results[1])
    assert correct_text("regularization", "l2-with-adam").startswith(
        "They are different algorithms"
    )


def test_units_for_epsilon_by_search_and_by_building_the_network():
    eps = 0.01
    n = 1
    while math.pi / n > eps:
        n += 1
    assert question("universal-approximation", "units-for-epsilon").answer == n
    # build the staircase with torch and measure its error on a fine grid
    x = torch.linspace(0, 1, 5001, dtype=torch.float64)[:, None]
    grid = torch.linspace(0, 1, n + 1, dtype=torch.float64)
    f = lambda t: torch.sin(2 * math.pi * t)  # noqa: E731
    s = 40.0 * n
    out = f(grid[0]) + torch.sigmoid(s * (x - (grid[:-1] + grid[1:]) / 2)) @ torch.diff(
        f(grid)
    )
    assert (out - f(x).ravel()).abs().max().item() <= eps


def test_universal_approximation_choices():
    assert (
        correct_text("universal-approximation", "which-activation-fails")
        == r"\(g(t) = t^2\)"
    )
    assert correct_text("universal-approximation", "what-it-guarantees").startswith(
        "That for every continuous function"
    )
