"""Probability for Module 0: discrete expectation and variance, Bayes' theorem, the Gaussian."""

from __future__ import annotations

import math

import numpy as np

from syllabus_code._checks import as_float_array, check_positive, check_probabilities

__all__ = ["expectation", "variance", "bayes_posterior", "diagnostic_test_posterior",
           "gaussian_pdf", "gaussian_log_pdf"]


def _values_and_probs(values, probs):
    values = as_float_array(values, "values", ndim=1)
    probs = check_probabilities(as_float_array(probs, "probs", ndim=1), "probs")
    if values.shape != probs.shape:
        raise ValueError(f"values and probs must have the same length, got {values.size} and {probs.size}")
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
def bayes_posterior(prior, likelihood) -> np.ndarray:
    """Posterior over hypotheses \\(\\theta\\) after seeing data \\(X\\):

    \\[ P(\\theta \\mid X) = \\frac{P(X \\mid \\theta) P(\\theta)}{\\sum_{\\theta'} P(X \\mid \\theta') P(\\theta')}. \\]

    ``prior`` is a probability vector over the hypotheses; ``likelihood[i]`` is
    \\(P(X \\mid \\theta_i)\\), a number in [0, 1] (it need not sum to 1 over i).
    """
    prior = check_probabilities(as_float_array(prior, "prior", ndim=1), "prior")
    likelihood = as_float_array(likelihood, "likelihood", ndim=1)
    if likelihood.shape != prior.shape:
        raise ValueError(f"likelihood must have one entry per hypothesis ({prior.size}), got {likelihood.size}")
    if np.any(likelihood < 0) or np.any(likelihood > 1):
        raise ValueError("likelihood must have entries in [0, 1]")
    joint = likelihood * prior                   # P(X, theta_i)
    evidence = joint.sum()                       # P(X)
    if evidence == 0:
        raise ValueError("the data has probability 0 under every hypothesis (P(X) = 0)")
    return joint / evidence


def diagnostic_test_posterior(prevalence: float, sensitivity: float, specificity: float) -> float:
    """P(disease | positive test) from the prevalence P(D), the sensitivity P(+|D) and the
    specificity P(-|not D)."""
    for name, val in (("prevalence", prevalence), ("sensitivity", sensitivity), ("specificity", specificity)):
        if isinstance(val, bool) or not isinstance(val, (int, float, np.integer, np.floating)):
            raise TypeError(f"{name} must be a number, got {type(val).__name__}")
        if not 0 <= val <= 1:
            raise ValueError(f"{name} must be a probability in [0, 1], got {val}")
    post = bayes_posterior([prevalence, 1 - prevalence], [sensitivity, 1 - specificity])
    return float(post[0])
# --8<-- [end:bayes]


# --8<-- [start:gaussian]
def gaussian_log_pdf(x, mu: float = 0.0, sigma: float = 1.0) -> np.ndarray:
    """\\(\\log p(x; \\mu, \\sigma^2) = -\\tfrac12\\log(2\\pi\\sigma^2) - (x-\\mu)^2 / 2\\sigma^2\\).

    Computed in log space so that far tails give a large negative number instead of 0."""
    sigma = check_positive(sigma, "sigma")
    x = as_float_array(x, "x")
    return -0.5 * math.log(2 * math.pi * sigma**2) - (x - mu) ** 2 / (2 * sigma**2)


def gaussian_pdf(x, mu: float = 0.0, sigma: float = 1.0) -> np.ndarray:
    """\\(p(x; \\mu, \\sigma^2) = \\frac{1}{\\sqrt{2\\pi\\sigma^2}} \\exp\\!\\big(-\\frac{(x-\\mu)^2}{2\\sigma^2}\\big)\\)."""
    return np.exp(gaussian_log_pdf(x, mu, sigma))
# --8<-- [end:gaussian]
