"""The bias-variance decomposition, measured by Monte Carlo on polynomial regression.

Truth: \\(f(x) = \\sin(2\\pi x)\\) on \\([0, 1]\\); data \\(y = f(x) + \\varepsilon\\),
\\(\\varepsilon \\sim \\mathcal N(0, \\sigma^2)\\). Each trial draws a fresh training set of
``n_train`` points, fits a polynomial of the given degree by least squares, and predicts on a
fixed grid of test inputs, where fresh noisy test targets are drawn. Over T trials, at each
test input \\(x\\),

* bias² = \\((\\bar f(x) - f(x))^2\\), with \\(\\bar f(x)\\) the mean prediction over trials,
* variance = mean over trials of \\((\\hat f_t(x) - \\bar f(x))^2\\) (divided by T, not T - 1),
* noise = \\(\\sigma^2\\),

each then averaged over the test grid. The measured expected test MSE is the mean over trials
and test inputs of \\((y_t(x) - \\hat f_t(x))^2\\). Algebraically
mean_t \\((\\hat f_t - f)^2\\) = bias² + variance exactly, so the only gap between the MSE and
bias² + variance + noise is Monte-Carlo noise: mean(\\(\\varepsilon^2\\)) - \\(\\sigma^2\\) and the
cross term 2 mean(\\(\\varepsilon(f - \\hat f)\\)), both of mean zero. Conditionally on the fits
their standard error is \\(\\sqrt{(2\\sigma^4 + 4\\sigma^2(\\text{bias}^2 + \\text{variance}))/(TM)}\\)
for M test inputs, returned as ``gap_se``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from syllabus_code._checks import as_float_array, check_int, check_positive

__all__ = [
    "true_function",
    "fit_polynomial",
    "predict_polynomial",
    "BiasVariance",
    "bias_variance",
]


def _check_int(value, name: str, minimum: int) -> int:
    return check_int(value, name, min=minimum)


# --8<-- [start:fit]
def _true_function(x) -> np.ndarray:
    """f(x) = sin(2πx), the regression function the simulation tries to learn.

    ``true_function`` checks the arguments, then calls this.
    """
    return np.sin(2 * np.pi * x)


def _fit_polynomial(x, y, degree: int) -> np.ndarray:
    """Least-squares polynomial of the given degree on x in [0, 1] (Legendre basis in 2x - 1,
    which is far better conditioned than raw powers). Returns its coefficients.

    ``fit_polynomial`` checks the arguments, then calls this.
    """
    return np.polynomial.legendre.legfit(2 * x - 1, y, degree)


def _predict_polynomial(coef, x) -> np.ndarray:
    """Evaluate a polynomial returned by :func:`fit_polynomial` at x.

    ``predict_polynomial`` checks the arguments, then calls this.
    """
    return np.polynomial.legendre.legval(2 * x - 1, coef)


# --8<-- [end:fit]


def true_function(x) -> np.ndarray:
    """f(x) = sin(2πx), the regression function the simulation tries to learn."""
    x = as_float_array(x, "x")
    return _true_function(x)


def predict_polynomial(coef, x) -> np.ndarray:
    """Evaluate a polynomial returned by :func:`fit_polynomial` at x."""
    x = as_float_array(x, "x")
    coef = as_float_array(coef, "coef", ndim=1)
    return _predict_polynomial(coef, x)


def fit_polynomial(x, y, degree: int) -> np.ndarray:
    """Least-squares polynomial of the given degree on x in [0, 1] (Legendre basis in 2x - 1,
    which is far better conditioned than raw powers). Returns its coefficients."""
    x = as_float_array(x, "x", ndim=1)
    y = as_float_array(y, "y", ndim=1)
    if x.shape != y.shape:
        raise ValueError(
            f"x and y must have the same shape, got {x.shape} and {y.shape}"
        )
    degree = _check_int(degree, "degree", 0)
    if degree >= x.size:
        raise ValueError(
            f"degree must be < the number of points ({x.size}) for a unique fit, got {degree}"
        )
    return _fit_polynomial(x, y, degree)


# --8<-- [start:decomposition]
@dataclass(frozen=True)
class BiasVariance:
    degree: int
    bias2: float  # mean over test inputs of (mean prediction - f)²
    variance: (
        float  # mean over test inputs of the variance of the prediction across trials
    )
    noise: float  # σ², the irreducible error
    expected_mse: (
        float  # measured mean of (y_test - prediction)² over trials and test inputs
    )
    gap_se: float  # standard error of expected_mse - (bias2 + variance + noise)

    @property
    def total(self) -> float:
        return self.bias2 + self.variance + self.noise


def _bias_variance(degree, n_train, trials, n_test, rng, sigma) -> BiasVariance:
    """Monte-Carlo bias², variance, noise and expected test MSE of a degree-``degree`` fit.

    ``bias_variance`` checks the arguments, then calls this.
    """
    rng = np.random.default_rng(0) if rng is None else rng
    x_test = (np.arange(n_test) + 0.5) / n_test  # (M,) a fixed grid inside [0, 1]
    f_test = true_function(x_test)  # (M,)
    preds = np.empty((trials, n_test))  # (T, M) prediction of each trial
    sq_err = np.empty((trials, n_test))  # (T, M) squared test error
    for t in range(trials):
        x = rng.uniform(0.0, 1.0, n_train)
        y = true_function(x) + sigma * rng.standard_normal(n_train)
        preds[t] = predict_polynomial(fit_polynomial(x, y, degree), x_test)
        y_test = f_test + sigma * rng.standard_normal(n_test)  # fresh noisy targets
        sq_err[t] = (y_test - preds[t]) ** 2
    mean_pred = preds.mean(axis=0)  # (M,) f̄(x)
    bias2 = float(np.mean((mean_pred - f_test) ** 2))
    variance = float(np.mean(preds.var(axis=0)))  # ddof=0, so bias2 + variance is exact
    gap_se = float(
        np.sqrt((2 * sigma**4 + 4 * sigma**2 * (bias2 + variance)) / (trials * n_test))
    )
    return BiasVariance(
        int(degree), bias2, variance, sigma**2, float(sq_err.mean()), gap_se
    )


# --8<-- [end:decomposition]


def bias_variance(
    degree: int,
    n_train: int = 30,
    trials: int = 200,
    noise_std: float = 0.3,
    n_test: int = 50,
    rng: np.random.Generator | None = None,
) -> BiasVariance:
    """Monte-Carlo bias², variance, noise and expected test MSE of a degree-``degree`` fit."""
    n_train = _check_int(n_train, "n_train", 2)
    trials = _check_int(trials, "trials", 2)
    n_test = _check_int(n_test, "n_test", 1)
    sigma = check_positive(noise_std, "noise_std")
    return _bias_variance(degree, n_train, trials, n_test, rng, sigma)
