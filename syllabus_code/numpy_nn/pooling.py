"""Max and average pooling, forward and backward (NCHW, no padding, floor output size).

Contract: ``<op>_forward(x, k, stride) -> (out, cache)``, ``<op>_backward(dout, cache) -> dx``
(pooling has no parameters). ``x`` (N, C, H, W), ``out`` (N, C, H_out, W_out) with
H_out = floor((H - k) / s) + 1; the stride defaults to the window size ``k``.

Tie rule for max pooling: when several entries of a window share the maximum, the whole
gradient goes to the **first** of them in row-major order (top row first, then left to right),
which is what ``np.argmax`` returns and what PyTorch's CPU kernel does. With overlapping
windows (s < k) one input can be the max of several windows; its gradients add up.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from syllabus_code._checks import as_array, check_dout
from syllabus_code.shapes import pool_output_size

__all__ = ["max_pool_forward", "max_pool_backward", "avg_pool_forward", "avg_pool_backward"]


def _windows(x, k, stride):
    x = as_array(x, "x")
    if x.ndim != 4:
        raise ValueError(f"x must be 4-D (N, C, H, W), got {x.ndim}-D shape {x.shape}")
    s = k if stride is None else stride
    H_out = pool_output_size(x.shape[2], k, s)   # validates k, s and that the window fits
    W_out = pool_output_size(x.shape[3], k, s)
    win = sliding_window_view(x, (k, k), axis=(2, 3))[:, :, ::s, ::s]   # (N, C, H', W', k, k)
    return x, win[:, :, :H_out, :W_out], s


# --8<-- [start:max_pool]
def max_pool_forward(x, k: int = 2, stride: int | None = None):
    """out[n, c, i, j] = max over the k x k window of x starting at (i*s, j*s)."""
    x, win, s = _windows(x, k, stride)
    N, C, H_out, W_out = win.shape[:4]
    flat = win.reshape(N, C, H_out, W_out, k * k)      # each window as a row of k*k values
    arg = np.argmax(flat, axis=-1)                     # first maximum (row-major): the tie rule
    out = np.take_along_axis(flat, arg[..., None], axis=-1)[..., 0]
    return out, (x.shape, arg, k, s)


def _max_pool_backward(dout, cache):
    """Route each dout[n, c, i, j] to the input position that was its window's (first) max.

    ``max_pool_backward`` checks the arguments, then calls this.
    """
    x_shape, arg, k, s = cache
    H_out, W_out = arg.shape[2:]
    dx = np.zeros(x_shape, dtype=np.result_type(dout, np.float32))
    for u in range(k):                                 # one vectorised add per window offset
        for v in range(k):
            hit = arg == u * k + v                     # windows whose max sits at offset (u, v)
            dx[:, :, u:u + s * H_out:s, v:v + s * W_out:s] += dout * hit
    return dx
# --8<-- [end:max_pool]


def max_pool_backward(dout, cache):
    """Route each dout[n, c, i, j] to the input position that was its window's (first) max."""
    _, arg, _, _ = cache
    dout = check_dout(dout, arg.shape)
    return _max_pool_backward(dout, cache)


# --8<-- [start:avg_pool]
def avg_pool_forward(x, k: int = 2, stride: int | None = None):
    """out[n, c, i, j] = mean of the k x k window of x starting at (i*s, j*s)."""
    x, win, s = _windows(x, k, stride)
    return win.mean(axis=(-2, -1)), (x.shape, k, s)


def _avg_pool_backward(dout, cache):
    """Each input in a window receives dout / k^2 from that window (summed over windows).

    ``avg_pool_backward`` checks the arguments, then calls this.
    """
    x_shape, k, s = cache
    H_out, W_out = dout.shape[2:]
    dx = np.zeros(x_shape, dtype=np.result_type(dout, np.float32))
    for u in range(k):
        for v in range(k):
            dx[:, :, u:u + s * H_out:s, v:v + s * W_out:s] += dout / (k * k)
    return dx
# --8<-- [end:avg_pool]


def avg_pool_backward(dout, cache):
    """Each input in a window receives dout / k^2 from that window (summed over windows)."""
    x_shape, k, s = cache
    N, C, H, W = x_shape
    dout = check_dout(dout, (N, C, pool_output_size(H, k, s), pool_output_size(W, k, s)))
    return _avg_pool_backward(dout, cache)
