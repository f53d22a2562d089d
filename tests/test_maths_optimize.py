"""syllabus_code.maths.optimize: gradient descent against the closed-form iteration, convexity checks."""

import numpy as np
import pytest

from syllabus_code.maths.optimize import (
    convexity_gap,
    gradient_descent,
    min_convexity_gap,
)


def test_quadratic_closed_form():
    # L = a/2 x^2: x_t = (1 - lr a)^t x_0
    a, lr, x0 = 3.0, 0.1, 2.0
    path = gradient_descent(lambda x: a * x, x0, lr, 20)
    assert path.shape == (21, 1)
    np.testing.assert_allclose(
        path[:, 0], x0 * (1 - lr * a) ** np.arange(21), rtol=1e-12
    )


def test_bowl_converges_and_diverges():
    A = np.diag([1.0, 10.0])
    grad = lambda x: A @ x
    good = gradient_descent(grad, [1.0, 1.0], 0.15, 200)  # lr < 2 / 10
    assert np.linalg.norm(good[-1]) < 1e-8
    bad = gradient_descent(grad, [1.0, 1.0], 0.21, 100)  # lr > 2 / 10
    assert abs(bad[-1, 1]) > 1e3 * abs(bad[0, 1])


def test_two_minima_depend_on_start():
    grad = lambda x: 4 * x**3 - 4 * x  # f = x^4 - 2x^2, minima at +-1
    assert gradient_descent(grad, -0.5, 0.05, 200)[-1, 0] == pytest.approx(
        -1.0, abs=1e-6
    )
    assert gradient_descent(grad, 0.5, 0.05, 200)[-1, 0] == pytest.approx(1.0, abs=1e-6)


def test_trajectory_shape_matches_x0_and_input_not_modified():
    x0 = np.ones((2, 3))
    path = gradient_descent(lambda x: x, x0, 0.5, 4)
    assert path.shape == (5, 2, 3)
    np.testing.assert_array_equal(x0, np.ones((2, 3)))
    np.testing.assert_allclose(path[-1], 0.5**4 * np.ones((2, 3)))
    assert gradient_descent(lambda x: x, [1.0], 0.5, 0).shape == (1, 1)


def test_convexity():
    assert min_convexity_gap(lambda x: float(x @ x), -3, 3, dim=2) >= 0
    assert min_convexity_gap(lambda x: float(np.sum(np.abs(x))), -3, 3, dim=3) >= -1e-12
    assert min_convexity_gap(lambda x: float(x[0] ** 4 - 2 * x[0] ** 2), -2, 2) < 0
    # the exact gap for x^2: t(1-t)(x-y)^2
    assert convexity_gap(
        lambda x: float(x @ x), np.array([1.0]), np.array([3.0]), 0.25
    ) == pytest.approx(0.25 * 0.75 * 4)


def test_bad_inputs():
    for lr in (0, -0.1):
        with pytest.raises(ValueError, match="lr"):
            gradient_descent(lambda x: x, 1.0, lr, 3)
    with pytest.raises(TypeError, match="lr"):
        gradient_descent(lambda x: x, 1.0, "0.1", 3)
    with pytest.raises(ValueError, match="steps"):
        gradient_descent(lambda x: x, 1.0, 0.1, -1)
    with pytest.raises(TypeError, match="steps"):
        gradient_descent(lambda x: x, 1.0, 0.1, 2.5)
    with pytest.raises(TypeError, match="grad"):
        gradient_descent(None, 1.0, 0.1, 3)
    with pytest.raises(ValueError, match="grad must return"):
        gradient_descent(lambda x: np.ones(3), [1.0, 2.0], 0.1, 3)
    with pytest.raises(ValueError, match="t must be"):
        convexity_gap(lambda x: 0.0, np.zeros(1), np.zeros(1), 1.5)
    with pytest.raises(ValueError, match="same shape"):
        convexity_gap(lambda x: 0.0, np.zeros(1), np.zeros(2), 0.5)
    with pytest.raises(ValueError, match="high"):
        min_convexity_gap(lambda x: 0.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="samples"):
        min_convexity_gap(lambda x: 0.0, 0.0, 1.0, samples=0)
