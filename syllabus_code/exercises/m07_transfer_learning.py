"""Checkers for the Module 7 exercises (``docs/07-transfer-learning/exercises.md``).

The expected answers are computed by the course code (``transfer``, ``augment``), not typed in.
"""

from __future__ import annotations

import torch

from syllabus_code.augment import cutmix, mixup
from syllabus_code.exercises._verdict import (
    as_float,
    as_function,
    as_int,
    not_yet,
    verdict,
)
from syllabus_code.models import get_model
from syllabus_code.transfer import prepare, trainable_parameters

__all__ = ["check_ex1", "check_ex2", "check_ex3", "check_ex4"]


def check_ex1(answer) -> str:
    """Trainable parameters of ResNet-18 prepared for feature extraction
    with 10 classes."""
    answer = as_int(answer)
    with torch.device("meta"):
        model = get_model("resnet18")
    prepare(model, "feature-extraction", 10, lr=1e-3)
    expected = trainable_parameters(model)
    return verdict(
        answer == expected,
        f"only the new head trains: 512 x 10 weights + 10 biases = {expected:,}.",
        "count the weights and biases of the new head only; "
        "ResNet-18's pooled feature has 512 entries.",
    )


def check_ex2(answer) -> str:
    """CutMix on 32x32 images with lambda = 0.75 and the box centred at
    row 2, column 30: the label weight kept."""
    answer = as_float(answer)
    x, y = torch.zeros(2, 1, 32, 32), torch.tensor([0, 1])
    _, _, expected, box = cutmix(x, y, 2, lam=0.75, center=(2, 30))
    area = (box[2] - box[0]) * (box[3] - box[1])
    return verdict(
        abs(answer - expected) < 1e-6,
        f"the clipped box {box} covers {area} pixels, "
        f"so the kept weight is {expected:.6f}, not 0.75.",
        "the unclipped box is 16 x 16; clip it to the image "
        "and use the area actually pasted.",
    )


def check_ex3(answer) -> str:
    """``answer(x, t, lam, partner) -> (x_mixed, t_mixed)`` implements mixup
    for one-hot targets ``t``."""
    fn = as_function(answer)
    g = torch.Generator().manual_seed(7)
    x, y = torch.rand(5, 1, 6, 6, generator=g), torch.randint(0, 3, (5,), generator=g)
    partner = torch.tensor([2, 4, 0, 1, 3])
    t = torch.nn.functional.one_hot(y, 3).float()
    for lam in (0.0, 0.3, 0.9):
        ex, et, _ = mixup(x, y, 3, lam=lam, partner=partner)
        gx, gt = fn(x, t, lam, partner)
        if not (
            torch.allclose(gx, ex, atol=1e-6) and torch.allclose(gt, et, atol=1e-6)
        ):
            return not_yet(
                f"with lam = {lam} your images or labels differ from "
                "lam*x + (1-lam)*x[partner]."
            )
    return (
        "Correct: images and one-hot labels are mixed with the same lambda, "
        "as the definition says."
    )


def check_ex4(answer) -> str:
    """The strategy for each scenario: keys "a", "b", "c";
    values from transfer.STRATEGIES."""
    expected = {"a": "feature-extraction", "b": "fine-tuning", "c": "full"}
    if not isinstance(answer, dict) or set(answer) != set(expected):
        raise TypeError(
            f"answer must be a dict with keys 'a', 'b', 'c', got {answer!r}"
        )
    wrong = sorted(k for k in expected if answer[k] != expected[k])
    return verdict(
        not wrong,
        "small and similar: freeze; medium: fine-tune the top; "
        "large and different: train all.",
        f"reconsider scenario(s) {', '.join(wrong)}: how much data is there, "
        "and how close is the domain?",
    )
