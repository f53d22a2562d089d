"""Module 6's self-check questions: every answer recomputed by another route.

The question files compute their answers from ``syllabus_code``; here each one is recomputed
from the hand formula of its page, or with torch / torchvision layers, and compared within the
question's tolerance. The checks on the files themselves (2-4 questions per section page, at
least 12 per module, unique ids) are at the end.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import torch
import torchvision
from selfcheck_helpers import by_id, load_page
from torch import nn

from syllabus_code.selfcheck import Choice, Numeric

ROOT = Path(__file__).resolve().parents[1]
MODULE = "06-cnn-architectures"
SECTION_PAGES = sorted(
    p.stem
    for p in (ROOT / "docs" / MODULE).glob("*.md")
    if p.stem not in ("index", "exercises")
)


def load(page: str) -> dict[str, Numeric | Choice]:
    """The questions of ``docs/questions/<module>/<page>.py``, by id."""
    return by_id(load_page(MODULE, page))


def count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def out(n: int, k: int, s: int = 1, p: int = 0) -> int:
    return (n + 2 * p - k) // s + 1


# Table 1, config D
VGG16_CHANNELS = [64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512]


def _vgg16_split() -> tuple[float, float]:
    """(share of parameters in the linear layers, share of MACs in the convolutions), by hand."""
    cfg = [
        64,
        64,
        "M",
        128,
        128,
        "M",
        256,
        256,
        256,
        "M",
        512,
        512,
        512,
        "M",
        512,
        512,
        512,
        "M",
    ]
    c, side, conv_p, conv_m = 3, 224, 0, 0
    for v in cfg:
        if v == "M":
            side //= 2
        else:
            conv_p += 9 * c * v + v
            conv_m += 9 * c * v * side * side
            c = v
    fc = [(512 * 7 * 7, 4096), (4096, 4096), (4096, 1000)]
    fc_p = sum(i * o + o for i, o in fc)
    fc_m = sum(i * o for i, o in fc)
    return fc_p / (fc_p + conv_p), conv_m / (conv_m + fc_m)


def _steps(n: int, batch: int, replicas: int = 1) -> int:
    """Optimiser steps of one epoch by hand: each process gets ceil(n / replicas) indices
    (DistributedSampler pads the shards to equal length) and keeps its last, partial batch.
    Checked against torch's DataLoader for every rank, not only the rank 0 the question uses."""
    from torch.utils.data import DataLoader
    from torch.utils.data.distributed import DistributedSampler

    by_hand = math.ceil(math.ceil(n / replicas) / batch)
    data = range(n)
    for r in range(replicas):
        sampler = (
            DistributedSampler(data, num_replicas=replicas, rank=r)
            if replicas > 1
            else None
        )
        assert len(DataLoader(data, batch_size=batch, sampler=sampler)) == by_hand
    return by_hand


# (page, id) -> the answer by an independent route
EXPECTED = {
    ("lenet", "c3-params"): (5 * 5 * 6 + 1) * 16,
    ("lenet", "flatten-28"): 16 * (((28 - 4) // 2 - 4) // 2) ** 2,
    ("lenet", "fc-share"): 100
    * (400 * 120 + 120 + 120 * 84 + 84 + 84 * 10 + 10)
    / ((25 + 1) * 6 + (150 + 1) * 16 + 400 * 120 + 120 + 120 * 84 + 84 + 84 * 10 + 10),
    ("alexnet", "conv1-224"): out(224, 11, 4),
    ("alexnet", "flat-224"): 256
    * out(out(out(out(224, 11, 4), 3, 2), 3, 2), 3, 2) ** 2,
    ("alexnet", "conv2-grouped"): lambda: count(
        nn.Conv2d(96, 256, 5, padding=2, groups=2)
    ),
    ("vgg", "three-3x3"): 3 * 9 * 128 * 128,
    ("vgg", "bn-extra"): 2 * sum(VGG16_CHANNELS),
    ("vgg", "map-64"): 64 // 2**5,
    ("googlenet", "reduce-3a"): 192 * 16 + 25 * 16 * 32,
    ("googlenet", "channels-4e"): lambda: (
        torchvision.models.googlenet(weights=None, aux_logits=False, init_weights=False)
        .inception4e(torch.zeros(1, 528, 2, 2))
        .shape[1]
    ),
    ("googlenet", "ceil-pool"): lambda: nn.MaxPool2d(3, 2, ceil_mode=True)(
        torch.zeros(1, 1, 100, 100)
    ).shape[-1],
    ("resnet", "bottleneck-params"): lambda: count(
        torchvision.models.resnet.Bottleneck(256, 64)
    ),
    ("resnet", "projection-shortcut"): 256 * 512 + 2 * 512,
    ("densenet", "layer-input"): (64 + 6 * 32) // 2 + 9 * 32,
    ("densenet", "block-out-169"): ((64 + 6 * 32) // 2 + 12 * 32) // 2 + 32 * 32,
    ("densenet", "dense-layer-params"): lambda: count(
        torchvision.models.densenet._DenseLayer(416, 32, 4, 0.0)
    ),
    ("comparison", "lenet-c1-macs"): 25 * 6 * 28 * 28,
    ("comparison", "vgg-conv12-macs"): 9 * 64 * 64 * 224 * 224 / 1e6,
    ("training", "synthetic-loss"): lambda: torch.nn.functional.cross_entropy(
        torch.zeros(1, 10), torch.tensor([3])
    ).item(),
    ("training", "ddp-steps"): lambda: _steps(60_000, 128, replicas=4),
}

# (page, id) -> words only the correct option contains
CORRECT_OPTION = {
    ("resnet", "residual-gradient"): "(I + J_F)",
    (
        "comparison",
        "params-vs-macs",
    ): "Parameters: the fully connected layers. MACs: the convolutions.",
    ("training", "amp-grad-scaler"): "exponent range is small",
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


def test_comparison_choice_is_what_vgg16_counts_say():
    fc_param_share, conv_mac_share = _vgg16_split()
    assert fc_param_share > 0.5 and conv_mac_share > 0.5


def test_float16_loses_small_gradients_that_scaling_or_bfloat16_keep():
    """The AMP option's facts, by experiment: float16 (1 sign, 5 exponent, 10 mantissa bits)
    flushes 1e-8 to zero, the same value times 2**16 survives, bfloat16 (8 exponent bits, 7
    mantissa bits) keeps it; so bfloat16 has the range and float16 the precision."""
    g = torch.tensor(1e-8)
    assert (
        g.half().item() == 0.0
        and (g * 2.0**16).half().item() > 0
        and g.bfloat16().item() > 0
    )
    assert torch.tensor(2.0**-24).half().item() == 2.0**-24 > 0
    assert torch.tensor(2.0**-26).half().item() == 0.0
    assert (
        torch.finfo(torch.float16).eps == 2.0**-10
        and torch.finfo(torch.bfloat16).eps == 2.0**-7
    )
    assert (g * 2.0**16).half().item() >= torch.finfo(
        torch.float16
    ).smallest_normal  # full precision


def test_every_question_is_checked_here(questions):
    ids = {(page, q) for page, qs in questions.items() for q in qs}
    assert ids == set(EXPECTED) | set(CORRECT_OPTION)


def test_question_counts_and_files(questions):
    files = sorted(p.stem for p in (ROOT / "docs" / "questions" / MODULE).glob("*.py"))
    assert files == SECTION_PAGES
    assert all(2 <= len(qs) <= 4 for qs in questions.values()), {
        p: len(qs) for p, qs in questions.items()
    }
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
