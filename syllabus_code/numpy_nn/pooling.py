"""Max and average pooling, forward and backward (NCHW, no padding, floor output size).

Contract: ``<op>_forward(x, k, stride) -> (out, cache)``, ``<op>_backward(dout, cache) -> dx``
(pooling has no parameters). ``x`` (N, C, H, W), ``out`` (N, C, H_out, W_out) with
H_out = floor((H - k) / s) + 1; the stride defaults to the window size ``k``.

Tie rule for max pooling: when several entries of a window share the maximum, the whole
gradient goes to the **first** of them in row-major order (top row first, then left to right),
which is what ``np.argmax`` returns and what PyTorch's CPU kernel does. With overlapping
windows (s < k) one input can be the max of several windows; its gradients add up.

Both directions loop over the k * k offsets (u, v) inside a window, not over the windows:
each step handles entry (u, v) of every window at once, a strided view of x, so Python runs
k * k steps (4 for the usual 2 x 2 pool) whatever the size of x. The max pool's cache holds x
and out themselves (no copies, as in CS231n): change neither in place before the backward pass.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_array, check_dout
from syllabus_code.shapes import pool_output_size

__all__ = [
    "max_pool_forward",
    "max_pool_backward",
    "avg_pool_forward",
    "avg_pool_backward",
]


def _check_pool_args(x, k, stride):
    x = as_array(x, "x")
    if x.ndim != 4:
        raise ValueError(f"x must be 4-D (N, C, H, W), got {x.ndim}-D shape {x.shape}")
    s = k if stride is None else stride
    # validates k, s and that the window fits
    H_out = pool_output_size(x.shape[2], k, s)
    W_out = pool_output_size(x.shape[3], k, s)
    return x, s, H_out, W_out


# --8<-- [start:max_pool]
def _offset(u: int, v: int, s: int, H_out: int, W_out: int):
    """Index of entry (u, v) of all windows: rows i*s + u, columns j*s + v, all i, j."""
    rows, cols = slice(u, u + s * H_out, s), slice(v, v + s * W_out, s)
    return slice(None), slice(None), rows, cols


def _max_pool_forward(x, k: int, s: int, H_out: int, W_out: int):
    """out[n, c, i, j] = max over the k x k window of x starting at (i*s, j*s).

    ``max_pool_forward`` checks the arguments, then calls this.
    """
    out = x[_offset(0, 0, s, H_out, W_out)].copy()  # entry (0, 0) of every window
    for u in range(k):  # one vectorised step per offset
        for v in range(k):
            np.maximum(out, x[_offset(u, v, s, H_out, W_out)], out=out)
    return out, (x, out, k, s)


def _max_pool_backward(dout, cache):
    """Route each dout[n, c, i, j] to its window's max (the first one on a tie).

    ``max_pool_backward`` checks the arguments, then calls this.
    """
    x, out, k, s = cache
    H_out, W_out = out.shape[2:]
    dx = np.zeros(x.shape, dtype=np.result_type(dout, np.float32))
    routed = np.zeros(out.shape, dtype=bool)  # windows whose max has been found
    for u in range(k):  # offsets in row-major order, so on a
        for v in range(k):  # tie the first max wins (the tie rule)
            window_entry = _offset(u, v, s, H_out, W_out)
            hit = (x[window_entry] == out) & ~routed  # entry (u, v) is the window's max
            routed |= hit
            dx[window_entry] += dout * hit  # overlapping windows add up
    return dx


# --8<-- [end:max_pool]


def max_pool_forward(x, k: int = 2, stride: int | None = None):
    """out[n, c, i, j] = max over the k x k window of x starting at (i*s, j*s)."""
    x, s, H_out, W_out = _check_pool_args(x, k, stride)
    return _max_pool_forward(x, k, s, H_out, W_out)


def max_pool_backward(dout, cache):
    """Route each dout[n, c, i, j] to its window's max (the first one on a tie)."""
    _, out, _, _ = cache
    return _max_pool_backward(check_dout(dout, out.shape), cache)


# --8<-- [start:avg_pool]
def _avg_pool_forward(x, k: int, s: int, H_out: int, W_out: int):
    """out[n, c, i, j] = mean of the k x k window of x starting at (i*s, j*s).

    ``avg_pool_forward`` checks the arguments, then calls this.
    """
    out = np.zeros(x.shape[:2] + (H_out, W_out), dtype=x.dtype)
    for u in range(k):
        for v in range(k):
            out += x[_offset(u, v, s, H_out, W_out)]
    return out / (k * k), (x.shape, k, s)


def _avg_pool_backward(dout, cache):
    """Each input in a window receives dout / k^2 from that window (summed over windows).

    ``avg_pool_backward`` checks the arguments, then calls this.
    """
    x_shape, k, s = cache
    H_out, W_out = dout.shape[2:]
    dx = np.zeros(x_shape, dtype=np.result_type(dout, np.float32))
    for u in range(k):
        for v in range(k):
            dx[_offset(u, v, s, H_out, W_out)] += dout / (k * k)
    return dx


# --8<-- [end:avg_pool]


def avg_pool_forward(x, k: int = 2, stride: int | None = None):
    """out[n, c, i, j] = mean of the k x k window of x starting at (i*s, j*s)."""
    x, s, H_out, W_out = _check_pool_args(x, k, stride)
    return _avg_pool_forward(x, k, s, H_out, W_out)


def avg_pool_backward(dout, cache):
    """Each input in a window receives dout / k^2 from that window (summed over windows)."""
    x_shape, k, s = cache
    N, C, H, W = x_shape
    dout = check_dout(
        dout, (N, C, pool_output_size(H, k, s), pool_output_size(W, k, s))
    )
    return _avg_pool_backward(dout, cache)
