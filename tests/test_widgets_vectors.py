"""The network visualizer's shared vectors agree with ``syllabus_code.numpy_nn``.

``tests/vectors/widgets-network.json`` is read by the widget's node tests
(``tests/js/network-visualizer.test.mjs``); this test recomputes every case with
``mlp_forward``/``mlp_backward`` and ``mse``. Regenerate with
``.venv/bin/python tests/test_widgets_vectors.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from syllabus_code.numpy_nn.losses import mse
from syllabus_code.numpy_nn.network import mlp_backward, mlp_forward

VECTORS = Path(__file__).resolve().parent / "vectors" / "widgets-network.json"

CASES = [
    {"sizes": [2, 2, 1], "activation": "sigmoid", "output": "identity", "x": [1.0, 0.5], "y": [1.0], "lr": 0.5, "seed": 0},
    {"sizes": [3, 4, 2], "activation": "tanh", "output": "sigmoid", "x": [0.2, -1.0, 0.7], "y": [0.0, 1.0], "lr": 0.1, "seed": 1},
    {"sizes": [2, 3, 3, 2], "activation": "relu", "output": "identity", "x": [1.5, -0.5], "y": [0.5, -1.0], "lr": 0.05, "seed": 2},
]


def compute(case: dict) -> dict:
    rng = np.random.default_rng(case["seed"])
    sizes = case["sizes"]
    params = {}
    for l in range(1, len(sizes)):
        params[f"W{l}"] = np.round(rng.uniform(-1, 1, (sizes[l - 1], sizes[l])), 2)
        params[f"b{l}"] = np.round(rng.uniform(-0.5, 0.5, sizes[l]), 2)
    x = np.array([case["x"]])
    out, cache = mlp_forward(x, params, activation=case["activation"], output=case["output"])
    loss, grad_out = mse(out, np.array([case["y"]]))
    grads = mlp_backward(grad_out, cache)
    A, Z = cache[0], cache[1]
    L = len(sizes) - 1
    return {
        **case,
        "layers": [{"W": params[f"W{l}"].tolist(), "b": params[f"b{l}"].tolist()} for l in range(1, L + 1)],
        "z": [Z[l][0].tolist() for l in range(1, L + 1)],
        "a": [A[l][0].tolist() for l in range(1, L + 1)],
        "loss": loss,
        "dW": [grads[f"W{l}"].tolist() for l in range(1, L + 1)],
        "db": [grads[f"b{l}"].tolist() for l in range(1, L + 1)],
        "updated": [{"W": (params[f"W{l}"] - case["lr"] * grads[f"W{l}"]).tolist(),
                     "b": (params[f"b{l}"] - case["lr"] * grads[f"b{l}"]).tolist()} for l in range(1, L + 1)],
    }


def test_vectors_match_numpy_nn():
    stored = json.loads(VECTORS.read_text())
    assert len(stored["cases"]) == len(CASES)
    for got, case in zip(stored["cases"], CASES):
        want = compute(case)
        for key in ("z", "a", "dW", "db"):
            for g, w in zip(got[key], want[key]):
                np.testing.assert_allclose(g, w, rtol=1e-12, atol=1e-15)
        assert abs(got["loss"] - want["loss"]) < 1e-12


if __name__ == "__main__":
    VECTORS.write_text(json.dumps({"_about": __doc__.strip().splitlines()[0], "cases": [compute(c) for c in CASES]}, indent=1) + "\n")
    print("wrote", VECTORS)
