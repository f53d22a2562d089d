"""Probability for Module 0: discrete expectation and variance, Bayes' theorem, the Gaussian,
likelihood and maximum-likelihood estimates."""

from __future__ import annotations

import math

import numpy as np

from syllabus_code._checks import (
    as_float_array,
    check_number,
    check_positive,
    check_probabilities,
)

__all__ = [
    "expectation",
    "variance",
    "bayes_posterior",
    "diagnostic_test_posterior",
    "gaussian_pdf",
    "gaussian_log_pdf",
    "bernoulli_log_likelihood",
    "bernoulli_mle",
    "gaussian_log_likelihood",
    "gaussian_mle",
]


def _values_and_probs(values, probs):
    values = as_float_array(values, "values", ndim=1)
    probs = check_probabilities(as_float_array(probs, "probs", ndim=1), "probs")
    if values.shape != probs.shape:
        raise ValueError(
            f"values and probs must have the same length, got {values.size} and {probs.size}"
        )
    return values, probs


# --8<-- [start:moments]
def expectation(values, probs) -> float:
    """\\(\\mathbb E[X] = \\sum_x x\\,P(x)\\) for a discrete random variable."""
    values, probs = _values_and_probs(values, probs)
    return float(np.sum(values * probs))


def variance(values, probs) -> float:
    """\\(\\mathrm{Var}(X) = \\mathbb E[(X - \\mathbb E[X])^2]\\) (the definition, not the shortcut)."""
    values, probs = _values_and_probs(values, probs)
    mu = np.sum(values * probs)
    return float(np.sum((values - mu) ** 2 * probs))


# --8<-- [end:moments]


# --8<-- [start:bayes]
def _bayes_posterior(prior, likelihood) -> np.ndarray:
    """Posterior over hypotheses \\(\\theta\\) after seeing data \\(X\\):

    \\[ P(\\theta \\mid X) = \\frac{P(X \\mid \\theta) P(\\theta)}{\\sum_{\\theta'} P(X \\mid \\theta') P(\\theta')}. \\]

    ``prior`` is a probability vector over the hypotheses; ``likelihood[i]`` is
    \\(P(X \\mid \\theta_i)\\), a number in [0, 1] (it need not sum to 1 over i).

    ``bayes_posterior`` checks the arguments, then calls this.
    """
    joint = likelihood * prior  # P(X, theta_i)
    evidence = joint.sum()  # P(X)
    if evidence == 0:
        raise ValueError("the data has probability 0 under every hypothesis (P(X) = 0)")
    return joint / evidence


def _diagnostic_test_posterior(
    prevalence: float, sensitivity: float, specificity: float
) -> float:
    """P(disease | positive test) from the prevalence P(D), the sensitivity P(+|D) and the
    specificity P(-|not D).

    ``diagnostic_test_posterior`` checks the arguments, then calls this.
    """
    post = bayes_posterior([prevalence, 1 - prevalence], [sensitivity, 1 - specificity])
    return float(post[0])


# --8<-- [end:bayes]


def diagnostic_test_posterior(
    prevalence: float, sensitivity: float, specificity: float
) -> float:
    """P(disease | positive test) from the prevalence P(D), the sensitivity P(+|D) and the
    specificity P(-|not D)."""
    for name, val in (
        ("prevalence", prevalence),
        ("sensitivity", sensitivity),
        ("specificity", specificity),
    ):
        check_number(val, f"{name} (a probability)", 0.0, 1.0)
    return _diagnostic_test_posterior(prevalence, sensitivity, specificity)


def bayes_posterior(prior, likelihood) -> np.ndarray:
    """Posterior over hypotheses \\(\\theta\\) after seeing data \\(X\\):

    \\[ P(\\theta \\mid X) = \\frac{P(X \\mid \\theta) P(\\theta)}{\\sum_{\\theta'} P(X \\mid \\theta') P(\\theta')}. \\]

    ``prior`` is a probability vector over the hypotheses; ``likelihood[i]`` is
    \\(P(X \\mid \\theta_i)\\), a number in [0, 1] (it need not sum to 1 over i).
    """
    prior = check_probabilities(as_float_array(prior, "prior", ndim=1), "prior")
    likelihood = as_float_array(likelihood, "likelihood", ndim=1)
    if likelihood.shape != prior.shape:
        raise ValueError(
            f"likelihood must have one entry per hypothesis ({prior.size}), got {likelihood.size}"
        )
    if np.any(likelihood < 0) or np.any(likelihood > 1):
        raise ValueError("likelihood must have entries in [0, 1]")
    return _bayes_posterior(prior, likelihood)


