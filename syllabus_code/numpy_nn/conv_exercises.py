"""Checkers for the Module 5 exercises (convolutional networks).

Each ``check_exN(answer)`` returns a message starting with "Correct" when the answer is right and
raises :class:`WrongAnswer` (an ``AssertionError``) with a hint when it is not, so a solution cell
that runs without error is a right solution.
"""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn.conv import conv2d_backward, conv2d_forward
from syllabus_code.shapes import conv_output_size, conv_params, pool_output_size, receptive_field

__all__ = ["WrongAnswer", "EX1_INPUT", "EX1_KERNEL", "check_ex1", "check_ex2", "check_ex3", "check_ex4"]


class WrongAnswer(AssertionError):
    """Raised by a checker when the answer is not right; the message says what to look at."""


# Exercise 1: a 2x2 kernel with stride 2 over a 4x4 input, by hand.
EX1_INPUT = np.array([[1, 2, 0, -1],
                      [3, -1, 2, 2],
                      [0, 1, 1, 0],
                      [-2, 4, 3, 1]], dtype=float)
EX1_KERNEL = np.array([[1, -1],
                       [2, 0]], dtype=float)


def check_ex1(answer) -> str:
    """``answer``: the 2x2 output of cross-correlating EX1_INPUT with EX1_KERNEL, stride 2, no padding."""
    arr = np.asarray(answer, dtype=float)
    if arr.shape != (2, 2):
        raise WrongAnswer(f"expected a 2x2 map (floor((4 - 2)/2) + 1 = 2 per axis), got shape {arr.shape}")
    expected = conv2d_forward(EX1_INPUT[None, None], EX1_KERNEL[None, None], np.zeros(1), stride=2)[0][0, 0]
    if np.allclose(arr, expected):
        return "Correct: each output is one non-overlapping 2x2 window times the kernel."
    flipped = conv2d_forward(EX1_INPUT[None, None], EX1_KERNEL[None, None, ::-1, ::-1], np.zeros(1), stride=2)[0][0, 0]
    if np.allclose(arr, flipped):
        raise WrongAnswer("you flipped the kernel (true convolution); a CNN layer does not flip it")
    wrong = np.argwhere(~np.isclose(arr, expected))
    raise WrongAnswer(f"entries at positions {wrong.tolist()} are off; the window of out[i, j] "
                      "starts at input row 2i, column 2j")


def check_ex2(shape, params) -> str:
    """Input 3x32x32 -> conv 16 filters 5x5, stride 1, padding 2 -> 2x2 max pool (stride 2).

    ``shape``: the (C, H, W) after the pool; ``params``: the number of learnable parameters.
    """
    h = pool_output_size(conv_output_size(32, 5, 1, 2), 2)
    want_shape, want_params = (16, h, h), conv_params(5, 5, 3, 16)
    shape = tuple(int(v) for v in shape)
    if shape != want_shape:
        raise WrongAnswer(f"shape {shape} is not right: padding 2 keeps 32 ('same'), the pool halves it, "
                          "and the channels are the number of filters")
    if int(params) != want_params:
        hint = " (did you forget the biases?)" if int(params) == 5 * 5 * 3 * 16 else ""
        raise WrongAnswer(f"{params} parameters is not right{hint}; pooling has none")
    return f"Correct: {want_shape}, {want_params:,} parameters ((5*5*3 + 1) * 16)."


EX3_STACK = [{"k": 3, "s": 1}, {"k": 3, "s": 2}, {"k": 3, "s": 2}, {"k": 3, "s": 1}]


def check_ex3(rf) -> str:
    """``rf``: the receptive field (one side, in pixels) of a unit after the four layers of EX3_STACK."""
    want = receptive_field(EX3_STACK)[-1]
    if int(rf) == want:
        return f"Correct: 1 + 2*1 + 2*1 + 2*2 + 2*4 = {want}."
    if int(rf) == 9:
        raise WrongAnswer("9 ignores the strides: each kernel tap of a later layer is prod(strides below) pixels apart")
    raise WrongAnswer(f"{rf} is not right; apply RF_l = RF_(l-1) + (k_l - 1) * (product of the earlier strides)")


def check_ex4(kernel_grad) -> str:
    """``kernel_grad(x, delta) -> dw``: dL/dK for one channel and one filter, stride 1, no padding.

    ``x`` is (H, W), ``delta`` = dL/dY is (H - k + 1, W - k + 1); the result must be (k, k).
    Tested on random inputs against the layer's backward pass.
    """
    rng = np.random.default_rng(2024)
    for h, w, k in [(5, 5, 3), (6, 4, 2), (7, 7, 5)]:
        x = rng.normal(size=(h, w))
        kernel = rng.normal(size=(k, k))
        out, cache = conv2d_forward(x[None, None], kernel[None, None], np.zeros(1))
        delta = rng.normal(size=out.shape[2:])
        want = conv2d_backward(delta[None, None], cache)[1][0, 0]
        got = np.asarray(kernel_grad(x, delta), dtype=float)
        if got.shape != want.shape:
            raise WrongAnswer(f"for x {x.shape} and delta {delta.shape} the gradient must be {want.shape}, got {got.shape}")
        if not np.allclose(got, want, atol=1e-10):
            raise WrongAnswer(f"wrong values for x {x.shape}, kernel {k}x{k}: dK[s, t] = sum_ij delta[i, j] x[i + s, j + t]")
    return "Correct: the kernel gradient is the input cross-correlated with delta."
