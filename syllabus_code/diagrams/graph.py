"""A computational graph of a one-neuron loss with a scalar backprop walkthrough (Module 3).

The loss is that of ``MLP([1, 1], output="sigmoid")`` trained with mean squared error on one
example: \\(u = wx\\), \\(z = u + b\\), \\(a = \\sigma(z)\\), \\(L = (a - y)^2\\). The forward values
come from the network's forward pass, the gradient \\(\\partial L/\\partial w\\) from its backward pass
(``loss_and_grads``), and the picture shows that the product of the local derivatives along the
path from \\(w\\) to \\(L\\) is that gradient.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from syllabus_code.numpy_nn import MLP, sigmoid_prime

from .draw import FONT, canvas, num

__all__ = ["GraphSpec", "graph_spec", "graph_figure"]


@dataclass
class GraphSpec:
    x: float
    w: float
    b: float
    y: float
    u: float
    z: float
    a: float
    loss: float
    local: dict  # local derivative on each edge of the path: du/dw, dz/du, da/dz, dL/da
    upstream: dict  # ∂L/∂(node) along the path, from L back to w
    chain: float  # the product of the local derivatives
    backward: float  # ∂L/∂w from mlp_backward


def graph_spec(
    x: float = 1.5, w: float = 0.8, b: float = -0.4, y: float = 1.0
) -> GraphSpec:
    net = MLP([1, 1], activation="sigmoid", output="sigmoid")
    net.params["W1"][...] = w
    net.params["b1"][...] = b
    xb, yb = np.array([[x]]), np.array([[y]])
    _, (A, Z, *_rest) = net.forward(xb)
    loss, grads = net.loss_and_grads(xb, yb, loss="mse")
    z, a = float(Z[1][0, 0]), float(A[1][0, 0])
    local = {
        "du/dw": x,
        "dz/du": 1.0,
        "da/dz": float(sigmoid_prime(np.array(z))),
        "dL/da": 2.0 * (a - y),
    }
    upstream = {"a": local["dL/da"]}
    upstream["z"] = upstream["a"] * local["da/dz"]
    upstream["u"] = upstream["z"] * local["dz/du"]
    upstream["w"] = upstream["u"] * local["du/dw"]
    return GraphSpec(
        x,
        w,
        b,
        y,
        u=x * w,
        z=z,
        a=a,
        loss=float(loss),
        local=local,
        upstream=upstream,
        chain=upstream["w"],
        backward=float(grads["W1"][0, 0]),
    )


def graph_figure(spec: GraphSpec, theme: str = "light"):
    """The graph top to bottom (narrow enough for a phone): leaves on the left, forward values
    left of each edge, local derivatives right of it, the backward running product on the right."""
    cv = canvas(5.2, 7.2, theme)
    p = cv.p
    g = p.edge("gradient")
    r, mx, pitch = 0.24, 1.75, 1.05
    ys = {
        "w": 6.6,
        "×": 6.6 - pitch,
        "+": 6.6 - 2 * pitch,
        "σ": 6.6 - 3 * pitch,
        "sq": 6.6 - 4 * pitch,
        "L": 6.6 - 5 * pitch + 0.1,
    }
    f2, f3 = "{:.2f}", "{:.3f}"
    half = {"w": 0.2, "sq": 0.22, "L": 0.2}  # half-heights of the boxes
    cv.box(mx - 0.45, ys["w"] - 0.2, 0.9, 0.4, "weight", f"$w$ = {num(spec.w)}")
    for key, label in (("×", "×"), ("+", "+"), ("σ", "σ")):
        cv.unit(mx, ys[key], r=r, role="operation", text=label, size=FONT + 2)
    cv.box(mx - 0.45, ys["sq"] - 0.22, 0.9, 0.44, "operation", "$(a-y)^2$")
    cv.box(mx - 0.2, ys["L"] - 0.2, 0.4, 0.4, "activation", "$L$")
    cv.text(
        mx - 0.3,
        ys["L"],
        f"$L$ = {num(spec.loss, '{:.4f}')}",
        ha="right",
        size=FONT - 1,
    )
    # leaves feeding the operations from the left
    for name, role, value, target in (
        ("x", "input", spec.x, "×"),
        ("b", "weight", spec.b, "+"),
        ("y", "input", spec.y, "sq"),
    ):
        cv.box(0.05, ys[target] - 0.19, 0.8, 0.38, role, f"${name}$ = {num(value)}")
        end = mx - (0.47 if target == "sq" else r + 0.02)
        cv.arrow(0.87, ys[target], end, ys[target], p.ink, lw=1.0, head=7)
    # the path w -> L: value on the left of each edge, local derivative on the right
    path = [
        ("w", "×", None, "$\\partial u/\\partial w = x$ = " + num(spec.x)),
        ("×", "+", ("u", spec.u), "$\\partial z/\\partial u$ = 1"),
        (
            "+",
            "σ",
            ("z", spec.z),
            "$\\partial a/\\partial z = \\sigma'(z)$ = " + num(spec.local["da/dz"], f3),
        ),
        (
            "σ",
            "sq",
            ("a", spec.a),
            "$\\partial L/\\partial a = 2(a-y)$\n= " + num(spec.local["dL/da"], f3),
        ),
    ]
    mids = {}
    for a_, b_, value, local in path + [("sq", "L", None, None)]:
        y0 = ys[a_] - half.get(a_, r) - 0.02
        y1 = ys[b_] + half.get(b_, r) + 0.02
        cv.arrow(mx, y0, mx, y1, p.ink, lw=1.3, head=8)
        mid = (y0 + y1) / 2
        if value:
            cv.text(
                mx - 0.12,
                mid,
                f"${value[0]}$ = {num(value[1], f2)}",
                ha="right",
                size=FONT - 1,
            )
            mids[value[0]] = mid
        if local:
            cv.text(mx + 0.12, mid, local, ha="left", size=FONT - 1, colour=g)
    mids["w"] = ys["w"]
    # backward: the running product ∂L/∂(node), from L up to w
    bx = 4.15
    cv.text(bx, ys["L"], "1", size=FONT, colour=g)
    cv.text(bx + 0.45, ys["L"], "$\\partial L/\\partial L$", ha="left", size=FONT - 1)
    prev = ys["L"] + 0.12
    for name in ("a", "z", "u", "w"):
        y = mids[name]
        cv.arrow(bx, prev, bx, y - 0.19, g, lw=1.6, head=8)
        cv.box(
            bx - 0.4,
            y - 0.17,
            0.8,
            0.34,
            "gradient",
            num(spec.upstream[name], f3),
            size=FONT - 1,
        )
        cv.text(
            bx + 0.45, y, f"$\\partial L/\\partial {name}$", ha="left", size=FONT - 1
        )
        prev = y + 0.19
    cv.text(
        bx,
        ys["w"] + 0.42,
        "backward:\nrunning product",
        size=FONT - 1,
        colour=p.muted,
        va="bottom",
    )
    cv.text(
        0.05,
        ys["L"] - 0.45,
        "$\\partial L/\\partial w = \\partial L/\\partial a\\cdot"
        "\\partial a/\\partial z\\cdot\\partial z/\\partial u\\cdot\\partial u/\\partial w$\n= "
        f"({num(spec.local['dL/da'], f3)})({num(spec.local['da/dz'], f3)})(1)"
        f"({num(spec.x)}) = {num(spec.chain, f3)}",
        ha="left",
        va="top",
        size=FONT,
    )
    cv.text(
        0.05,
        ys["L"] - 1.05,
        "backward pass of the network: $\\partial L/\\partial w$ = "
        + num(spec.backward, f3),
        ha="left",
        va="top",
        size=FONT,
    )
    return cv.fit()
