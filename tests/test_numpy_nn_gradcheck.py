"""rel_error and check_gradient: small for a right gradient, large for a wrong one, strict on dtype."""

import numpy as np
import pytest

from syllabus_code.numpy_nn.gradcheck import check_gradient, rel_error


def test_right_and_wrong_gradients():
    x = np.random.default_rng(0).standard_normal((3, 2))
    f = lambda v: float(np.sum(np.sin(v) * v))
    right = np.cos(x) * x + np.sin(x)
    assert check_gradient(f, x, right) < 1e-8
    assert check_gradient(f, x, np.cos(x) * x) > 1e-2


def test_rel_error_values_and_bad_input():
    assert rel_error(np.zeros(3), np.zeros(3)) == 0.0
    assert rel_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert rel_error([1.0], [3.0]) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="same shape"):
        rel_error(np.zeros(2), np.zeros(3))
    with pytest.raises(TypeError, match="float64"):
        check_gradient(lambda v: float(v.sum()), np.zeros(2, np.float32), np.ones(2))
