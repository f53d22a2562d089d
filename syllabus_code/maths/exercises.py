"""Answer checkers for the Module 0 exercises (``docs/00-foundations/exercises.md``).

Each ``check_exN`` returns a one-line "Correct: ..." message for a right answer and raises
``AssertionError`` with a hint for a wrong one, so a notebook cell fails loudly.
"""

from __future__ import annotations

import numpy as np

from syllabus_code.maths.derivatives import gradient
from syllabus_code.maths.information import kl_divergence
from syllabus_code.maths.probability import diagnostic_test_posterior

__all__ = ["check_ex1", "check_ex2", "check_ex3", "check_ex4", "check_ex5"]


def _number(answer, name: str = "answer") -> float:
    if isinstance(answer, bool) or not isinstance(answer, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {type(answer).__name__}")
    return float(answer)


def check_ex1(n_params) -> str:
    """Exercise 1: the number of parameters of y = Wx + b mapping 784 inputs to 10 outputs."""
    n = _number(n_params, "n_params")
    if n == 784 * 10 + 10:
        return "Correct: W has 10 x 784 = 7840 entries and b has 10, so 7850 parameters."
    if n == 784 * 10:
        raise AssertionError("Not yet: you counted W but not the bias b (one per output).")
    raise AssertionError("Not yet: W has shape (outputs, inputs); add the bias b, shape (outputs,).")


def check_ex2(grad_fn) -> str:
    """Exercise 2: a function returning the gradient of L(x) = ||A x - b||^2 for A (3, 4), b (3,).

    ``grad_fn(A, b, x)`` is compared with central differences at three random points.
    """
    if not callable(grad_fn):
        raise TypeError(f"grad_fn must be callable, got {type(grad_fn).__name__}")
    rng = np.random.default_rng(123)
    for _ in range(3):
        A, b, x = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=4)
        got = np.asarray(grad_fn(A, b, x), dtype=np.float64)
        if got.shape != (4,):
            raise AssertionError(f"Not yet: the gradient must have x's shape (4,), got {got.shape}.")
        want = gradient(lambda v: float(np.sum((A @ v - b) ** 2)), x)
        err = np.max(np.abs(got - want)) / max(np.max(np.abs(got) + np.abs(want)), 1e-12)
        if err > 1e-6:
            raise AssertionError(f"Not yet: relative error {err:.2g} against finite differences. "
                                 "Hint: chain rule with r = Ax - b; the factor 2 and the transpose matter.")
    return "Correct: grad L = 2 A^T (A x - b), confirmed by finite differences at 3 points."


def check_ex3(posterior) -> str:
    """Exercise 3: P(disease | positive) for prevalence 0.5%, sensitivity 98%, specificity 97%."""
    p = _number(posterior, "posterior")
    want = diagnostic_test_posterior(0.005, 0.98, 0.97)
    if abs(p - want) < 1e-4:
        return f"Correct: P(D | +) = {want:.4f}; most positives are false positives when the disease is rare."
    if abs(p - 0.98) < 1e-6:
        raise AssertionError("Not yet: 0.98 is P(+ | D), the sensitivity; Bayes turns it around.")
    raise AssertionError("Not yet: P(D | +) = P(+ | D) P(D) / [P(+ | D) P(D) + P(+ | not D) P(not D)].")


def check_ex4(kl_bits) -> str:
    """Exercise 4: KL(P || Q) in bits for P = (1/2, 1/4, 1/4), Q = (1/4, 1/4, 1/2)."""
    v = _number(kl_bits, "kl_bits")
    want = float(kl_divergence([0.5, 0.25, 0.25], [0.25, 0.25, 0.5], base=2))   # 0.25 bits
    if abs(v - want) < 1e-9:
        return "Correct: KL(P || Q) = 1/2 log2 2 + 0 + 1/4 log2(1/2) = 0.25 bits."
    if abs(v - want * np.log(2)) < 1e-9:
        raise AssertionError("Not yet: that is the answer in nats; divide by ln 2 for bits.")
    raise AssertionError("Not yet: sum P(x) log2(P(x) / Q(x)) over the three outcomes.")


def check_ex5(lr) -> str:
    """Exercise 5: the largest learning rate for which gradient descent on L = (x^2 + 10 y^2) / 2
    converges from every start (the supremum; give the boundary value)."""
    v = _number(lr, "lr")
    if abs(v - 0.2) < 1e-9:
        return "Correct: each coordinate is multiplied by (1 - lr * lambda); |1 - 10 lr| < 1 needs lr < 2/10."
    if abs(v - 2.0) < 1e-9:
        raise AssertionError("Not yet: lr < 2 keeps x stable, but y has curvature 10.")
    raise AssertionError("Not yet: write the update for each coordinate and ask when |1 - lr * lambda| < 1.")
