"""Tests for syllabus_code.shapes: shared JSON vectors, and every rule checked against PyTorch
(output sizes against real layers, parameter counts against nn.Conv2d, receptive fields against
the gradient of one output unit)."""

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from syllabus_code import shapes

VECTORS = json.loads((Path(__file__).parent / "vectors" / "shapes.json").read_text())
CASES = [
    (fn, case)
    for fn, cases in VECTORS.items()
    if not fn.startswith("_")
    for case in cases
]


@pytest.mark.parametrize(
    "fn, case", CASES, ids=[f"{fn}-{i}" for i, (fn, _) in enumerate(CASES)]
)
def test_vectors(fn, case):
    func = getattr(shapes, fn)
    if "error" in case:
        with pytest.raises(
            {"ValueError": ValueError, "TypeError": TypeError}[case["error"]]
        ):
            func(**case["args"])
    else:
        assert func(**case["args"]) == case["expected"]


@pytest.mark.parametrize(
    "case",
    [c for c in VECTORS["conv_output_size"] if "error" not in c],
    ids=lambda c: str(c["args"]),
)
def test_conv_output_size_matches_torch(case):
    a = case["args"]
    layer = nn.Conv2d(
        1, 1, a["k"], stride=a.get("s", 1), padding=a.get("p", 0), bias=False
    )
    with torch.no_grad():
        out = layer(torch.zeros(1, 1, a["n"], a["n"]))
    assert out.shape[-1] == case["expected"]


def test_alexnet_224_versus_227():
    # (224 - 11) / 4 = 53.25 is not an integer: frameworks take the floor and ignore the last 1 column
    assert (224 - 11) / 4 == 53.25
    assert shapes.conv_output_size(224, 11, 4) == 54
    assert shapes.conv_output_size(227, 11, 4) == 55
    out = nn.Conv2d(3, 1, 11, stride=4)(torch.zeros(1, 3, 224, 224))
    assert tuple(out.shape[-2:]) == (54, 54)


def test_pool_output_size_matches_torch():
    for n, k, s in [(28, 2, 2), (55, 3, 2), (13, 3, 2), (7, 2, 2), (9, 3, 1)]:
        out = nn.MaxPool2d(k, s)(torch.zeros(1, 1, n, n))
        assert shapes.pool_output_size(n, k, s) == out.shape[-1]


@pytest.mark.parametrize(
    "k_h, k_w, c_in, c_out, bias",
    [
        (5, 5, 1, 6, True),
        (3, 3, 64, 64, True),
        (11, 11, 3, 96, True),
        (3, 1, 8, 4, False),
        (1, 1, 256, 64, True),
    ],
)
def test_conv_params_matches_torch(k_h, k_w, c_in, c_out, bias):
    layer = nn.Conv2d(c_in, c_out, (k_h, k_w), bias=bias)
    assert shapes.conv_params(k_h, k_w, c_in, c_out, bias) == sum(
        p.numel() for p in layer.parameters()
    )


def test_dense_params_matches_torch_and_the_motivation_arithmetic():
    assert 224 * 224 * 3 == 150_528
    assert shapes.dense_params(150_528, 1000, bias=False) == 150_528_000
    assert shapes.dense_params(784, 10) == sum(
        p.numel() for p in nn.Linear(784, 10).parameters()
    )


def test_same_padding_keeps_size():
    for k in (1, 3, 5, 7):
        assert shapes.conv_output_size(17, k, 1, shapes.same_padding(k)) == 17


def test_stacked_3x3_versus_large_kernels():
    for c in (1, 16, 64):
        assert (
            shapes.stacked_kernel_params(c, 3, 2)
            == 18 * c * c
            < shapes.stacked_kernel_params(c, 5, 1)
            == 25 * c * c
        )
        assert (
            shapes.stacked_kernel_params(c, 3, 3)
            == 27 * c * c
            < shapes.stacked_kernel_params(c, 7, 1)
            == 49 * c * c
        )
    assert shapes.receptive_field([{"k": 3}] * 2)[-1] == 5
    assert shapes.receptive_field([{"k": 3}] * 3)[-1] == 7


