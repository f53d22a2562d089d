"""Self-check questions for docs/07-transfer-learning/mixup-cutmix.md.

Every number from ``syllabus_code.augment`` on tiny tensors: ``mixup``, ``cutmix`` and
``soft_cross_entropy`` with a given λ (no random draw).
"""

from __future__ import annotations

import torch

from syllabus_code.augment import cutmix, cutmix_box, mixup, soft_cross_entropy
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def _mixup_pixel() -> Numeric:
    lam, a, b = 0.3, 0.8, 0.2
    x = torch.tensor([a, b], dtype=torch.float64).reshape(2, 1, 1, 1)
    y = torch.tensor([0, 1])
    mixed, soft, _ = mixup(x, y, num_classes=2, lam=lam, partner=torch.tensor([1, 0]))
    answer = mixed[0].item()
    swapped = mixup(x, y, num_classes=2, lam=1 - lam, partner=torch.tensor([1, 0]))[0][
        0
    ].item()
    half = mixup(x, y, num_classes=2, lam=0.5, partner=torch.tensor([1, 0]))[0][
        0
    ].item()
    return Numeric(
        id="mixup-pixel",
        prompt=(
            f"Mixup with \\(\\lambda = {lam}\\) mixes image \\(i\\), whose pixel is {a}, with its "
            f"partner \\(j\\), whose pixel at the same place is {b}. What is the mixed pixel "
            f"\\(\\tilde x\\)? Give two decimals."
        ),
        answer=answer,
        tolerance=0.005,
        solution=(
            f"\\(\\tilde x = \\lambda x_i + (1-\\lambda) x_j = {lam}\\cdot{a} + {1 - lam:g}\\cdot{b} "
            f"= {answer:.2f}\\). The label is mixed with the same weights: "
            f"\\(\\tilde y = ({soft[0, 0].item():g}, {soft[0, 1].item():g})\\)."
        ),
        hint="\\(\\lambda\\) weights image \\(i\\), \\(1 - \\lambda\\) its partner.",
        mistakes=(
            Mistake(
                swapped,
                "You put \\(\\lambda\\) on the partner: \\(\\lambda\\) weights image \\(i\\).",
            ),
            Mistake(
                half,
                "That is the plain average; mixup weights the two images by \\(\\lambda\\) and \\(1-\\lambda\\).",
            ),
        ),
    )


def _cutmix_kept() -> Numeric:
    lam, size, centre = 0.6, 32, (28, 5)
    x = torch.zeros(2, 1, size, size)
    y = torch.tensor([0, 1])
    _, soft, answer, box = cutmix(x, y, num_classes=2, lam=lam, center=centre)
    x1, y1, x2, y2 = box
    half = int(0.5 * (1 - lam) ** 0.5 * size)
    unclipped = 1 - (2 * half) ** 2 / size**2
    return Numeric(
        id="cutmix-kept",
        prompt=(
            f"CutMix on {size}×{size} images with \\(\\lambda = {lam}\\) puts the box's centre at "
            f"row {centre[0]}, column {centre[1]}. The half-sides are "
            f"\\(\\lfloor \\tfrac12\\sqrt{{1-\\lambda}}\\cdot{size} \\rfloor\\) and the box is clipped "
            f"to the image. What label weight \\(\\lambda'\\) does the kept image get? Three decimals."
        ),
        answer=answer,
        tolerance=0.0005,
        solution=(
            f"Half-sides \\(\\lfloor 0.5\\sqrt{{{1 - lam:g}}}\\cdot{size} \\rfloor = {half}\\). Columns "
            f"\\({centre[1]} \\pm {half}\\) clip to \\([{x1}, {x2})\\), rows \\({centre[0]} \\pm {half}\\) "
            f"to \\([{y1}, {y2})\\): the pasted box is \\({x2 - x1}\\times{y2 - y1} = {(x2 - x1) * (y2 - y1)}\\) "
            f"pixels, so \\(\\lambda' = 1 - {(x2 - x1) * (y2 - y1)}/{size * size} = {answer:.3f}\\), "
            f"more than the drawn {lam}: less was pasted."
        ),
        hint="Clip the box to the image, then \\(\\lambda' = 1 - \\text{box area}/(WH)\\).",
        mistakes=(
            Mistake(
                lam,
                "\\(\\lambda\\) is the drawn value; the box was clipped, so recompute the weight from the pasted area.",
            ),
            Mistake(
                unclipped,
                "The box sticks out of the image at the bottom and the left; clip it before measuring its area.",
            ),
            Mistake(
                1 - answer,
                "That is the partner's weight, the pasted fraction; the kept image gets \\(1 -\\) that.",
            ),
        ),
    )


