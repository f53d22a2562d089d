"""Module 9's self-check questions: every answer recomputed by another route.

Hand formulas, ``torch.nn.functional.layer_norm``, ``torch.nn.MultiheadAttention`` and
``torch.nn.TransformerEncoderLayer`` for the counts, torchvision's ``VisionTransformer`` for
the class token and position embeddings, and small experiments for the multiple-choice
questions.
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
MODULE = "09-vision-transformers"
SECTION_PAGES = sorted(
    p.stem
    for p in (ROOT / "docs" / MODULE).glob("*.md")
    if p.stem not in ("index", "exercises")
)


def load(page: str) -> dict[str, Numeric | Choice]:
    return by_id(load_page(MODULE, page))


def count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def _weight_on_k3() -> float:
    # q = (2, 1) against (1,0), (0,1), (1,1)
    scores = [2 * 1 + 1 * 0, 2 * 0 + 1 * 1, 2 * 1 + 1 * 1]
    e = [math.exp(s / math.sqrt(2)) for s in scores]
    return e[2] / sum(e)


def _torch_encoder_layer_params() -> int:
    layer = nn.TransformerEncoderLayer(
        d_model=32, nhead=4, dim_feedforward=128, norm_first=True
    )
    return count(layer)


def _torchvision_class_and_positions() -> int:
    from torchvision.models.vision_transformer import VisionTransformer

    vit = VisionTransformer(
        image_size=32,
        patch_size=8,
        num_layers=1,
        num_heads=4,
        hidden_dim=64,
        mlp_dim=128,
    )
    return vit.class_token.numel() + vit.encoder.pos_embedding.numel()


def _crossover_from_a_real_layer() -> int:
    """Per-token multiply-adds = entries of the weight matrices of torch's encoder layer (each is
    used once per token); the quadratic part is n*n*d for QK^T and again for AV."""
    d = 384
    layer = nn.TransformerEncoderLayer(
        d_model=d, nhead=6, dim_feedforward=4 * d, device="meta"
    )
    per_token = sum(
        p.numel()
        for name, p in layer.named_parameters()
        if name.endswith("weight") and p.dim() == 2
    )
    n = per_token // (2 * d)  # 2 n^2 d = n * per_token
    assert 2 * n * n * d == n * per_token
    return n


def _torchvision_sequence_length() -> int:
    from torchvision.models.vision_transformer import VisionTransformer

    return VisionTransformer(
        image_size=384,
        patch_size=32,
        num_layers=1,
        num_heads=1,
        hidden_dim=8,
        mlp_dim=8,
    ).seq_length


EXPECTED = {
    ("attention", "attention-weight"): _weight_on_k3,
    ("attention", "mha-params"): lambda: count(nn.MultiheadAttention(48, 6)),
    ("attention", "quadratic-crossover"): _crossover_from_a_real_layer,
    ("transformer-block", "block-params"): _torch_encoder_layer_params,
    ("transformer-block", "layer-norm"): lambda: F.layer_norm(
        torch.tensor(
            [[2.0, 4.0, 4.0, 10.0], [0.0, 0.0, 0.0, 4.0]], dtype=torch.float64
        ),
        (4,),
    )[0, -1].item(),
    ("vit", "sequence-length"): _torchvision_sequence_length,
    ("vit", "patch-embedding"): lambda: count(
        nn.Conv2d(3, 64, kernel_size=8, stride=8)
    ),
    ("vit", "class-and-positions"): _torchvision_class_and_positions,
}

CORRECT_OPTION = {
    ("attention", "why-sqrt-dk"): "has variance \\(d_k\\)",
    ("transformer-block", "permutation"): "permuted in the same way",
    ("transformer-block", "pre-norm"): "passes no normalisation",
    ("vit", "fixed-input-size"): "one learned position embedding per token",
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


def test_unit_variance_entries_give_scores_of_variance_d_k():
    g = torch.Generator().manual_seed(0)
    d = 64
    q, k = torch.randn(20_000, d, generator=g), torch.randn(20_000, d, generator=g)
    s = (q * k).sum(-1)
    assert (
        abs(s.var().item() / d - 1) < 0.05
        and abs((s / math.sqrt(d)).var().item() - 1) < 0.05
    )


def test_an_encoder_layer_without_positions_is_permutation_equivariant():
    torch.manual_seed(0)
    layer = nn.TransformerEncoderLayer(
        d_model=8,
        nhead=2,
        dim_feedforward=16,
        batch_first=True,
        norm_first=True,
        dropout=0.0,
    ).eval()
    x, perm = torch.randn(1, 5, 8), torch.tensor([2, 0, 4, 1, 3])
    with torch.no_grad():
        assert torch.allclose(layer(x[:, perm]), layer(x)[:, perm], atol=1e-6)


def test_vit_mini_refuses_another_multiple_of_its_patch_size_and_resnet_does_not():
    from syllabus_code.models.resnet import ResNet
    from syllabus_code.models.vit import vit_mini

    with pytest.raises(ValueError, match="expects input"):
        vit_mini()(torch.zeros(1, 3, 40, 40))
    assert ResNet.min_size == 1


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
