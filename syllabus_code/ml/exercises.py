"""Checkers for the exercises of Modules 1 and 2.

Each ``check_*`` takes the learner's answer and returns a one-line verdict that starts with
``"Correct"`` or ``"Not yet"`` (with a hint). A malformed answer (wrong type or shape) raises
``TypeError``/``ValueError`` naming the argument, like the rest of the package.
"""

from __future__ import annotations

import numpy as np

from syllabus_code.ml import metrics
from syllabus_code.ml.perceptron import novikoff_bound, truth_table
from syllabus_code.ml.risk import LinearGaussianTask

__all__ = [
    "METRICS_Y_TRUE",
    "METRICS_Y_PRED",
    "check_metrics",
    "check_expected_risk",
    "check_bias_variance",
    "check_nand_unit",
    "check_perceptron_step",
    "NOVIKOFF_X",
    "NOVIKOFF_Y",
    "check_novikoff_bound",
]

# Module 1, exercise 1: the labels the learner computes precision, recall and F1 from.
METRICS_Y_TRUE = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
METRICS_Y_PRED = [1, 1, 1, 0, 1, 1, 0, 0, 0, 0]

# Module 2, exercise 3: the data set and separator of the Novikoff-bound exercise.
NOVIKOFF_X = [[1.0, 1.0], [2.0, 0.0], [-1.0, -1.0], [0.0, -2.0]]
NOVIKOFF_Y = [1.0, 1.0, -1.0, -1.0]
NOVIKOFF_SEPARATOR = ([1.0, 1.0], 0.0)


def _numbers(answer, name: str, n: int) -> np.ndarray:
    try:
        arr = np.asarray(answer, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be {n} number(s), got {type(answer).__name__}") from exc
    if arr.size != n:
        raise ValueError(f"{name} must be {n} number(s), got {arr.size}")
    return arr


def _verdict(ok: bool, right: str, hint: str) -> str:
    return f"Correct: {right}" if ok else f"Not yet: {hint}"


def check_metrics(answer) -> str:
    """Module 1, exercise 1: ``answer = (precision, recall, f1)`` for METRICS_Y_TRUE/PRED."""
    got = _numbers(answer, "answer", 3)
    want = np.array([metrics.precision(METRICS_Y_TRUE, METRICS_Y_PRED),
                     metrics.recall(METRICS_Y_TRUE, METRICS_Y_PRED),
                     metrics.f1_score(METRICS_Y_TRUE, METRICS_Y_PRED)])
    ok = np.allclose(got, want, atol=1e-3)
    wrong = [n for n, g, w in zip(("precision", "recall", "F1"), got, want) if abs(g - w) > 1e-3]
    return _verdict(ok, "precision 0.6, recall 0.75, F1 = 2PR/(P+R) ≈ 0.667.",
                    f"check {', '.join(wrong)}; count TP, FP and FN first.")


def check_expected_risk(answer) -> str:
    """Module 1, exercise 2: the expected squared-loss risk of f(x) = 1.5x on
    LinearGaussianTask(slope=2, intercept=0.5, noise_std=1)."""
    got = float(_numbers(answer, "answer", 1)[0])
    want = LinearGaussianTask(2.0, 0.5, 1.0).expected_risk(1.5, 0.0)
    return _verdict(abs(got - want) < 1e-6, "(1.5 - 2)² + (0 - 0.5)² + 1 = 1.5.",
                    "expand (a x + c - y)² with y = β1 x + β0 + ε; E[x²] = 1, E[x] = E[ε] = 0.")


def check_bias_variance(fn) -> str:
    """Module 1, exercise 3: ``fn(preds, f_true) -> (bias2, variance)`` for predictions of shape
    (trials, points) and the true values of shape (points,), both averaged over the points."""
    if not callable(fn):
        raise TypeError(f"fn must be callable, got {type(fn).__name__}")
    rng = np.random.default_rng(7)
    preds = 0.5 + rng.normal(size=(40, 6))
    f_true = rng.normal(size=6)
    got = _numbers(fn(preds, f_true), "fn(preds, f_true)", 2)
    bias2 = np.mean((preds.mean(axis=0) - f_true) ** 2)
    var = np.mean(preds.var(axis=0))
    if np.isclose(got[1], np.mean(preds.var(axis=0, ddof=1))):
        return "Not yet: the variance here divides by T (ddof=0), so bias² + variance is exactly mean (f̂ - f)²."
    return _verdict(np.allclose(got, [bias2, var], rtol=1e-9, atol=1e-12),
                    "bias² + variance equals the mean squared deviation of the predictions from f.",
                    "bias² is (mean prediction - f)² per point; variance is the spread across trials per point.")


def check_nand_unit(weights, threshold) -> str:
    """Module 2, exercise 1: a McCulloch-Pitts unit (weights, threshold) computing NAND."""
    w = _numbers(weights, "weights", 2)
    _, out = truth_table(w, float(_numbers(threshold, "threshold", 1)[0]))
    want = np.array([1, 1, 1, 0])
    return _verdict(np.array_equal(out, want), "your unit outputs 1, 1, 1, 0 on 00, 01, 10, 11.",
                    f"your unit outputs {out.tolist()} on 00, 01, 10, 11; NAND is [1, 1, 1, 0].")


def check_perceptron_step(w, b) -> str:
    """Module 2, exercise 2: (w, b) after one perceptron step from w = (0.5, -1), b = 0 on
    x = (1, 2), y = +1 with lr = 0.5."""
    got = np.append(_numbers(w, "w", 2), _numbers(b, "b", 1))
    w0, b0, x, y, lr = np.array([0.5, -1.0]), 0.0, np.array([1.0, 2.0]), 1.0, 0.5
    if y * (w0 @ x + b0) <= 0:
        w0, b0 = w0 + lr * y * x, b0 + lr * y
    want = np.append(w0, b0)
    return _verdict(np.allclose(got, want), "the score was -1.5, a mistake, so w = (1, 0) and b = 0.5.",
                    "first compute y (w·x + b); update only if it is <= 0.")


def check_novikoff_bound(answer) -> str:
    """Module 2, exercise 3: (R/γ)² for NOVIKOFF_X, NOVIKOFF_Y and the separator w = (1, 1), b = 0,
    with R and γ measured on augmented vectors (x, 1)."""
    got = float(_numbers(answer, "answer", 1)[0])
    want = novikoff_bound(NOVIKOFF_X, NOVIKOFF_Y, *NOVIKOFF_SEPARATOR)
    if abs(got - 2.0) < 1e-6:  # R² = 4 without augmentation, γ² = 2
        return "Not yet: augment first, x̃ = (x, 1), so R is the largest norm of (x1, x2, 1)."
    return _verdict(abs(got - want) < 1e-6, "R² = 5, γ² = 2, so the bound is 2.5 mistakes.",
                    "R = max ||(x, 1)||, γ = min y (w·x + b) / ||(w, b)||, then (R/γ)².")