def _soft_ce() -> Numeric:
    lam = 0.7
    logits = torch.tensor([[2.0, 0.0, -1.0]], dtype=torch.float64)
    target = torch.tensor([[lam, 1 - lam, 0.0]], dtype=torch.float64)
    answer = soft_cross_entropy(logits, target).item()
    ce = [
        soft_cross_entropy(logits, torch.eye(3, dtype=torch.float64)[c : c + 1]).item()
        for c in (0, 1)
    ]
    swapped = soft_cross_entropy(
        logits, torch.tensor([[1 - lam, lam, 0.0]], dtype=torch.float64)
    ).item()
    return Numeric(
        id="soft-ce",
        prompt=(
            f"A mixed example has the soft label \\(\\tilde y = ({lam}, {1 - lam:g}, 0)\\) (image "
            f"\\(i\\) of class 0, its partner of class 1, \\(\\lambda = {lam}\\)). The network gives "
            f"logits \\(z = (2, 0, -1)\\). What is the soft-target cross-entropy "
            f"\\(-\\sum_k \\tilde y_k \\log\\mathrm{{softmax}}(z)_k\\) (natural log)? Three decimals."
        ),
        answer=answer,
        tolerance=0.0005,
        solution=(
            f"The cross-entropy is linear in the target: "
            f"\\(\\lambda\\,\\mathrm{{CE}}(z, 0) + (1-\\lambda)\\,\\mathrm{{CE}}(z, 1) = "
            f"{lam}\\cdot{ce[0]:.4f} + {1 - lam:g}\\cdot{ce[1]:.4f} = {answer:.3f}\\), with "
            f"\\(\\mathrm{{CE}}(z, c) = \\log\\sum_k e^{{z_k}} - z_c\\)."
        ),
        hint="Use \\(\\lambda\\,\\mathrm{CE}(z, y_i) + (1-\\lambda)\\,\\mathrm{CE}(z, y_j)\\) with natural logarithms.",
        mistakes=(
            Mistake(
                ce[0],
                "That is the loss against the hard label 0 alone; the partner's class has weight 0.3.",
            ),
            Mistake(
                swapped,
                "The weights are swapped: \\(\\lambda = 0.7\\) belongs to class 0.",
            ),
        ),
    )


def _alpha() -> Choice:
    return Choice(
        id="beta-alpha",
        prompt="Mixup draws \\(\\lambda \\sim \\mathrm{Beta}(\\alpha, \\alpha)\\). With \\(\\alpha = 0.2\\), as used for ImageNet, most mixed examples are …",
        options=(
            Option(
                "… close to one of the two images: \\(\\lambda\\) is usually near 0 or near 1.",
                True,
                "Right: for \\(\\alpha < 1\\) the Beta density piles up at 0 and 1, so most examples "
                "are mildly mixed; \\(\\alpha \\to 0\\) means almost no mixing.",
            ),
            Option(
                "… mixed with a \\(\\lambda\\) uniform on [0, 1].",
                False,
                "That is \\(\\alpha = 1\\): Beta(1, 1) is the uniform distribution.",
            ),
            Option(
                "… half-and-half blends, \\(\\lambda\\) near ½.",
                False,
                "That happens for large \\(\\alpha\\), which concentrates \\(\\lambda\\) around ½.",
            ),
            Option(
                "… mixed with exactly \\(\\lambda = 0.2\\).",
                False,
                "\\(\\alpha\\) is a parameter of the distribution, not the mixing weight; "
                "\\(\\lambda\\) is drawn afresh for every batch.",
            ),
        ),
        solution="The symmetric Beta(α, α) has mean ½ for every α; α sets how spread out it is.",
    )


def questions() -> list[Numeric | Choice]:
    assert cutmix_box  # the box rule the solution describes
    return [_mixup_pixel(), _cutmix_kept(), _soft_ce(), _alpha()]
