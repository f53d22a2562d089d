"""Self-check questions for docs/05-cnns/motivation.md."""

from __future__ import annotations

from syllabus_code import shapes
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

H, W, C, UNITS = 64, 64, 3, 500
K, C_OUT = 5, 32


def _n(x: int) -> str:
    """An integer with thousands separators that KaTeX spaces correctly."""
    return f"{x:,}".replace(",", "{,}")


def _dense() -> Numeric:
    n_in = H * W * C
    answer = shapes.dense_params(n_in, UNITS)
    return Numeric(
        id="dense-on-pixels",
        prompt=(
            f"A colour image of {H}×{W} pixels (3 channels) is flattened and fed to a fully "
            f"connected layer of {UNITS} units. How many parameters does that layer have, "
            f"biases included?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"The input has \\({H}\\cdot{W}\\cdot{C} = {_n(n_in)}\\) numbers; each unit has one "
            f"weight per input and one bias: \\({_n(n_in)}\\cdot{UNITS} + {UNITS} = "
            f"{_n(answer)}\\)."
        ),
        hint=r"\(n_\text{in} n_\text{out} + n_\text{out}\), with \(n_\text{in}\) = height × width × channels.",
        mistakes=(
            Mistake(
                float(shapes.dense_params(n_in, UNITS, bias=False)),
                f"That counts the weights only; add one bias per unit ({UNITS}).",
            ),
            Mistake(
                float(shapes.dense_params(H * W, UNITS)),
                "You left out the three colour "
                "channels: every pixel contributes three inputs.",
            ),
        ),
    )


def _conv() -> Numeric:
    answer = shapes.conv_params(K, K, C, C_OUT)
    return Numeric(
        id="conv-params",
        prompt=(
            f"A convolutional layer applies {C_OUT} filters of size {K}×{K} to the same "
            f"{H}×{W} RGB image. How many parameters does it have, biases included?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"Each filter spans all {C} input channels and has one bias: "
            f"\\(({K}\\cdot{K}\\cdot{C} + 1)\\cdot{C_OUT} = {_n(answer)}\\), whatever the "
            f"image size."
        ),
        hint=r"\((k_h k_w C_\text{in} + 1)\,C_\text{out}\); the image size does not enter.",
        mistakes=(
            Mistake(
                float(shapes.conv_params(K, K, C, C_OUT, bias=False)),
                "That counts the weights only; each filter also has a bias.",
            ),
            Mistake(
                float(shapes.conv_params(K, K, 1, C_OUT)),
                r"A filter spans **all** "
                r"\(C_\text{in}\) input channels: its kernel is \(k \times k \times C_\text{in}\).",
            ),
            Mistake(
                float(shapes.conv_params(K, K, C, C_OUT) * H * W),
                "The same kernel is shared by every position, so the count does not grow "
                "with the image.",
            ),
        ),
    )


def _stride_shift() -> Choice:
    return Choice(
        id="stride-equivariance",
        prompt=(
            "A convolution with stride 2 (no padding) is applied to an image, and then to the "
            "same image shifted right by **one** pixel. Away from the borders, how do the two "
            "outputs relate?"
        ),
        options=(
            Option(
                "In general the second is not a shifted copy of the first.",
                True,
                "Right: with stride 2 the layer samples the input at other positions after a "
                "one-pixel shift; it is equivariant only to shifts by multiples of 2.",
            ),
            Option(
                "The second is the first shifted by one position.",
                False,
                "That holds for stride 1; with stride 2 a shift by 2 pixels moves the output "
                "by one position.",
            ),
            Option(
                "They are equal: convolution is translation invariant.",
                False,
                "A convolution is equivariant, not invariant: its output moves with the input. "
                "Invariance is approximate, and built later by pooling.",
            ),
            Option(
                "The second is the first shifted by half a position.",
                False,
                "A feature map has no half positions; the strided layer just reads other "
                "input pixels.",
            ),
        ),
        solution=(
            "A layer with stride \\(s\\) is equivariant only to shifts by multiples of "
            "\\(s\\); the page's check finds no offset at which the outputs match."
        ),
    )


def questions():
    return [_dense(), _conv(), _stride_shift()]
