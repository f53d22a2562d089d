"""Tests for syllabus_code.numpy_nn.conv1d: parity with NumPy, and correlation as convolution
with the flipped kernel."""

import numpy as np
import pytest

from syllabus_code.numpy_nn.conv1d import convolve1d, correlate1d


def test_convolve1d_matches_numpy():
    rng = np.random.default_rng(0)
    for n, k in [(5, 3), (3, 5), (1, 1), (8, 2)]:
        f, g = rng.normal(size=n), rng.normal(size=k)
        np.testing.assert_allclose(convolve1d(f, g), np.convolve(f, g), atol=1e-12)


def test_correlate1d_matches_numpy_and_is_convolution_with_flipped_kernel():
    rng = np.random.default_rng(1)
    f, g = rng.normal(size=9), rng.normal(size=4)
    np.testing.assert_allclose(
        correlate1d(f, g), np.correlate(f, g, "valid"), atol=1e-12
    )
    # the valid part of the true convolution with the flipped kernel is the correlation
    full = convolve1d(f, g[::-1])
    np.testing.assert_allclose(full[g.size - 1 : f.size], correlate1d(f, g), atol=1e-12)
    # and they differ for an asymmetric kernel
    assert not np.allclose(correlate1d(f, g), convolve1d(f, g)[g.size - 1 : f.size])


def test_1d_bad_input():
    with pytest.raises(ValueError, match="longer than the signal"):
        correlate1d([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="1-D"):
        convolve1d(np.ones((2, 2)), [1.0])


def test_conv_re_exports_them():
    from syllabus_code.numpy_nn import conv

    assert (conv.convolve1d, conv.correlate1d) == (convolve1d, correlate1d)
