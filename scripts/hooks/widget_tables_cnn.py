"""The static versions of Module 5's widgets as Markdown: the signal graph, the 2-D convolution
worked example and the architecture playground, each from its initial state (as its JavaScript
sets it), every number computed by ``syllabus_code``. ``widget_tables.py`` re-exports these.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from syllabus_code import shapes  # noqa: E402
from syllabus_code.numpy_nn.conv import conv2d_naive_forward, convolve1d, correlate1d  # noqa: E402

# the sibling file, however this is loaded
sys.path.insert(0, str(Path(__file__).resolve().parent))
from widget_markdown import INTRO, grouped, num, row  # noqa: E402

# The widgets' initial states (docs/javascripts/widgets/<widget>/logic.js).
# the first presets: rectangular pulse, difference
SIGNAL = {"x": [0, 1, 1, 1, 1, 0], "h": [1, -1]}
CONV2D = {
    "input": [
        [-1, 2, 3, 4, 5],
        [-2, 4, 3, -1, 1],
        [2, 3, -8, 5, 6],
        [1, -2, 3, 4, 5],
        [5, 4, 0, 2, 1],
    ],
    "kernel": [[1, 0, -1], [1, 0, -1], [1, 0, -1]],
    "stride": 1,
    "padding": 0,
}
LENET = {
    "input": [1, 32, 32],
    "layers": [
        {"type": "conv", "c_out": 6, "k": 5, "s": 1, "p": 0},
        {"type": "relu"},
        {"type": "pool", "k": 2, "s": 2},
        {"type": "conv", "c_out": 16, "k": 5, "s": 1, "p": 0},
        {"type": "relu"},
        {"type": "pool", "k": 2, "s": 2},
        {"type": "flatten"},
        {"type": "linear", "n_out": 120},
        {"type": "relu"},
        {"type": "linear", "n_out": 84},
        {"type": "relu"},
        {"type": "linear", "n_out": 10},
    ],
}


# --- signal graph --------------------------------------------------------------------------------


def signal_results(state: dict = SIGNAL) -> dict:
    """Full convolution and full cross-correlation (the widget's), by syllabus_code.numpy_nn.conv."""
    x, h = np.array(state["x"], dtype=float), np.array(state["h"], dtype=float)
    return {
        "convolution": convolve1d(x, h).tolist(),
        "cross-correlation": correlate1d(np.pad(x, len(h) - 1), h).tolist(),
    }


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
    # y[n] = Σ_j h[j] x[n - j]
    conv_f = _combination([(c, -j) for j, c in enumerate(h)])
    corr_f = _combination(
        sorted(((c, j - m + 1) for j, c in enumerate(h)), key=lambda t: t[1])
    )
    opposite = corr == [-v for v in conv]
    h_tex = "[" + ", ".join(f"{v:g}" for v in h) + "]"
    return "\n".join(
        [
            f"{INTRO} A rectangular pulse convolved with the difference kernel",
            rf"\(h = {h_tex}\) marks its two edges:",
            "",
            row(r"\(n\)", *range(len(conv))),
            row("---", *["---:"] * len(conv)),
            row(r"\(x[n]\)", *(num(v) for v in x), *[""] * (len(conv) - len(x))),
            row(rf"\(y[n] = {conv_f}\)", *(num(v) for v in conv)),
            "",
            rf"Cross-correlation with the same kernel gives \(y[n] = {corr_f}\)"
            + (", the same edges with the opposite signs: " if opposite else ": ")
            + r"\("
            + ", ".join(f"{v:g}" for v in corr)
            + r"\).",
        ]
    )


# --- 2-D convolution worked example --------------------------------------------------------------


def conv2d_output(state: dict = CONV2D) -> list[list[float]]:
    x = np.array(state["input"], dtype=float)[None, None]
    w = np.array(state["kernel"], dtype=float)[None, None]
    out, _ = conv2d_naive_forward(
        x, w, np.zeros(1), stride=state["stride"], padding=state["padding"]
    )
    return out[0, 0].tolist()


def conv2d_fallback() -> str:
    s, out = CONV2D, conv2d_output()
    x, k = s["input"], s["kernel"]
    n, kk, m = len(x), len(k), len(out)
    if s["padding"] != 0:
        raise PluginError(
            "widget_fallbacks: the 2-D convolution fallback shows an unpadded input"
        )
    padding = "no padding" if s["padding"] == 0 else f"padding {s['padding']}"
    head = [
        "input",
        *[""] * (n - 1),
        "",
        "kernel",
        *[""] * (kk - 1),
        "",
        "output",
        *[""] * (m - 1),
    ]
    lines = [
        f"{INTRO} The {n}×{n} input, the vertical-edge kernel and the {m}×{m} output",
        f"map (stride {s['stride']}, {padding}):",
        "",
        row(*head),
        row(*["---:"] * n, "---", *["---:"] * kk, "---", *["---:"] * m),
    ]
    for i in range(n):
        kr = [num(v) for v in k[i]] if i < kk else [""] * kk
        orow = [num(v) for v in out[i]] if i < m else [""] * m
        if i == 0:
            orow[0] = f"**{orow[0]}**"
        lines.append(row(*(num(v) for v in x[i]), "", *kr, "", *orow))
    factor = lambda v: f"({v:g})" if v < 0 else f"{v:g}"  # noqa: E731
    products = " + ".join(
        f"{factor(x[u][v])}\\cdot {factor(k[u][v])}"
        for u in range(kk)
        for v in range(kk)
    )
    return "\n".join(
        lines + ["", "The first output is", rf"\({products} = {out[0][0]:g}\)."]
    )


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
            label = (
                f"Conv2d {layer['c_out']} × {layer['k']} × {layer['k']}"
                if kind == "conv"
                else f"MaxPool2d {layer['k']}, stride {layer['s']}"
            )
        elif kind == "relu":
            label = "ReLU"
        elif kind == "flatten":
            shape, label = [int(np.prod(shape))], "Flatten"
        elif kind == "linear":
            params = shapes.dense_params(shape[0], layer["n_out"])
            label, shape, whole = (
                f"Linear {shape[0]} → {layer['n_out']}",
                [layer["n_out"]],
                True,
            )
        else:
            raise PluginError(f"widget_fallbacks: no fallback row for a {kind!r} layer")
        rows.append(
            {
                "label": label,
                "shape": list(shape),
                "params": params,
                "rf": "whole input" if whole else f"{rf} × {rf}",
            }
        )
    return rows


def architecture_fallback() -> str:
    rows = lenet_rows()
    c, h, w = LENET["input"]
    lines = [
        f"{INTRO} LeNet-5 in its modern form on a {c} × {h} × {w} input:",
        "",
        row("#", "layer", "output shape", "parameters", "receptive field"),
        row("---:", "---", "---", "---:", "---:"),
    ]
    for i, r in enumerate(rows, start=1):
        lines.append(
            row(
                i,
                r["label"],
                " × ".join(map(str, r["shape"])),
                grouped(r["params"]),
                r["rf"],
            )
        )
    return "\n".join(
        lines + ["", f"Total: {grouped(sum(r['params'] for r in rows))} parameters."]
    )
