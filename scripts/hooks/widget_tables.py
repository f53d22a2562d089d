"""The widgets' static versions as Markdown (used by ``widget_fallbacks.py``): for each widget,
its initial state (as its JavaScript sets it; ``tests/test_hooks_widget_tables.py`` checks that)
and a function that writes the fallback, every number computed by ``syllabus_code``.

The activation and network visualizers are here; the signal graph, the 2-D convolution example
and the architecture playground (Module 5) are in ``widget_tables_cnn.py``, the Markdown helpers
in ``widget_markdown.py``; this module re-exports both and gathers every fallback in
:data:`FALLBACKS`.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from syllabus_code.numpy_nn.activations import ACTIVATIONS  # noqa: E402
from syllabus_code.numpy_nn.losses import mse  # noqa: E402
from syllabus_code.numpy_nn.network import mlp_backward, mlp_forward  # noqa: E402

# the sibling files, however this is loaded
sys.path.insert(0, str(Path(__file__).resolve().parent))
from widget_markdown import INTRO, MINUS, grouped, num, row  # noqa: E402
from widget_tables_cnn import (  # noqa: E402
    CONV2D,
    LENET,
    SIGNAL,
    architecture_fallback,
    conv2d_fallback,
    conv2d_output,
    lenet_rows,
    signal_fallback,
    signal_results,
)

__all__ = [
    "MINUS",
    "INTRO",
    "num",
    "grouped",
    "row",
    "ACTIVATION_POINTS",
    "SATURATION",
    "NETWORK",
    "SIGNAL",
    "CONV2D",
    "LENET",
    "activation_fallback",
    "network_results",
    "network_fallback",
    "signal_results",
    "signal_fallback",
    "conv2d_output",
    "conv2d_fallback",
    "lenet_rows",
    "architecture_fallback",
    "FALLBACKS",
]

# The widgets' initial states (docs/javascripts/widgets/<widget>/{logic,view}.js); those of the
# Module 5 widgets are in widget_tables_cnn.py.
ACTIVATION_POINTS = (-4.0, -2.0, 0.0, 2.0, 4.0)
SATURATION = 0.05  # the widget shades where |f'(x)| < 0.05
NETWORK = {
    "x": [1.0, 0.5],
    "y": [1.0],
    "activation": "sigmoid",
    "output": "identity",
    # W as the code stores it (n_in × n_out, the widget's weight tables): W{l} = W^(l)ᵀ
    "layers": [
        {"W": [[0.27, -0.46], [-0.92, -0.97]], "b": [0.31, 0.41]},
        {"W": [[0.21], [0.46]], "b": [0.04]},
    ],
}


# --- activation visualizer -----------------------------------------------------------------------


def _threshold_crossing(df, threshold: float, hi: float = 50.0) -> float:
    """The x > 0 where |df| falls to ``threshold`` (df decreasing on x > 0), by bisection."""
    lo = 0.0
    for _ in range(100):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if abs(df(mid)) >= threshold else (lo, mid)
    return hi


def activation_fallback() -> str:
    fns = {
        name: (
            lambda x, f=f: float(f(np.array([x]))[0]),
            lambda x, df=df: float(df(np.array([x]))[0]),
        )
        for name, (f, df) in ACTIVATIONS.items()
    }
    lines = [
        f"{INTRO} Values rounded to 3 decimals:",
        "",
        row(
            r"\(x\)",
            r"\(\sigma(x)\)",
            r"\(\sigma'(x)\)",
            r"\(\tanh x\)",
            r"\(\tanh' x\)",
            "ReLU",
            "ReLU′",
        ),
        row(*["---:"] * 7),
    ]
    for x in ACTIVATION_POINTS:
        lines.append(
            row(
                num(x),
                *(num(g(x)) for name in ("sigmoid", "tanh", "relu") for g in fns[name]),
            )
        )
    grid = np.linspace(-10, 10, 20001)
    peak = float(np.max(ACTIVATIONS["sigmoid"][1](grid)))
    cut = {
        name: math.ceil(_threshold_crossing(fns[name][1], SATURATION) * 100) / 100
        for name in ("sigmoid", "tanh")
    }
    if np.any(ACTIVATIONS["relu"][1](grid[grid < 0]) != 0):
        raise PluginError(
            "widget_fallbacks: ReLU's derivative is not 0 for every negative input"
        )
    lines += [
        "",
        f"The sigmoid's derivative never exceeds {num(peak)} and falls below {num(SATURATION)} once "
        rf"\(|x| > {cut['sigmoid']:.2f}\); tanh's falls below {num(SATURATION)} once "
        rf"\(|x| > {cut['tanh']:.2f}\); ReLU's is exactly 0 for every negative input.",
    ]
    return "\n".join(lines)


# --- network visualizer --------------------------------------------------------------------------


def network_results(state: dict = NETWORK) -> dict:
    """z, a, the loss, δ and ∂L/∂W of each layer for the widget's example, by syllabus_code.numpy_nn."""
    params = {}
    for i, layer in enumerate(state["layers"], start=1):
        params[f"W{i}"], params[f"b{i}"] = np.array(layer["W"]), np.array(layer["b"])
    out, cache = mlp_forward(
        np.array([state["x"]]),
        params,
        activation=state["activation"],
        output=state["output"],
    )
    loss, grad_out = mse(out, np.array([state["y"]]))
    grads = mlp_backward(grad_out, cache)
    n = len(state["layers"])
    # ∂L/∂W^(l), shaped like W^(l)
    return {
        "z": [cache[1][i][0] for i in range(1, n + 1)],
        "a": [cache[0][i][0] for i in range(1, n + 1)],
        "loss": float(loss),
        "delta": [grads[f"b{i}"] for i in range(1, n + 1)],  # one example: ∂L/∂b = δ
        "dW": [grads[f"W{i}"].T for i in range(1, n + 1)],
    }


