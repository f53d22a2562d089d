"""The widgets' static versions as Markdown (used by ``widget_fallbacks.py``): for each widget,
its initial state (as its JavaScript sets it; ``tests/test_hooks_widget_tables.py`` checks that)
and a function that writes the fallback, every number computed by ``syllabus_code``.
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
from syllabus_code import shapes  # noqa: E402
from syllabus_code.numpy_nn.activations import ACTIVATIONS  # noqa: E402
from syllabus_code.numpy_nn.conv import conv2d_naive_forward, convolve1d, correlate1d  # noqa: E402
from syllabus_code.numpy_nn.losses import mse  # noqa: E402
from syllabus_code.numpy_nn.network import mlp_backward, mlp_forward  # noqa: E402

MINUS = "\u2212"
INTRO = "*Static version (JavaScript is off).*"

# The widgets' initial states (docs/javascripts/widgets/<widget>/{logic,view}.js).
ACTIVATION_POINTS = (-4.0, -2.0, 0.0, 2.0, 4.0)
SATURATION = 0.05  # the widget shades where |f'(x)| < 0.05
NETWORK = {"x": [1.0, 0.5], "y": [1.0], "activation": "sigmoid", "output": "identity",
           # W as the code stores it (n_in × n_out, the widget's weight tables): W{l} = W^(l)ᵀ
           "layers": [{"W": [[0.27, -0.46], [-0.92, -0.97]], "b": [0.31, 0.41]},
                      {"W": [[0.21], [0.46]], "b": [0.04]}]}
SIGNAL = {"x": [0, 1, 1, 1, 1, 0], "h": [1, -1]}  # the first presets: rectangular pulse, difference
CONV2D = {"input": [[-1, 2, 3, 4, 5], [-2, 4, 3, -1, 1], [2, 3, -8, 5, 6], [1, -2, 3, 4, 5], [5, 4, 0, 2, 1]],
          "kernel": [[1, 0, -1], [1, 0, -1], [1, 0, -1]], "stride": 1, "padding": 0}
LENET = {"input": [1, 32, 32], "layers": [
    {"type": "conv", "c_out": 6, "k": 5, "s": 1, "p": 0}, {"type": "relu"}, {"type": "pool", "k": 2, "s": 2},
    {"type": "conv", "c_out": 16, "k": 5, "s": 1, "p": 0}, {"type": "relu"}, {"type": "pool", "k": 2, "s": 2},
    {"type": "flatten"}, {"type": "linear", "n_out": 120}, {"type": "relu"}, {"type": "linear", "n_out": 84},
    {"type": "relu"}, {"type": "linear", "n_out": 10}]}


def num(x: float, decimals: int = 3) -> str:
    """``x`` rounded, without trailing zeros, with a real minus sign and no "−0"."""
    text = f"{round(float(x), decimals):.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace("-", MINUS)


def grouped(n: int) -> str:
    """61706 -> "61 706"."""
    return f"{n:,}".replace(",", " ")


def row(*cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


# --- activation visualizer -----------------------------------------------------------------------

def _threshold_crossing(df, threshold: float, hi: float = 50.0) -> float:
    """The x > 0 where |df| falls to ``threshold`` (df decreasing on x > 0), by bisection."""
    lo = 0.0
    for _ in range(100):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if abs(df(mid)) >= threshold else (lo, mid)
    return hi


def activation_fallback() -> str:
    fns = {name: (lambda x, f=f: float(f(np.array([x]))[0]), lambda x, df=df: float(df(np.array([x]))[0]))
           for name, (f, df) in ACTIVATIONS.items()}
    lines = [f"{INTRO} Values rounded to 3 decimals:", "",
             row(r"\(x\)", r"\(\sigma(x)\)", r"\(\sigma'(x)\)", r"\(\tanh x\)", r"\(\tanh' x\)", "ReLU", "ReLU′"),
             row(*["---:"] * 7)]
    for x in ACTIVATION_POINTS:
        lines.append(row(num(x), *(num(g(x)) for name in ("sigmoid", "tanh", "relu") for g in fns[name])))
    grid = np.linspace(-10, 10, 20001)
    peak = float(np.max(ACTIVATIONS["sigmoid"][1](grid)))
    cut = {name: math.ceil(_threshold_crossing(fns[name][1], SATURATION) * 100) / 100 for name in ("sigmoid", "tanh")}
    if np.any(ACTIVATIONS["relu"][1](grid[grid < 0]) != 0):
        raise PluginError("widget_fallbacks: ReLU's derivative is not 0 for every negative input")
    lines += ["", f"The sigmoid's derivative never exceeds {num(peak)} and falls below {num(SATURATION)} once "
              rf"\(|x| > {cut['sigmoid']:.2f}\); tanh's falls below {num(SATURATION)} once "
              rf"\(|x| > {cut['tanh']:.2f}\); ReLU's is exactly 0 for every negative input."]
    return "\n".join(lines)


# --- network visualizer --------------------------------------------------------------------------

def network_results(state: dict = NETWORK) -> dict:
    """z, a, the loss, δ and ∂L/∂W of each layer for the widget's example, by syllabus_code.numpy_nn."""
    params = {}
    for i, layer in enumerate(state["layers"], start=1):
        params[f"W{i}"], params[f"b{i}"] = np.array(layer["W"]), np.array(layer["b"])
    out, cache = mlp_forward(np.array([state["x"]]), params, activation=state["activation"], output=state["output"])
    loss, grad_out = mse(out, np.array([state["y"]]))
    grads = mlp_backward(grad_out, cache)
    n = len(state["layers"])
    return {"z": [cache[1][i][0] for i in range(1, n + 1)], "a": [cache[0][i][0] for i in range(1, n + 1)],
            "loss": float(loss), "delta": [grads[f"b{i}"] for i in range(1, n + 1)],  # one example: ∂L/∂b = δ
            "dW": [grads[f"W{i}"].T for i in range(1, n + 1)]}  # ∂L/∂W^(l), shaped like W^(l)


