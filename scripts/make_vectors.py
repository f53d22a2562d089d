"""Write the shared test vectors in ``tests/vectors/`` from ``syllabus_code``.

Each widget's JavaScript logic is tested (``node --test tests/js/``) against numbers that the
package computes, never against pasted literals:

* ``shapes.json``             architecture playground  <- ``syllabus_code.shapes``
* ``widgets-network.json``    network visualizer       <- ``numpy_nn.network`` and ``numpy_nn.losses``
* ``widgets-activation.json`` activation visualizer    <- ``numpy_nn.activations``
* ``widgets-conv2d.json``     2-D convolution example  <- ``numpy_nn.conv.conv2d_naive_forward``
* ``widgets-signal.json``     1-D signal graph         <- ``numpy_nn.conv.convolve1d`` / ``correlate1d``

The cases of the first three are in ``vectors_shapes.py`` and ``vectors_nn.py`` beside this file.
Run ``python scripts/make_vectors.py`` after changing any of those functions or the cases;
``tests/test_widgets_vectors.py`` checks that the committed files equal what this writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from syllabus_code import shapes
from syllabus_code.numpy_nn.conv import conv2d_naive_forward, convolve1d, correlate1d

# the sibling files below, however this is loaded
sys.path.insert(0, str(Path(__file__).resolve().parent))
from vectors_nn import activation_vectors, network_vectors  # noqa: E402
from vectors_shapes import shape_vectors  # noqa: E402

VECTORS = Path(__file__).resolve().parent.parent / "tests" / "vectors"

# ---- 2-D convolution worked example: numpy_nn.conv ---------------------------------------------

OUTLINE_INPUT = [
    [-1, 2, 3, 4, 5],
    [-2, 4, 3, -1, 1],
    [2, 3, -8, 5, 6],
    [1, -2, 3, 4, 5],
    [5, 4, 0, 2, 1],
]
EDGE_KERNEL = [[1, 0, -1], [1, 0, -1], [1, 0, -1]]
CONV2D_CASES = [
    {
        "input": OUTLINE_INPUT,
        "kernel": EDGE_KERNEL,
        "stride": 1,
        "padding": 0,
        "note": "the outline's example",
    },
    {"input": OUTLINE_INPUT, "kernel": EDGE_KERNEL, "stride": 2, "padding": 1},
    {
        "input": OUTLINE_INPUT,
        "kernel": [[1, 0, -1], [1, 1, -1], [1, 0, -1]],
        "stride": 1,
        "padding": 0,
        "note": "the kernel's centre set to 1",
    },
    {
        "input": [[1, 2, 3, 4]],
        "kernel": [[1, -1]],
        "stride": 1,
        "padding": 0,
        "note": "non-square",
    },
    {"input": [[1, 2], [3, 4]], "kernel": EDGE_KERNEL, "stride": 1, "padding": 1},
    {
        "input": [[0.5, -1.5, 2.25], [1, 0, -0.75], [3, 1, 1]],
        "kernel": [[0.1, 0.2], [0.3, -0.4]],
        "stride": 1,
        "padding": 2,
    },
    {
        "input": [[1] * 6] * 6,
        "kernel": [[1, 1, 1]] * 3,
        "stride": 2,
        "padding": 0,
        "note": "floor((6 - 3)/2) + 1 = 2",
    },
]


def conv2d_vectors() -> dict:
    cases = []
    for c in CONV2D_CASES:
        x = np.array(c["input"], dtype=np.float64)[None, None]
        w = np.array(c["kernel"], dtype=np.float64)[None, None]
        out, _ = conv2d_naive_forward(
            x, w, np.zeros(1), stride=c["stride"], padding=c["padding"]
        )
        cases.append({**c, "output": out[0, 0].tolist()})
    sizes = [
        {
            "n": n,
            "k": k,
            "p": p,
            "s": s,
            "expected": shapes.conv_output_size(n, k, s, p),
        }
        for n, k, p, s in [
            (5, 3, 0, 1),
            (5, 3, 1, 2),
            (32, 5, 0, 1),
            (6, 3, 0, 2),
            (9, 9, 4, 9),
        ]
    ]
    return {
        "_about": "The 2-D convolution example's output maps (cross-correlation, as CNN layers compute it) "
        "from syllabus_code.numpy_nn.conv.conv2d_naive_forward, and output sizes from shapes.",
        "cases": cases,
        "output_size": sizes,
    }


# ---- 1-D signal graph: numpy_nn.conv ------------------------------------------------------------

SIGNAL_CASES = [
    ([1, 2, 3], [0, 1, 0.5]),
    ([0, 1, 1, 1, 1, 0], [1, -1]),
    ([1, 2, 3, 4], [1, 2, 1]),
    ([1, 2, 3, 4], [1, 2, 3]),
    ([1, 2, 3, 4], [3, 2, 1]),
    ([3, 3, 3], [1 / 3, 1 / 3, 1 / 3]),
    ([0, 0.2, -0.1, 1, 0.9, 1.1, 1], [1, 2, 1]),
    ([1], [1, -1]),
    ([2.5], [4]),
]


def signal_vectors() -> dict:
    cases = []
    for x, h in SIGNAL_CASES:
        # the full cross-correlation is the valid one on x zero-padded by M - 1 on each side
        pad = np.pad(np.array(x, dtype=np.float64), len(h) - 1)
        cases.append(
            {
                "x": x,
                "h": h,
                "convolution": convolve1d(x, h).tolist(),
                "cross-correlation": correlate1d(pad, h).tolist(),
            }
        )
    return {
        "_about": "The signal graph's full convolution (numpy_nn.conv.convolve1d) and full cross-correlation "
        "(numpy_nn.conv.correlate1d on x zero-padded by len(h) - 1).",
        "cases": cases,
    }


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
