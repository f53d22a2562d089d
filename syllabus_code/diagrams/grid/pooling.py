"""Max and average pooling drawn on grids, from the layers of :mod:`syllabus_code.numpy_nn.pooling`."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from syllabus_code.numpy_nn.pooling import (
    avg_pool_forward,
    max_pool_backward,
    max_pool_forward,
)

from ..draw import FONT, canvas


@dataclass
class PoolingSpec:
    x: list  # the 4 x 4 input
    k: int
    s: int
    max_out: list
    avg_out: list
    argmax: list  # (row, col) in x of each window's (first) maximum


def pooling_spec(seed: int = 3, size: int = 4, k: int = 2) -> PoolingSpec:
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 10, size=(1, 1, size, size)).astype(float)
    mx, cache = max_pool_forward(x, k)
    _, _, k_, s = cache
    av, _ = avg_pool_forward(x, k)
    where = []  # where the backward pass routes each window's gradient
    for i in range(mx.shape[2]):
        row = []
        for j in range(mx.shape[3]):
            dout = np.zeros_like(mx)
            dout[0, 0, i, j] = 1.0
            r, c = np.argwhere(max_pool_backward(dout, cache)[0, 0])[0]
            row.append((int(r), int(c)))
        where.append(row)
    return PoolingSpec(
        x[0, 0].tolist(), k_, s, mx[0, 0].tolist(), av[0, 0].tolist(), where
    )


def pooling_figure(spec: PoolingSpec, theme: str = "light"):
    cell = 0.42
    n = len(spec.x)
    cv = canvas(5.6, n * cell + 0.9, theme)
    top = n * cell + 0.35
    hi = {rc for row in spec.argmax for rc in row}
    cv.cells(
        0.1, top, spec.x, cell=cell, role="input", highlight=hi, highlight_role="weight"
    )
    for i in range(0, n - spec.k + 1, spec.s):
        for j in range(0, n - spec.k + 1, spec.s):
            cv.outline(
                0.1 + j * cell,
                top - (i + spec.k) * cell,
                spec.k * cell,
                spec.k * cell,
                "operation",
                lw=2.4,
            )
    cv.text(
        0.1 + n * cell / 2,
        0.05,
        f"input {n} × {n}, windows {spec.k} × {spec.k}, "
        f"stride {spec.s}\nshaded: each window's maximum",
        size=FONT - 1,
    )
    m = len(spec.max_out)
    for col, (name, values, fmt) in enumerate(
        (("max", spec.max_out, "{:g}"), ("average", spec.avg_out, "{:.2f}"))
    ):
        x = 2.45 + col * 1.6
        cv.text(x + m * cell * 0.75, top + 0.15, f"{name} pool", size=FONT)
        cv.cells(
            x,
            top - (n - m) * cell / 2,
            values,
            cell=cell * 1.5,
            role="activation",
            fmt=fmt,
            size=FONT - (1 if col else 0),
        )
    cv.arrow(0.1 + n * cell + 0.1, top - n * cell / 2, 2.35, top - n * cell / 2)
    return cv.fit()