# --8<-- [start:gaussian]
def _gaussian_log_pdf(x, mu: float, sigma: float) -> np.ndarray:
    """\\(\\log p(x; \\mu, \\sigma^2) = -\\tfrac12\\log(2\\pi\\sigma^2) - (x-\\mu)^2 / 2\\sigma^2\\).

    Computed in log space so that far tails give a large negative number instead of 0.

    ``gaussian_log_pdf`` checks the arguments, then calls this.
    """
    z = (x - mu) / sigma  # log sigma, not log sigma**2: sigma = 1e-200 works
    return -math.log(sigma) - 0.5 * math.log(2 * math.pi) - 0.5 * z**2


def gaussian_pdf(x, mu: float = 0.0, sigma: float = 1.0) -> np.ndarray:
    """\\(p(x; \\mu, \\sigma^2) = \\frac{1}{\\sqrt{2\\pi\\sigma^2}} \\exp\\!\\big(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\big)\\)."""
    return np.exp(gaussian_log_pdf(x, mu, sigma))


# --8<-- [end:gaussian]


def gaussian_log_pdf(x, mu: float = 0.0, sigma: float = 1.0) -> np.ndarray:
    """\\(\\log p(x; \\mu, \\sigma^2) = -\\tfrac12\\log(2\\pi\\sigma^2) - (x-\\mu)^2 / 2\\sigma^2\\).

    Computed in log space so that far tails give a large negative number instead of 0."""
    sigma = check_positive(sigma, "sigma")
    mu = check_number(mu, "mu")
    x = as_float_array(x, "x")
    with np.errstate(over="ignore"):
        # (x - mu)**2 / sigma**2 would overflow
        far = ~(np.abs((x - mu) / sigma) < 1e154)
    if np.any(far):
        raise ValueError(
            "x is too many standard deviations sigma from mu (|x - mu| / sigma above "
            "about 1e154): its log-density is below the range of float64"
        )
    return _gaussian_log_pdf(x, mu, sigma)


def _binary_sample(x) -> np.ndarray:
    x = as_float_array(x, "x", ndim=1)
    if x.size == 0:
        raise ValueError("x must hold at least one observation")
    if np.any((x != 0) & (x != 1)):
        raise ValueError("x must contain only 0s and 1s (Bernoulli outcomes)")
    return x


def _real_sample(x) -> np.ndarray:
    x = as_float_array(x, "x", ndim=1)
    if x.size == 0:
        raise ValueError("x must hold at least one observation")
    return x


# --8<-- [start:likelihood]
def bernoulli_log_likelihood(x, theta: float) -> float:
    """\\(\\ell(\\theta) = k\\log\\theta + (n-k)\\log(1-\\theta)\\) for \\(k\\) ones among \\(n\\)
    outcomes \\(x_i \\in \\{0, 1\\}\\); \\(-\\infty\\) when \\(\\theta\\) makes an observed outcome
    impossible."""
    x = _binary_sample(x)
    theta = check_number(theta, "theta (a probability)", 0.0, 1.0)
    k, n = x.sum(), x.size
    with np.errstate(divide="ignore"):  # log 0 = -inf; 0 * log 0 counts as 0
        ones = k * np.log(theta) if k > 0 else 0.0
        zeros = (n - k) * np.log1p(-theta) if n - k > 0 else 0.0
    return float(ones + zeros)


def bernoulli_mle(x) -> float:
    """The maximum-likelihood estimate \\(\\hat\\theta = k / n\\), the fraction of ones."""
    return float(_binary_sample(x).mean())


def _gaussian_log_likelihood(x, mu: float, sigma: float) -> float:
    """\\(\\ell(\\mu, \\sigma^2) = \\sum_i \\log p(x_i; \\mu, \\sigma^2)\\) for independent
    observations.

    ``gaussian_log_likelihood`` checks the arguments, then calls this.
    """
    return float(np.sum(gaussian_log_pdf(_real_sample(x), mu, sigma)))


def gaussian_mle(x) -> tuple[float, float]:
    """The maximum-likelihood estimates \\((\\hat\\mu, \\hat\\sigma^2)\\): the sample mean and the
    variance with divisor \\(n\\) (not \\(n - 1\\)), which is biased low by the factor
    \\((n-1)/n\\)."""
    x = _real_sample(x)
    mu = x.mean()
    return float(mu), float(np.mean((x - mu) ** 2))


# --8<-- [end:likelihood]


def gaussian_log_likelihood(x, mu: float, sigma: float) -> float:
    """\\(\\ell(\\mu, \\sigma^2) = \\sum_i \\log p(x_i; \\mu, \\sigma^2)\\) for independent
    observations."""
    mu = float(as_float_array(mu, "mu", ndim=0))
    return _gaussian_log_likelihood(x, mu, sigma)