def _vec(v, decimals: int = 5) -> str:
    return "[" + ", ".join(num(x, decimals) for x in np.ravel(v)) + "]"


def _bmatrix(m) -> str:
    return r"\begin{bmatrix} " + r" \\ ".join(" & ".join(f"{x:g}" for x in r) for r in m) + r" \end{bmatrix}"


def network_fallback() -> str:
    s, r = NETWORK, network_results()
    if len(s["layers"]) != 2 or s["output"] != "identity":
        raise PluginError("widget_fallbacks: the network fallback is written for 2 layers, identity output")
    sizes = [len(s["x"])] + [len(layer["b"]) for layer in s["layers"]]
    w1, w2 = (np.array(layer["W"]).T for layer in s["layers"])  # W^(l): n_l × n_(l-1)
    b1, b2 = (layer["b"] for layer in s["layers"])
    vec = lambda v: "[" + ", ".join(f"{x:g}" for x in v) + "]"  # noqa: E731
    return "\n".join([
        f"{INTRO} Network {'–'.join(map(str, sizes))}, {s['activation']} hidden layer, identity output,",
        rf"\(x = {vec(s['x'])}\), \(y = {vec(s['y'])}\), \(W^{{(1)}} = {_bmatrix(w1)}\),",
        rf"\(b^{{(1)}} = {vec(b1)}\), \(W^{{(2)}} = {_bmatrix(w2)}\), \(b^{{(2)}} = {vec(b2)}\):", "",
        row("quantity", "value"), row("---", "---"),
        row(r"\(z^{(1)}\)", _vec(r["z"][0])), row(r"\(a^{(1)}\)", _vec(r["a"][0])),
        row(r"\(z^{(2)} = a^{(2)}\)", _vec(r["a"][1])), row(r"\(L\)", num(r["loss"], 5)),
        row(r"\(\delta^{(2)}\)", _vec(r["delta"][1])),
        row(r"\(\partial L/\partial W^{(2)}\)",
            f"{_vec(r['dW'][1])} ({' × '.join(map(str, r['dW'][1].shape))}, like \\(W^{{(2)}}\\))"),
        row(r"\(\delta^{(1)}\)", _vec(r["delta"][0])),
    ])


# --- signal graph --------------------------------------------------------------------------------

def signal_results(state: dict = SIGNAL) -> dict:
    """Full convolution and full cross-correlation (the widget's), by syllabus_code.numpy_nn.conv."""
    x, h = np.array(state["x"], dtype=float), np.array(state["h"], dtype=float)
    return {"convolution": convolve1d(x, h).tolist(),
            "cross-correlation": correlate1d(np.pad(x, len(h) - 1), h).tolist()}


def _combination(terms: list[tuple[float, int]]) -> str:
    """[(1, 0), (-1, -1)] -> "x[n] - x[n-1]" (coefficient, offset of n)."""
    out = []
    for c, k in terms:
        if c == 0:
            continue
        sample = "x[n]" if k == 0 else f"x[n{k:+d}]"
        coef = "" if abs(c) == 1 else f"{abs(c):g}\\,"
        out.append((" - " if c < 0 else " + ") + coef + sample)
    text = "".join(out)
    return "-" + text[3:] if text.startswith(" - ") else text[3:]


