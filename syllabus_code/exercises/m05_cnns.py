"""Checkers for the Module 5 exercises (``docs/05-cnns/exercises.md``)."""

from __future__ import annotations

import numpy as np

from syllabus_code.exercises._verdict import (
    as_array,
    as_function,
    as_int,
    as_sequence,
    not_yet,
    verdict,
)
from syllabus_code.numpy_nn.conv import conv2d_backward, conv2d_forward
from syllabus_code.shapes import (
    conv_output_size,
    conv_params,
    pool_output_size,
    receptive_field,
)

__all__ = [
    "EX1_INPUT",
    "EX1_KERNEL",
    "EX3_STACK",
    "check_ex1",
    "check_ex2",
    "check_ex3",
    "check_ex4",
]

# Exercise 1: a 2x2 kernel with stride 2 over a 4x4 input, by hand.
EX1_INPUT = np.array(
    [[1, 2, 0, -1], [3, -1, 2, 2], [0, 1, 1, 0], [-2, 4, 3, 1]], dtype=float
)
EX1_KERNEL = np.array([[1, -1], [2, 0]], dtype=float)

# Exercise 3: four 3x3 layers with strides 1, 2, 2, 1.
EX3_STACK = [{"k": 3, "s": 1}, {"k": 3, "s": 2}, {"k": 3, "s": 2}, {"k": 3, "s": 1}]


def _stride2(kernel: np.ndarray) -> np.ndarray:
    return conv2d_forward(
        EX1_INPUT[None, None], kernel[None, None], np.zeros(1), stride=2
    )[0][0, 0]


def check_ex1(answer) -> str:
    """Exercise 1: the 2x2 output of cross-correlating EX1_INPUT with EX1_KERNEL, stride 2, no padding."""
    arr = as_array(answer)
    if arr.shape != (2, 2):
        return not_yet(
            f"expected a 2x2 map (floor((4 - 2)/2) + 1 = 2 per axis), got shape {arr.shape}."
        )
    expected = _stride2(EX1_KERNEL)
    if np.allclose(arr, _stride2(EX1_KERNEL[::-1, ::-1])) and not np.allclose(
        arr, expected
    ):
        return not_yet(
            "you flipped the kernel (true convolution); a CNN layer does not flip it."
        )
    wrong = np.argwhere(~np.isclose(arr, expected))
    return verdict(
        wrong.size == 0,
        "each output is one non-overlapping 2x2 window times the kernel.",
        f"entries at positions {wrong.tolist()} are off; the window of out[i, j] "
        "starts at input row 2i, column 2j.",
    )


def check_ex2(answer) -> str:
    """Exercise 2: input 3x32x32 -> conv 16 filters 5x5, stride 1, padding 2 -> 2x2 max pool (stride 2).

    ``answer = (shape, params)``: the (C, H, W) after the pool and the number of learnable parameters.
    """
    shape, params = as_sequence(answer, 2, "a pair ((C, H, W), parameters)")
    shape = tuple(
        as_int(v, "shape entries") for v in as_sequence(shape, 3, "(C, H, W)", "shape")
    )
    params = as_int(params, "parameters")
    h = pool_output_size(conv_output_size(32, 5, 1, 2), 2)
    want_shape, want_params = (16, h, h), conv_params(5, 5, 3, 16)
    if shape != want_shape:
        return not_yet(
            f"shape {shape} is not right: padding 2 keeps 32 ('same'), the pool halves it, "
            "and the channels are the number of filters."
        )
    hint = " (did you forget the biases?)" if params == 5 * 5 * 3 * 16 else ""
    return verdict(
        params == want_params,
        f"{want_shape}, {want_params:,} parameters ((5*5*3 + 1) * 16).",
        f"{params} parameters is not right{hint}; pooling has none.",
    )


def check_ex3(answer) -> str:
    """Exercise 3: the receptive field (one side, in pixels) of a unit after the four layers of EX3_STACK."""
    rf = as_int(answer)
    want = receptive_field(EX3_STACK)[-1]
    if rf == 9:
        return not_yet(
            "9 ignores the strides: each kernel tap of a later layer is "
            "prod(strides below) pixels apart."
        )
    return verdict(
        rf == want,
        f"1 + 2*1 + 2*1 + 2*2 + 2*4 = {want}.",
        f"{rf} is not right; apply "
        "RF_l = RF_(l-1) + (k_l - 1) * (product of the earlier strides).",
    )


def check_ex4(answer) -> str:
    """Exercise 4: ``answer(x, delta) -> dw``, dL/dK for one channel and one filter, stride 1, no padding.

    ``x`` is (H, W), ``delta`` = dL/dY is (H - k + 1, W - k + 1); the result must be (k, k).
    Tested on random inputs against the layer's backward pass.
    """
    kernel_grad = as_function(answer)
    rng = np.random.default_rng(2024)
    for h, w, k in [(5, 5, 3), (6, 4, 2), (7, 7, 5)]:
        x = rng.normal(size=(h, w))
        kernel = rng.normal(size=(k, k))
        out, cache = conv2d_forward(x[None, None], kernel[None, None], np.zeros(1))
        delta = rng.normal(size=out.shape[2:])
        want = conv2d_backward(delta[None, None], cache)[1][0, 0]
        got = np.asarray(kernel_grad(x, delta), dtype=float)
        if got.shape != want.shape:
            return not_yet(
                f"for x {x.shape} and delta {delta.shape} the gradient must be "
                f"{want.shape}, got {got.shape}."
            )
        if not np.allclose(got, want, atol=1e-10):
            return not_yet(
                f"wrong values for x {x.shape}, kernel {k}x{k}: "
                "dK[s, t] = sum_ij delta[i, j] x[i + s, j + t]."
            )
    return "Correct: the kernel gradient is the input cross-correlated with delta."
