"""syllabus_code.maths.probability against exact values, simulation, SciPy and torch.distributions."""

import numpy as np
import pytest
import torch
from scipy import integrate, optimize, stats

from syllabus_code.maths.probability import (
    bayes_posterior,
    bernoulli_log_likelihood,
    bernoulli_mle,
    diagnostic_test_posterior,
    expectation,
    gaussian_log_likelihood,
    gaussian_log_pdf,
    gaussian_mle,
    gaussian_pdf,
    variance,
)


def test_die_moments_exact():
    faces, probs = np.arange(1, 7), np.full(6, 1 / 6)
    assert expectation(faces, probs) == pytest.approx(3.5)
    assert variance(faces, probs) == pytest.approx(35 / 12)
    # the shortcut Var = E[X^2] - E[X]^2
    assert variance(faces, probs) == pytest.approx(
        expectation(faces**2, probs) - expectation(faces, probs) ** 2
    )


def test_moments_by_simulation():
    rng = np.random.default_rng(0)
    values, probs = np.array([-1.0, 0.0, 2.0, 5.0]), np.array([0.1, 0.4, 0.3, 0.2])
    draws = rng.choice(values, size=200_000, p=probs)
    assert draws.mean() == pytest.approx(expectation(values, probs), abs=0.02)
    assert draws.var() == pytest.approx(variance(values, probs), rel=0.02)


def test_bayes_diagnostic_exact():
    # prevalence 1%, sensitivity 99%, specificity 95%: 0.0099 / (0.0099 + 0.0495) = 1/6
    assert diagnostic_test_posterior(0.01, 0.99, 0.95) == pytest.approx(
        1 / 6, rel=1e-12
    )
    post = bayes_posterior([0.5, 0.3, 0.2], [0.1, 0.5, 0.9])
    np.testing.assert_allclose(post, np.array([0.05, 0.15, 0.18]) / 0.38, rtol=1e-12)
    assert post.sum() == pytest.approx(1.0)


def test_gaussian_integrates_to_one_and_matches_references():
    val, _ = integrate.quad(lambda t: float(gaussian_pdf(t, 1.5, 0.7)), -np.inf, np.inf)
    assert val == pytest.approx(1.0, abs=1e-10)
    x = np.linspace(-5, 5, 41)
    np.testing.assert_allclose(
        gaussian_pdf(x, 0.3, 2.0), stats.norm(0.3, 2.0).pdf(x), rtol=1e-12
    )
    ref = (
        torch.distributions.Normal(
            torch.tensor(0.3, dtype=torch.float64),
            torch.tensor(2.0, dtype=torch.float64),
        )
        .log_prob(torch.tensor(x))
        .numpy()
    )
    np.testing.assert_allclose(gaussian_log_pdf(x, 0.3, 2.0), ref, rtol=1e-12)
    # far tail: the pdf underflows to 0 but the log-pdf stays exact
    assert gaussian_pdf(50.0) == 0.0 and gaussian_log_pdf(50.0) == pytest.approx(
        -1250 - 0.5 * np.log(2 * np.pi)
    )


def test_bad_inputs():
    with pytest.raises(ValueError, match="probs must sum to 1"):
        expectation([1.0, 2.0], [0.5, 0.6])
    with pytest.raises(ValueError, match="probs must have entries in"):
        variance([1.0, 2.0], [1.5, -0.5])
    with pytest.raises(ValueError, match="same length"):
        expectation([1.0, 2.0, 3.0], [0.5, 0.5])
    with pytest.raises(ValueError, match="prior"):
        bayes_posterior([0.5, 0.6], [0.1, 0.2])
    with pytest.raises(ValueError, match="likelihood"):
        bayes_posterior([0.5, 0.5], [0.1, 1.2])
    with pytest.raises(ValueError, match="likelihood"):
        bayes_posterior([0.5, 0.5], [0.1])
    with pytest.raises(ValueError, match="P\\(X\\) = 0"):
        bayes_posterior([0.5, 0.5], [0.0, 0.0])
    with pytest.raises(ValueError, match="sensitivity"):
        diagnostic_test_posterior(0.1, 1.5, 0.9)
    with pytest.raises(TypeError, match="prevalence"):
        diagnostic_test_posterior("0.1", 0.5, 0.9)
    with pytest.raises(ValueError, match="sigma"):
        gaussian_pdf(0.0, 0.0, 0.0)
    with pytest.raises(ValueError, match="sigma"):
        gaussian_log_pdf(0.0, 0.0, -1.0)


