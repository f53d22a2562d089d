"""Self-check questions for docs/08-efficient-architectures/depthwise-separable.md.

Costs from ``models.mobilenet`` (``separable_conv_params``, ``standard_conv_params``,
``separable_cost_ratio``), one ``DepthwiseSeparable`` block built on a CPU, and map sizes
from ``shapes.conv_output_size`` along MobileNet v1's stride table ``CFG`` (no whole model).
"""

from __future__ import annotations

from syllabus_code.models.mobilenet import (
    CFG,
    DepthwiseSeparable,
    separable_conv_params,
    separable_cost_ratio,
    standard_conv_params,
)
from syllabus_code.selfcheck import Choice, Mistake, Numeric
from syllabus_code.shapes import conv_output_size


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _separable_params() -> Numeric:
    c_in, c_out, k = 64, 128, 3
    answer = separable_conv_params(c_in, c_out, k)
    standard = standard_conv_params(c_in, c_out, k)
    pointwise = c_in * c_out
    full_depthwise = standard_conv_params(c_in, c_in, k) + pointwise
    return Numeric(
        id="separable-weights",
        prompt=(
            f"How many weights (no biases) has a depthwise separable \\({k}\\times{k}\\) convolution "
            f"from \\(C_\\text{{in}} = {c_in}\\) to \\(C_\\text{{out}} = {c_out}\\) channels?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Depthwise: one \\({k}\\times{k}\\) filter per input channel, \\(C_\\text{{in}} k^2 = "
            f"{c_in}\\cdot{k * k} = {c_in * k * k}\\). Pointwise: \\(C_\\text{{in}} C_\\text{{out}} = "
            f"{_m(pointwise)}\\). Total \\({_m(answer)}\\), against \\(C_\\text{{in}} k^2 C_\\text{{out}} "
            f"= {_m(standard)}\\) for a standard convolution ({standard / answer:.1f} times more)."
        ),
        hint="Depthwise: \\(C_\\text{in} k^2\\); pointwise: \\(C_\\text{in} C_\\text{out}\\).",
        mistakes=(
            Mistake(
                standard,
                "That is the standard convolution, the one the separable pair replaces.",
            ),
            Mistake(
                pointwise,
                "You counted the pointwise 1×1 layer only; the depthwise layer has \\(C_\\text{in} k^2\\) weights.",
            ),
            Mistake(
                full_depthwise,
                "The depthwise layer filters each channel on its own (`groups = C_in`): "
                "one \\(k\\times k\\) filter per channel, not a full convolution.",
            ),
        ),
    )


def _cost_fraction() -> Numeric:
    c_out, k = 256, 5
    answer = separable_cost_ratio(c_out, k)
    return Numeric(
        id="cost-fraction",
        prompt=(
            f"What fraction of a standard \\({k}\\times{k}\\) convolution's multiply-adds does a "
            f"depthwise separable one keep, for \\(C_\\text{{out}} = {c_out}\\)? Four decimals."
        ),
        answer=answer,
        tolerance=0.00005,
        solution=(
            f"\\(\\dfrac{{C_\\text{{in}} k^2 + C_\\text{{in}} C_\\text{{out}}}}{{C_\\text{{in}} k^2 C_\\text{{out}}}} "
            f"= \\dfrac{{1}}{{C_\\text{{out}}}} + \\dfrac{{1}}{{k^2}} = \\dfrac{{1}}{{{c_out}}} + "
            f"\\dfrac{{1}}{{{k * k}}} = {answer:.4f}\\): \\(C_\\text{{in}}\\) and the output size "
            f"cancel, and the separable layer is {1 / answer:.1f} times cheaper."
        ),
        hint="Separable over standard is \\(1/C_\\text{out} + 1/k^2\\); \\(C_\\text{in}\\) cancels.",
        mistakes=(
            Mistake(
                1 / answer,
                "That is the reduction factor, how many times cheaper; the question asks "
                "for the fraction kept, its reciprocal.",
            ),
            Mistake(
                1 / c_out + 1 / k,
                "The depthwise filter has \\(k^2\\) weights per channel: the second term is \\(1/k^2\\).",
            ),
            Mistake(1 / k**2, "Keep the pointwise term \\(1/C_\\text{out}\\) as well."),
        ),
    )


def _block_params() -> Numeric:
    c_in, c_out = 96, 192
    block = DepthwiseSeparable(c_in, c_out)
    answer = sum(p.numel() for p in block.parameters())
    convs = sum(
        m.weight.numel() for m in block.modules() if m.__class__.__name__ == "Conv2d"
    )
    bn = answer - convs
    return Numeric(
        id="mobilenet-block",
        prompt=(
            f"MobileNet v1's `DepthwiseSeparable({c_in}, {c_out})` is a 3×3 depthwise convolution, "
            f"BatchNorm, ReLU, then a 1×1 pointwise convolution, BatchNorm, ReLU (convolutions "
            f"without bias). How many parameters does it have?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Depthwise \\(9\\cdot{c_in} = {9 * c_in}\\), pointwise \\({c_in}\\cdot{c_out} = {_m(c_in * c_out)}\\); "
            f"BatchNorms \\(2\\cdot{c_in} + 2\\cdot{c_out} = {bn}\\). Total \\({_m(answer)}\\): "
            f"{100 * c_in * c_out / answer:.0f}% of it is the pointwise layer."
        ),
        hint="Two convolutions (depthwise \\(9C_\\text{in}\\), pointwise \\(C_\\text{in}C_\\text{out}\\)) and two BatchNorms with 2 parameters per channel.",
        mistakes=(
            Mistake(
                convs,
                "Each convolution is followed by a BatchNorm that learns a scale and a shift per channel.",
            ),
            Mistake(
                convs + 2 * bn,
                "BatchNorm's running mean and variance are buffers, not parameters.",
            ),
        ),
    )


def _resolution() -> Numeric:
    def last_side(n: int) -> int:
        n = conv_output_size(n, 3, 2, 1)  # the stem: 3x3, stride 2, padding 1
        for _, stride in CFG:  # each depthwise 3x3 has padding 1
            n = conv_output_size(n, 3, stride, 1)
        return n

    small, base = 160, 224
    s, b = last_side(small), last_side(base)
    answer = s * s / (b * b)
    rho = small / base
    return Numeric(
        id="resolution-multiplier",
        prompt=(
            f"MobileNet v1 is fed {small}×{small} images instead of {base}×{base} (resolution "
            f"multiplier \\(\\rho = {small}/{base}\\)). By what factor do the multiply-adds of its "
            f"last separable layer change? Three decimals."
        ),
        answer=answer,
        tolerance=0.0005,
        solution=(
            f"The network divides the side by 32: the last map is \\({s}\\times{s}\\) instead of "
            f"\\({b}\\times{b}\\). The weights are the same, and MACs are weights × output pixels, "
            f"so the factor is \\({s}^2/{b}^2 = {answer:.3f} = \\rho^2\\). The parameters do not change."
        ),
        hint="MACs scale with the number of output pixels, which shrinks on both axes.",
        mistakes=(
            Mistake(
                rho,
                "The map shrinks by \\(\\rho\\) on each side, so the pixel count shrinks by \\(\\rho^2\\).",
            ),
            Mistake(
                1.0,
                "The parameters stay the same, but each weight is applied at fewer pixels.",
            ),
        ),
    )


def questions() -> list[Numeric | Choice]:
    return [_separable_params(), _cost_fraction(), _block_params(), _resolution()]