def signal_fallback() -> str:
    x, h = SIGNAL["x"], SIGNAL["h"]
    r = signal_results()
    conv, corr = r["convolution"], r["cross-correlation"]
    m = len(h)
    conv_f = _combination([(c, -j) for j, c in enumerate(h)])  # y[n] = Σ_j h[j] x[n - j]
    corr_f = _combination(sorted(((c, j - m + 1) for j, c in enumerate(h)), key=lambda t: t[1]))
    opposite = corr == [-v for v in conv]
    h_tex = "[" + ", ".join(f"{v:g}" for v in h) + "]"
    return "\n".join([
        f"{INTRO} A rectangular pulse convolved with the difference kernel",
        rf"\(h = {h_tex}\) marks its two edges:", "",
        row(r"\(n\)", *range(len(conv))), row("---", *["---:"] * len(conv)),
        row(r"\(x[n]\)", *(num(v) for v in x), *[""] * (len(conv) - len(x))),
        row(rf"\(y[n] = {conv_f}\)", *(num(v) for v in conv)), "",
        rf"Cross-correlation with the same kernel gives \(y[n] = {corr_f}\)"
        + (", the same edges with the opposite signs: " if opposite else ": ")
        + r"\(" + ", ".join(f"{v:g}" for v in corr) + r"\)."])


# --- 2-D convolution worked example --------------------------------------------------------------

def conv2d_output(state: dict = CONV2D) -> list[list[float]]:
    x = np.array(state["input"], dtype=float)[None, None]
    w = np.array(state["kernel"], dtype=float)[None, None]
    out, _ = conv2d_naive_forward(x, w, np.zeros(1), stride=state["stride"], padding=state["padding"])
    return out[0, 0].tolist()


def conv2d_fallback() -> str:
    s, out = CONV2D, conv2d_output()
    x, k = s["input"], s["kernel"]
    n, kk, m = len(x), len(k), len(out)
    if s["padding"] != 0:
        raise PluginError("widget_fallbacks: the 2-D convolution fallback shows an unpadded input")
    padding = "no padding" if s["padding"] == 0 else f"padding {s['padding']}"
    head = ["input", *[""] * (n - 1), "", "kernel", *[""] * (kk - 1), "", "output", *[""] * (m - 1)]
    lines = [f"{INTRO} The {n}×{n} input, the vertical-edge kernel and the {m}×{m} output",
             f"map (stride {s['stride']}, {padding}):", "", row(*head),
             row(*["---:"] * n, "---", *["---:"] * kk, "---", *["---:"] * m)]
    for i in range(n):
        kr = [num(v) for v in k[i]] if i < kk else [""] * kk
        orow = [num(v) for v in out[i]] if i < m else [""] * m
        if i == 0:
            orow[0] = f"**{orow[0]}**"
        lines.append(row(*(num(v) for v in x[i]), "", *kr, "", *orow))
    factor = lambda v: f"({v:g})" if v < 0 else f"{v:g}"  # noqa: E731
    products = " + ".join(f"{factor(x[u][v])}\\cdot {factor(k[u][v])}" for u in range(kk) for v in range(kk))
    return "\n".join(lines + ["", "The first output is", rf"\({products} = {out[0][0]:g}\)."])


# --- architecture playground ---------------------------------------------------------------------

def lenet_rows(state: dict = LENET) -> list[dict]:
    """Per layer: label, output shape, parameters and receptive field, by syllabus_code.shapes."""
    c, h, w = state["input"]
    convpool = [layer for layer in state["layers"] if layer["type"] in ("conv", "pool")]
    walked = iter(shapes.stack_shapes([c, h, w], convpool))
    shape, rf, rows, whole = [c, h, w], 1, [], False
    for layer in state["layers"]:
        kind = layer["type"]
        params = 0
        if kind in ("conv", "pool"):
            step = next(walked)
            shape, params, rf = step["shape"], step["params"], step["rf"]
            label = (f"Conv2d {layer['c_out']} × {layer['k']} × {layer['k']}" if kind == "conv"
                     else f"MaxPool2d {layer['k']}, stride {layer['s']}")
        elif kind == "relu":
            label = "ReLU"
        elif kind == "flatten":
            shape, label = [int(np.prod(shape))], "Flatten"
        elif kind == "linear":
            params = shapes.dense_params(shape[0], layer["n_out"])
            label, shape, whole = f"Linear {shape[0]} → {layer['n_out']}", [layer["n_out"]], True
        else:
            raise PluginError(f"widget_fallbacks: no fallback row for a {kind!r} layer")
        rows.append({"label": label, "shape": list(shape), "params": params,
                     "rf": "whole input" if whole else f"{rf} × {rf}"})
    return rows


def architecture_fallback() -> str:
    rows = lenet_rows()
    c, h, w = LENET["input"]
    lines = [f"{INTRO} LeNet-5 in its modern form on a {c} × {h} × {w} input:", "",
             row("#", "layer", "output shape", "parameters", "receptive field"),
             row("---:", "---", "---", "---:", "---:")]
    for i, r in enumerate(rows, start=1):
        lines.append(row(i, r["label"], " × ".join(map(str, r["shape"])), grouped(r["params"]), r["rf"]))
    return "\n".join(lines + ["", f"Total: {grouped(sum(r['params'] for r in rows))} parameters."])


FALLBACKS = {
    "activation-visualizer": activation_fallback,
    "network-visualizer": network_fallback,
    "signal-graph": signal_fallback,
    "conv2d-worked-example": conv2d_fallback,
    "architecture-playground": architecture_fallback,
}
