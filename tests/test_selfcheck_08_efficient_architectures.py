"""Module 8's self-check questions: every answer recomputed by another route.

Parameter counts of real PyTorch layers (torchvision's ``SqueezeExcitation``, grouped
``nn.Conv2d``), hand formulas, and torchvision's ``StochasticDepth`` for the survivors' scale.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import torch
from selfcheck_helpers import by_id, load_page
from torch import nn

from syllabus_code.selfcheck import Choice, Numeric

ROOT = Path(__file__).resolve().parents[1]
MODULE = "08-efficient-architectures"
SECTION_PAGES = sorted(
    p.stem
    for p in (ROOT / "docs" / MODULE).glob("*.md")
    if p.stem not in ("index", "exercises")
)


def load(page: str) -> dict[str, Numeric | Choice]:
    return by_id(load_page(MODULE, page))


def count(*modules: nn.Module) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def _separable(c_in: int, c_out: int, k: int) -> int:
    return count(
        nn.Conv2d(c_in, c_in, k, groups=c_in, bias=False),
        nn.Conv2d(c_in, c_out, 1, bias=False),
    )


def _torchvision_se() -> int:
    """The SE module of the first block of torchvision's B0 ``features.3`` (24 -> 40)."""
    from torchvision.models import efficientnet_b0
    from torchvision.ops import SqueezeExcitation

    with torch.device("meta"):
        block = efficientnet_b0(weights=None).features[3][0]
    assert block.block[0][0].in_channels == 24
    (se,) = [m for m in block.modules() if isinstance(m, SqueezeExcitation)]
    return count(se)


def _torchvision_b2_stage5_channels() -> int:
    """torchvision's B2 ``features.5``: what its last block outputs."""
    from torchvision.models import efficientnet_b0, efficientnet_b2

    with torch.device("meta"):
        b0, b2 = efficientnet_b0(weights=None), efficientnet_b2(weights=None)
    assert b0.features[5][-1].out_channels == 112  # the B0 width the prompt gives
    return b2.features[5][-1].out_channels


def _torchvision_survivor_scale() -> float:
    from torchvision.ops import stochastic_depth

    torch.manual_seed(0)
    out = stochastic_depth(
        torch.ones(64, 1, dtype=torch.float64), p=0.2, mode="row", training=True
    )
    return out.max().item()


EXPECTED = {
    ("depthwise-separable", "separable-weights"): lambda: _separable(64, 128, 3),
    ("depthwise-separable", "cost-fraction"): lambda: (
        _separable(32, 256, 5) / count(nn.Conv2d(32, 256, 5, bias=False))
    ),
    ("depthwise-separable", "mobilenet-block"): 9 * 96 + 96 * 192 + 2 * 96 + 2 * 192,
    ("depthwise-separable", "resolution-multiplier"): (160 / 32) ** 2 / (224 / 32) ** 2,
    ("efficientnet", "se-params"): _torchvision_se,
    ("efficientnet", "make-divisible"): _torchvision_b2_stage5_channels,
    ("efficientnet", "compound-flops"): (1.2 * 1.1**2 * 1.15**2) ** 3,
    ("efficientnet", "stochastic-depth-scale"): _torchvision_survivor_scale,
    ("nas", "mnas-score"): 80 * 2**-0.07,
}

CORRECT_OPTION = {
    ("nas", "search-space"): "fixed skeleton of seven stages",
    ("nas", "flops-vs-latency"): "Depthwise convolutions do little arithmetic per byte",
    ("nas", "scaling-not-searched"): "small grid search",
}


@pytest.fixture(scope="module")
def questions() -> dict[str, dict[str, Numeric | Choice]]:
    return {page: load(page) for page in SECTION_PAGES}


@pytest.mark.parametrize("page, qid", sorted(EXPECTED))
def test_numeric_answer_matches_an_independent_computation(questions, page, qid):
    q = questions[page][qid]
    expected = EXPECTED[(page, qid)]
    expected = expected() if callable(expected) else expected
    assert isinstance(q, Numeric)
    assert abs(q.answer - expected) <= q.tolerance + 1e-9, (q.answer, expected)


@pytest.mark.parametrize("page, qid", sorted(CORRECT_OPTION))
def test_choice_marks_the_right_option(questions, page, qid):
    q = questions[page][qid]
    assert isinstance(q, Choice)
    (correct,) = [o for o in q.options if o.correct]
    assert CORRECT_OPTION[(page, qid)] in correct.text
    assert all(
        CORRECT_OPTION[(page, qid)] not in o.text for o in q.options if not o.correct
    )


def test_every_question_is_checked_here(questions):
    ids = {(page, q) for page, qs in questions.items() for q in qs}
    assert ids == set(EXPECTED) | set(CORRECT_OPTION)


def test_question_counts_and_files(questions):
    files = sorted(p.stem for p in (ROOT / "docs" / "questions" / MODULE).glob("*.py"))
    assert files == SECTION_PAGES
    assert all(2 <= len(qs) <= 4 for qs in questions.values())
    assert sum(len(qs) for qs in questions.values()) >= 12


def test_every_numeric_question_has_a_likely_mistake(questions):
    for page, qs in questions.items():
        for q in qs.values():
            if isinstance(q, Numeric):
                assert 1 <= len(q.mistakes) <= 3, (page, q.id)
            else:
                assert 3 <= len(q.options) <= 4 and all(
                    o.explanation.strip() for o in q.options
                )


DECIMALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def test_stated_precision_matches_the_tolerance(questions):
    """A rounded answer says how many decimals; it is accepted to half a unit of the last one,
    and it does not sit on a rounding half, where two roundings would both be right."""
    for page, qs in questions.items():
        for q in qs.values():
            if not isinstance(q, Numeric):
                continue
            asked = re.search(
                r"\b(\d|one|two|three|four|five) decimals?\b", q.prompt, re.IGNORECASE
            )
            if q.tolerance == 0:
                assert not asked and q.answer == round(q.answer), (page, q.id)
                continue
            assert asked, (page, q.id)
            n = DECIMALS.get(asked.group(1).lower()) or int(asked.group(1))
            assert math.isclose(q.tolerance, 0.5 * 10.0**-n), (page, q.id)
            scaled = abs(q.answer) * 10**n
            assert abs(scaled - math.floor(scaled) - 0.5) > 1e-6, (page, q.id)
