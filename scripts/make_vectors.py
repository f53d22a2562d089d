"""Write the shared test vectors in ``tests/vectors/`` from ``syllabus_code``.

Each widget's JavaScript logic is tested (``node --test tests/js/``) against numbers that the
package computes, never against pasted literals:

* ``shapes.json``             architecture playground  <- ``syllabus_code.shapes``
* ``widgets-network.json``    network visualizer       <- ``numpy_nn.network`` and ``numpy_nn.losses``
* ``widgets-activation.json`` activation visualizer    <- ``numpy_nn.activations``
* ``widgets-conv2d.json``     2-D convolution example  <- ``numpy_nn.conv.conv2d_naive_forward``
* ``widgets-signal.json``     1-D signal graph         <- ``numpy_nn.conv.convolve1d`` / ``correlate1d``

Run ``python scripts/make_vectors.py`` after changing any of those functions or the cases
below; ``tests/test_widgets_vectors.py`` checks that the committed files equal what this writes.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from syllabus_code import shapes
from syllabus_code.numpy_nn import activations as act
from syllabus_code.numpy_nn.conv import conv2d_naive_forward, convolve1d, correlate1d
from syllabus_code.numpy_nn.losses import mse
from syllabus_code.numpy_nn.network import mlp_backward, mlp_forward

VECTORS = Path(__file__).resolve().parent.parent / "tests" / "vectors"

# ---- architecture playground: syllabus_code.shapes -------------------------------------------

# (function, keyword args, note); the expected value or the error class comes from shapes.
SHAPE_CASES = [
    ("conv_output_size", {"n": 5, "k": 3}, "the outline's 5x5 worked example"),
    ("conv_output_size", {"n": 32, "k": 5}, "LeNet C1 on 32x32"),
    ("conv_output_size", {"n": 28, "k": 5, "p": 2}, "same padding"),
    ("conv_output_size", {"n": 224, "k": 11, "s": 4}, "AlexNet conv1 at 224: (224-11)/4 = 53.25, floor"),
    ("conv_output_size", {"n": 227, "k": 11, "s": 4}, "AlexNet conv1 at 227: exact"),
    ("conv_output_size", {"n": 224, "k": 11, "s": 4, "p": 2}, "torchvision AlexNet: 224 with padding 2"),
    ("conv_output_size", {"n": 224, "k": 7, "s": 2, "p": 3}, "ResNet stem"),
    ("conv_output_size", {"n": 7, "k": 3, "s": 2}, None),
    ("conv_output_size", {"n": 8, "k": 3, "s": 2, "p": 1}, None),
    ("conv_output_size", {"n": 1, "k": 3, "p": 1}, None),
    ("conv_output_size", {"n": 3, "k": 5}, None),
    ("conv_output_size", {"n": 5, "k": 3, "s": 0}, None),
    ("conv_output_size", {"n": 5, "k": 3, "p": -1}, None),
    ("conv_output_size", {"n": 0, "k": 1}, None),
    ("pool_output_size", {"n": 28, "k": 2}, None),
    ("pool_output_size", {"n": 55, "k": 3, "s": 2}, "AlexNet overlapping pooling"),
    ("pool_output_size", {"n": 13, "k": 3, "s": 2}, None),
    ("pool_output_size", {"n": 7, "k": 2}, None),
    ("pool_output_size", {"n": 1, "k": 2}, None),
    *[("same_padding", {"k": k}, None) for k in (1, 3, 5, 7, 4)],
    ("conv_params", {"k_h": 5, "k_w": 5, "c_in": 1, "c_out": 6}, "LeNet C1"),
    ("conv_params", {"k_h": 3, "k_w": 3, "c_in": 64, "c_out": 64}, None),
    ("conv_params", {"k_h": 11, "k_w": 11, "c_in": 3, "c_out": 96}, "AlexNet conv1"),
    ("conv_params", {"k_h": 3, "k_w": 3, "c_in": 3, "c_out": 64, "bias": False}, None),
    ("conv_params", {"k_h": 1, "k_w": 1, "c_in": 256, "c_out": 64}, None),
    ("conv_params", {"k_h": 0, "k_w": 3, "c_in": 3, "c_out": 1}, None),
    ("dense_params", {"n_in": 150528, "n_out": 1000}, "224x224x3 into 1,000 units"),
    ("dense_params", {"n_in": 150528, "n_out": 1000, "bias": False}, None),
    ("dense_params", {"n_in": 784, "n_out": 10}, None),
    *[("stacked_kernel_params", {"channels": c, "k": k, "layers": n}, None)
      for c, k, n in [(1, 3, 2), (1, 5, 1), (1, 3, 3), (1, 7, 1), (64, 3, 3), (64, 7, 1)]],
    ("receptive_field", {"layers": [{"k": 3}, {"k": 3}]}, None),
    ("receptive_field", {"layers": [{"k": 3}, {"k": 3}, {"k": 3}]}, None),
    ("receptive_field", {"layers": [{"k": 3, "s": 1}, {"k": 3, "s": 2}, {"k": 2, "s": 2}, {"k": 3, "s": 1}]}, None),
    ("receptive_field", {"layers": [{"k": 11, "s": 4}, {"k": 3, "s": 2}, {"k": 5, "s": 1}, {"k": 3, "s": 2},
                                    {"k": 3}, {"k": 3}, {"k": 3}, {"k": 3, "s": 2}]}, "AlexNet features"),
    ("receptive_field", {"layers": [{"type": "conv", "k": 5}, {"type": "pool", "k": 2}, {"type": "conv", "k": 5},
                                    {"type": "pool", "k": 2}]},
     "LeNet-5 features: a pool's stride defaults to its kernel size, as in stack_shapes"),
    ("receptive_field", {"layers": [{"type": "pool", "k": 3, "s": 1}, {"k": 3}]},
     "an explicit stride wins; a layer without a type has stride 1"),
    ("receptive_field", {"layers": [{"k": 0}]}, None),
    ("receptive_field", {"layers": [{"k": 3, "s": 0}]}, None),
    ("stack_shapes", {"input_shape": [1, 32, 32], "layers": [
        {"type": "conv", "k": 5, "c_out": 6}, {"type": "pool", "k": 2},
        {"type": "conv", "k": 5, "c_out": 16}, {"type": "pool", "k": 2}]}, "LeNet-5 feature extractor"),
    ("stack_shapes", {"input_shape": [3, 224, 224], "layers": [
        {"type": "conv", "k": 11, "s": 4, "p": 2, "c_out": 64}, {"type": "pool", "k": 3, "s": 2}]}, None),
    ("stack_shapes", {"input_shape": [3, 8, 8], "layers": [{"type": "dense", "k": 1}]}, None),
    ("stack_shapes", {"input_shape": [3, 4, 4], "layers": [{"type": "conv", "k": 5, "c_out": 2}]}, None),
]


def shape_vectors() -> dict:
    out: dict = {"_about": "Test vectors for syllabus_code/shapes.py (and any widget re-implementing it). "
                           "Each case: function name, keyword args, and either expected or error."}
    for fn, args, note in SHAPE_CASES:
        case: dict = {"args": args}
        try:
            case["expected"] = getattr(shapes, fn)(**args)
        except (ValueError, TypeError) as e:
            case["error"] = type(e).__name__
        if note:
            case["note"] = note
        out.setdefault(fn, []).append(case)
    return out


# ---- network visualizer: numpy_nn.network ------------------------------------------------------

NETWORK_CASES = [
    {"sizes": [2, 2, 1], "activation": "sigmoid", "output": "identity",
     "x": [1.0, 0.5], "y": [1.0], "lr": 0.5, "seed": 0},
    {"sizes": [3, 4, 2], "activation": "tanh", "output": "sigmoid",
     "x": [0.2, -1.0, 0.7], "y": [0.0, 1.0], "lr": 0.1, "seed": 1},
    {"sizes": [2, 3, 3, 2], "activation": "relu", "output": "identity",
     "x": [1.5, -0.5], "y": [0.5, -1.0], "lr": 0.05, "seed": 2},
]


def network_case(case: dict) -> dict:
    rng = np.random.default_rng(case["seed"])
    sizes, L = case["sizes"], len(case["sizes"]) - 1
    params = {}
    for l in range(1, L + 1):
        params[f"W{l}"] = np.round(rng.uniform(-1, 1, (sizes[l - 1], sizes[l])), 2)
        params[f"b{l}"] = np.round(rng.uniform(-0.5, 0.5, sizes[l]), 2)
    out, cache = mlp_forward(np.array([case["x"]]), params, activation=case["activation"], output=case["output"])
    loss, grad_out = mse(out, np.array([case["y"]]))
    grads = mlp_backward(grad_out, cache)
    A, Z = cache[0], cache[1]
    step = lambda name: (params[name] - case["lr"] * grads[name]).tolist()  # noqa: E731
    return {
        **case,
        "layers": [{"W": params[f"W{l}"].tolist(), "b": params[f"b{l}"].tolist()} for l in range(1, L + 1)],
        "z": [Z[l][0].tolist() for l in range(1, L + 1)],
        "a": [A[l][0].tolist() for l in range(1, L + 1)],
        "loss": float(loss),
        "dW": [grads[f"W{l}"].tolist() for l in range(1, L + 1)],
        "db": [grads[f"b{l}"].tolist() for l in range(1, L + 1)],
        "updated": [{"W": step(f"W{l}"), "b": step(f"b{l}")} for l in range(1, L + 1)],
    }


def network_vectors() -> dict:
    return {"_about": "The network visualizer's shared vectors, computed by syllabus_code.numpy_nn "
                      "(mlp_forward, mse, mlp_backward) by scripts/make_vectors.py.",
            "cases": [network_case(c) for c in NETWORK_CASES]}


# ---- activation visualizer: numpy_nn.activations -----------------------------------------------

# The widget's activations with an alpha where they have one (None: no alpha).
ACTIVATION_CASES = [("sigmoid", None), ("tanh", None), ("relu", None), ("leaky_relu", 0.1), ("leaky_relu", 0.2),
                    ("elu", 1.0), ("elu", 0.5)]
POINTS = [-800.0, -6.0, -3.3, -1.0, -0.7, 0.0, 0.4, 1.0, 2.9, 6.0, 800.0]
SATURATION = {"xmin": -6.0, "xmax": 6.0, "threshold": 0.05}
SOFTMAX_CASES = [[2.0, 1.0, 0.1], [1000.0, 1000.0, 999.0], [0.0], [-1.0, 0.0, 1.0, 2.0], [710.0, -710.0, 0.0]]


def _g(name: str, alpha):
    f, df = act.ACTIVATIONS[name]
    kw = {} if alpha is None else {"alpha": alpha}
    return (lambda x: float(f(np.array([x]), **kw)[0])), (lambda x: float(df(np.array([x]), **kw)[0]))


def saturated_intervals(df, xmin: float, xmax: float, threshold: float, n: int = 1201) -> list[list[float]]:
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
        cases.append({"name": name, "alpha": alpha, "x": POINTS, "f": [f(x) for x in POINTS],
                      "df": [df(x) for x in POINTS], "saturated": saturated_intervals(df, **SATURATION)})
    softmax = []
    for z in SOFTMAX_CASES:
        p = act.softmax(np.array(z))
        eye = np.eye(len(z))
        jac = np.array([act.softmax_jvp(p, e) for e in eye])  # row j: J^T e_j = column j of J (J is symmetric)
        softmax.append({"z": z, "p": p.tolist(), "jacobian": jac.tolist()})
    return {"_about": "The activation visualizer's values f(x), f'(x), saturated intervals (|f'| < threshold) "
                      "and softmax with its Jacobian, from syllabus_code.numpy_nn.activations.",
            "saturation": SATURATION, "cases": cases, "softmax": softmax}


# ---- 2-D convolution worked example: numpy_nn.conv ---------------------------------------------

OUTLINE_INPUT = [[-1, 2, 3, 4, 5], [-2, 4, 3, -1, 1], [2, 3, -8, 5, 6], [1, -2, 3, 4, 5], [5, 4, 0, 2, 1]]
EDGE_KERNEL = [[1, 0, -1], [1, 0, -1], [1, 0, -1]]
CONV2D_CASES = [
    {"input": OUTLINE_INPUT, "kernel": EDGE_KERNEL, "stride": 1, "padding": 0, "note": "the outline's example"},
    {"input": OUTLINE_INPUT, "kernel": EDGE_KERNEL, "stride": 2, "padding": 1},
    {"input": OUTLINE_INPUT, "kernel": [[1, 0, -1], [1, 1, -1], [1, 0, -1]], "stride": 1, "padding": 0,
     "note": "the kernel's centre set to 1"},
    {"input": [[1, 2, 3, 4]], "kernel": [[1, -1]], "stride": 1, "padding": 0, "note": "non-square"},
    {"input": [[1, 2], [3, 4]], "kernel": EDGE_KERNEL, "stride": 1, "padding": 1},
    {"input": [[0.5, -1.5, 2.25], [1, 0, -0.75], [3, 1, 1]], "kernel": [[0.1, 0.2], [0.3, -0.4]],
     "stride": 1, "padding": 2},
    {"input": [[1] * 6] * 6, "kernel": [[1, 1, 1]] * 3, "stride": 2, "padding": 0, "note": "floor((6 - 3)/2) + 1 = 2"},
]


def conv2d_vectors() -> dict:
    cases = []
    for c in CONV2D_CASES:
        x = np.array(c["input"], dtype=np.float64)[None, None]
        w = np.array(c["kernel"], dtype=np.float64)[None, None]
        out, _ = conv2d_naive_forward(x, w, np.zeros(1), stride=c["stride"], padding=c["padding"])
        cases.append({**c, "output": out[0, 0].tolist()})
    sizes = [{"n": n, "k": k, "p": p, "s": s, "expected": shapes.conv_output_size(n, k, s, p)}
             for n, k, p, s in [(5, 3, 0, 1), (5, 3, 1, 2), (32, 5, 0, 1), (6, 3, 0, 2), (9, 9, 4, 9)]]
    return {"_about": "The 2-D convolution example's output maps (cross-correlation, as CNN layers compute it) "
                      "from syllabus_code.numpy_nn.conv.conv2d_naive_forward, and output sizes from shapes.",
            "cases": cases, "output_size": sizes}


# ---- 1-D signal graph: numpy_nn.conv ------------------------------------------------------------

SIGNAL_CASES = [([1, 2, 3], [0, 1, 0.5]), ([0, 1, 1, 1, 1, 0], [1, -1]), ([1, 2, 3, 4], [1, 2, 1]),
                ([1, 2, 3, 4], [1, 2, 3]), ([1, 2, 3, 4], [3, 2, 1]), ([3, 3, 3], [1 / 3, 1 / 3, 1 / 3]),
                ([0, 0.2, -0.1, 1, 0.9, 1.1, 1], [1, 2, 1]), ([1], [1, -1]), ([2.5], [4])]


def signal_vectors() -> dict:
    cases = []
    for x, h in SIGNAL_CASES:
        # the full cross-correlation is the valid one on x zero-padded by M - 1 on each side
        pad = np.pad(np.array(x, dtype=np.float64), len(h) - 1)
        cases.append({"x": x, "h": h, "convolution": convolve1d(x, h).tolist(),
                      "cross-correlation": correlate1d(pad, h).tolist()})
    return {"_about": "The signal graph's full convolution (numpy_nn.conv.convolve1d) and full cross-correlation "
                      "(numpy_nn.conv.correlate1d on x zero-padded by len(h) - 1).", "cases": cases}


# ---- writing ------------------------------------------------------------------------------------

FILES = {
    "shapes.json": shape_vectors,
    "widgets-network.json": network_vectors,
    "widgets-activation.json": activation_vectors,
    "widgets-conv2d.json": conv2d_vectors,
    "widgets-signal.json": signal_vectors,
}


def dumps(data: dict) -> str:
    """JSON with one line per case: readable diffs, and each case greppable."""
    lines = []
    for key, value in data.items():
        if isinstance(value, list):
            items = ",\n".join(f"    {json.dumps(v, allow_nan=False)}" for v in value)
            lines.append(f"  {json.dumps(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, allow_nan=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def generate() -> dict[str, dict]:
    return {name: make() for name, make in FILES.items()}


def main() -> None:
    for name, data in generate().items():
        (VECTORS / name).write_text(dumps(data))
        print("wrote", VECTORS / name)


if __name__ == "__main__":
    main()
