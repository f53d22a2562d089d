"""Tests for syllabus_code.numpy_nn.conv: worked example, gradient checks,
naive == fast, and parity with torch.nn.functional.conv2d (values and autograd, float64)."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from syllabus_code.numpy_nn.conv import (
    conv2d_backward,
    conv2d_forward,
    conv2d_input_grad_full_conv,
    conv2d_naive_backward,
    conv2d_naive_forward,
)
from syllabus_code.numpy_nn.gradcheck import check_gradient

IMPLS = [
    (conv2d_naive_forward, conv2d_naive_backward),
    (conv2d_forward, conv2d_backward),
]
IDS = ["naive", "fast"]


def test_worked_example_from_the_outline():
    image = np.array(
        [
            [-1, 2, 3, 4, 5],
            [-2, 4, 3, -1, 1],
            [2, 3, -8, 5, 6],
            [1, -2, 3, 4, 5],
            [5, 4, 0, 2, 1],
        ],
        dtype=float,
    )
    kernel = np.array([[1, 0, -1], [1, 0, -1], [1, 0, -1]], dtype=float)
    by_hand = (
        -1 * 1 + 2 * 0 + 3 * -1 + -2 * 1 + 4 * 0 + 3 * -1 + 2 * 1 + 3 * 0 + -8 * -1
    )
    assert by_hand == 1
    expected = np.array([[1, 1, -14], [3, -3, -14], [13, -6, -17]], dtype=float)
    for forward, _ in IMPLS:
        out, _ = forward(image[None, None], kernel[None, None], np.zeros(1))
        np.testing.assert_array_equal(out[0, 0], expected)


CASES = [  # (N, C, H, W, F, kh, kw, stride, padding)
    (2, 3, 7, 6, 4, 3, 2, 1, 0),
    (1, 2, 8, 8, 3, 3, 3, 2, 1),
    (2, 1, 9, 7, 2, 5, 3, 3, 2),
    (1, 4, 5, 5, 2, 1, 1, 1, 0),
    (3, 2, 6, 9, 5, 3, 3, 1, 1),  # 'same' padding p = (k - 1) / 2
    (
        1,
        1,
        6,
        6,
        1,
        3,
        3,
        2,
        0,
    ),  # floor case: (6 - 3) mod 2 = 1 row and column never read
]


@pytest.mark.parametrize("impl", IMPLS, ids=IDS)
@pytest.mark.parametrize("case", CASES)
def test_matches_torch_forward_and_autograd(impl, case):
    forward, backward = impl
    N, C, H, W, Fn, kh, kw, s, p = case
    rng = np.random.default_rng(sum(case))
    x, w, b = (
        rng.normal(size=(N, C, H, W)),
        rng.normal(size=(Fn, C, kh, kw)),
        rng.normal(size=Fn),
    )
    out, cache = forward(x, w, b, stride=s, padding=p)
    xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, w, b))
    ot = F.conv2d(xt, wt, bt, stride=s, padding=p)
    assert out.shape == tuple(ot.shape)
    np.testing.assert_allclose(out, ot.detach().numpy(), rtol=1e-10, atol=1e-12)
    dout = rng.normal(size=out.shape)
    ot.backward(torch.tensor(dout))
    dx, dw, db = backward(dout, cache)
    for mine, ref in ((dx, xt), (dw, wt), (db, bt)):
        np.testing.assert_allclose(mine, ref.grad.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("impl", IMPLS, ids=IDS)
def test_gradient_check(impl):
    forward, backward = impl
    rng = np.random.default_rng(7)
    x, w, b = (
        rng.normal(size=(2, 2, 5, 6)),
        rng.normal(size=(3, 2, 3, 3)),
        rng.normal(size=3),
    )
    dout = rng.normal(size=forward(x, w, b, 2, 1)[0].shape)

    def loss(x_, w_, b_):
        return float(np.sum(forward(x_, w_, b_, 2, 1)[0] * dout))  # L = <out, dout>

    dx, dw, db = backward(dout, forward(x, w, b, 2, 1)[1])
    assert check_gradient(lambda v: loss(v, w, b), x, dx) < 1e-6
    assert check_gradient(lambda v: loss(x, v, b), w, dw) < 1e-6
    assert check_gradient(lambda v: loss(x, w, v), b, db) < 1e-6
    # a wrong gradient must fail the same check
    assert check_gradient(lambda v: loss(x, v, b), w, dw[:, :, ::-1, ::-1]) > 1e-2


def test_fast_matches_naive_on_random_shapes():
    rng = np.random.default_rng(3)
    for _ in range(10):
        N, C, Fn = rng.integers(1, 3), rng.integers(1, 4), rng.integers(1, 4)
        kh, kw, s, p = (
            rng.integers(1, 4),
            rng.integers(1, 4),
            rng.integers(1, 4),
            rng.integers(0, 3),
        )
        H, W = rng.integers(kh, 8), rng.integers(kw, 8)
        x, w, b = (
            rng.normal(size=(N, C, H, W)),
            rng.normal(size=(Fn, C, kh, kw)),
            rng.normal(size=Fn),
        )
        o1, c1 = conv2d_naive_forward(x, w, b, int(s), int(p))
        o2, c2 = conv2d_forward(x, w, b, int(s), int(p))
        np.testing.assert_allclose(o1, o2, atol=1e-12)
        d = rng.normal(size=o1.shape)
        for g1, g2 in zip(conv2d_naive_backward(d, c1), conv2d_backward(d, c2)):
            np.testing.assert_allclose(g1, g2, atol=1e-12)


@pytest.mark.parametrize("padding", [0, 1, 2])
def test_input_gradient_is_full_convolution_with_rotated_kernel(padding):
    rng = np.random.default_rng(padding)
    x, w, b = (
        rng.normal(size=(2, 3, 6, 5)),
        rng.normal(size=(4, 3, 3, 2)),
        rng.normal(size=4),
    )
    out, cache = conv2d_forward(x, w, b, 1, padding)
    dout = rng.normal(size=out.shape)
    np.testing.assert_allclose(
        conv2d_input_grad_full_conv(dout, w, padding),
        conv2d_backward(dout, cache)[0],
        atol=1e-12,
    )


STRIDED = [  # (N, C, H, W, F, kh, kw, stride, padding); r = (n + 2p - k) mod s per axis
    (1, 1, 6, 6, 1, 3, 3, 2, 0),  # r = (1, 1): the course's floor example
    (2, 3, 7, 6, 4, 3, 3, 2, 1),  # r = (0, 1)
    (2, 2, 9, 7, 3, 5, 3, 3, 2),  # r = (2, 2)
    (1, 2, 8, 8, 2, 3, 3, 2, 1),  # r = (1, 1), with padding
    (1, 1, 7, 7, 1, 3, 3, 2, 0),  # r = (0, 0): exact division, no extra zeros
]


@pytest.mark.parametrize("case", STRIDED)
def test_strided_input_gradient_is_full_convolution_of_dilated_delta(case):
    N, C, H, W, Fn, kh, kw, s, p = case
    rng = np.random.default_rng(sum(case))
    x, w = rng.normal(size=(N, C, H, W)), rng.normal(size=(Fn, C, kh, kw))
    out, cache = conv2d_forward(x, w, np.zeros(Fn), stride=s, padding=p)
    dout = rng.normal(size=out.shape)
    xt = torch.tensor(x, requires_grad=True)
    F.conv2d(xt, torch.tensor(w), stride=s, padding=p).backward(torch.tensor(dout))
    r = ((H + 2 * p - kh) % s, (W + 2 * p - kw) % s)
    dx = conv2d_input_grad_full_conv(dout, w, padding=p, stride=s, output_padding=r)
    np.testing.assert_allclose(dx, xt.grad.numpy(), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(
        dx, conv2d_backward(dout, cache)[0], rtol=1e-10, atol=1e-12
    )
    transposed = F.conv_transpose2d(
        torch.tensor(dout), torch.tensor(w), stride=s, padding=p, output_padding=r
    )
    np.testing.assert_allclose(dx, transposed.numpy(), rtol=1e-10, atol=1e-12)
    # without the floor's extra zeros the gradient is r rows / columns short
    short = conv2d_input_grad_full_conv(dout, w, padding=p, stride=s)
    assert short.shape[2:] == (H - r[0], W - r[1])
    if r != (0, 0):
        assert short.shape != x.shape


def test_floor_case_never_read_pixels_get_zero_gradient():
    # n=6, k=3, s=2, p=0: windows start at 0 and 2 and cover 0..4; pixel 5 is never read
    rng = np.random.default_rng(11)
    x, w = rng.normal(size=(1, 1, 6, 6)), rng.normal(size=(1, 1, 3, 3))
    for forward, backward in IMPLS:
        out, cache = forward(x, w, np.zeros(1), stride=2)
        assert out.shape == (1, 1, 2, 2)
        dx = backward(np.ones(out.shape), cache)[0]
        assert dx.shape == x.shape
        assert np.all(dx[0, 0, 5, :] == 0) and np.all(dx[0, 0, :, 5] == 0)
        assert np.all(dx[0, 0, :5, :5] != 0)


@pytest.mark.parametrize("output_padding", [2, -1, (1,), (0, 2), 1.0, True])
def test_full_conv_rejects_bad_output_padding(output_padding):
    with pytest.raises(ValueError, match="output_padding"):
        conv2d_input_grad_full_conv(
            np.ones((1, 1, 2, 2)),
            np.ones((1, 1, 3, 3)),
            stride=2,
            output_padding=output_padding,
        )


def test_full_conv_rejects_bad_stride():
    with pytest.raises(ValueError, match="stride"):
        conv2d_input_grad_full_conv(
            np.ones((1, 1, 2, 2)), np.ones((1, 1, 3, 3)), stride=0
        )


def test_float32_stays_float32():
    x = np.ones((1, 1, 4, 4), dtype=np.float32)
    out, _ = conv2d_forward(x, np.ones((1, 1, 3, 3)), np.zeros(1))
    assert out.dtype == np.float32 and out[0, 0, 0, 0] == 9


@pytest.mark.parametrize("forward", [conv2d_naive_forward, conv2d_forward], ids=IDS)
@pytest.mark.parametrize(
    "x_shape, w_shape, s, p, message",
    [
        (
            (1, 1, 3, 3),
            (1, 1, 5, 5),
            1,
            0,
            r"kernel 5x5 is larger than the padded input 3x3",
        ),
        (
            (1, 1, 3, 3),
            (1, 1, 6, 6),
            1,
            1,
            r"larger than the padded input 5x5 \(input 3x3, padding 1\)",
        ),
        ((1, 1, 5, 5), (1, 1, 3, 3), 0, 0, r"stride must be >= 1, got 0"),
        ((1, 1, 5, 5), (1, 1, 3, 3), -2, 0, r"stride must be >= 1, got -2"),
        ((1, 1, 5, 5), (1, 1, 3, 3), 1, -1, r"padding must be >= 0, got -1"),
        ((1, 3, 5, 5), (2, 2, 3, 3), 1, 0, r"x has C=3 channels but w expects C=2"),
        (
            (3, 5, 5),
            (1, 3, 3, 3),
            1,
            0,
            r"x must be 4-D \(N, C, H, W\), got 3-D shape \(3, 5, 5\)",
        ),
        ((1, 3, 5, 5), (3, 3, 3), 1, 0, r"w must be 4-D \(F, C, kh, kw\), got 3-D"),
    ],
)
def test_bad_input(forward, x_shape, w_shape, s, p, message):
    with pytest.raises(ValueError, match=message):
        forward(
            np.zeros(x_shape),
            np.zeros(w_shape),
            np.zeros(w_shape[0]),
            stride=s,
            padding=p,
        )


def test_bad_bias_shape():
    with pytest.raises(ValueError, match=r"b must have shape \(F,\) = \(2,\)"):
        conv2d_forward(np.zeros((1, 1, 4, 4)), np.zeros((2, 1, 3, 3)), np.zeros(3))