def test_bernoulli_mle_maximises_the_log_likelihood():
    x = np.array([1, 0, 1, 1, 0, 1, 1, 0, 1, 1])  # 7 ones in 10
    assert bernoulli_mle(x) == pytest.approx(0.7)
    res = optimize.minimize_scalar(
        lambda t: -bernoulli_log_likelihood(x, t),
        bounds=(1e-9, 1 - 1e-9),
        method="bounded",
        options={"xatol": 1e-10},
    )
    assert res.x == pytest.approx(0.7, abs=1e-6)
    # the closed form 7 log t + 3 log(1 - t), and torch's Bernoulli log-probabilities summed
    assert bernoulli_log_likelihood(x, 0.4) == pytest.approx(
        7 * np.log(0.4) + 3 * np.log(0.6), rel=1e-12
    )
    ref = (
        torch.distributions.Bernoulli(probs=torch.tensor(0.4, dtype=torch.float64))
        .log_prob(torch.tensor(x, dtype=torch.float64))
        .sum()
        .item()
    )
    assert bernoulli_log_likelihood(x, 0.4) == pytest.approx(ref, rel=1e-12)
    # all-ones data: the maximum is at theta = 1, where the log-likelihood is 0; theta = 0 makes it impossible
    assert (
        bernoulli_mle([1, 1, 1]) == 1.0
        and bernoulli_log_likelihood([1, 1, 1], 1.0) == 0.0
    )
    assert bernoulli_log_likelihood([1, 1, 1], 0.0) == -np.inf


def test_gaussian_mle_is_sample_mean_and_biased_variance():
    x = np.random.default_rng(1).normal(2.0, 3.0, size=40)
    mu, var = gaussian_mle(x)
    assert mu == pytest.approx(x.mean()) and var == pytest.approx(x.var(ddof=0))
    res = optimize.minimize(
        lambda p: -gaussian_log_likelihood(x, p[0], np.exp(p[1])),
        x0=[0.0, 0.0],
        method="Nelder-Mead",
        options={"xatol": 1e-9, "fatol": 1e-12, "maxiter": 4000},
    )
    assert res.x[0] == pytest.approx(mu, abs=1e-6)
    assert np.exp(2 * res.x[1]) == pytest.approx(var, rel=1e-6)
    assert gaussian_log_likelihood(x, 2.0, 3.0) == pytest.approx(
        stats.norm(2.0, 3.0).logpdf(x).sum(), rel=1e-12
    )
    # E[var_hat] = (n - 1)/n sigma^2: 0.8 for n = 5, sigma = 1, averaged over many samples
    samples = np.random.default_rng(2).standard_normal((200_000, 5))
    var_hats = [gaussian_mle(row)[1] for row in samples[:2000]]
    assert np.mean(samples.var(axis=1)) == pytest.approx(0.8, abs=0.005)
    assert var_hats == pytest.approx(list(samples[:2000].var(axis=1)))


def test_likelihood_bad_inputs():
    with pytest.raises(ValueError, match="x must contain only 0s and 1s"):
        bernoulli_mle([0, 1, 2])
    with pytest.raises(ValueError, match="x must hold at least one"):
        bernoulli_mle([])
    with pytest.raises(
        ValueError, match=r"theta \(a probability\) must be a finite number in \[0, 1\]"
    ):
        bernoulli_log_likelihood([0, 1], 1.5)
    with pytest.raises(TypeError, match=r"theta \(a probability\) must be a number"):
        bernoulli_log_likelihood([0, 1], "0.5")
    with pytest.raises(ValueError, match="x must be 1-D"):
        gaussian_mle([[1.0, 2.0]])
    with pytest.raises(ValueError, match="x must hold at least one"):
        gaussian_mle([])
    with pytest.raises(ValueError, match="sigma"):
        gaussian_log_likelihood([1.0], 0.0, 0.0)
    with pytest.raises(ValueError, match="mu must be 0-D"):
        gaussian_log_likelihood([1.0], [0.0, 1.0], 1.0)


def test_gaussian_log_pdf_at_tiny_sigma_and_far_tails():
    from syllabus_code.maths.probability import gaussian_log_pdf

    # log sigma, not log sigma**2 (1e-400 underflows to 0): the density's log is finite and exact
    assert gaussian_log_pdf(0.0, sigma=1e-200) == pytest.approx(
        200 * np.log(10) - 0.5 * np.log(2 * np.pi)
    )
    with pytest.raises(ValueError, match="too many standard deviations"):
        # -(1e308)**2 / 2 is below float64's range: refused, not -inf
        gaussian_log_pdf(1e308)
