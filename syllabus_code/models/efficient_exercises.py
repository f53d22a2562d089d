"""Checks for the Module 8 exercises: each ``check_exN(answer)`` returns a verdict string.

Expected answers are computed from the package's code (real layers, the scaling function),
not typed in.
"""

from __future__ import annotations

from collections.abc import Sequence

from torch import nn

from .efficientnet import SqueezeExcitation, compound_scaling, flops_factor
from .summary import count_parameters
from .._exercises import verdict as _verdict, as_int as _as_int, as_float as _as_float


# --8<-- [start:checks]
def check_ex1(answer: Sequence[int]) -> str:
    """Weights (no bias) of a 3×3 convolution 128 → 256 channels: (standard, depthwise separable)."""
    if not isinstance(answer, (list, tuple)) or len(answer) != 2:
        raise TypeError(f"answer must be a pair (standard, separable) of ints, got {answer!r}")
    standard = count_parameters(nn.Conv2d(128, 256, 3, bias=False))
    separable = (count_parameters(nn.Conv2d(128, 128, 3, groups=128, bias=False))
                 + count_parameters(nn.Conv2d(128, 256, 1, bias=False)))
    ok = [_as_int(a) for a in answer] == [standard, separable]
    return _verdict(ok, f"({standard:,}, {separable:,}): {standard / separable:.2f} times fewer.",
                    "standard: C_in·k²·C_out; separable: C_in·k² (depthwise) + C_in·C_out (pointwise).")


def check_ex2(answer: float) -> str:
    """Multiply-adds of that layer on a 28×28 output, as a fraction of the standard one (4 decimals)."""
    expected = 1 / 256 + 1 / 9  # every weight is used once per output pixel in both layers
    ok = abs(_as_float(answer) - expected) < 5e-5
    return _verdict(ok, f"{expected:.4f} = 1/256 + 1/9; the 28×28 cancels, as C_in does.",
                    "MACs = weights × output pixels for both layers, so the ratio is the weight ratio.")


def check_ex3(answer: Sequence[float]) -> str:
    """compound_scaling(φ=2): (depth, width, resolution) multipliers and the FLOPs factor, 2 decimals each."""
    if not isinstance(answer, (list, tuple)) or len(answer) != 4:
        raise TypeError(f"answer must be 4 numbers (depth, width, resolution, flops), got {answer!r}")
    s = compound_scaling(2)
    expected = (s.depth, s.width, s.resolution, flops_factor() ** 2)
    ok = all(abs(_as_float(a) - e) < 0.006 for a, e in zip(answer, expected))
    shown = ", ".join(f"{e:.2f}" for e in expected)
    return _verdict(ok, f"({shown}): FLOPs grow by (α·β²·γ²)² ≈ 3.69, a little under 4.",
                    "depth α^φ, width β^φ, resolution γ^φ; FLOPs ∝ depth · width² · resolution².")


def check_ex4(answer: int) -> str:
    """Parameters of the squeeze-and-excitation module of an MBConv block with input 40, expansion 6."""
    expected = count_parameters(SqueezeExcitation(240, 10))
    return _verdict(_as_int(answer) == expected,
                    f"{expected:,}: two 1×1 convolutions 240→10 and 10→240, with biases.",
                    "the SE works on the 6·40 = 240 expanded channels and squeezes to 40 // 4 = 10.")
# --8<-- [end:checks]
