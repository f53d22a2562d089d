"""Expected risk and empirical risk, on a task where the expected risk is known exactly.

The task: \\(x \\sim \\mathcal N(0, 1)\\) and \\(y = \\beta_1 x + \\beta_0 + \\varepsilon\\) with
independent noise \\(\\varepsilon \\sim \\mathcal N(0, \\sigma^2)\\). For a *fixed* linear predictor
\\(f(x) = a x + c\\) and the squared loss,

.. math:: R(f) = \\mathbb E[(a x + c - y)^2] = (a - \\beta_1)^2 + (c - \\beta_0)^2 + \\sigma^2,

because \\(a x + c - y = (a - \\beta_1) x + (c - \\beta_0) - \\varepsilon\\) is a sum of three
independent terms with means 0, \\(c - \\beta_0\\), 0 and variances \\((a-\\beta_1)^2\\), 0,
\\(\\sigma^2\\). The empirical risk on \\(n\\) fresh samples is an average of i.i.d. losses, so by
the law of large numbers it converges to \\(R(f)\\), with a standard deviation that falls like
\\(1/\\sqrt n\\).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from syllabus_code._checks import (
    as_float_array,
    check_int,
    check_positive,
    check_same_shape,
)

__all__ = [
    "squared_loss",
    "absolute_loss",
    "zero_one_loss",
    "empirical_risk",
    "LinearGaussianTask",
    "risk_convergence",
]


# --8<-- [start:losses]
def _squared_loss(yp, yt) -> np.ndarray:
    """L(ŷ, y) = (ŷ - y)², elementwise.

    ``squared_loss`` checks the arguments, then calls this.
    """
    return (yp - yt) ** 2


def _absolute_loss(yp, yt) -> np.ndarray:
    """L(ŷ, y) = |ŷ - y|, elementwise.

    ``absolute_loss`` checks the arguments, then calls this.
    """
    return np.abs(yp - yt)


def _zero_one_loss(yp, yt) -> np.ndarray:
    """L(ŷ, y) = 1 if ŷ ≠ y else 0, elementwise (for class labels).

    ``zero_one_loss`` checks the arguments, then calls this.
    """
    return (yp != yt).astype(np.float64)


def _empirical_risk(predict: Callable, x, y, loss: Callable) -> float:
    """R̂(f) = (1/n) Σ_i L(f(x_i), y_i) over the n examples in (x, y).

    ``empirical_risk`` checks the arguments, then calls this.
    """
    return float(np.mean(loss(predict(x), y)))


# --8<-- [end:losses]


def zero_one_loss(y_pred, y_true) -> np.ndarray:
    """L(ŷ, y) = 1 if ŷ ≠ y else 0, elementwise (for class labels)."""
    yp, yt = np.asarray(y_pred), np.asarray(y_true)
    check_same_shape(yp, yt, "y_pred", "y_true")
    return _zero_one_loss(yp, yt)


def squared_loss(y_pred, y_true) -> np.ndarray:
    """L(ŷ, y) = (ŷ - y)², elementwise."""
    yp, yt = as_float_array(y_pred, "y_pred"), as_float_array(y_true, "y_true")
    check_same_shape(yp, yt, "y_pred", "y_true")
    return _squared_loss(yp, yt)


def absolute_loss(y_pred, y_true) -> np.ndarray:
    """L(ŷ, y) = |ŷ - y|, elementwise."""
    yp, yt = as_float_array(y_pred, "y_pred"), as_float_array(y_true, "y_true")
    check_same_shape(yp, yt, "y_pred", "y_true")
    return _absolute_loss(yp, yt)


def empirical_risk(predict: Callable, x, y, loss: Callable = squared_loss) -> float:
    """R̂(f) = (1/n) Σ_i L(f(x_i), y_i) over the n examples in (x, y)."""
    if not callable(predict):
        raise TypeError(f"predict must be callable, got {type(predict).__name__}")
    if not callable(loss):
        raise TypeError(f"loss must be callable, got {type(loss).__name__}")
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim == 0 or y.ndim == 0 or len(x) != len(y) or len(x) == 0:
        raise ValueError(
            f"x and y must hold the same number n >= 1 of examples, got shapes {x.shape} and {y.shape}"
        )
    return _empirical_risk(predict, x, y, loss)


# --8<-- [start:task]
@dataclass(frozen=True)
class LinearGaussianTask:
    """x ~ N(0, 1), y = slope * x + intercept + noise, noise ~ N(0, noise_std²)."""

    slope: float = 2.0  # β1, the true slope
    intercept: float = 0.5  # β0, the true intercept
    noise_std: float = 1.0  # σ, so the irreducible risk is σ²

    def __post_init__(self):
        check_positive(self.noise_std, "noise_std")

    def sample(self, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """n i.i.d. pairs (x, y), each of shape (n,)."""
        n = check_int(n, "n", min=1)
        x = rng.standard_normal(n)
        y = self.slope * x + self.intercept + self.noise_std * rng.standard_normal(n)
        return x, y

    def expected_risk(self, a: float, c: float) -> float:
        """Exact squared-loss risk of f(x) = a x + c: (a - β1)² + (c - β0)² + σ²."""
        return (a - self.slope) ** 2 + (c - self.intercept) ** 2 + self.noise_std**2


# --8<-- [end:task]


# --8<-- [start:convergence]
def _risk_convergence(task, a, c, ns, repeats, rng) -> np.ndarray:
    """Empirical risks of f(x) = a x + c: array (repeats, len(ns)), each on a fresh sample of size n.

    ``risk_convergence`` checks the arguments, then calls this.
    """
    out = np.empty((repeats, len(ns)))
    for j, n in enumerate(ns):
        for r in range(repeats):
            x, y = task.sample(n, rng)
            out[r, j] = empirical_risk(lambda t: a * t + c, x, y)
    return out


# --8<-- [end:convergence]


def risk_convergence(
    task: LinearGaussianTask,
    a: float,
    c: float,
    ns: Sequence[int],
    repeats: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Empirical risks of f(x) = a x + c: array (repeats, len(ns)), each on a fresh sample of size n."""
    if not isinstance(task, LinearGaussianTask):
        raise TypeError(f"task must be a LinearGaussianTask, got {type(task).__name__}")
    check_int(repeats, "repeats", min=1)
    ns = list(ns)
    if not ns:
        raise ValueError("ns must list at least one sample size")
    return _risk_convergence(task, a, c, ns, repeats, rng)
