"""Convolution from scratch: 2-D conv layers (1-D convolution and cross-correlation are in
:mod:`syllabus_code.numpy_nn.conv1d`, re-exported here).

Two 2-D implementations share one contract (CS231n style):

* ``conv2d_naive_forward(x, w, b, stride, padding) -> (out, cache)`` and
  ``conv2d_naive_backward(dout, cache) -> (dx, dw, db)``: explicit loops, written to be read;
* ``conv2d_forward`` / ``conv2d_backward``: the same maths with im2col (a strided view of the
  padded input copied into one matrix) and a single matrix product; used for training.

Shapes (NCHW): ``x`` (N, C, H, W), ``w`` (F, C, kh, kw), ``b`` (F,), ``out`` (N, F, H_out, W_out)
with H_out = floor((H - kh + 2p) / s) + 1 (see :func:`syllabus_code.shapes.conv_output_size`).

What deep-learning libraries call "convolution" is **cross-correlation**: the kernel is *not*
flipped. A true convolution flips the kernel; the two agree once the kernel is flipped, and a
learned kernel does not care which one you use (it simply learns the flipped weights).
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import (
    as_array,
    as_float_array,
    check_dout,
    check_int,
    check_work,
    is_integer,
)
from syllabus_code.numpy_nn.conv1d import convolve1d, correlate1d
from syllabus_code.numpy_nn.im2col import _col2im, _im2col
from syllabus_code.shapes import conv2d_output_shape

__all__ = [
    "convolve1d",
    "correlate1d",
    "conv2d_naive_forward",
    "conv2d_naive_backward",
    "conv2d_forward",
    "conv2d_backward",
    "conv2d_input_grad_full_conv",
]


def _check_conv_args(x, w, b, stride, padding, naive: bool = False):
    x = as_array(x, "x")  # shapes are checked, with their meaning, just below
    w = as_array(w, "w").astype(x.dtype, copy=False)
    b = as_array(b, "b").astype(x.dtype, copy=False)
    # names the numbers
    N, F, H_out, W_out = conv2d_output_shape(x.shape, w.shape, stride, padding)
    if b.shape != (F,):
        raise ValueError(f"b must have shape (F,) = ({F},), got {b.shape}")
    if naive:  # four nested Python loops: one step per output value
        check_work(
            N * F * H_out * W_out,
            2e5,
            f"the loop convolution of x {x.shape} with w {w.shape}",
            "conv2d_forward / conv2d_backward (im2col)",
        )
    return x, w, b


def _pad(x: np.ndarray, p: int) -> np.ndarray:
    """x with p zeros around H and W (N and C unpadded); same as np.pad, a little faster."""
    if p == 0:
        return x
    N, C, H, W = x.shape
    x_pad = np.zeros((N, C, H + 2 * p, W + 2 * p), dtype=x.dtype)
    x_pad[:, :, p : p + H, p : p + W] = x
    return x_pad


# --8<-- [start:naive_forward]
def _conv2d_naive_forward(x, w, b, stride: int, padding: int):
    """2-D convolution layer (cross-correlation), with loops.

    out[n, f, i, j] = b[f] + sum_{c, u, v} x_pad[n, c, i*s + u, j*s + v] * w[f, c, u, v]

    Inputs: x (N, C, H, W), w (F, C, kh, kw), b (F,), stride s >= 1, zero padding p >= 0.
    Returns ``(out, cache)`` with out (N, F, H_out, W_out).

    ``conv2d_naive_forward`` checks the arguments, then calls this.
    """
    N, F, H_out, W_out = conv2d_output_shape(x.shape, w.shape, stride, padding)
    kh, kw = w.shape[2:]
    x_pad = _pad(x, padding)  # (N, C, H + 2p, W + 2p)
    out = np.zeros((N, F, H_out, W_out), dtype=x.dtype)
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    window = x_pad[
                        n, :, i * stride : i * stride + kh, j * stride : j * stride + kw
                    ]
                    # (C, kh, kw) * (C, kh, kw)
                    out[n, f, i, j] = np.sum(window * w[f]) + b[f]
    return out, (x, w, b, stride, padding)


# --8<-- [end:naive_forward]


def conv2d_naive_forward(x, w, b, stride: int = 1, padding: int = 0):
    """2-D convolution layer (cross-correlation), with loops.

    out[n, f, i, j] = b[f] + sum_{c, u, v} x_pad[n, c, i*s + u, j*s + v] * w[f, c, u, v]

    Inputs: x (N, C, H, W), w (F, C, kh, kw), b (F,), stride s >= 1, zero padding p >= 0.
    Returns ``(out, cache)`` with out (N, F, H_out, W_out).
    """
    x, w, b = _check_conv_args(x, w, b, stride, padding, naive=True)
    return _conv2d_naive_forward(x, w, b, stride, padding)


# --8<-- [start:naive_backward]
def _conv2d_naive_backward(dout, cache):
    """Gradients of the naive layer, with loops: returns ``(dx, dw, db)``.

    Each output position (i, j) used the window of x_pad at (i*s, j*s) and every weight, so
    dw[f] += dout[n, f, i, j] * window   (dL/dK is a correlation of the input with delta)
    dx_pad[window] += dout[n, f, i, j] * w[f]   (scattering delta back through the kernel)
    db[f] = sum of dout[:, f].

    ``conv2d_naive_backward`` checks the arguments, then calls this.
    """
    x, w, b, stride, padding = cache
    kh, kw = w.shape[2:]
    x_pad = _pad(x, padding)
    dx_pad = np.zeros_like(x_pad)
    dw = np.zeros_like(w)
    N, F, H_out, W_out = dout.shape
    for n in range(N):
        for f in range(F):
            for i in range(H_out):
                for j in range(W_out):
                    rows = slice(i * stride, i * stride + kh)
                    cols = slice(j * stride, j * stride + kw)
                    dw[f] += dout[n, f, i, j] * x_pad[n, :, rows, cols]
                    dx_pad[n, :, rows, cols] += dout[n, f, i, j] * w[f]
    db = dout.sum(axis=(0, 2, 3))
    H, W = x.shape[2:]
    # drop the padded border
    dx = dx_pad[:, :, padding : padding + H, padding : padding + W]
    return dx, dw, db


# --8<-- [end:naive_backward]


def conv2d_naive_backward(dout, cache):
    """Gradients of the naive layer, with loops: returns ``(dx, dw, db)``.

    Each output position (i, j) used the window of x_pad at (i*s, j*s) and every weight, so
    dw[f] += dout[n, f, i, j] * window   (dL/dK is a correlation of the input with delta)
    dx_pad[window] += dout[n, f, i, j] * w[f]   (scattering delta back through the kernel)
    db[f] = sum of dout[:, f].
    """
    x, w, b, stride, padding = cache
    dout = check_dout(dout, conv2d_output_shape(x.shape, w.shape, stride, padding))
    return _conv2d_naive_backward(dout, cache)


# --8<-- [start:fast]
def _conv2d_forward(x, w, b, stride: int, padding: int):
    """Same as :func:`_conv2d_naive_forward` (same signature, same result), by im2col + one
    matmul. Returns ``(out, cache)`` with out (N, F, H_out, W_out).

    ``conv2d_forward`` checks the arguments, then calls this.
    """
    N, F, H_out, W_out = conv2d_output_shape(x.shape, w.shape, stride, padding)
    kh, kw = w.shape[2:]
    x_pad = _pad(x, padding)
    cols = _im2col(x_pad, kh, kw, stride)  # (C*kh*kw, N*H_out*W_out)
    w_mat = w.reshape(F, -1)  # (F, C*kh*kw)
    out = w_mat @ cols  # (F, N*H_out*W_out): all dot products
    out += b[:, None]
    out = out.reshape(F, N, H_out, W_out).transpose(1, 0, 2, 3)  # (N, F, H_out, W_out)
    return np.ascontiguousarray(out), (x.shape, x_pad.shape, cols, w, stride, padding)


def _conv2d_backward(dout, cache):
    """Gradients of :func:`_conv2d_forward`: returns ``(dx, dw, db)`` shaped like x, w, b.

    ``conv2d_backward`` checks the arguments, then calls this.
    """
    x_shape, x_pad_shape, cols, w, stride, padding = cache
    F, C, kh, kw = w.shape
    N, _, H_out, W_out = dout.shape
    d = dout.transpose(1, 0, 2, 3).reshape(F, -1)  # (F, N*H_out*W_out)
    db = d.sum(axis=1)  # (F,)
    dw = (d @ cols.T).reshape(w.shape)  # (F, C*kh*kw) -> (F, C, kh, kw)
    dcols = w.reshape(F, -1).T @ d  # (C*kh*kw, N*H_out*W_out)
    dx_pad = _col2im(dcols, x_pad_shape, kh, kw, stride, H_out, W_out)
    H, W = x_shape[2:]
    dx = dx_pad[:, :, padding : padding + H, padding : padding + W]
    return np.ascontiguousarray(dx), dw, db


# --8<-- [end:fast]


def conv2d_forward(x, w, b, stride: int = 1, padding: int = 0):
    """Same as :func:`conv2d_naive_forward` (same signature, same result), by im2col + one matmul.

    Returns ``(out, cache)`` with out (N, F, H_out, W_out).
    """
    x, w, b = _check_conv_args(x, w, b, stride, padding)
    return _conv2d_forward(x, w, b, stride, padding)


def conv2d_backward(dout, cache):
    """Gradients of :func:`conv2d_forward`: returns ``(dx, dw, db)`` shaped like x, w, b."""
    x_shape, _, _, w, stride, padding = cache
    dout = check_dout(dout, conv2d_output_shape(x_shape, w.shape, stride, padding))
    return _conv2d_backward(dout, cache)


def _output_padding(output_padding, stride):
    """(op_h, op_w) from an int or a pair; each must satisfy 0 <= op < stride, as in PyTorch."""
    stride = check_int(stride, "stride", min=1)
    pair = (
        (output_padding, output_padding)
        if np.ndim(output_padding) == 0
        else output_padding
    )
    if len(pair) != 2 or not all(is_integer(v) and 0 <= v < stride for v in pair):
        raise ValueError(
            f"output_padding must be an int or an (h, w) pair of ints in "
            f"[0, stride - 1] = [0, {stride - 1}], got {output_padding!r}"
        )
    return int(pair[0]), int(pair[1])


# --8<-- [start:full_conv]
def _conv2d_input_grad_full_conv(dout, w, padding: int, stride: int, output_padding):
    """dL/dx of a conv layer computed literally as a *full* convolution of delta with w.

    Stride s > 1: first spread delta (N, F, H_out, W_out) out with s - 1 zeros between its
    entries, and add ``output_padding`` = (H + 2p - kh) mod s more zeros at the bottom (and
    (W + 2p - kw) mod s at the right; an int or an (h, w) pair): the rows and columns of the
    padded input that the floor of the output-size formula left unread by any window.
    Then pad by k - 1 on every side and cross-correlate with the kernel rotated by 180 degrees
    and with the roles of F and C swapped: (C, F, kh, kw). Cross-correlating with a rotated
    kernel is a true convolution, so this is dL/dI = delta (full-convolved with) K.
    Finally drop the rows/columns that were padding.

    ``conv2d_input_grad_full_conv`` checks the arguments, then calls this.
    """
    op_h, op_w = _output_padding(output_padding, stride)
    kh, kw = w.shape[2:]
    N, F, H_out, W_out = dout.shape
    # delta with s - 1 zeros between its entries, then the floor's zeros at the bottom/right
    Hd, Wd = (H_out - 1) * stride + 1, (W_out - 1) * stride + 1
    dilated = np.zeros((N, F, Hd + op_h, Wd + op_w), dtype=dout.dtype)
    dilated[:, :, :Hd:stride, :Wd:stride] = dout
    # (C, F, kh, kw), rotated 180 degrees
    w_rot = w[:, :, ::-1, ::-1].transpose(1, 0, 2, 3)
    d_pad = np.pad(dilated, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    # (N, C, H + 2p, W + 2p)
    dx_pad, _ = conv2d_forward(d_pad, w_rot, np.zeros(w.shape[1]))
    H, W = dx_pad.shape[2] - 2 * padding, dx_pad.shape[3] - 2 * padding
    return dx_pad[:, :, padding : padding + H, padding : padding + W]


# --8<-- [end:full_conv]


def conv2d_input_grad_full_conv(
    dout, w, padding: int = 0, stride: int = 1, output_padding=0
) -> np.ndarray:
    """dL/dx of a conv layer computed literally as a *full* convolution of delta with w.

    Stride s > 1: first spread delta (N, F, H_out, W_out) out with s - 1 zeros between its
    entries, and add ``output_padding`` = (H + 2p - kh) mod s more zeros at the bottom (and
    (W + 2p - kw) mod s at the right; an int or an (h, w) pair): the rows and columns of the
    padded input that the floor of the output-size formula left unread by any window.
    Then pad by k - 1 on every side and cross-correlate with the kernel rotated by 180 degrees
    and with the roles of F and C swapped: (C, F, kh, kw). Cross-correlating with a rotated
    kernel is a true convolution, so this is dL/dI = delta (full-convolved with) K.
    Finally drop the rows/columns that were padding.
    """
    dout = as_float_array(dout, "dout", ndim=4)
    w = as_float_array(w, "w", ndim=4)
    return _conv2d_input_grad_full_conv(dout, w, padding, stride, output_padding)
