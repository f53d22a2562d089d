"""The widgets' static versions (scripts/hooks/widget_tables.py): each fallback's numbers, read
back from the generated Markdown, equal an independent computation (PyTorch, NumPy, closed
forms), and the states they start from are the widgets' own (node imports the JavaScript).
"""

from __future__ import annotations

import json
import math
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch
import widget_tables as wf  # scripts/hooks is on sys.path (root conftest.py)

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EMBEDS = DOCS / "widgets" / "_embeds"


def rows(md: str) -> list[list[str]]:
    """The cells of each body row of the Markdown table(s) in ``md``."""
    out = []
    for line in md.splitlines():
        if line.startswith("|") and not re.fullmatch(r"\|[\s|:-]+\|", line):
            out.append([c.strip() for c in line.strip("|").split("|")])
    return out


def value(cell: str) -> float:
    return float(cell.replace("\u2212", "-").strip("*"))


def values(cell: str) -> list[float]:
    """ "[0.12, −0.535] (1 × 2, ...)" -> [0.12, -0.535]."""
    return [value(v) for v in cell.split("]")[0].strip("[").split(",")]


# --- the numbers ---------------------------------------------------------------------------------


def test_activation_values_and_thresholds_are_the_closed_forms():
    md = wf.activation_fallback()
    body = rows(md)[1:]
    assert [value(r[0]) for r in body] == list(wf.ACTIVATION_POINTS)
    for r in body:
        x = torch.tensor(value(r[0]), dtype=torch.float64, requires_grad=True)
        expected = []
        for f in (torch.sigmoid, torch.tanh, torch.relu):
            (g,) = torch.autograd.grad(f(x), x)
            expected += [f(x).item(), g.item()]
        assert [value(c) for c in r[1:]] == [round(v, 3) + 0.0 for v in expected], r
    # |σ'| = 0.05 where σ = (1 + √0.8)/2; |tanh'| = 0.05 where tanh = √0.95
    s = (1 + math.sqrt(1 - 4 * wf.SATURATION)) / 2
    cuts = {
        "sigmoid": math.log(s / (1 - s)),
        "tanh": math.atanh(math.sqrt(1 - wf.SATURATION)),
    }
    shown = [float(v) for v in re.findall(r"\|x\| > ([\d.]+)", md)]
    assert shown == [math.ceil(c * 100) / 100 for c in cuts.values()] == [2.89, 2.18]
    assert "never exceeds 0.25" in md  # σ'(0) = 1/4, its maximum


def test_network_values_are_pytorchs_autograd():
    s = wf.NETWORK
    table = {r[0]: r[1] for r in rows(wf.network_fallback())}
    x = torch.tensor([s["x"]], dtype=torch.float64)
    w1, w2 = (
        torch.tensor(layer["W"], dtype=torch.float64, requires_grad=True)
        for layer in s["layers"]
    )
    b1, b2 = (
        torch.tensor(layer["b"], dtype=torch.float64, requires_grad=True)
        for layer in s["layers"]
    )
    z1 = x @ w1 + b1
    z1.retain_grad()
    a1 = torch.sigmoid(z1)
    z2 = a1 @ w2 + b2
    z2.retain_grad()
    loss = ((z2 - torch.tensor([s["y"]], dtype=torch.float64)) ** 2).mean()
    loss.backward()
    close = lambda cell, t: np.testing.assert_allclose(
        values(cell), t.detach().numpy().ravel(), atol=5e-6
    )
    close(table[r"\(z^{(1)}\)"], z1)
    close(table[r"\(a^{(1)}\)"], a1)
    close(table[r"\(z^{(2)} = a^{(2)}\)"], z2)
    assert value(table[r"\(L\)"]) == pytest.approx(loss.item(), abs=5e-6)
    close(table[r"\(\delta^{(2)}\)"], z2.grad)
    close(table[r"\(\delta^{(1)}\)"], z1.grad)
    # shown like W^(2), 1 × 2
    close(table[r"\(\partial L/\partial W^{(2)}\)"], w2.grad.T)
    assert "(1 × 2, like" in table[r"\(\partial L/\partial W^{(2)}\)"]


def test_signal_values_are_numpys_convolve_and_correlate():
    md = wf.signal_fallback()
    x, h = wf.SIGNAL["x"], wf.SIGNAL["h"]
    header, xs, ys = rows(md)
    assert [int(c) for c in header[1:]] == list(range(len(x) + len(h) - 1))
    assert [value(c) for c in xs[1:] if c] == x
    assert [value(c) for c in ys[1:]] == np.convolve(x, h).tolist()
    assert ys[0] == r"\(y[n] = x[n] - x[n-1]\)"  # h = [1, -1]
    corr = re.search(r"opposite signs: \\\((.*)\\\)\.", md).group(1)
    assert [float(v) for v in corr.split(",")] == np.correlate(x, h, "full").tolist()
    assert r"gives \(y[n] = x[n-1] - x[n]\)" in md


