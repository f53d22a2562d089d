"""Diagrams of fully connected networks (Modules 3 and 4): the backward flow of δ through the
layers, and dropout. The MLP with its weights and biases in the course's notation is in
:mod:`.mlp` (re-exported here).

The networks drawn are :class:`syllabus_code.numpy_nn.MLP` objects; sizes and shapes are read
from their parameter dicts (which store the page's \\(W^{(l)}\\) transposed), and the δ values
from one real forward and backward pass.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from syllabus_code.numpy_nn import MLP
from syllabus_code.numpy_nn.dropout import dropout_forward

from .draw import FONT, canvas, num
from .mlp import MLPSpec, _column, _sizes, mlp_figure, mlp_spec

__all__ = [
    "MLPSpec",
    "mlp_spec",
    "mlp_figure",
    "DeltaSpec",
    "delta_spec",
    "delta_figure",
    "DropoutSpec",
    "dropout_spec",
    "dropout_figure",
]


# --- δ flowing backwards -----------------------------------------------------------------------
@dataclass
class DeltaSpec:
    sizes: list  # n_0 .. n_L
    deltas: list  # δ^(1) .. δ^(L) of one example (lists of floats)
    grad_shapes: list  # ∂L/∂W^(l) in the page's orientation, (n_l, n_{l-1})
    loss: float


def delta_spec(sizes=(3, 4, 4, 2), seed: int = 0) -> DeltaSpec:
    """One example through ``MLP(sizes)``: for N = 1, ∂L/∂b^(l) is δ^(l) itself."""
    net = MLP(list(sizes), activation="tanh", output="identity", seed=seed)
    x = np.random.default_rng(seed).standard_normal((1, sizes[0])).round(1)
    loss, grads = net.loss_and_grads(x, np.array([1]), loss="softmax_cross_entropy")
    L = len(sizes) - 1
    return DeltaSpec(
        sizes=_sizes(net.params),
        deltas=[grads[f"b{l}"].tolist() for l in range(1, L + 1)],
        grad_shapes=[grads[f"W{l}"].T.shape for l in range(1, L + 1)],
        loss=float(loss),
    )


def delta_figure(spec: DeltaSpec, theme: str = "light"):
    """Layers top to bottom (narrow enough for a phone): the activations a^(l) on the left go
    down through W^(l) to the loss; the errors δ^(l) on the right come back up."""
    L = len(spec.sizes) - 1
    pitch, ca, cd, h = 1.05, 0.26, 0.54, 0.3
    cv = canvas(5.4, pitch * (L + 2), theme)
    p = cv.p
    g = p.edge("gradient")
    ax_, dx = 0.35, 3.05  # left edges of the a column and the δ column
    n_max = max(spec.sizes)
    top = pitch * (L + 1.5)
    ys = [top - l * pitch for l in range(L + 1)]
    a_mid, d_mid = ax_ + n_max * ca / 2, dx + n_max * cd / 2

    def row(x_mid, y, n, w, role, values=None):
        x0 = x_mid - n * w / 2
        for i in range(n):
            cv.rect(
                x0 + i * w,
                y - h / 2,
                w,
                h,
                face=p.fill(role),
                edge=p.edge(role),
                lw=0.8,
            )
            if values is not None:
                cv.text(x0 + (i + 0.5) * w, y, num(values[i], "{:.2f}"), size=FONT - 1)
        return x0

    for l, n in enumerate(spec.sizes):
        x0 = row(a_mid, ys[l], n, ca, "input" if l == 0 else "activation")
        cv.text(x0 - 0.1, ys[l], f"$a^{{({l})}}$", ha="right", size=FONT + 1)
    for l in range(1, L + 1):
        x0 = row(d_mid, ys[l], spec.sizes[l], cd, "gradient", spec.deltas[l - 1])
        cv.text(
            dx + n_max * cd + 0.1,
            ys[l],
            f"$\\delta^{{({l})}}$",
            ha="left",
            size=FONT + 1,
        )
    # the loss under the last layer, and δ^(L) from it
    ly = ys[-1] - pitch
    cv.box(a_mid - 0.25, ly - 0.2, 0.5, 0.4, "operation", "$L$", size=FONT + 1)
    cv.arrow(a_mid, ys[-1] - h / 2 - 0.03, a_mid, ly + 0.22, p.ink, lw=1.1, head=8)
    cv.arrow(a_mid + 0.27, ly, d_mid, ly, g, lw=1.8, head=9)
    cv.arrow(d_mid, ly, d_mid, ys[-1] - h / 2 - 0.03, g, lw=1.8, head=9)
    cv.text(
        (a_mid + d_mid) / 2,
        ly - 0.12,
        f"$\\delta^{{({L})}} = \\nabla_a L \\odot g'(z^{{({L})}})$",
        size=FONT - 1,
        va="top",
    )
    for l in range(1, L + 1):
        ym = (ys[l - 1] + ys[l]) / 2
        # forward: a^(l-1) -> a^(l) through W^(l)
        cv.arrow(
            a_mid,
            ys[l - 1] - h / 2 - 0.03,
            a_mid,
            ys[l] + h / 2 + 0.03,
            p.edge("weight"),
            lw=1.5,
            head=8,
        )
        cv.text(a_mid + 0.1, ym, f"$W^{{({l})}}$", ha="left", size=FONT)
        # ∂L/∂W^(l) = δ^(l) a^(l-1)ᵀ, between the columns
        n_out, n_in = spec.grad_shapes[l - 1]
        cv.text(
            (a_mid + dx) / 2 + 0.25,
            ym,
            f"$\\partial L/\\partial W^{{({l})}} = \\delta^{{({l})}} a^{{({l - 1})\\top}}$"
            f"\n{n_out} × {n_in}",
            size=FONT - 1,
        )
        # backward: δ^(l) -> δ^(l-1) through W^(l)ᵀ and g'
        if l > 1:
            yb = (ys[l - 1] + ys[l]) / 2
            cv.arrow(
                d_mid,
                ys[l] + h / 2 + 0.03,
                d_mid,
                ys[l - 1] - h / 2 - 0.03,
                g,
                lw=1.8,
                head=9,
            )
            cv.text(
                d_mid + 0.1,
                yb,
                f"$(W^{{({l})}})^\\top \\cdot\\ \\odot\\, g'(z^{{({l - 1})}})$",
                ha="left",
                size=FONT - 1,
            )
    return cv.fit()


# --- dropout -----------------------------------------------------------------------------------
@dataclass
class DropoutSpec:
    sizes: list
    p: float
    masks: list  # one 0/1 list per hidden layer, from dropout_forward
    scale: float  # the factor kept units are multiplied by in training


def dropout_spec(sizes=(4, 6, 6, 2), p: float = 0.5, seed: int = 6) -> DropoutSpec:
    """Draw one dropout mask per hidden layer of ``MLP(sizes)`` with ``dropout_forward``."""
    net = MLP(list(sizes))
    sizes = _sizes(net.params)
    rng = np.random.default_rng(seed)
    masks, scale = [], None
    for n in sizes[1:-1]:
        _, mask = dropout_forward(np.ones((1, n)), p=p, rng=rng)
        masks.append((mask[0] > 0).astype(int).tolist())
        scale = float(mask.max())
    return DropoutSpec(sizes, p, masks, scale)


def dropout_figure(spec: DropoutSpec, theme: str = "light"):
    pitch, r, gap = 0.44, 0.15, 0.78
    L = len(spec.sizes) - 1
    panel = L * gap + 0.6
    cv = canvas(2 * panel + 0.6, max(spec.sizes) * pitch + 1.4, theme)
    p = cv.p
    centre = max(spec.sizes) * pitch / 2 + 0.55
    for k, (title, masks) in enumerate(
        (("training: a thinned network", spec.masks), ("test: the full network", None))
    ):
        x0 = 0.35 + k * (panel + 0.35)
        cols = [
            _column(n, x0 + l * gap, centre, pitch) for l, n in enumerate(spec.sizes)
        ]
        kept = (
            [[1] * spec.sizes[0]]
            + (masks or [[1] * n for n in spec.sizes[1:-1]])
            + [[1] * spec.sizes[-1]]
        )
        for l in range(1, L + 1):
            for i, (ax_, ay) in enumerate(cols[l - 1]):
                for j, (bx, by) in enumerate(cols[l]):
                    if kept[l - 1][i] and kept[l][j]:
                        cv.line(ax_, ay, bx, by, p.edge("weight"), 0.7, alpha=0.6)
        for l, col in enumerate(cols):
            role = "input" if l == 0 else "activation"
            for i, (ux, uy) in enumerate(col):
                if kept[l][i]:
                    cv.unit(ux, uy, r=r, role=role)
                else:
                    cv.unit(ux, uy, r=r, role=role, faded=True, dashed=True)
                    cv.line(
                        ux - r * 0.7,
                        uy - r * 0.7,
                        ux + r * 0.7,
                        uy + r * 0.7,
                        p.muted,
                        1.2,
                        z=4,
                    )
                    cv.line(
                        ux - r * 0.7,
                        uy + r * 0.7,
                        ux + r * 0.7,
                        uy - r * 0.7,
                        p.muted,
                        1.2,
                        z=4,
                    )
        cv.text(
            x0 + L * gap / 2,
            centre + max(spec.sizes) * pitch / 2 + 0.3,
            title,
            size=FONT,
            weight="bold",
        )
        if masks is not None:
            dropped = sum(len(m) - sum(m) for m in masks)
            note = (
                f"p = {spec.p:g}: {dropped} of {sum(map(len, masks))} hidden units dropped;"
                f"\nkept ones scaled by 1/(1 − p) = {spec.scale:g}"
            )
        else:
            note = "every unit, no rescaling\n(inverted dropout is the identity)"
        cv.text(x0 + L * gap / 2, 0.2, note, size=FONT - 1)
    return cv.fit()