def _vec(v, decimals: int = 5) -> str:
    return "[" + ", ".join(num(x, decimals) for x in np.ravel(v)) + "]"


def _bmatrix(m) -> str:
    return (
        r"\begin{bmatrix} "
        + r" \\ ".join(" & ".join(f"{x:g}" for x in r) for r in m)
        + r" \end{bmatrix}"
    )


def network_fallback() -> str:
    s, r = NETWORK, network_results()
    if len(s["layers"]) != 2 or s["output"] != "identity":
        raise PluginError(
            "widget_fallbacks: the network fallback is written for 2 layers, identity output"
        )
    sizes = [len(s["x"])] + [len(layer["b"]) for layer in s["layers"]]
    w1, w2 = (np.array(layer["W"]).T for layer in s["layers"])  # W^(l): n_l × n_(l-1)
    b1, b2 = (layer["b"] for layer in s["layers"])
    vec = lambda v: "[" + ", ".join(f"{x:g}" for x in v) + "]"  # noqa: E731
    return "\n".join(
        [
            f"{INTRO} Network {'–'.join(map(str, sizes))}, {s['activation']} hidden layer, identity output,",
            rf"\(x = {vec(s['x'])}\), \(y = {vec(s['y'])}\), \(W^{{(1)}} = {_bmatrix(w1)}\),",
            rf"\(b^{{(1)}} = {vec(b1)}\), \(W^{{(2)}} = {_bmatrix(w2)}\), \(b^{{(2)}} = {vec(b2)}\):",
            "",
            row("quantity", "value"),
            row("---", "---"),
            row(r"\(z^{(1)}\)", _vec(r["z"][0])),
            row(r"\(a^{(1)}\)", _vec(r["a"][0])),
            row(r"\(z^{(2)} = a^{(2)}\)", _vec(r["a"][1])),
            row(r"\(L\)", num(r["loss"], 5)),
            row(r"\(\delta^{(2)}\)", _vec(r["delta"][1])),
            row(
                r"\(\partial L/\partial W^{(2)}\)",
                f"{_vec(r['dW'][1])} ({' × '.join(map(str, r['dW'][1].shape))}, like \\(W^{{(2)}}\\))",
            ),
            row(r"\(\delta^{(1)}\)", _vec(r["delta"][0])),
        ]
    )


FALLBACKS = {
    "activation-visualizer": activation_fallback,
    "network-visualizer": network_fallback,
    "signal-graph": signal_fallback,
    "conv2d-worked-example": conv2d_fallback,
    "architecture-playground": architecture_fallback,
}
