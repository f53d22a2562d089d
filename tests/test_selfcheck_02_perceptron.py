"""Module 2's self-check questions: every answer recomputed by another route (enumeration,
a hand-written perceptron loop, a linear program instead of the package functions)."""

from __future__ import annotations

import itertools
import math

import numpy as np
from scipy.optimize import linprog
from selfcheck_helpers import (
    assert_close,
    assert_counts,
    by_id,
    correct_option,
    load_page,
)

MODULE = "02-perceptron"


def q(page: str, qid: str):
    return by_id(load_page(MODULE, page))[qid]


def test_module_has_at_least_12_questions_and_2_to_4_per_section():
    assert_counts(MODULE)


def test_mcculloch_pitts_by_enumeration():
    patterns = list(itertools.product((0, 1), repeat=3))
    assert_close(
        q("mcculloch-pitts", "count-firing"),
        sum(2 * a + b + c >= 3 for a, b, c in patterns),
    )
    majority = [a + b + c >= 2 for a, b, c in patterns]
    theta = next(
        t for t in range(5) if [a + b + c >= t for a, b, c in patterns] == majority
    )
    assert_close(q("mcculloch-pitts", "majority"), theta)
    question = q("mcculloch-pitts", "nand")
    assert (
        question.options[correct_option(question)].text
        == "\\(w = (-1, -1)\\), \\(\\theta = -1\\)"
    )
    assert [int(-a - b >= -1) for a, b in itertools.product((0, 1), repeat=2)] == [
        1,
        1,
        1,
        0,
    ]


def _perceptron(X, y, epochs):
    w, b, updates = np.zeros(len(X[0])), 0.0, 0
    for _ in range(epochs):
        for xi, yi in zip(X, y):
            if yi * (np.dot(w, xi) + b) <= 0:
                w, b, updates = w + yi * np.asarray(xi, float), b + yi, updates + 1
    return w, b, updates


def test_perceptron_by_a_hand_written_loop():
    w, _b, _ = _perceptron([(1, 2), (2, 0)], [1, -1], 1)
    assert_close(q("perceptron", "one-epoch"), w[0])
    assert_close(q("perceptron", "score-gain"), 0.5 * (2**2 + 1**2 + 1))
    question = q("perceptron", "learning-rate")
    assert question.options[correct_option(question)].text.startswith("Only the scale")


def test_convergence_by_hand():
    gamma = min(2 + 0.5, -(0 - 2 + 0.5)) / math.sqrt(1 + 1 + 0.25)
    assert_close(q("convergence", "margin"), gamma)
    assert_close(q("convergence", "bound"), (math.sqrt(2**2 + 1) / gamma) ** 2)
    question = q("convergence", "depends-on")
    assert question.options[correct_option(question)].text.startswith("Only the ratio")


def test_xor_updates_by_a_hand_written_loop():
    X, y = [(0, 0), (0, 1), (1, 0), (1, 1)], [-1, 1, 1, -1]
    assert_close(q("xor", "xor-mistakes"), _perceptron(X, y, 250)[2])


def _separable(labels) -> bool:
    """Is there (w1, w2, b) with y (w.x + b) >= 1 on all four points? (a linear program)"""
    pts = [(0, 0), (0, 1), (1, 0), (1, 1)]
    A = [[-y * x1, -y * x2, -y] for (x1, x2), y in zip(pts, labels)]
    res = linprog(np.zeros(3), A_ub=A, b_ub=-np.ones(4), bounds=[(None, None)] * 3)
    return res.status == 0


def test_xor_single_unit_count_by_linear_programming():
    count = sum(_separable(labels) for labels in itertools.product((-1, 1), repeat=4))
    assert_close(q("xor", "separable-count"), count)
    question = q("xor", "two-layers")
    assert question.options[correct_option(question)].text.startswith("AND")
