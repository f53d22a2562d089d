"""im2col and its adjoint: the data movement that turns a convolution into one matrix product.

``_im2col`` copies every receptive window of a padded batch into a column of one matrix, so a
conv layer's forward pass is ``W_flat @ cols`` (:func:`syllabus_code.numpy_nn.conv.conv2d_forward`);
``_col2im`` adds each column back into the window it came from, which is what the backward pass
needs (overlapping windows add up). Module 5's convolution page shows both.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


# --8<-- [start:im2col]
def _im2col(x_pad: np.ndarray, kh: int, kw: int, stride: int) -> np.ndarray:
    """Every receptive window as a column: (C * kh * kw, N * H_out * W_out), a copy.

    Column (n, i, j) holds the window under output position (i, j) of image n, flattened in
    (c, u, v) order - the same order as a filter ``w[f]`` flattened.
    """
    # (N, C, H', W', kh, kw), a view
    windows = sliding_window_view(x_pad, (kh, kw), axis=(2, 3))
    windows = windows[:, :, ::stride, ::stride]  # (N, C, H_out, W_out, kh, kw)
    N, C, H_out, W_out = windows.shape[:4]
    cols = windows.transpose(1, 4, 5, 0, 2, 3)  # (C, kh, kw, N, H_out, W_out)
    return cols.reshape(C * kh * kw, N * H_out * W_out)  # the one copy


def _col2im(
    dcols: np.ndarray,
    x_pad_shape,
    kh: int,
    kw: int,
    stride: int,
    H_out: int,
    W_out: int,
):
    """Adjoint of _im2col: add each column back into the window it came from (overlaps add up)."""
    N, C, Hp, Wp = x_pad_shape
    dcols = dcols.reshape(C, kh, kw, N, H_out, W_out)
    # channel-first: matches dcols' layout
    dx_pad = np.zeros((C, N, Hp, Wp), dtype=dcols.dtype)
    for u in range(kh):  # kh * kw vectorised adds instead of N * H_out * W_out loops
        for v in range(kw):
            dx_pad[
                :, :, u : u + stride * H_out : stride, v : v + stride * W_out : stride
            ] += dcols[:, u, v]
    return dx_pad.transpose(1, 0, 2, 3)  # (N, C, Hp, Wp)


# --8<-- [end:im2col]
