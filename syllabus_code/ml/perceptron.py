"""The McCulloch-Pitts threshold neuron and Rosenblatt's perceptron, with Novikoff's bound.

Conventions used throughout (and on the pages):

* perceptron labels are -1 and +1; McCulloch-Pitts inputs and outputs are 0 and 1;
* the perceptron starts from w = 0, b = 0 and updates on every example with
  y (w·x + b) <= 0 (a score of exactly 0 counts as a mistake, as in the convergence proof);
* its prediction is +1 where w·x + b >= 0 and -1 elsewhere;
* the bias is handled by **augmentation**: x̃ = (x, 1) and w̃ = (w, b), so that w·x + b = w̃·x̃
  and the rule w <- w + αyx, b <- b + αy is exactly w̃ <- w̃ + αyx̃. Novikoff's bound is then
  stated for the augmented vectors: R = max_i ||x̃_i|| and γ = min_i y_i ũ·x̃_i / ||ũ|| for a
  separator ũ = (u, u_0), the bias included in the norm.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from syllabus_code._checks import (
    as_float_array,
    check_int,
    check_number,
    check_positive,
)

__all__ = [
    "mcculloch_pitts",
    "LOGIC_GATES",
    "truth_table",
    "perceptron_predict",
    "PerceptronResult",
    "train_perceptron",
    "augment",
    "margin",
    "novikoff_bound",
    "separable_data",
    "xor_data",
]


# --8<-- [start:mcculloch_pitts]
def _mcculloch_pitts(x, w, threshold: float) -> np.ndarray:
    """Output 1 where Σ_i w_i x_i >= threshold, else 0, for binary inputs x of shape (d,) or (n, d).

    ``mcculloch_pitts`` checks the arguments, then calls this.
    """
    return (x @ w >= threshold).astype(np.int64)


# The gates as threshold units: (weights, threshold).
LOGIC_GATES = {
    "AND": ((1, 1), 2),  # fires only when both inputs fire
    "OR": ((1, 1), 1),  # fires when at least one input fires
    "NOT": ((-1,), 0),  # an inhibitory input: fires only when the input is silent
}


def _truth_table(weights, threshold: float, d) -> tuple[np.ndarray, np.ndarray]:
    """Every binary input of a unit (2^d rows, in counting order) and its output.

    ``truth_table`` checks the arguments, then calls this.
    """
    # (2^d, d)
    inputs = np.array(list(itertools.product([0, 1], repeat=d)), dtype=np.int64)
    return inputs, mcculloch_pitts(inputs, weights, threshold)


# --8<-- [end:mcculloch_pitts]


def mcculloch_pitts(x, weights, threshold: float) -> np.ndarray:
    """Output 1 where Σ_i w_i x_i >= threshold, else 0, for binary inputs x of shape (d,) or (n, d)."""
    x = as_float_array(x, "x", ndim=(1, 2))
    w = as_float_array(weights, "weights", ndim=1)
    if x.shape[-1] != w.size:
        raise ValueError(
            f"x must have {w.size} inputs (one per weight) in its last axis, got shape {x.shape}"
        )
    if not np.all((x == 0) | (x == 1)):
        raise ValueError("x must be binary: every input 0 or 1")
    check_number(threshold, "threshold")
    return _mcculloch_pitts(x, w, threshold)


def truth_table(weights, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Every binary input of a unit (2^d rows, in counting order) and its output."""
    d = as_float_array(weights, "weights", ndim=1).size
    return _truth_table(weights, threshold, d)


