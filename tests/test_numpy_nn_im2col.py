"""im2col and its adjoint (syllabus_code/numpy_nn/im2col.py), against PyTorch's unfold/fold."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from syllabus_code.numpy_nn.im2col import _col2im, _im2col


@pytest.mark.parametrize(("k", "stride"), [(1, 1), (3, 1), (3, 2), (2, 3)])
def test_im2col_columns_are_torch_unfold(k, stride):
    x = np.random.default_rng(0).standard_normal((2, 3, 7, 8))
    cols = _im2col(x, k, k, stride)
    ref = F.unfold(torch.from_numpy(x), k, stride=stride)  # (N, C*k*k, L)
    n, ckk, length = ref.shape
    expected = ref.permute(1, 0, 2).reshape(ckk, n * length).numpy()
    np.testing.assert_array_equal(cols, expected)


@pytest.mark.parametrize(("k", "stride"), [(3, 1), (3, 2), (2, 3)])
def test_col2im_is_the_adjoint_of_im2col_and_torch_fold(k, stride):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 3, 7, 8))
    cols = _im2col(x, k, k, stride)
    y = rng.standard_normal(cols.shape)
    h_out, w_out = (7 - k) // stride + 1, (8 - k) // stride + 1
    back = _col2im(y, x.shape, k, k, stride, h_out, w_out)
    # <im2col(x), y> = <x, col2im(y)>: col2im is the transpose of the linear map im2col
    assert np.isclose(np.sum(cols * y), np.sum(x * back), rtol=1e-12)
    ref = F.fold(
        torch.from_numpy(y.reshape(-1, 2, h_out * w_out).transpose(1, 0, 2).copy()),
        (7, 8),
        k,
        stride=stride,
    )
    np.testing.assert_allclose(back, ref.numpy(), rtol=1e-12, atol=1e-12)
