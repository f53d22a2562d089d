"""syllabus_code.ml.bias_variance: the Monte-Carlo decomposition adds up, and the curve is U-shaped."""

from __future__ import annotations

import numpy as np
import pytest

from syllabus_code.ml.bias_variance import (
    bias_variance,
    fit_polynomial,
    predict_polynomial,
    true_function,
)


def test_fit_recovers_an_exact_polynomial(rng):
    x = rng.uniform(0, 1, 12)
    y = 1 - 2 * x + 3 * x**3
    coef = fit_polynomial(x, y, 3)
    t = np.linspace(0, 1, 7)
    np.testing.assert_allclose(
        predict_polynomial(coef, t), 1 - 2 * t + 3 * t**3, atol=1e-10
    )
    np.testing.assert_allclose(true_function([0.25]), [1.0])


@pytest.mark.parametrize("degree", [0, 1, 3, 6, 9])
def test_bias2_plus_variance_plus_noise_equals_expected_mse(degree):
    r = bias_variance(degree, trials=150, rng=np.random.default_rng(degree))
    gap = r.expected_mse - r.total
    # The stated tolerance: 4 Monte-Carlo standard errors of the gap, and 3 % of the MSE.
    assert abs(gap) < 4 * r.gap_se, (gap, r.gap_se)
    assert abs(gap) < 0.03 * r.expected_mse
    assert r.noise == pytest.approx(0.09)


def test_underfit_and_overfit_ends_of_the_curve():
    rs = {
        d: bias_variance(d, trials=100, rng=np.random.default_rng(1)) for d in (1, 3, 9)
    }
    assert rs[1].bias2 > 5 * rs[1].variance  # underfitting: bias dominates
    assert rs[9].variance > 10 * rs[9].bias2  # overfitting: variance dominates
    # the bottom of the U
    assert rs[3].expected_mse < min(rs[1].expected_mse, rs[9].expected_mse)
    assert rs[1].bias2 > rs[3].bias2 and rs[9].variance > rs[3].variance


def test_bad_input(rng):
    with pytest.raises(ValueError, match="degree"):
        fit_polynomial([0.1, 0.2], [1.0, 2.0], 2)
    with pytest.raises(ValueError, match="degree"):
        fit_polynomial([0.1, 0.2], [1.0, 2.0], -1)
    with pytest.raises(ValueError, match="x and y"):
        fit_polynomial([0.1, 0.2], [1.0], 0)
    with pytest.raises(ValueError, match="noise_std"):
        bias_variance(1, noise_std=0)
    with pytest.raises(ValueError, match="trials"):
        bias_variance(1, trials=1)
    with pytest.raises(TypeError, match="n_train must be an integer"):
        bias_variance(1, n_train=1.5)
