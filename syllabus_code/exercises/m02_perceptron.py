"""Checkers for the Module 2 exercises (``docs/02-perceptron/exercises.md``)."""

from __future__ import annotations

import numpy as np

from syllabus_code.exercises._verdict import as_numbers, as_sequence, not_yet, verdict
from syllabus_code.ml.perceptron import novikoff_bound, truth_table

__all__ = ["EX3_X", "EX3_Y", "EX3_SEPARATOR", "check_ex1", "check_ex2", "check_ex3"]

# Exercise 3: the data set and separator (w, b) of the Novikoff-bound exercise.
EX3_X = [[1.0, 1.0], [2.0, 0.0], [-1.0, -1.0], [0.0, -2.0]]
EX3_Y = [1.0, 1.0, -1.0, -1.0]
EX3_SEPARATOR = ([1.0, 1.0], 0.0)


def check_ex1(answer) -> str:
    """Exercise 1: ``answer = (weights, threshold)`` of a McCulloch-Pitts unit computing NAND."""
    weights, threshold = as_sequence(answer, 2, "a pair (weights, threshold)")
    w = as_numbers(weights, 2, "weights")
    _, out = truth_table(w, float(as_numbers(threshold, 1, "threshold")[0]))
    want = np.array([1, 1, 1, 0])
    return verdict(
        np.array_equal(out, want),
        "your unit outputs 1, 1, 1, 0 on 00, 01, 10, 11.",
        f"your unit outputs {out.tolist()} on 00, 01, 10, 11; NAND is [1, 1, 1, 0].",
    )


def check_ex2(answer) -> str:
    """Exercise 2: ``answer = (w, b)`` after one perceptron step from w = (0.5, -1), b = 0 on
    x = (1, 2), y = +1 with lr = 0.5."""
    w, b = as_sequence(answer, 2, "a pair (w, b)")
    got = np.append(as_numbers(w, 2, "w"), as_numbers(b, 1, "b"))
    w0, b0, x, y, lr = np.array([0.5, -1.0]), 0.0, np.array([1.0, 2.0]), 1.0, 0.5
    if y * (w0 @ x + b0) <= 0:
        w0, b0 = w0 + lr * y * x, b0 + lr * y
    want = np.append(w0, b0)
    return verdict(
        np.allclose(got, want),
        "the score was -1.5, a mistake, so w = (1, 0) and b = 0.5.",
        "first compute y (w·x + b); update only if it is <= 0.",
    )


def check_ex3(answer) -> str:
    """Exercise 3: (R/γ)² for EX3_X, EX3_Y and the separator w = (1, 1), b = 0, with R and γ
    measured on augmented vectors (x, 1)."""
    got = float(as_numbers(answer, 1)[0])
    want = novikoff_bound(EX3_X, EX3_Y, *EX3_SEPARATOR)
    if abs(got - 2.0) < 1e-6:  # R² = 4 without augmentation, γ² = 2
        return not_yet(
            "augment first, x̃ = (x, 1), so R is the largest norm of (x1, x2, 1)."
        )
    return verdict(
        abs(got - want) < 1e-6,
        "R² = 5, γ² = 2, so the bound is 2.5 mistakes.",
        "R = max ||(x, 1)||, γ = min y (w·x + b) / ||(w, b)||, then (R/γ)².",
    )
