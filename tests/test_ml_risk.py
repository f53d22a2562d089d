"""syllabus_code.ml.risk: the closed-form expected risk and the convergence of the empirical risk."""

from __future__ import annotations

import numpy as np
import pytest

from syllabus_code.ml.risk import (
    LinearGaussianTask,
    absolute_loss,
    empirical_risk,
    risk_convergence,
    squared_loss,
    zero_one_loss,
)


def test_losses_elementwise():
    np.testing.assert_array_equal(squared_loss([1.0, 3.0], [0.0, 1.0]), [1.0, 4.0])
    np.testing.assert_array_equal(absolute_loss([1.0, 3.0], [0.0, 1.0]), [1.0, 2.0])
    np.testing.assert_array_equal(zero_one_loss([1, 0, 1], [1, 1, 1]), [0.0, 1.0, 0.0])


def test_empirical_risk_is_mean_loss():
    x, y = np.array([0.0, 1.0, 2.0]), np.array([1.0, 1.0, 1.0])
    assert empirical_risk(lambda t: t, x, y) == pytest.approx((1 + 0 + 1) / 3)
    assert empirical_risk(lambda t: t, x, y, loss=absolute_loss) == pytest.approx(2 / 3)


def test_expected_risk_closed_form_matches_a_large_sample(rng):
    task = LinearGaussianTask(slope=2.0, intercept=0.5, noise_std=1.0)
    assert task.expected_risk(1.5, 0.0) == pytest.approx(0.25 + 0.25 + 1.0)
    x, y = task.sample(400_000, rng)
    # standard error of the mean loss: sd(loss) / sqrt(n) is about 2.1 / 632 ≈ 0.0034
    assert empirical_risk(lambda t: 1.5 * t, x, y) == pytest.approx(1.5, abs=0.015)
    # the Bayes predictor has risk σ² exactly
    assert task.expected_risk(2.0, 0.5) == 1.0


def test_empirical_risk_converges_at_rate_one_over_sqrt_n(rng):
    task = LinearGaussianTask()
    ns = [10, 100, 1000, 10000]
    risks = risk_convergence(task, 1.5, 0.0, ns, repeats=200, rng=rng)
    assert risks.shape == (200, 4)
    # RMS error per n
    err = np.sqrt(np.mean((risks - task.expected_risk(1.5, 0.0)) ** 2, axis=0))
    assert np.all(np.diff(err) < 0)
    # each tenfold increase of n divides the error by about sqrt(10) ≈ 3.16
    ratios = err[:-1] / err[1:]
    assert np.all((ratios > 2.3) & (ratios < 4.3)), ratios
    # unbiased at every n: the mean over repeats is within 4 standard errors of R(f)
    se = risks.std(axis=0) / np.sqrt(200)
    assert np.all(np.abs(risks.mean(axis=0) - task.expected_risk(1.5, 0.0)) < 4 * se)


def test_bad_input(rng):
    with pytest.raises(ValueError, match="noise_std"):
        LinearGaussianTask(noise_std=0.0)
    with pytest.raises(ValueError, match="n must"):
        LinearGaussianTask().sample(0, rng)
    with pytest.raises(ValueError, match="y_pred and y_true"):
        squared_loss([1.0, 2.0], [1.0])
    with pytest.raises(TypeError, match="predict"):
        empirical_risk(3, [1.0], [1.0])
    with pytest.raises(TypeError, match="loss"):
        empirical_risk(lambda t: t, [1.0], [1.0], loss="mse")
    with pytest.raises(ValueError, match="x and y"):
        empirical_risk(lambda t: t, [1.0, 2.0], [1.0])
    with pytest.raises(TypeError, match="task"):
        risk_convergence("task", 1.0, 0.0, [10], 2, rng)
    with pytest.raises(ValueError, match="repeats"):
        risk_convergence(LinearGaussianTask(), 1.0, 0.0, [10], 0, rng)
    with pytest.raises(ValueError, match="ns"):
        risk_convergence(LinearGaussianTask(), 1.0, 0.0, [], 2, rng)
