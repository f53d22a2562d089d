"""Checkers for the Module 1 exercises (``docs/01-ml-fundamentals/exercises.md``)."""

from __future__ import annotations

import numpy as np

from syllabus_code.exercises._verdict import as_function, as_numbers, not_yet, verdict
from syllabus_code.ml import metrics
from syllabus_code.ml.risk import LinearGaussianTask

__all__ = ["EX1_Y_TRUE", "EX1_Y_PRED", "check_ex1", "check_ex2", "check_ex3"]

# Exercise 1: the labels the learner computes precision, recall and F1 from.
EX1_Y_TRUE = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
EX1_Y_PRED = [1, 1, 1, 0, 1, 1, 0, 0, 0, 0]


def check_ex1(answer) -> str:
    """Exercise 1: ``answer = (precision, recall, f1)`` for EX1_Y_TRUE and EX1_Y_PRED."""
    got = as_numbers(answer, 3)
    want = np.array(
        [
            metrics.precision(EX1_Y_TRUE, EX1_Y_PRED),
            metrics.recall(EX1_Y_TRUE, EX1_Y_PRED),
            metrics.f1_score(EX1_Y_TRUE, EX1_Y_PRED),
        ]
    )
    ok = np.allclose(got, want, atol=1e-3)
    wrong = [
        n
        for n, g, w in zip(("precision", "recall", "F1"), got, want)
        if abs(g - w) > 1e-3
    ]
    return verdict(
        ok,
        "precision 0.6, recall 0.75, F1 = 2PR/(P+R) ≈ 0.667.",
        f"check {', '.join(wrong)}; count TP, FP and FN first.",
    )


def check_ex2(answer) -> str:
    """Exercise 2: the expected squared-loss risk of f(x) = 1.5x on
    LinearGaussianTask(slope=2, intercept=0.5, noise_std=1)."""
    got = float(as_numbers(answer, 1)[0])
    want = LinearGaussianTask(2.0, 0.5, 1.0).expected_risk(1.5, 0.0)
    return verdict(
        abs(got - want) < 1e-6,
        "(1.5 - 2)² + (0 - 0.5)² + 1 = 1.5.",
        "expand (a x + c - y)² with y = β1 x + β0 + ε; E[x²] = 1, E[x] = E[ε] = 0.",
    )


def check_ex3(answer) -> str:
    """Exercise 3: ``answer(preds, f_true) -> (bias2, variance)`` for predictions of shape
    (trials, points) and the true values of shape (points,), both averaged over the points."""
    fn = as_function(answer)
    rng = np.random.default_rng(7)
    preds = 0.5 + rng.normal(size=(40, 6))
    f_true = rng.normal(size=6)
    got = as_numbers(fn(preds, f_true), 2, "answer(preds, f_true)")
    bias2 = np.mean((preds.mean(axis=0) - f_true) ** 2)
    var = np.mean(preds.var(axis=0))
    if np.isclose(got[1], np.mean(preds.var(axis=0, ddof=1))):
        return not_yet(
            "the variance here divides by T (ddof=0), so bias² + variance is exactly "
            "mean (f̂ - f)²."
        )
    return verdict(
        np.allclose(got, [bias2, var], rtol=1e-9, atol=1e-12),
        "bias² + variance equals the mean squared deviation of the predictions from f.",
        "bias² is (mean prediction - f)² per point; variance is the spread across "
        "trials per point.",
    )
