"""The network and activation visualizers' test vectors (``tests/vectors/widgets-network.json``,
``widgets-activation.json``), computed by ``syllabus_code.numpy_nn``. Written by
``make_vectors.py`` beside this file.
"""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn import activations as act
from syllabus_code.numpy_nn.losses import mse
from syllabus_code.numpy_nn.network import mlp_backward, mlp_forward

# ---- network visualizer: numpy_nn.network ------------------------------------------------------

NETWORK_CASES = [
    {
        "sizes": [2, 2, 1],
        "activation": "sigmoid",
        "output": "identity",
        "x": [1.0, 0.5],
        "y": [1.0],
        "lr": 0.5,
        "seed": 0,
    },
    {
        "sizes": [3, 4, 2],
        "activation": "tanh",
        "output": "sigmoid",
        "x": [0.2, -1.0, 0.7],
        "y": [0.0, 1.0],
        "lr": 0.1,
        "seed": 1,
    },
    {
        "sizes": [2, 3, 3, 2],
        "activation": "relu",
        "output": "identity",
        "x": [1.5, -0.5],
        "y": [0.5, -1.0],
        "lr": 0.05,
        "seed": 2,
    },
]


def network_case(case: dict) -> dict:
    rng = np.random.default_rng(case["seed"])
    sizes, L = case["sizes"], len(case["sizes"]) - 1
    params = {}
    for l in range(1, L + 1):
        params[f"W{l}"] = np.round(rng.uniform(-1, 1, (sizes[l - 1], sizes[l])), 2)
        params[f"b{l}"] = np.round(rng.uniform(-0.5, 0.5, sizes[l]), 2)
    out, cache = mlp_forward(
        np.array([case["x"]]),
        params,
        activation=case["activation"],
        output=case["output"],
    )
    loss, grad_out = mse(out, np.array([case["y"]]))
    grads = mlp_backward(grad_out, cache)
    A, Z = cache[0], cache[1]
    step = lambda name: (params[name] - case["lr"] * grads[name]).tolist()  # noqa: E731
    return {
        **case,
        "layers": [
            {"W": params[f"W{l}"].tolist(), "b": params[f"b{l}"].tolist()}
            for l in range(1, L + 1)
        ],
        "z": [Z[l][0].tolist() for l in range(1, L + 1)],
        "a": [A[l][0].tolist() for l in range(1, L + 1)],
        "loss": float(loss),
        "dW": [grads[f"W{l}"].tolist() for l in range(1, L + 1)],
        "db": [grads[f"b{l}"].tolist() for l in range(1, L + 1)],
        "updated": [{"W": step(f"W{l}"), "b": step(f"b{l}")} for l in range(1, L + 1)],
    }


def network_vectors() -> dict:
    return {
        "_about": "The network visualizer's shared vectors, computed by syllabus_code.numpy_nn "
        "(mlp_forward, mse, mlp_backward) by scripts/make_vectors.py.",
        "cases": [network_case(c) for c in NETWORK_CASES],
    }


# ---- activation visualizer: numpy_nn.activations -----------------------------------------------

# The widget's activations with an alpha where they have one (None: no alpha).
ACTIVATION_CASES = [
    ("sigmoid", None),
    ("tanh", None),
    ("relu", None),
    ("leaky_relu", 0.1),
    ("leaky_relu", 0.2),
    ("elu", 1.0),
    ("elu", 0.5),
]
POINTS = [-800.0, -6.0, -3.3, -1.0, -0.7, 0.0, 0.4, 1.0, 2.9, 6.0, 800.0]
SATURATION = {"xmin": -6.0, "xmax": 6.0, "threshold": 0.05}
SOFTMAX_CASES = [
    [2.0, 1.0, 0.1],
    [1000.0, 1000.0, 999.0],
    [0.0],
    [-1.0, 0.0, 1.0, 2.0],
    [710.0, -710.0, 0.0],
]


def _g(name: str, alpha):
    f, df = act.ACTIVATIONS[name]
    kw = {} if alpha is None else {"alpha": alpha}
    return (lambda x: float(f(np.array([x]), **kw)[0])), (
        lambda x: float(df(np.array([x]), **kw)[0])
    )


def saturated_intervals(
    df, xmin: float, xmax: float, threshold: float, n: int = 1201
) -> list[list[float]]:
    """Where |g'| < threshold on [xmin, xmax]: a grid, then each switch point by bisection."""
    low = lambda x: abs(df(x)) < threshold  # noqa: E731
    xs = np.linspace(xmin, xmax, n)
    out, start = [], (xmin if low(xmin) else None)
    for a, b in zip(xs[:-1], xs[1:]):
        if low(a) != low(b):
            la = low(a)
            for _ in range(80):
                m = (a + b) / 2
                a, b = (m, b) if low(m) == la else (a, m)
            edge = float((a + b) / 2)
            if start is None:
                start = edge
            else:
                out.append([start, edge])
                start = None
    if start is not None:
        out.append([start, xmax])
    return out


def activation_vectors() -> dict:
    cases = []
    for name, alpha in ACTIVATION_CASES:
        f, df = _g(name, alpha)
        cases.append(
            {
                "name": name,
                "alpha": alpha,
                "x": POINTS,
                "f": [f(x) for x in POINTS],
                "df": [df(x) for x in POINTS],
                "saturated": saturated_intervals(df, **SATURATION),
            }
        )
    softmax = []
    for z in SOFTMAX_CASES:
        p = act.softmax(np.array(z))
        eye = np.eye(len(z))
        # row j: J^T e_j = column j of J (J is symmetric)
        jac = np.array([act.softmax_jvp(p, e) for e in eye])
        softmax.append({"z": z, "p": p.tolist(), "jacobian": jac.tolist()})
    return {
        "_about": "The activation visualizer's values f(x), f'(x), saturated intervals (|f'| < threshold) "
        "and softmax with its Jacobian, from syllabus_code.numpy_nn.activations.",
        "saturation": SATURATION,
        "cases": cases,
        "softmax": softmax,
    }
