"""Module 1's self-check questions: every answer recomputed by another route (a hand formula,
scikit-learn, or a direct average instead of the package function the question calls)."""

from __future__ import annotations

import numpy as np
from selfcheck_helpers import (
    assert_close,
    assert_counts,
    by_id,
    correct_option,
    load_page,
)
from sklearn import metrics as skm

MODULE = "01-ml-fundamentals"


def q(page: str, qid: str):
    return by_id(load_page(MODULE, page))[qid]


def test_module_has_at_least_12_questions_and_2_to_4_per_section():
    assert_counts(MODULE)


def test_risk_by_hand_and_sklearn():
    assert_close(
        q("learning-and-risk", "expected-risk"), (2 - 3) ** 2 + (1 - (-1)) ** 2 + 0.5**2
    )
    x, y = np.array([0.0, 1, 2, 3]), np.array([1.0, 2, 6, 5])
    assert_close(
        q("learning-and-risk", "empirical-risk"), skm.mean_squared_error(y, 2 * x)
    )


def test_risk_expected_risk_by_monte_carlo():
    rng = np.random.default_rng(0)
    x = rng.standard_normal(400_000)
    y = 3 * x - 1 + 0.5 * rng.standard_normal(x.size)
    mc = np.mean((2 * x + 1 - y) ** 2)
    assert abs(mc - q("learning-and-risk", "expected-risk").answer) < 0.05


def test_risk_choices():
    question = q("learning-and-risk", "training-risk")
    assert question.options[correct_option(question)].text.startswith("Little")
    question = q("learning-and-risk", "kinds")
    assert question.options[correct_option(question)].text == "Unsupervised learning"


def test_bias_variance_by_direct_averages():
    assert_close(
        q("bias-variance", "bias2"), (np.mean([0.9, 1.3, 1.1, 1.5]) - 1.0) ** 2
    )
    # E over D (the four fits, equally likely) and the noise of (f + eps - fhat)^2
    # = mean squared distance of the fits from f, plus sigma^2
    preds = np.array([1.2, 0.8, 1.4, 1.0])
    assert_close(
        q("bias-variance", "expected-error"), np.mean((1.0 - preds) ** 2) + 0.3**2
    )


def test_bias_variance_choices():
    question = q("bias-variance", "remedy")
    assert question.options[correct_option(question)].text.startswith("Fewer degrees")
    question = q("bias-variance", "which-loss")
    assert question.options[correct_option(question)].text == "The squared loss"


def _labels(tp, fp, fn, tn):
    return (
        [1] * tp + [0] * fp + [1] * fn + [0] * tn,
        [1] * tp + [1] * fp + [0] * fn + [0] * tn,
    )


def test_metrics_against_sklearn():
    yt, yp = _labels(4, 1, 6, 9)
    assert_close(q("metrics", "f1"), skm.f1_score(yt, yp))
    yt, yp = _labels(35, 10, 5, 50)
    assert skm.confusion_matrix(yt, yp).tolist() == [[50, 10], [5, 35]]
    assert_close(q("metrics", "recall-from-matrix"), skm.recall_score(yt, yp))
    assert_close(q("metrics", "r2"), skm.r2_score([1.0, 2, 3, 4], [1.0, 2, 4, 3]))
    question = q("metrics", "no-positives")
    value = skm.precision_score([1, 0, 1, 0, 0], [0] * 5, zero_division=0)
    assert question.options[correct_option(question)].text.startswith(f"{value:g},")