def test_conv2d_output_and_first_sum_are_pytorchs():
    md = wf.conv2d_fallback()
    s = wf.CONV2D
    body = rows(md)[1:]
    n, k = len(s["input"]), len(s["kernel"])
    out = torch.nn.functional.conv2d(
        torch.tensor(s["input"], dtype=torch.float64)[None, None],
        torch.tensor(s["kernel"], dtype=torch.float64)[None, None],
        stride=s["stride"],
        padding=s["padding"],
    )[0, 0].tolist()
    assert [[value(c) for c in r[:n]] for r in body] == s["input"]
    assert [[value(c) for c in r[n + 1 : n + 1 + k]] for r in body[:k]] == s["kernel"]
    assert [[value(c) for c in r[n + k + 2 :]] for r in body[: len(out)]] == out
    terms = re.search(r"\\\((.*) = (-?\d+)\\\)\.", md)
    products = [
        tuple(float(v.strip("()")) for v in t.split(r"\cdot "))
        for t in terms.group(1).split(" + ")
    ]
    assert products == [
        (s["input"][u][v], s["kernel"][u][v]) for u in range(k) for v in range(k)
    ]
    assert sum(a * b for a, b in products) == float(terms.group(2)) == out[0][0]


def test_lenet_shapes_and_parameters_are_pytorchs():
    from syllabus_code.shapes import receptive_field

    md = wf.architecture_fallback()
    body = rows(md)[1:]
    nn = torch.nn
    make = {
        "conv": lambda c, s: nn.Conv2d(c, s["c_out"], s["k"], s["s"], s["p"]),
        "relu": lambda c, s: nn.ReLU(),
        "pool": lambda c, s: nn.MaxPool2d(s["k"], s["s"]),
        "flatten": lambda c, s: nn.Flatten(),
        "linear": lambda c, s: nn.Linear(c, s["n_out"]),
    }
    x = torch.zeros(1, *wf.LENET["input"])
    for r, layer in zip(body, wf.LENET["layers"], strict=True):
        module = make[layer["type"]](x.shape[1], layer)
        x = module(x)
        assert r[2] == " × ".join(map(str, x.shape[1:])), r
        assert int(r[3].replace(" ", "")) == sum(
            p.numel() for p in module.parameters()
        ), r
    convpool = [
        layer for layer in wf.LENET["layers"] if layer["type"] in ("conv", "pool")
    ]
    shown = [r[4] for r in body if r[1].startswith(("Conv2d", "MaxPool2d"))]
    assert shown == [f"{v} × {v}" for v in receptive_field(convpool)]
    assert all(
        r[4] == "whole input"
        for r in body[[r[1] for r in body].index("Linear 400 → 120") :]
    )
    assert "Total: 61 706 parameters." in md


# --- the states are the widgets' ----------------------------------------------------------------

JS = """Promise.all(["conv2d-worked-example", "signal-graph", "architecture-playground"].map(
  (w) => import(`./docs/javascripts/widgets/${w}/logic.js`))).then(([c, s, a]) => console.log(JSON.stringify(
  {input: c.DEFAULT_INPUT, kernel: c.DEFAULT_KERNEL, x: Object.values(s.X_PRESETS)[0],
   h: Object.values(s.H_PRESETS)[0], presets: a.PRESETS})))"""


def embed_config(name: str) -> dict:
    m = re.search(
        r"data-config='([^']*)'", (EMBEDS / f"{name}.md").read_text(encoding="utf-8")
    )
    return json.loads(m.group(1)) if m else {}


def test_the_fallback_states_are_the_widgets_defaults():
    js = json.loads(
        subprocess.run(
            ["node", "-e", JS],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    )
    assert (js["input"], js["kernel"]) == (wf.CONV2D["input"], wf.CONV2D["kernel"])
    assert embed_config("conv2d-worked-example") == {
        "stride": wf.CONV2D["stride"],
        "padding": wf.CONV2D["padding"],
    }
    assert (js["x"], js["h"]) == (wf.SIGNAL["x"], wf.SIGNAL["h"])
    assert embed_config("signal-graph") == {"mode": "convolution"}
    assert js["presets"][embed_config("architecture-playground")["preset"]] == wf.LENET
    assert embed_config("activation-visualizer") == {"activation": "sigmoid"}
    # the network's DEFAULT is a literal in view.js: quote its keys to read it as JSON
    view = (DOCS / "javascripts/widgets/network-visualizer/view.js").read_text(
        encoding="utf-8"
    )
    literal = re.search(r"const DEFAULT = (\{.*?\});", view, re.S).group(1)
    literal = re.sub(
        r",(\s*[}\]])", r"\1", re.sub(r"([{,]\s*)(\w+):", r'\1"\2":', literal)
    )
    default = json.loads(literal)
    state = {k: default[k] for k in wf.NETWORK}
    assert state == wf.NETWORK and default["sizes"] == [2, 2, 1]