def _check_xy(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = as_float_array(X, "X", ndim=2)
    y = as_float_array(y, "y", ndim=1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(
            f"X and y must have the same number of examples, got {X.shape[0]} and {y.shape[0]}"
        )
    if X.shape[0] == 0:
        raise ValueError("X must hold at least one example")
    if not np.all(np.isin(y, (-1.0, 1.0))):
        raise ValueError(
            f"y must hold labels in {{-1, +1}}, got values {np.unique(y)[:5].tolist()}"
        )
    return X, y


def _check_wb(w, b, d: int) -> tuple[np.ndarray, float]:
    w = as_float_array(w, "w", ndim=1)
    if w.size != d:
        raise ValueError(
            f"w must have {d} entries (one per feature of X), got {w.size}"
        )
    b = as_float_array(b, "b", ndim=0)
    return w, float(b)


# --8<-- [start:perceptron]
def _perceptron_predict(X, w, b) -> np.ndarray:
    """+1 where w·x + b >= 0, else -1, for X of shape (n, d).

    ``perceptron_predict`` checks the arguments, then calls this.
    """
    return np.where(X @ w + b >= 0, 1, -1)


@dataclass
class PerceptronResult:
    w: np.ndarray  # (d,) final weights
    b: float  # final bias
    mistakes: int  # total number of updates made
    epochs: int  # passes over the data that were run
    converged: bool  # True if the last pass made no mistake
    # updates made in each pass
    errors_per_epoch: list[int] = field(default_factory=list)


def _train_perceptron(X, y, lr: float, max_epochs: int) -> PerceptronResult:
    """Rosenblatt's rule from w = 0, b = 0: on each mistake y (w·x + b) <= 0,
    w <- w + lr * y * x and b <- b + lr * y. Passes over the data in order until a pass
    makes no mistake or ``max_epochs`` passes have run.

    ``train_perceptron`` checks the arguments, then calls this.
    """
    w, b = np.zeros(X.shape[1]), 0.0
    errors: list[int] = []
    for _ in range(max_epochs):
        n_err = 0
        for xi, yi in zip(X, y):
            if yi * (w @ xi + b) <= 0:  # a mistake (a score of 0 counts as one)
                w = w + lr * yi * xi
                b = b + lr * yi
                n_err += 1
        errors.append(n_err)
        if n_err == 0:
            break
    return PerceptronResult(w, b, sum(errors), len(errors), errors[-1] == 0, errors)


# --8<-- [end:perceptron]


def perceptron_predict(X, w, b) -> np.ndarray:
    """+1 where w·x + b >= 0, else -1, for X of shape (n, d)."""
    X = as_float_array(X, "X", ndim=2)
    w, b = _check_wb(w, b, X.shape[1])
    return _perceptron_predict(X, w, b)


def train_perceptron(X, y, lr: float = 1.0, max_epochs: int = 100) -> PerceptronResult:
    """Rosenblatt's rule from w = 0, b = 0: on each mistake y (w·x + b) <= 0,
    w <- w + lr * y * x and b <- b + lr * y. Passes over the data in order until a pass
    makes no mistake or ``max_epochs`` passes have run."""
    X, y = _check_xy(X, y)
    lr = check_positive(lr, "lr")
    max_epochs = check_int(max_epochs, "max_epochs", min=1, max=10**6)
    return _train_perceptron(X, y, lr, max_epochs)


# --8<-- [start:novikoff]
def _augment(X) -> np.ndarray:
    """x̃ = (x, 1) for every row: (n, d) -> (n, d + 1).

    ``augment`` checks the arguments, then calls this.
    """
    return np.hstack([X, np.ones((X.shape[0], 1))])


def _margin(X, y, w, b) -> float:
    """γ = min_i y_i (w·x_i + b) / ||(w, b)||: the geometric margin of the separator (w, b)
    in the augmented space (the bias counts in the norm). Negative if (w, b) misclassifies.

    ``margin`` checks the arguments, then calls this.
    """
    u = np.append(w, b)  # ũ = (w, b), of norm > 0
    return float(np.min(y * (augment(X) @ u)) / np.linalg.norm(u))


def novikoff_bound(X, y, w, b) -> float:
    """(R/γ)² with R = max_i ||(x_i, 1)|| and γ the margin of the separator (w, b):
    the perceptron started at zero makes at most this many mistakes, for any lr > 0."""
    gamma = margin(X, y, w, b)
    if gamma <= 0:
        raise ValueError(
            f"(w, b) must separate the data with a positive margin, got margin {gamma:.4g}"
        )
    R = float(np.max(np.linalg.norm(augment(X), axis=1)))
    return (R / gamma) ** 2


# --8<-- [end:novikoff]


def augment(X) -> np.ndarray:
    """x̃ = (x, 1) for every row: (n, d) -> (n, d + 1)."""
    X = as_float_array(X, "X", ndim=2)
    return _augment(X)


def margin(X, y, w, b) -> float:
    """γ = min_i y_i (w·x_i + b) / ||(w, b)||: the geometric margin of the separator (w, b)
    in the augmented space (the bias counts in the norm). Negative if (w, b) misclassifies."""
    X, y = _check_xy(X, y)
    w, b = _check_wb(w, b, X.shape[1])
    if np.linalg.norm(np.append(w, b)) == 0:
        raise ValueError(
            "w and b must not all be zero (the zero vector separates nothing)"
        )
    return _margin(X, y, w, b)


# --8<-- [start:data]
def _separable_data(n, rng, w, b, min_margin) -> tuple[np.ndarray, np.ndarray]:
    """n points uniform in [-1, 1]², labelled by sign(w·x + b), keeping only points whose
    augmented margin to the separator (w, b) is at least ``min_margin``.

    ``separable_data`` checks the arguments, then calls this.
    """
    u = np.append(w, b)
    # the same separator, scaled so that its norm cannot overflow for huge w, b
    u = u / np.abs(u).max()
    X = np.empty((0, 2))
    for _ in range(100):  # rejection sampling, with a bounded number of rounds
        cand = rng.uniform(-1.0, 1.0, size=(2 * n, 2))
        keep = np.abs(augment(cand) @ u) / np.linalg.norm(u) >= min_margin
        X = np.vstack([X, cand[keep]])
        if X.shape[0] >= n:
            break
    else:
        raise ValueError(
            f"min_margin={min_margin} is too large for the separator w={w.tolist()}, "
            f"b={b}: after 100 rounds only {X.shape[0]} of {n} points were that far"
        )
    X = X[:n]
    y = np.where(X @ w + b > 0, 1.0, -1.0)
    return X, y


def xor_data() -> tuple[np.ndarray, np.ndarray]:
    """The four XOR points, labels -1 (inputs equal) and +1 (inputs differ)."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    return X, np.array([-1.0, 1.0, 1.0, -1.0])


# --8<-- [end:data]


def separable_data(
    n: int,
    rng: np.random.Generator,
    w=(1.0, -1.0),
    b: float = 0.2,
    min_margin: float = 0.05,
) -> tuple[np.ndarray, np.ndarray]:
    """n points uniform in [-1, 1]², labelled by sign(w·x + b), keeping only points whose
    augmented margin to the separator (w, b) is at least ``min_margin``."""
    n = check_int(n, "n", min=1, max=10**7)
    w = as_float_array(w, "w", ndim=1)
    if w.size != 2 or not np.any(w):
        raise ValueError(
            f"w must be a non-zero vector with 2 entries, got {w.tolist()}"
        )
    b = check_number(b, "b")
    min_margin = check_positive(min_margin, "min_margin")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a np.random.Generator, got {type(rng).__name__}")
    return _separable_data(n, rng, w, b, min_margin)
