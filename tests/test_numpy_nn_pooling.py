"""Tests for syllabus_code.numpy_nn.pooling: torch parity (float64), gradient checks, tie rule."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from syllabus_code.numpy_nn.gradcheck import check_gradient
from syllabus_code.numpy_nn.pooling import (
    avg_pool_backward,
    avg_pool_forward,
    max_pool_backward,
    max_pool_forward,
)

OPS = {
    "max": (max_pool_forward, max_pool_backward, F.max_pool2d),
    "avg": (avg_pool_forward, avg_pool_backward, F.avg_pool2d),
}


@pytest.mark.parametrize("op", OPS)
@pytest.mark.parametrize(
    "shape, k, s",
    [
        ((2, 3, 8, 8), 2, 2),
        ((1, 2, 7, 9), 3, 2),
        ((2, 1, 6, 5), 2, 1),
        ((1, 2, 9, 9), 3, 3),
    ],
)
def test_matches_torch(op, shape, k, s):
    forward, backward, ref = OPS[op]
    rng = np.random.default_rng(k * 10 + s)
    x = rng.normal(size=shape)
    out, cache = forward(x, k, s)
    xt = torch.tensor(x, requires_grad=True)
    ot = ref(xt, k, s)
    np.testing.assert_allclose(out, ot.detach().numpy(), rtol=1e-12, atol=1e-14)
    dout = rng.normal(size=out.shape)
    ot.backward(torch.tensor(dout))
    np.testing.assert_allclose(
        backward(dout, cache), xt.grad.numpy(), rtol=1e-12, atol=1e-14
    )


@pytest.mark.parametrize("op", OPS)
def test_gradient_check(op):
    forward, backward, _ = OPS[op]
    rng = np.random.default_rng(5)
    # continuous values: no ties, max is differentiable here
    x = rng.normal(size=(2, 2, 7, 7))
    dout = rng.normal(size=forward(x, 3, 2)[0].shape)
    dx = backward(dout, forward(x, 3, 2)[1])
    assert (
        check_gradient(lambda v: float(np.sum(forward(v, 3, 2)[0] * dout)), x, dx)
        < 1e-6
    )


def test_max_pool_tie_goes_to_first_max_like_torch():
    x = np.array(
        [
            [
                [
                    [1.0, 3.0, 0.0, 0.0],
                    [3.0, 3.0, 0.0, 0.0],
                    [2.0, 5.0, 5.0, 5.0],
                    [5.0, 1.0, 5.0, 5.0],
                ]
            ]
        ]
    )
    out, cache = max_pool_forward(x, 2)
    dx = max_pool_backward(np.ones_like(out), cache)
    expected = np.array(
        [[0, 1, 1, 0], [0, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0]], dtype=float
    )
    np.testing.assert_array_equal(dx[0, 0], expected)
    xt = torch.tensor(x, requires_grad=True)
    F.max_pool2d(xt, 2).sum().backward()
    np.testing.assert_array_equal(dx, xt.grad.numpy())


def test_stride_defaults_to_window():
    out, _ = avg_pool_forward(np.arange(16.0).reshape(1, 1, 4, 4), 2)
    np.testing.assert_array_equal(out[0, 0], [[2.5, 4.5], [10.5, 12.5]])


@pytest.mark.parametrize("forward", [max_pool_forward, avg_pool_forward])
def test_bad_input(forward):
    with pytest.raises(
        ValueError, match=r"x must be 4-D \(N, C, H, W\), got 2-D shape \(4, 4\)"
    ):
        forward(np.zeros((4, 4)), 2)
    with pytest.raises(
        ValueError, match=r"kernel size k=5 is larger than the padded input"
    ):
        forward(np.zeros((1, 1, 4, 4)), 5)
    with pytest.raises(
        ValueError, match=r"s \(stride\) must be an integer >= 1, got 0"
    ):
        forward(np.zeros((1, 1, 4, 4)), 2, 0)
