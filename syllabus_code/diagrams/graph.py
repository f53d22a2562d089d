"""A computational graph of a one-neuron loss with a scalar backprop walkthrough (Module 3).

The loss is that of ``MLP([1, 1], output="sigmoid")`` trained with mean squared error on one
example: \\(u = wx\\), \\(z = u + b\\), \\(a = \\sigma(z)\\), \\(L = (a - y)^2\\). The forward values come
from the network's forward pass, the gradient \\(\\partial L/\\partial w\\) from its backward pass
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
    local: dict          # local derivative on each edge of the path: du/dw, dz/du, da/dz, dL/da
    upstream: dict       # ∂L/∂(node) along the path, from L back to w
    chain: float         # the product of the local derivatives
    backward: float      # ∂L/∂w from mlp_backward


def graph_spec(x: float = 1.5, w: float = 0.8, b: float = -0.4, y: float = 1.0) -> GraphSpec:
    net = MLP([1, 1], activation="sigmoid", output="sigmoid")
    net.params["W1"][...] = w
    net.params["b1"][...] = b
    xb, yb = np.array([[x]]), np.array([[y]])
    _, (A, Z, *_rest) = net.forward(xb)
    loss, grads = net.loss_and_grads(xb, yb, loss="mse")
    z, a = float(Z[1][0, 0]), float(A[1][0, 0])
    local = {"du/dw": x, "dz/du": 1.0, "da/dz": float(sigmoid_prime(np.array(z))),
             "dL/da": 2.0 * (a - y)}
    upstream = {"a": local["dL/da"]}
    upstream["z"] = upstream["a"] * local["da/dz"]
    upstream["u"] = upstream["z"] * local["dz/du"]
    upstream["w"] = upstream["u"] * local["du/dw"]
    return GraphSpec(x, w, b, y, u=x * w, z=z, a=a, loss=float(loss), local=local,
                     upstream=upstream, chain=upstream["w"],
                     backward=float(grads["W1"][0, 0]))


def graph_figure(spec: GraphSpec, theme: str = "light"):
    cv = canvas(6.8, 4.4, theme)
    p = cv.p
    r, main = 0.24, 2.3
    xs = {"w": 0.45, "×": 1.68, "+": 2.9, "σ": 4.12, "sq": 5.34, "L": 6.22}
    f2, f3 = "{:.2f}", "{:.3f}"
    # leaves
    cv.box(xs["w"] - 0.42, main - 0.2, 0.84, 0.4, "weight", f"$w$ = {num(spec.w)}")
    leaves = (("x", "input", xs["×"] - 0.75, spec.x, "×"), ("b", "weight", xs["+"] - 0.6,
              spec.b, "+"), ("y", "input", xs["sq"] - 0.6, spec.y, "sq"))
    for name, role, lx, value, target in leaves:
        cv.box(lx - 0.4, main + 0.95, 0.8, 0.38, role, f"${name}$ = {num(value)}")
        cv.arrow(lx + 0.1, main + 0.94, xs[target] - 0.1, main + r - 0.02, p.ink, lw=1.0,
                 head=7)
    # operations and the loss
    for key, label in (("×", "×"), ("+", "+"), ("σ", "σ"), ("sq", "$(a-y)^2$")):
        if key == "sq":
            cv.box(xs[key] - 0.42, main - 0.22, 0.84, 0.44, "operation", label, size=FONT)
        else:
            cv.unit(xs[key], main, r=r, role="operation", text=label, size=FONT + 2)
    cv.box(xs["L"] - 0.2, main - 0.2, 0.4, 0.4, "activation", "$L$")
    # forward edges along the path, the value above, the local derivative below
    path = [("w", "×", None, "du/dw", "$\\partial u/\\partial w$\n$= x$ = " + num(spec.x)),
            ("×", "+", ("u", spec.u), "dz/du", "$\\partial z/\\partial u$\n= 1"),
            ("+", "σ", ("z", spec.z), "da/dz",
             "$\\partial a/\\partial z$\n$= \\sigma'(z)$\n= " + num(spec.local["da/dz"], f3)),
            ("σ", "sq", ("a", spec.a), "dL/da",
             "$\\partial L/\\partial a$\n$= 2(a-y)$\n= " + num(spec.local["dL/da"], f3))]
    x_end = {"w": xs["w"] + 0.42, "sq": xs["sq"] - 0.42}
    for a_, b_, value, _key, local in path:
        x0 = x_end.get(a_, xs[a_] + r)
        x1 = x_end.get(b_, xs[b_] - r)
        cv.arrow(x0 + 0.02, main, x1 - 0.02, main, p.ink, lw=1.3, head=8)
        mid = (x0 + x1) / 2
        if value:
            cv.text(mid, main + 0.22, f"${value[0]}$ = {num(value[1], f2)}", size=FONT - 1,
                    va="bottom")
        cv.text(mid, main - 0.16, local, size=FONT - 1, va="top", colour=p.edge("gradient"))
    cv.arrow(xs["sq"] + 0.44, main, xs["L"] - 0.22, main, p.ink, lw=1.3, head=8)
    cv.text(xs["L"], main + 0.28, num(spec.loss, "{:.4f}"), size=FONT - 1, va="bottom")
    # backward: the running product ∂L/∂(node), right to left
    back_y = 0.95
    nodes = [("w", xs["w"]), ("u", (xs["×"] + xs["+"]) / 2), ("z", (xs["+"] + xs["σ"]) / 2),
             ("a", (xs["σ"] + xs["sq"]) / 2)]
    cv.text(xs["L"], back_y, "1", size=FONT, colour=p.edge("gradient"))
    prev = xs["L"] - 0.1
    for name, x in reversed(nodes):
        cv.arrow(prev, back_y, x + 0.42, back_y, p.edge("gradient"), lw=1.6, head=8)
        cv.box(x - 0.4, back_y - 0.17, 0.8, 0.34, "gradient",
               num(spec.upstream[name], f3), size=FONT - 1)
        cv.text(x, back_y - 0.3, f"$\\partial L/\\partial {name}$", size=FONT - 1, va="top")
        prev = x - 0.42
    cv.text(0.0, 0.1, "$\\partial L/\\partial w = \\partial L/\\partial a\\cdot\\partial a/"
            "\\partial z\\cdot\\partial z/\\partial u\\cdot\\partial u/\\partial w$\n= "
            f"({num(spec.local['dL/da'], f3)})({num(spec.local['da/dz'], f3)})(1)"
            f"({num(spec.x)}) = {num(spec.chain, f3)}", ha="left", va="top", size=FONT)
    cv.text(0.0, -0.5, "the network's backward pass (mlp_backward): $\\partial L/\\partial w$ = "
            + num(spec.backward, f3), ha="left", va="top", size=FONT)
    return cv.fit()
