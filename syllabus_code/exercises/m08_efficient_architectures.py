"""Checkers for the Module 8 exercises (``docs/08-efficient-architectures/exercises.md``).

Expected answers are computed from the package's code (real layers, the scaling function),
not typed in.
"""

from __future__ import annotations

from torch import nn

from syllabus_code.exercises._verdict import as_float, as_int, as_sequence, verdict
from syllabus_code.models.efficientnet import (
    SqueezeExcitation,
    compound_scaling,
    flops_factor,
)
from syllabus_code.models.summary import count_parameters

__all__ = ["check_ex1", "check_ex2", "check_ex3", "check_ex4"]


# --8<-- [start:checks]
def check_ex1(answer) -> str:
    """Weights (no bias) of a 3×3 convolution 128 → 256 channels:
    (standard, depthwise separable)."""
    pair = as_sequence(answer, 2, "a pair (standard, separable) of ints")
    answer = [as_int(a) for a in pair]
    standard = count_parameters(nn.Conv2d(128, 256, 3, bias=False))
    separable = count_parameters(
        nn.Conv2d(128, 128, 3, groups=128, bias=False)
    ) + count_parameters(nn.Conv2d(128, 256, 1, bias=False))
    return verdict(
        answer == [standard, separable],
        f"({standard:,}, {separable:,}): {standard / separable:.2f} times fewer.",
        "standard: C_in·k²·C_out; "
        "separable: C_in·k² (depthwise) + C_in·C_out (pointwise).",
    )


def check_ex2(answer) -> str:
    """Multiply-adds of that layer on a 28×28 output, as a fraction of
    the standard one (4 decimals)."""
    # every weight is used once per output pixel in both layers
    expected = 1 / 256 + 1 / 9
    return verdict(
        abs(as_float(answer) - expected) < 5e-5,
        f"{expected:.4f} = 1/256 + 1/9; the 28×28 cancels, as C_in does.",
        "MACs = weights × output pixels for both layers, "
        "so the ratio is the weight ratio.",
    )


def check_ex3(answer) -> str:
    """compound_scaling(φ=2): (depth, width, resolution) multipliers and
    the FLOPs factor, 2 decimals each."""
    what = "4 numbers (depth, width, resolution, flops)"
    answer = [as_float(a) for a in as_sequence(answer, 4, what)]
    s = compound_scaling(2)
    expected = (s.depth, s.width, s.resolution, flops_factor() ** 2)
    ok = all(abs(a - e) < 0.006 for a, e in zip(answer, expected))
    shown = ", ".join(f"{e:.2f}" for e in expected)
    return verdict(
        ok,
        f"({shown}): FLOPs grow by (α·β²·γ²)² ≈ 3.69, a little under 4.",
        "depth α^φ, width β^φ, resolution γ^φ; FLOPs ∝ depth · width² · resolution².",
    )


def check_ex4(answer) -> str:
    """Parameters of the squeeze-and-excitation module of an MBConv block
    with input 40, expansion 6."""
    expected = count_parameters(SqueezeExcitation(240, 10))
    return verdict(
        as_int(answer) == expected,
        f"{expected:,}: two 1×1 convolutions 240→10 and 10→240, with biases.",
        "the SE works on the 6·40 = 240 expanded channels "
        "and squeezes to 40 // 4 = 10.",
    )


# --8<-- [end:checks]
