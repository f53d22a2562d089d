"""Module 0's self-check questions: every answer recomputed by another route (a hand formula,
PyTorch or SciPy instead of the package function the question calls)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from scipy.stats import entropy as scipy_entropy
from selfcheck_helpers import (
    assert_close,
    assert_counts,
    by_id,
    correct_option,
    load_page,
)

MODULE = "00-foundations"


def q(page: str, qid: str):
    return by_id(load_page(MODULE, page))[qid]


def test_module_has_at_least_12_questions_and_2_to_4_per_section():
    assert_counts(MODULE)


def test_notation_dense_params_counts_torch_parameters():
    layer = torch.nn.Linear(784, 128)
    assert_close(
        q("notation", "dense-params"), sum(p.numel() for p in layer.parameters())
    )


def test_notation_numpy_nn_stores_the_transpose_of_torch_weight():
    question = q("notation", "numpy-nn-shape")
    torch_shape = tuple(torch.nn.Linear(5, 3).weight.shape)  # (out, in)
    assert question.options[correct_option(question)].text == str(torch_shape[::-1])


def test_notation_mse_is_torch_mse_loss():
    pred = torch.tensor([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]])
    assert_close(
        q("notation", "mse-mean"),
        torch.nn.functional.mse_loss(pred, torch.zeros_like(pred)),
    )
    assert_close(q("notation", "mse-mean"), 7 / 6)


def test_linear_algebra_by_hand():
    assert_close(q("linear-algebra", "cosine"), 4 / (3 * math.sqrt(5)))
    count = sum(1 for _i in range(2) for _j in range(4) for _p in range(3))
    assert_close(q("linear-algebra", "matmul-count"), count)
    assert_close(q("linear-algebra", "l1-norm"), 3 + 4 + 1)


def test_calculus_chain_rule_and_jacobian_by_autograd():
    assert_close(q("calculus", "chain-sin"), 2 * 1.5 * math.cos(1.5**2))
    W = torch.tensor([[1.0, 2.0], [0.0, -1.0]], dtype=torch.float64)
    J = torch.autograd.functional.jacobian(
        lambda v: torch.tanh(W @ v), torch.tensor([0.5, 0.0], dtype=torch.float64)
    )
    assert_close(q("calculus", "jacobian-tanh"), J[0, 1].item())


def test_probability_by_hand():
    assert_close(
        q("probability", "test-posterior"), 0.95 * 0.02 / (0.95 * 0.02 + 0.10 * 0.98)
    )
    assert_close(
        q("probability", "variance"), (0 + 1 * 0.25 + 4 * 0.25) - (0.25 + 0.5) ** 2
    )
    question = q("probability", "mle-variance")
    sample = [1.0, 2.0, 6.0]
    mle = sum((v - 3.0) ** 2 for v in sample) / len(sample)  # divide by n
    assert question.options[correct_option(question)].text.startswith(f"\\({mle:g}\\)")


def test_information_theory_against_scipy():
    assert_close(
        q("information-theory", "entropy-bits"),
        scipy_entropy([0.5, 0.25, 0.25], base=2),
    )
    assert_close(
        q("information-theory", "kl-bits"),
        scipy_entropy([0.5, 0.5], [0.75, 0.25], base=2),
    )
    question = q("information-theory", "logsumexp")
    assert question.options[correct_option(question)].text.startswith(
        "To avoid overflow"
    )


def _diverges(lr: float) -> bool:
    v = np.array([1.0, 1.0])
    for _ in range(2000):
        v = v - lr * np.array([2.0, 8.0]) * v
    return bool(np.abs(v).max() > 1.0)


def test_optimisation_learning_rate_limit_by_simulation():
    question = q("optimization", "lr-limit")
    assert_close(question, 2 / 8)
    assert not _diverges(question.answer * 0.99) and _diverges(question.answer * 1.01)


def test_optimisation_three_steps_by_hand_and_convexity():
    y = 1.0
    for _ in range(3):
        y -= 0.15 * 10 * y
    assert_close(q("optimization", "gd-steps"), y)
    question = q("optimization", "convex")
    assert "sin" in question.options[correct_option(question)].text


@pytest.mark.parametrize(
    "page",
    [
        "notation",
        "linear-algebra",
        "calculus",
        "probability",
        "information-theory",
        "optimization",
    ],
)
def test_no_mistake_is_accepted_and_hints_are_given(page):
    for question in load_page(MODULE, page):
        for m in getattr(question, "mistakes", ()):
            assert (
                abs(m.value - question.answer) > question.tolerance and m.hint.strip()
            )
