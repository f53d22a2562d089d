"""A conv layer drawn on grids: input channels, filters, output feature maps, and the first
output computed by :func:`~syllabus_code.numpy_nn.conv.conv2d_forward`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from syllabus_code.numpy_nn.conv import conv2d_forward

from ..draw import FONT, canvas, num


@dataclass
class ConvLayerSpec:
    c_in: int
    h: int
    w: int
    filters: int
    k: int
    h_out: int
    w_out: int
    params: int
    value: float  # out[0, 0, 0, 0]: the highlighted output of filter 1
    window_sum: float  # sum of (window * filter 1) over all channels, before the bias
    bias: float


def conv_layer_spec(
    c_in: int = 3, size: int = 5, filters: int = 2, k: int = 3, seed: int = 0
) -> ConvLayerSpec:
    """Run a conv layer (integer weights, one image) and read its sizes and first output."""
    rng = np.random.default_rng(seed)
    x = rng.integers(-2, 3, size=(1, c_in, size, size)).astype(float)
    w = rng.integers(-1, 2, size=(filters, c_in, k, k)).astype(float)
    b = np.arange(1, filters + 1, dtype=float)
    out, _ = conv2d_forward(x, w, b)
    window_sum = float(np.sum(x[0, :, :k, :k] * w[0]))
    return ConvLayerSpec(
        c_in=x.shape[1],
        h=x.shape[2],
        w=x.shape[3],
        filters=w.shape[0],
        k=w.shape[2],
        h_out=out.shape[2],
        w_out=out.shape[3],
        params=w.size + b.size,
        value=float(out[0, 0, 0, 0]),
        window_sum=window_sum,
        bias=float(b[0]),
    )


def _stack(
    cv,
    x,
    y,
    rows,
    cols,
    depth,
    cell,
    role,
    dx=0.14,
    dy=0.14,
    window=None,
    window_role="operation",
):
    """``depth`` grids of rows x cols cells, each drawn up and right of the one in front.

    (x, y) is the lower-left corner of the front grid. Returns its top-left corner.
    """
    p = cv.p
    for d in reversed(range(depth)):
        ox, oy = x + d * dx, y + d * dy
        cv.rect(
            ox,
            oy,
            cols * cell,
            rows * cell,
            face=p.fill(role),
            edge=p.edge(role),
            lw=1.1,
            z=2 + depth - d,
        )
        for i in range(1, rows):
            cv.line(
                ox,
                oy + i * cell,
                ox + cols * cell,
                oy + i * cell,
                p.edge(role),
                0.5,
                z=2 + depth - d,
            )
        for j in range(1, cols):
            cv.line(
                ox + j * cell,
                oy,
                ox + j * cell,
                oy + rows * cell,
                p.edge(role),
                0.5,
                z=2 + depth - d,
            )
    if window is not None:
        r, c, h, w = window
        cv.outline(
            x + c * cell,
            y + (rows - r - h) * cell,
            w * cell,
            h * cell,
            window_role,
            z=10,
        )
    return x, y + rows * cell


def conv_layer_figure(spec: ConvLayerSpec, theme: str = "light"):
    cell = 0.26
    cv = canvas(6.6, 3.6, theme)
    p = cv.p
    # input stack
    x0, y0 = 0.1, 0.95
    _stack(
        cv,
        x0,
        y0,
        spec.h,
        spec.w,
        spec.c_in,
        cell,
        "input",
        window=(0, 0, spec.k, spec.k),
    )
    cv.text(
        x0 + spec.w * cell / 2 + 0.15,
        0.4,
        f"input\n$C_{{in}} \\times H \\times W$ = {spec.c_in} × {spec.h} × {spec.w}",
    )
    # filters
    fx, fcell = 2.55, 0.2
    tops = []
    for f in range(spec.filters):
        fy = 2.2 - f * 1.1
        _stack(cv, fx, fy, spec.k, spec.k, spec.c_in, fcell, "weight", dx=0.1, dy=0.1)
        cv.text(fx + 0.4, fy - 0.14, f"filter {f + 1}, bias $b_{f + 1}$", size=FONT - 1)
        tops.append(fy + spec.k * fcell / 2)
    cv.text(
        fx + 0.4,
        0.4,
        f"{spec.filters} filters, each\n"
        f"$C_{{in}} \\times k \\times k$ = {spec.c_in} × {spec.k} × {spec.k}",
    )
    # output stack
    ox, oy = 4.85, 1.45
    _stack(
        cv,
        ox,
        oy,
        spec.h_out,
        spec.w_out,
        spec.filters,
        cell,
        "activation",
        dx=0.22,
        dy=0.22,
        window=(0, 0, 1, 1),
    )
    cv.text(
        ox + spec.w_out * cell / 2 + 0.2,
        0.4,
        f"output\n$F \\times H_{{out}} \\times W_{{out}}$\n= {spec.filters} × {spec.h_out}"
        f" × {spec.w_out}",
    )
    # arrows: window -> filter 1 -> output cell
    wx, wy = x0 + spec.k * cell, y0 + (spec.h - spec.k / 2) * cell
    cv.arrow(wx + 0.05, wy, fx - 0.08, tops[0], p.edge("operation"), lw=1.2)
    cv.arrow(
        fx + spec.k * fcell + 0.3,
        tops[0] + 0.1,
        ox - 0.06,
        oy + (spec.h_out - 0.5) * cell,
        p.edge("operation"),
        lw=1.2,
    )
    cv.text(
        3.3,
        3.45,
        f"$y_{{1}}[0, 0]$ = Σ(window ⊙ filter 1) + $b_1$ = {num(spec.window_sum)} + "
        f"{num(spec.bias)} = {num(spec.value)}",
        size=FONT,
    )
    cv.text(
        5.55,
        2.95,
        f"parameters\n({spec.k}·{spec.k}·{spec.c_in} + 1)·{spec.filters}"
        f" = {spec.params}",
        size=FONT - 1,
    )
    return cv.fit()
