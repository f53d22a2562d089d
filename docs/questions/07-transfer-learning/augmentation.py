"""Self-check questions for docs/07-transfer-learning/augmentation.md.

The cutout square's clipped area is computed with ``augment.cutmix_box`` (the same box
geometry: half-sides rounded down, clipped to the image); the shear from its definition
(the test checks it against torchvision's ``affine``). No torchvision import here, which
would cost seconds.
"""

from __future__ import annotations

import math

from syllabus_code.augment import cutmix_box
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def _cutout_corner() -> Numeric:
    size, side, centre = 32, 16, (2, 2)
    # a box of area fraction 1 - lam has side sqrt(1 - lam) * size
    lam = 1 - (side / size) ** 2
    x1, y1, x2, y2 = cutmix_box(lam, size, size, centre)
    answer = (x2 - x1) * (y2 - y1)
    half = side // 2
    one_side = (x2 - x1) * side
    return Numeric(
        id="cutout-corner",
        prompt=(
            f"Cutout zeroes a {side}×{side} square of a {size}×{size} CIFAR-10 image, its centre "
            f"drawn uniformly over the image. The centre falls at row {centre[0]}, column "
            f"{centre[1]} (counting from 0). How many pixels are actually zeroed?"
        ),
        answer=answer,
        tolerance=0,
        unit="pixels",
        solution=(
            f"The square spans \\(\\pm {half}\\) around the centre: columns \\({centre[1]} - {half}\\) to "
            f"\\({centre[1]} + {half}\\), clipped to \\([{x1}, {x2})\\), and the same for the rows, "
            f"\\([{y1}, {y2})\\). The part inside the image is \\({x2 - x1}\\times{y2 - y1} = {answer}\\) "
            f"pixels, {100 * answer / side**2:.0f}% of the square: near a border cutout erases less."
        ),
        hint="The square may hang over the border: clip it to the image before counting.",
        mistakes=(
            Mistake(
                side * side,
                "The square hangs over the top-left corner; only its part inside the image is zeroed.",
            ),
            Mistake(
                one_side, "It is clipped on two sides here (top and left), not one."
            ),
        ),
    )


def _shear_top() -> Numeric:
    size, degrees = 9, 45.0
    centre_row = size // 2
    y_top = centre_row  # the top row is this many rows above the centre row
    answer = round(y_top * math.tan(math.radians(degrees)))
    from_bottom = round((size - 1) * math.tan(math.radians(degrees)))
    return Numeric(
        id="shear-top-row",
        prompt=(
            f"A {size}×{size} image holds a vertical stroke in its centre column. It is sheared "
            f"parallel to the x-axis by \\(\\varphi = {degrees:g}^\\circ\\) "
            f"(`TF.affine(img, angle=0.0, translate=[0, 0], scale=1.0, shear=[{degrees:g}, 0.0])`). "
            f"By how many pixels does the stroke's **top** pixel move sideways?"
        ),
        answer=answer,
        tolerance=0,
        unit="pixels",
        solution=(
            f"A shear maps \\((x, y) \\mapsto (x + y\\tan\\varphi,\\ y)\\), with \\(y\\) measured from "
            f"the centre row, about which the image is sheared. The top row is \\(y = {y_top}\\) "
            f"rows above it, so it moves \\({y_top}\\tan {degrees:g}^\\circ = {answer}\\) pixels; the "
            f"centre row does not move, and the bottom row moves {answer} the other way."
        ),
        hint="Measure \\(y\\) from the centre row: the shear is about the image centre.",
        mistakes=(
            Mistake(
                from_bottom,
                "The shear is about the image centre, not the bottom row: measure \\(y\\) from the centre row.",
            ),
            Mistake(
                0,
                "A shear moves every row except the centre one, by \\(y\\tan\\varphi\\).",
            ),
        ),
    )


def _digit_flips() -> Choice:
    return Choice(
        id="digits-no-flip",
        prompt=(
            '`augmentation_pipeline("digits")` and `augmentation_pipeline("photos")` differ. '
            "Which transformation does the digits pipeline leave out, and why?"
        ),
        options=(
            Option(
                "Horizontal flips: a mirrored 2 is not a 2, so a flip does not keep a digit's label.",
                True,
                "Right: augmentation may only use label-preserving transformations. A flipped cat is "
                "a cat; a flipped digit is not a digit (or is another one).",
            ),
            Option(
                "Small rotations: any rotation can turn a 6 into a 9.",
                False,
                "The digits pipeline does rotate, by up to 10°; only large rotations (about 180° for "
                "6 and 9) change the label.",
            ),
            Option(
                "Random erasing: a digit with a hidden part is unreadable.",
                False,
                "Both pipelines erase a small rectangle (2–20% of the image) a quarter of the time; "
                "it teaches the network not to rely on one region.",
            ),
            Option(
                "Gaussian noise: MNIST images have no sensor noise.",
                False,
                "Both pipelines add mild Gaussian noise (clipped to [0, 1]) as a stand-in for "
                "scanning and compression noise.",
            ),
        ),
        solution=(
            "The digits pipeline has small affine changes (rotation, shift, scale), brightness and "
            "contrast jitter, noise and erasing; the photos pipeline has random crops and "
            "horizontal flips instead of the affine changes."
        ),
    )


def _erasing_vs_cutout() -> Choice:
    return Choice(
        id="erasing-vs-cutout",
        prompt="How does random erasing (torchvision's `RandomErasing`) differ from cutout?",
        options=(
            Option(
                "Its rectangle's area and aspect ratio are drawn at random, it stays inside the "
                "image, and it is applied only with a probability \\(p\\).",
                True,
                "Right: cutout is a fixed square (16×16 on CIFAR-10), in every image, whose centre "
                "is uniform so that it may hang over the border. A fixed area, aspect ratio 1, a "
                "zero fill and \\(p = 1\\) make random erasing cutout, apart from the overhang.",
            ),
            Option(
                "Random erasing also changes the label, in proportion to the erased area.",
                False,
                "Neither method touches the label: that is what CutMix does, by pasting another "
                "image's pixels.",
            ),
            Option(
                "Random erasing always erases a fixed 16×16 square.",
                False,
                "That is cutout. Random erasing draws the rectangle's area as a random fraction of "
                "the image (2–20% in the course's pipeline) and its aspect ratio too.",
            ),
            Option(
                "There is no difference; the two names are used for the same transform.",
                False,
                "They were proposed the same month by different groups and differ in the shape, "
                "position and frequency of the erased region.",
            ),
        ),
        solution=(
            "Both occlude part of the image so that the network cannot rely on a single region; "
            "random erasing generalises cutout's fixed square."
        ),
    )


def questions() -> list[Numeric | Choice]:
    return [_cutout_corner(), _shear_top(), _digit_flips(), _erasing_vs_cutout()]
