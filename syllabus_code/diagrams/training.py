"""Diagrams of Module 4: which axes batch normalisation averages over, and the residual shortcut
as a "gradient highway".

The batch-norm axes are read from the cache of :func:`~syllabus_code.numpy_nn.batchnorm.batchnorm_forward`
(its ``axes`` and ``m``) on a dense and a conv batch; the residual block's gradients come from
the dense layers' backward passes of :mod:`syllabus_code.numpy_nn`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from syllabus_code.numpy_nn import dense_backward, dense_forward, relu, relu_prime
from syllabus_code.numpy_nn.batchnorm import batchnorm_forward, init_batchnorm

from .draw import FONT, canvas, num

__all__ = [
    "BatchNormAxesSpec",
    "batchnorm_axes_spec",
    "batchnorm_axes_figure",
    "ResidualSpec",
    "residual_spec",
    "residual_figure",
]


# --- batch norm: which axes ------------------------------------------------------------------
@dataclass
class BatchNormAxesSpec:
    dense_shape: tuple
    dense_axes: tuple  # axis names averaged over, e.g. ("N",)
    dense_m: int  # values per feature
    conv_shape: tuple
    conv_axes: tuple  # e.g. ("N", "H", "W")
    conv_m: int
    feature: int  # the highlighted feature / channel (0-based)
    dense_axis_numbers: tuple = ()
    conv_axis_numbers: tuple = ()


def batchnorm_axes_spec(
    dense_shape=(4, 3), conv_shape=(2, 3, 4, 4), feature: int = 1
) -> BatchNormAxesSpec:
    rng = np.random.default_rng(0)
    read = {}
    for shape, names in ((dense_shape, ("N", "D")), (conv_shape, ("N", "C", "H", "W"))):
        gamma, beta, state = init_batchnorm(shape[1])
        _, cache = batchnorm_forward(rng.standard_normal(shape), gamma, beta, state)
        axes, m = cache[3], cache[5]
        read[len(shape)] = (tuple(names[a] for a in axes), m, tuple(axes))
    return BatchNormAxesSpec(
        tuple(dense_shape),
        *read[2][:2],
        tuple(conv_shape),
        *read[4][:2],
        feature,
        read[2][2],
        read[4][2],
    )


def batchnorm_axes_figure(spec: BatchNormAxesSpec, theme: str = "light"):
    cv = canvas(6.4, 3.2, theme)
    p = cv.p
    n, d = spec.dense_shape
    cell, top = 0.34, 2.45
    x0 = 0.55
    # dense: N x D table, one column highlighted
    for i in range(n):
        for j in range(d):
            hl = j == spec.feature
            cv.rect(
                x0 + j * cell,
                top - (i + 1) * cell,
                cell,
                cell,
                face=p.fill("operation" if hl else "activation"),
                edge=p.edge("activation"),
                lw=0.7,
            )
    cv.outline(
        x0 + spec.feature * cell, top - n * cell, cell, n * cell, "operation", lw=2.4
    )
    cv.text(
        x0 + d * cell / 2,
        top + 0.55,
        f"dense: $x$ is {' × '.join(map(str, spec.dense_shape))} (N × D)",
        size=FONT,
        weight="bold",
    )
    cv.text(
        x0 + d * cell / 2, top + 0.2, "D: features →", size=FONT - 1, colour=p.muted
    )
    cv.text(
        x0 - 0.12,
        top - n * cell / 2,
        "N: examples ↓",
        size=FONT - 1,
        colour=p.muted,
        rotation=90,
    )
    cv.text(
        x0 + d * cell / 2,
        top - n * cell - 0.2,
        f"one $\\mu_B, \\sigma_B^2$ per feature:\nmean over {', '.join(spec.dense_axes)}"
        f" (axis {spec.dense_axis_numbers[0]})\n= {spec.dense_m} values",
        size=FONT,
        va="top",
    )
    # conv: N x C table of H x W planes, one channel highlighted
    N, C, H, W = spec.conv_shape
    pc, gap = 0.15, 0.16
    plane = W * pc
    cx0 = 3.15
    for i in range(N):
        for j in range(C):
            hl = j == spec.feature
            px, py = cx0 + j * (plane + gap), top - (i + 1) * (H * pc) - i * gap
            cv.rect(
                px,
                py,
                plane,
                H * pc,
                face=p.fill("operation" if hl else "activation"),
                edge=p.edge("activation"),
                lw=0.8,
            )
            for t in range(1, H):
                cv.line(
                    px, py + t * pc, px + plane, py + t * pc, p.edge("activation"), 0.4
                )
                cv.line(
                    px + t * pc, py, px + t * pc, py + H * pc, p.edge("activation"), 0.4
                )
            if hl:
                cv.outline(px, py, plane, H * pc, "operation", lw=2.4)
    width = C * plane + (C - 1) * gap
    height = N * H * pc + (N - 1) * gap
    cv.text(
        cx0 + width / 2,
        top + 0.55,
        f"conv: $x$ is {' × '.join(map(str, spec.conv_shape))} (N × C × H × W)",
        size=FONT,
        weight="bold",
    )
    cv.text(
        cx0 + width / 2,
        top + 0.2,
        "C: channels →, each an H × W map",
        size=FONT - 1,
        colour=p.muted,
    )
    cv.text(
        cx0 - 0.12,
        top - height / 2,
        "N: examples ↓",
        size=FONT - 1,
        colour=p.muted,
        rotation=90,
    )
    cv.text(
        cx0 + width / 2,
        top - n * cell - 0.2,
        f"one $\\mu_B, \\sigma_B^2$ per channel:\nmean over {', '.join(spec.conv_axes)}"
        f" (axes {', '.join(map(str, spec.conv_axis_numbers))})"
        f"\n= {N}·{H}·{W} = {spec.conv_m} values",
        size=FONT,
        va="top",
    )
    return cv.fit()


# --- residual shortcut ----------------------------------------------------------------------
@dataclass
class ResidualSpec:
    x: list
    y: list
    grad_y: list  # ∂L/∂y, the upstream gradient
    grad_f: list  # (∂F/∂x)ᵀ ∂L/∂y, what comes back through the branch
    grad_x: list  # ∂L/∂x = ∂L/∂y + (∂F/∂x)ᵀ ∂L/∂y
    width: int


def residual_spec(width: int = 3, scale: float = 0.1, seed: int = 1) -> ResidualSpec:
    """y = x + F(x) with F = dense -> ReLU -> dense (small weights, as at initialisation).

    The backward pass adds the upstream gradient (identity path) to what the dense layers'
    backward passes return (the branch).
    """
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((1, width)).round(1)
    w1, w2 = (scale * rng.standard_normal((width, width)) for _ in range(2))
    b = np.zeros(width)
    h, c1 = dense_forward(x, w1, b)
    f, c2 = dense_forward(relu(h), w2, b)
    y = x + f
    grad_y = rng.standard_normal((1, width)).round(1)
    g_h, _, _ = dense_backward(grad_y, c2)
    grad_f, _, _ = dense_backward(g_h * relu_prime(h), c1)
    grad_x = grad_y + grad_f  # the two paths add at the fork
    return ResidualSpec(
        x[0].tolist(),
        y[0].tolist(),
        grad_y[0].tolist(),
        grad_f[0].tolist(),
        grad_x[0].tolist(),
        width,
    )


def _vec(values, fmt="{:.2f}"):
    return "[" + ", ".join(num(v, fmt) for v in values) + "]"


def residual_figure(spec: ResidualSpec, theme: str = "light"):
    cv = canvas(5.6, 3.8, theme)
    p = cv.p
    y0 = 1.9  # the forward line
    bw, bh = 0.78, 0.42
    cv.box(0.1, y0 - 0.22, 0.45, 0.44, "activation", "$x$", size=FONT + 1)
    centres = (1.12, 2.1, 3.08)
    for label, bx in zip(("weight\nlayer", "ReLU", "weight\nlayer"), centres):
        has_w = "weight" in label
        cv.box(
            bx - bw / 2,
            y0 - bh / 2 - 0.03,
            bw,
            bh + 0.06,
            "operation",
            label,
            size=FONT - 1,
            edge=p.edge("weight") if has_w else None,
            lw=2.0 if has_w else 1.4,
        )
    for a, b in zip((0.55 + bw / 2 - 0.38,) + centres[:-1], centres):
        start = 0.57 if a < centres[0] else a + bw / 2 + 0.02
        cv.arrow(start, y0, b - bw / 2 - 0.02, y0, p.ink, lw=1.2)
    px = 4.05
    cv.unit(px, y0, r=0.2, role="operation", text="+", size=FONT + 3)
    cv.arrow(centres[-1] + bw / 2 + 0.02, y0, px - 0.22, y0, p.ink, lw=1.2)
    cv.text(
        (centres[-1] + bw / 2 + px) / 2 - 0.02,
        y0 + 0.14,
        "$F(x)$",
        size=FONT - 1,
        va="bottom",
    )
    cv.box(4.6, y0 - 0.22, 0.45, 0.44, "activation", "$y$", size=FONT + 1)
    cv.arrow(px + 0.22, y0, 4.58, y0, p.ink, lw=1.2)
    # identity shortcut above, with the gradient that comes back along it
    g = p.edge("gradient")
    top = y0 + 0.95
    cv.line(0.32, y0 + 0.24, 0.32, top, p.ink, 1.6)
    cv.line(0.32, top, px, top, p.ink, 1.6)
    cv.arrow(px, top, px, y0 + 0.22, p.ink, lw=1.6)
    cv.text(2.1, top - 0.1, "identity shortcut: $x$ itself", size=FONT - 1, va="top")
    cv.arrow(px - 0.1, top + 0.2, 0.42, top + 0.2, g, lw=2.8)
    cv.text(
        2.2,
        top + 0.3,
        "gradient highway: $\\partial L/\\partial y$ comes back\n"
        "unchanged (the shortcut's Jacobian is $I$)",
        size=FONT - 1,
        va="bottom",
    )
    cv.text(4.85, y0 + 0.62, "$y = x + F(x)$", size=FONT)
    # the upstream gradient at y, and what comes back through the branch
    cv.text(
        4.85,
        y0 - 0.32,
        "$\\partial L/\\partial y$ =\n" + _vec(spec.grad_y, "{:.1f}"),
        size=FONT - 1,
        va="top",
    )
    by = y0 - 0.5
    cv.arrow(px, by, 0.42, by, g, lw=1.3, ls="--")
    cv.text(
        2.1,
        by - 0.1,
        "through $F$: $(\\partial F/\\partial x)^\\top\\,"
        "\\partial L/\\partial y$\n= " + _vec(spec.grad_f, "{:.3f}"),
        size=FONT - 1,
        va="top",
    )
    cv.text(
        0.1,
        by - 0.75,
        "at $x$ the two add:\n$\\partial L/\\partial x = \\partial L/\\partial y + "
        "(\\partial F/\\partial x)^\\top \\partial L/\\partial y$ = "
        + _vec(spec.grad_x, "{:.3f}"),
        size=FONT,
        ha="left",
        va="top",
    )
    return cv.fit()
