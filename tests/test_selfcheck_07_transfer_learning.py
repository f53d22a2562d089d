"""Module 7's self-check questions: every answer recomputed by another route.

Hand formulas, torch's own cross-entropy with probability targets, torchvision's ``affine``
for the shear, and small experiments for the multiple-choice questions (a frozen BatchNorm in
training mode, draws from Beta(0.2, 0.2), the transforms of the two pipelines).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from selfcheck_helpers import by_id, load_page
from torch import nn

from syllabus_code.selfcheck import Choice, Numeric

ROOT = Path(__file__).resolve().parents[1]
MODULE = "07-transfer-learning"
SECTION_PAGES = sorted(
    p.stem
    for p in (ROOT / "docs" / MODULE).glob("*.md")
    if p.stem not in ("index", "exercises")
)


def load(page: str) -> dict[str, Numeric | Choice]:
    return by_id(load_page(MODULE, page))


def _shear_top_shift() -> int:
    from torchvision.transforms.v2 import functional as TF

    bar = torch.zeros(1, 9, 9)
    bar[0, :, 4] = 1
    sheared = TF.affine(bar, angle=0.0, translate=[0, 0], scale=1.0, shear=[45.0, 0.0])
    (col,) = torch.nonzero(sheared[0, 0] > 0.5)[:, 0].tolist()
    return abs(col - 4)


def _clipped(lo: int, hi: int, n: int) -> int:
    return min(hi, n) - max(lo, 0)


EXPECTED = {
    ("transfer-learning", "ft-lenet"): (84 * 10 + 10) + (120 * 84 + 84),
    ("transfer-learning", "fe-alexnet"): 4096 * 102 + 102,
    ("augmentation", "cutout-corner"): _clipped(2 - 8, 2 + 8, 32) ** 2,
    ("augmentation", "shear-top-row"): _shear_top_shift,
    ("mixup-cutmix", "mixup-pixel"): 0.3 * 0.8 + 0.7 * 0.2,
    ("mixup-cutmix", "cutmix-kept"): 1
    - _clipped(5 - 10, 5 + 10, 32) * _clipped(28 - 10, 28 + 10, 32) / 32**2,
    ("mixup-cutmix", "soft-ce"): lambda: F.cross_entropy(
        torch.tensor([[2.0, 0.0, -1.0]]), torch.tensor([[0.7, 0.3, 0.0]])
    ).item(),
}

CORRECT_OPTION = {
    ("transfer-learning", "frozen-bn"): "overwrite their running averages",
    (
        "transfer-learning",
        "digits-worst-strategy",
    ): "Feature extraction: trained to separate",
    ("augmentation", "digits-no-flip"): "Horizontal flips",
    ("augmentation", "erasing-vs-cutout"): "area and aspect ratio are drawn at random",
    ("mixup-cutmix", "beta-alpha"): "near 0 or near 1",
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


def test_a_batchnorm_frozen_by_requires_grad_alone_still_changes_in_training_mode():
    torch.manual_seed(0)
    bn = nn.BatchNorm2d(3)
    for p in bn.parameters():
        p.requires_grad_(False)
    before = bn.running_mean.clone()
    bn.train()(torch.randn(8, 3, 4, 4) + 5.0)
    assert not torch.equal(before, bn.running_mean)


def test_beta_of_small_alpha_puts_most_draws_near_0_or_1():
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        lam = torch.distributions.Beta(torch.tensor(0.2), torch.tensor(0.2)).sample(
            (20_000,)
        )
    assert ((lam < 0.1) | (lam > 0.9)).double().mean() > 0.5


def test_the_pipelines_have_the_transforms_the_options_describe():
    from torchvision.transforms import v2

    from syllabus_code.augment import augmentation_pipeline

    digits, photos = augmentation_pipeline("digits"), augmentation_pipeline("photos")
    kinds = lambda p: {type(t).__name__ for t in p.transforms}  # noqa: E731
    assert "RandomHorizontalFlip" in kinds(
        photos
    ) and "RandomHorizontalFlip" not in kinds(digits)
    (affine,) = [t for t in digits.transforms if isinstance(t, v2.RandomAffine)]
    assert list(affine.degrees) == [-10.0, 10.0]
    for p in (digits, photos):
        (erase,) = [t for t in p.transforms if isinstance(t, v2.RandomErasing)]
        assert erase.p == 0.25 and tuple(erase.scale) == (0.02, 0.2)
        assert "GaussianNoise" in kinds(p)


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


def test_the_digits_table_has_feature_extraction_lowest_in_every_column():
    """The digits choice rests on the page's measured table: feature extraction has the lowest
    mean at every label count, and full retraining and scratch are within each other's range."""
    text = (ROOT / "docs" / MODULE / "transfer-learning.md").read_text()
    section = text.split("## Similar domain, very few labels")[1].split("\n## ")[0]
    cell = re.compile(r"([\d.]+) \(([\d.]+)–([\d.]+)\)")  # mean (lowest–highest)
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and all(cell.fullmatch(c) for c in cells[1:]):
            rows[cells[0].split(" (")[0]] = [
                cell.fullmatch(c).groups() for c in cells[1:]
            ]
    assert set(rows) == {
        "feature extraction",
        "fine-tuning",
        "full retraining",
        "from scratch",
    }
    for col in range(3):
        mean = {k: float(v[col][0]) for k, v in rows.items()}
        assert min(mean, key=mean.get) == "feature extraction"
        lo_full, hi_full = map(float, rows["full retraining"][col][1:])
        lo_scr, hi_scr = map(float, rows["from scratch"][col][1:])
        assert lo_full <= hi_scr and lo_scr <= hi_full  # the seed ranges overlap


def test_centred_means_of_five_classes_span_at_most_four_directions():
    g = torch.Generator().manual_seed(0)
    means = torch.randn(5, 84, generator=g, dtype=torch.float64)
    assert torch.linalg.matrix_rank(means - means.mean(0)).item() == 4