def empirical_receptive_field(layers, size=64):
    """Width of the input region whose gradient is nonzero for one central output unit."""
    modules = []
    for layer in layers:
        # average pooling: every input of the window counts
        if layer.get("type", "conv") == "pool":
            modules.append(nn.AvgPool2d(layer["k"], layer.get("s", layer["k"])))
        else:
            conv = nn.Conv2d(1, 1, layer["k"], stride=layer.get("s", 1), bias=False)
            # positive weights: no accidental cancellation
            nn.init.constant_(conv.weight, 1.0)
            modules.append(conv)
    net = nn.Sequential(*modules).double()
    x = torch.zeros(1, 1, size, size, dtype=torch.float64, requires_grad=True)
    out = net(x)
    h, w = out.shape[-2:]
    out[0, 0, h // 2, w // 2].backward()
    rows = np.nonzero(x.grad[0, 0].abs().sum(dim=1).numpy())[0]
    cols = np.nonzero(x.grad[0, 0].abs().sum(dim=0).numpy())[0]
    return rows.max() - rows.min() + 1, cols.max() - cols.min() + 1


@pytest.mark.parametrize(
    "layers",
    [
        [{"k": 3}, {"k": 3}],
        [{"k": 3}, {"k": 3}, {"k": 3}],
        [
            {"k": 3, "s": 1},
            {"k": 3, "s": 2},
            {"type": "pool", "k": 2, "s": 2},
            {"k": 3, "s": 1},
        ],
        [{"k": 5, "s": 2}, {"k": 3, "s": 2}, {"k": 3, "s": 1}],
        [{"k": 7, "s": 2}, {"type": "pool", "k": 3, "s": 2}, {"k": 3}, {"k": 3}],
        # a pool without "s" has stride k, as in PyTorch, in receptive_field and stack_shapes alike
        [
            {"k": 5},
            {"type": "pool", "k": 2},
            {"k": 5},
            {"type": "pool", "k": 3},
            {"k": 3},
        ],
    ],
)
def test_receptive_field_matches_gradient_measurement(layers):
    rf = shapes.receptive_field(layers)[-1]
    assert empirical_receptive_field(layers, size=96) == (rf, rf)
    # and the whole-stack walker agrees
    stack = [dict(layer, type=layer.get("type", "conv"), c_out=1) for layer in layers]
    assert shapes.stack_shapes((1, 96, 96), stack)[-1]["rf"] == rf


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ((1, 1, 3, 3), (1, 1, 5, 5), 1, 0),
            r"kernel 5x5 is larger than the padded input 3x3",
        ),
        (((1, 1, 5, 5), (1, 1, 3, 3), 0, 0), r"stride must be >= 1, got 0"),
        (((1, 1, 5, 5), (1, 1, 3, 3), 1, -1), r"padding must be >= 0, got -1"),
        (((1, 3, 5, 5), (2, 2, 3, 3), 1, 0), r"x has C=3 channels but w expects C=2"),
        (
            ((5, 5), (1, 1, 3, 3), 1, 0),
            r"x must be 4-D \(N, C, H, W\), got 2-D shape \(5, 5\)",
        ),
        (
            ((1, 1, 5, 5), (1, 1, 3, 3, 1), 1, 0),
            r"w must be 4-D \(F, C, kh, kw\), got 5-D",
        ),
    ],
)
def test_conv2d_output_shape_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        shapes.conv2d_output_shape(*args)


def test_conv2d_output_shape_and_types():
    assert shapes.conv2d_output_shape((2, 3, 224, 224), (64, 3, 7, 7), 2, 3) == (
        2,
        64,
        112,
        112,
    )
    assert shapes.conv_output_size(np.int64(5), 3) == 3
    with pytest.raises(
        TypeError, match=r"k \(kernel size\) must be an integer, got 2.5"
    ):
        shapes.conv_output_size(5, 2.5)
    with pytest.raises(ValueError, match=r"input_shape must be \(C, H, W\)"):
        shapes.stack_shapes((8, 8), [])
