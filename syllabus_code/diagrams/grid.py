"""Diagrams of Module 5 drawn on grids of cells: a conv layer, stride and padding, the
receptive field of a stack, and max and average pooling.

Each ``*_spec`` function builds the package object the picture shows (a conv layer run with
:func:`~syllabus_code.numpy_nn.conv.conv2d_forward`, the output-size and receptive-field rules of
:mod:`syllabus_code.shapes`, the pooling layers of :mod:`syllabus_code.numpy_nn.pooling`) and
returns the numbers drawn; each ``*_figure`` draws only from that spec.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from syllabus_code.numpy_nn.conv import conv2d_forward
from syllabus_code.numpy_nn.pooling import avg_pool_forward, max_pool_forward
from syllabus_code.shapes import conv_output_size, layer_stride, receptive_field

from .draw import FONT, canvas, num

__all__ = ["ConvLayerSpec", "conv_layer_spec", "conv_layer_figure",
           "PaddingCase", "stride_padding_spec", "stride_padding_figure",
           "ReceptiveFieldSpec", "receptive_field_spec", "receptive_field_figure",
           "PoolingSpec", "pooling_spec", "pooling_figure", "RF_STACK"]


# --- a conv layer: input channels, filters, output feature maps --------------------------------
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
    value: float          # out[0, 0, 0, 0]: the highlighted output of filter 1
    window_sum: float     # sum of (window * filter 1) over all channels, before the bias
    bias: float


def conv_layer_spec(c_in: int = 3, size: int = 5, filters: int = 2, k: int = 3,
                    seed: int = 0) -> ConvLayerSpec:
    """Run a conv layer (integer weights, one image) and read its sizes and first output."""
    rng = np.random.default_rng(seed)
    x = rng.integers(-2, 3, size=(1, c_in, size, size)).astype(float)
    w = rng.integers(-1, 2, size=(filters, c_in, k, k)).astype(float)
    b = np.arange(1, filters + 1, dtype=float)
    out, _ = conv2d_forward(x, w, b)
    window_sum = float(np.sum(x[0, :, :k, :k] * w[0]))
    return ConvLayerSpec(c_in=x.shape[1], h=x.shape[2], w=x.shape[3], filters=w.shape[0],
                         k=w.shape[2], h_out=out.shape[2], w_out=out.shape[3],
                         params=w.size + b.size, value=float(out[0, 0, 0, 0]),
                         window_sum=window_sum, bias=float(b[0]))


def _stack(cv, x, y, rows, cols, depth, cell, role, dx=0.14, dy=0.14, window=None,
           window_role="operation"):
    """``depth`` grids of rows x cols cells, each drawn up and right of the one in front.

    (x, y) is the lower-left corner of the front grid. Returns its top-left corner.
    """
    p = cv.p
    for d in reversed(range(depth)):
        ox, oy = x + d * dx, y + d * dy
        cv.rect(ox, oy, cols * cell, rows * cell, face=p.fill(role), edge=p.edge(role), lw=1.1,
                z=2 + depth - d)
        for i in range(1, rows):
            cv.line(ox, oy + i * cell, ox + cols * cell, oy + i * cell, p.edge(role), 0.5,
                    z=2 + depth - d)
        for j in range(1, cols):
            cv.line(ox + j * cell, oy, ox + j * cell, oy + rows * cell, p.edge(role), 0.5,
                    z=2 + depth - d)
    if window is not None:
        r, c, h, w = window
        cv.outline(x + c * cell, y + (rows - r - h) * cell, w * cell, h * cell, window_role,
                   z=10)
    return x, y + rows * cell


def conv_layer_figure(spec: ConvLayerSpec, theme: str = "light"):
    cell = 0.26
    cv = canvas(6.6, 3.6, theme)
    p = cv.p
    # input stack
    x0, y0 = 0.1, 0.95
    _stack(cv, x0, y0, spec.h, spec.w, spec.c_in, cell, "input", window=(0, 0, spec.k, spec.k))
    cv.text(x0 + spec.w * cell / 2 + 0.15, 0.4,
            f"input\n$C_{{in}} \\times H \\times W$ = {spec.c_in} × {spec.h} × {spec.w}")
    # filters
    fx, fcell = 2.55, 0.2
    tops = []
    for f in range(spec.filters):
        fy = 2.2 - f * 1.1
        _stack(cv, fx, fy, spec.k, spec.k, spec.c_in, fcell, "weight", dx=0.1, dy=0.1)
        cv.text(fx + 0.4, fy - 0.14, f"filter {f + 1}, bias $b_{f + 1}$", size=FONT - 1)
        tops.append(fy + spec.k * fcell / 2)
    cv.text(fx + 0.4, 0.4, f"{spec.filters} filters, each\n"
            f"$C_{{in}} \\times k \\times k$ = {spec.c_in} × {spec.k} × {spec.k}")
    # output stack
    ox, oy = 4.85, 1.45
    _stack(cv, ox, oy, spec.h_out, spec.w_out, spec.filters, cell, "activation",
           dx=0.22, dy=0.22, window=(0, 0, 1, 1))
    cv.text(ox + spec.w_out * cell / 2 + 0.2, 0.4,
            f"output\n$F \\times H_{{out}} \\times W_{{out}}$\n= {spec.filters} × {spec.h_out}"
            f" × {spec.w_out}")
    # arrows: window -> filter 1 -> output cell
    wx, wy = x0 + spec.k * cell, y0 + (spec.h - spec.k / 2) * cell
    cv.arrow(wx + 0.05, wy, fx - 0.08, tops[0], p.edge("operation"), lw=1.2)
    cv.arrow(fx + spec.k * fcell + 0.3, tops[0] + 0.1, ox - 0.06,
             oy + (spec.h_out - 0.5) * cell, p.edge("operation"), lw=1.2)
    cv.text(3.3, 3.45,
            f"$y_{{1}}[0, 0]$ = Σ(window ⊙ filter 1) + $b_1$ = {num(spec.window_sum)} + "
            f"{num(spec.bias)} = {num(spec.value)}", size=FONT)
    cv.text(5.55, 2.95, f"parameters\n({spec.k}·{spec.k}·{spec.c_in} + 1)·{spec.filters}"
            f" = {spec.params}", size=FONT - 1)
    return cv.fit()


# --- stride and padding ------------------------------------------------------------------------
@dataclass
class PaddingCase:
    n: int
    k: int
    s: int
    p: int
    n_out: int
    exact: bool               # whether (n - k + 2p) is a multiple of s
    unread: int               # trailing rows/columns of the padded input no window reads
    title: str = ""


def stride_padding_spec(cases=((5, 3, 1, 1), (5, 3, 2, 1), (6, 3, 2, 0))) -> list[PaddingCase]:
    """Each (n, k, s, p) with its output size from
    :func:`~syllabus_code.shapes.conv_output_size`."""
    out = []
    for n, k, s, p in cases:
        n_out = conv_output_size(n, k, s, p)
        last = (n_out - 1) * s + k            # padded positions read by the last window
        title = ("'same' padding" if s == 1 and n_out == n else f"stride {s}, padding {p}")
        if (n - k + 2 * p) % s:
            title = f"stride {s}, no padding: the floor"
        out.append(PaddingCase(n, k, s, p, n_out, (n - k + 2 * p) % s == 0, n + 2 * p - last,
                               title))
    return out


def _formula(c: PaddingCase) -> str:
    num = c.n - c.k + 2 * c.p
    frac = f"{num}/{c.s}" if c.s > 1 else f"{num}"
    value = f"{num / c.s:g}"
    inner = f"⌊({c.n} − {c.k} + 2·{c.p})/{c.s}⌋ + 1"
    if c.exact:
        return f"{inner} = {value} + 1 = {c.n_out}"
    return f"{inner} = ⌊{frac}⌋ + 1 = ⌊{value}⌋ + 1 = {c.n_out}"


def stride_padding_figure(spec: list[PaddingCase], theme: str = "light"):
    cell = 0.27
    heights = [(c.n + 2 * c.p) * cell + 1.2 for c in spec]
    cv = canvas(6.4, sum(heights) + 0.1, theme)
    p = cv.p
    for r, c in enumerate(spec):
        top = sum(heights) - sum(heights[:r]) - 0.05
        cv.text(0.05, top, f"{c.title}:", ha="left", va="top", size=FONT + 1, weight="bold")
        cv.text(0.05, top - 0.27, f"n = {c.n}, k = {c.k}, s = {c.s}, p = {c.p}", ha="left",
                va="top", size=FONT)
        cv.text(0.05, top - 0.52, "$n_{out}$ = " + _formula(c), ha="left", va="top")
        m = c.n + 2 * c.p
        gx, gy = 0.1, top - 0.8            # top-left of the padded input grid
        for i in range(m):
            for j in range(m):
                pad = not (c.p <= i < c.p + c.n and c.p <= j < c.p + c.n)
                unread = i >= m - c.unread or j >= m - c.unread
                x, y = gx + j * cell, gy - (i + 1) * cell
                if pad:
                    cv.rect(x, y, cell, cell, edge=p.muted, lw=0.6, ls="--")
                    cv.text(x + cell / 2, y + cell / 2, "0", size=FONT - 2, colour=p.muted)
                else:
                    cv.rect(x, y, cell, cell, face=p.fill("input"), edge=p.edge("input"), lw=0.6)
                if unread:
                    cv.rect(x, y, cell, cell, face="none", edge=p.muted, lw=0, z=3)
                    cv.line(x, y, x + cell, y + cell, p.muted, 0.8, z=3)
                    cv.line(x, y + cell, x + cell, y, p.muted, 0.8, z=3)
        # the windows of outputs (0, 0) and (0, 1)
        styles = (("operation", "-"), ("weight", "--"))
        for j, (role, ls) in enumerate(styles[:c.n_out]):
            cv.outline(gx + j * c.s * cell, gy - c.k * cell, c.k * cell, c.k * cell, role,
                       lw=2.4, ls=ls, z=6 + j)
        # output grid
        ox = gx + m * cell + 0.7
        cv.arrow(gx + m * cell + 0.1, gy - m * cell / 2, ox - 0.1, gy - m * cell / 2)
        for i in range(c.n_out):
            for j in range(c.n_out):
                cv.rect(ox + j * cell, gy - (i + 1) * cell, cell, cell,
                        face=p.fill("activation"), edge=p.edge("activation"), lw=0.6)
        for j, (role, ls) in enumerate(styles[:c.n_out]):
            cv.outline(ox + j * cell, gy - cell, cell, cell, role, lw=2.4, ls=ls)
        note = f"output {c.n_out} × {c.n_out}"
        if c.unread:
            note += f"\n×: never read\n(last {c.unread} row\nand column)"
        elif c.p:
            note += f"\n0: padding,\n{c.p} on each side"
        cv.text(ox, gy - c.n_out * cell - 0.1, note, ha="left", va="top", size=FONT - 1)
    return cv.fit()


# --- receptive field of a stack ---------------------------------------------------------------
RF_STACK = ({"k": 3, "s": 1}, {"k": 3, "s": 2}, {"k": 2, "s": 2}, {"k": 3, "s": 1})
"""The stack of the receptive-field page (its gradient check builds the same one in PyTorch)."""


@dataclass
class ReceptiveFieldSpec:
    layers: list                      # the stack's dicts
    rf: list                          # receptive field after each layer (shapes.receptive_field)
    spans: list = field(default_factory=list)   # per row (input first): units feeding the top
    centres: list = field(default_factory=list)  # x of those units, in input pixels


def receptive_field_spec(layers=RF_STACK) -> ReceptiveFieldSpec:
    """The receptive field after each layer, and which units of every layer feed one top unit.

    The spans are found by walking down from the top unit (a unit i of layer l reads units
    i*s .. i*s + k - 1 of the layer below), independently of the recurrence in ``rf``.
    """
    layers = [dict(l) for l in layers]
    rf = receptive_field(layers)
    strides = [layer_stride(l, i) for i, l in enumerate(layers)]
    lo, hi, spans = 0, 0, [(0, 0)]
    for l in reversed(layers):
        s = layer_stride(l)
        lo, hi = lo * s, hi * s + l["k"] - 1
        spans.append((lo, hi))
    spans = spans[::-1]                                   # input first, the top unit last
    centres, jump, field_ = [], 1, 1
    for row, (lo, hi) in enumerate(spans):
        centres.append([i * jump + (field_ - 1) / 2 for i in range(lo, hi + 1)])
        if row < len(layers):
            field_ += (layers[row]["k"] - 1) * jump
            jump *= strides[row]
    return ReceptiveFieldSpec(layers, rf, spans, centres)


def receptive_field_figure(spec: ReceptiveFieldSpec, theme: str = "light"):
    n_in = spec.spans[0][1] - spec.spans[0][0] + 1
    cell, gap = 0.3, 0.72
    width = n_in * cell + 2.0
    cv = canvas(width, gap * len(spec.spans) + 0.45, theme)
    p = cv.p
    y_of = [0.3 + gap * r for r in range(len(spec.spans))]
    x_of = lambda c: 0.1 + (c + 0.5) * cell   # noqa: E731 - centre of input pixel c
    # connections: each unit to the k units below it that it reads
    for row in range(1, len(spec.spans)):
        layer, s = spec.layers[row - 1], layer_stride(spec.layers[row - 1])
        lo_below = spec.spans[row - 1][0]
        for i, cx in zip(range(spec.spans[row][0], spec.spans[row][1] + 1), spec.centres[row]):
            for t in range(layer["k"]):
                below = spec.centres[row - 1][i * s + t - lo_below]
                cv.line(x_of(cx), y_of[row] - 0.11, x_of(below), y_of[row - 1] + 0.11,
                        p.edge("weight"), 0.7, z=1)
    for row, centres in enumerate(spec.centres):
        role = "input" if row == 0 else "activation"
        for cx in centres:
            if row == 0:
                cv.rect(x_of(cx) - cell / 2, y_of[0] - cell / 2, cell, cell, face=p.fill(role),
                        edge=p.edge(role), lw=0.8, z=2)
            else:
                cv.unit(x_of(cx), y_of[row], r=0.11, role=role)
        if row == 0:
            label = f"input: {n_in} pixels"
        else:
            layer = spec.layers[row - 1]
            label = f"k={layer['k']}, s={layer_stride(layer)}: RF = {spec.rf[row - 1]}"
        cv.text(0.1 + n_in * cell + 0.12, y_of[row], label, ha="left", size=FONT)
    cv.text(0.1 + n_in * cell / 2, y_of[-1] + 0.3, "one unit of the last layer", size=FONT)
    return cv.fit()


# --- pooling ----------------------------------------------------------------------------------
@dataclass
class PoolingSpec:
    x: list          # the 4 x 4 input
    k: int
    s: int
    max_out: list
    avg_out: list
    argmax: list     # (row, col) in x of each window's (first) maximum


def pooling_spec(seed: int = 3, size: int = 4, k: int = 2) -> PoolingSpec:
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 10, size=(1, 1, size, size)).astype(float)
    mx, (_, arg, k_, s) = max_pool_forward(x, k)
    av, _ = avg_pool_forward(x, k)
    where = [[(i * s + int(a) // k, j * s + int(a) % k) for j, a in enumerate(row)]
             for i, row in enumerate(arg[0, 0])]
    return PoolingSpec(x[0, 0].tolist(), k_, s, mx[0, 0].tolist(), av[0, 0].tolist(), where)


def pooling_figure(spec: PoolingSpec, theme: str = "light"):
    cell = 0.42
    n = len(spec.x)
    cv = canvas(5.6, n * cell + 0.9, theme)
    p = cv.p
    top = n * cell + 0.35
    hi = {rc for row in spec.argmax for rc in row}
    cv.cells(0.1, top, spec.x, cell=cell, role="input", highlight=hi, highlight_role="weight")
    for i in range(0, n - spec.k + 1, spec.s):
        for j in range(0, n - spec.k + 1, spec.s):
            cv.outline(0.1 + j * cell, top - (i + spec.k) * cell, spec.k * cell, spec.k * cell,
                       "operation", lw=2.4)
    cv.text(0.1 + n * cell / 2, 0.05, f"input {n} × {n}, windows {spec.k} × {spec.k}, "
            f"stride {spec.s}\nshaded: each window's maximum", size=FONT - 1)
    m = len(spec.max_out)
    for col, (name, values, fmt) in enumerate((("max", spec.max_out, "{:g}"),
                                               ("average", spec.avg_out, "{:.2f}"))):
        x = 2.45 + col * 1.6
        cv.text(x + m * cell * 0.75, top + 0.15, f"{name} pool", size=FONT)
        cv.cells(x, top - (n - m) * cell / 2, values, cell=cell * 1.5, role="activation",
                 fmt=fmt, size=FONT - (1 if col else 0))
    cv.arrow(0.1 + n * cell + 0.1, top - n * cell / 2, 2.35, top - n * cell / 2)
    return cv.fit()
