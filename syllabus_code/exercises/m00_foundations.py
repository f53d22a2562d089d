"""Checkers for the Module 0 exercises (``docs/00-foundations/exercises.md``)."""

from __future__ import annotations

import numpy as np

from syllabus_code.exercises._verdict import as_float, as_function, not_yet, verdict
from syllabus_code.maths.derivatives import gradient
from syllabus_code.maths.information import kl_divergence
from syllabus_code.maths.probability import diagnostic_test_posterior

__all__ = ["check_ex1", "check_ex2", "check_ex3", "check_ex4", "check_ex5"]


def check_ex1(answer) -> str:
    """Exercise 1: the number of parameters of y = Wx + b mapping 784 inputs to 10 outputs."""
    n = as_float(answer)
    if n == 784 * 10:
        return not_yet("you counted W but not the bias b (one per output).")
    return verdict(
        n == 784 * 10 + 10,
        "W has 10 x 784 = 7840 entries and b has 10, so 7850 parameters.",
        "W has shape (outputs, inputs); add the bias b, shape (outputs,).",
    )


def check_ex2(answer) -> str:
    """Exercise 2: ``answer(A, b, x)`` returns the gradient of L(x) = ||A x - b||^2 for A (3, 4), b (3,).

    It is compared with central differences at three random points.
    """
    grad_fn = as_function(answer)
    rng = np.random.default_rng(123)
    for _ in range(3):
        A, b, x = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=4)
        got = np.asarray(grad_fn(A, b, x), dtype=np.float64)
        if got.shape != (4,):
            return not_yet(f"the gradient must have x's shape (4,), got {got.shape}.")
        want = gradient(lambda v: float(np.sum((A @ v - b) ** 2)), x)
        err = np.max(np.abs(got - want)) / max(
            np.max(np.abs(got) + np.abs(want)), 1e-12
        )
        if err > 1e-6:
            return not_yet(
                f"relative error {err:.2g} against finite differences. Hint: chain rule "
                "with r = Ax - b; the factor 2 and the transpose matter."
            )
    return "Correct: grad L = 2 A^T (A x - b), confirmed by finite differences at 3 points."


def check_ex3(answer) -> str:
    """Exercise 3: P(disease | positive) for prevalence 0.5%, sensitivity 98%, specificity 97%."""
    p = as_float(answer)
    want = diagnostic_test_posterior(0.005, 0.98, 0.97)
    if abs(p - 0.98) < 1e-6:
        return not_yet("0.98 is P(+ | D), the sensitivity; Bayes turns it around.")
    return verdict(
        abs(p - want) < 1e-4,
        f"P(D | +) = {want:.4f}; most positives are false positives when the disease is rare.",
        "P(D | +) = P(+ | D) P(D) / [P(+ | D) P(D) + P(+ | not D) P(not D)].",
    )


def check_ex4(answer) -> str:
    """Exercise 4: KL(P || Q) in bits for P = (1/2, 1/4, 1/4), Q = (1/4, 1/4, 1/2)."""
    v = as_float(answer)
    # 0.25 bits
    want = float(kl_divergence([0.5, 0.25, 0.25], [0.25, 0.25, 0.5], base=2))
    if abs(v - want * np.log(2)) < 1e-9:
        return not_yet("that is the answer in nats; divide by ln 2 for bits.")
    return verdict(
        abs(v - want) < 1e-9,
        "KL(P || Q) = 1/2 log2 2 + 0 + 1/4 log2(1/2) = 0.25 bits.",
        "sum P(x) log2(P(x) / Q(x)) over the three outcomes.",
    )


def check_ex5(answer) -> str:
    """Exercise 5: the largest learning rate for which gradient descent on L = (x^2 + 10 y^2) / 2
    converges from every start (the supremum; give the boundary value)."""
    v = as_float(answer)
    if abs(v - 2.0) < 1e-9:
        return not_yet("lr < 2 keeps x stable, but y has curvature 10.")
    return verdict(
        abs(v - 0.2) < 1e-9,
        "each coordinate is multiplied by (1 - lr * lambda); |1 - 10 lr| < 1 needs lr < 2/10.",
        "write the update for each coordinate and ask when |1 - lr * lambda| < 1.",
    )
