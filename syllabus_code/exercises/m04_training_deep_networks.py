"""Checkers for the Module 4 exercises (``docs/04-training-deep-networks/exercises.md``)."""

from __future__ import annotations

import numpy as np

from syllabus_code.exercises._verdict import as_float, as_function, not_yet
from syllabus_code.numpy_nn.batchnorm import (
    batchnorm_backward,
    batchnorm_forward,
    init_batchnorm,
)
from syllabus_code.numpy_nn.gradcheck import rel_error

__all__ = ["check_ex1", "check_ex2", "check_ex3", "check_ex4"]


def check_ex1(answer) -> str:
    """Exercise 1: ``answer(fan_in, fan_out, rng)`` draws Xavier/Glorot *uniform* weights
    of shape (fan_in, fan_out)."""
    fn = as_function(answer)
    fan_in, fan_out = 300, 200
    w = np.asarray(fn(fan_in, fan_out, np.random.default_rng(41)), dtype=np.float64)
    if w.shape != (fan_in, fan_out):
        return not_yet(
            f"the weights must have shape {(fan_in, fan_out)}, got {w.shape}."
        )
    a = np.sqrt(6.0 / (fan_in + fan_out))
    want = 2.0 / (fan_in + fan_out)
    var = float(w.var())
    if np.abs(w).max() > a * (1 + 1e-9):
        return not_yet(
            f"some weights exceed the bound a = sqrt(6/(n_in+n_out)) = {a:.4f}."
        )
    if abs(var / want - 1 / 3) < 0.05:
        return not_yet(
            "the variance is a third too small; U[-a, a] has variance a²/3, "
            "so a = sqrt(6/(n_in+n_out))."
        )
    if abs(var / want - 1) > 0.05:
        return not_yet(
            f"the sample variance is {var:.3g}, expected 2/(n_in+n_out) = {want:.3g}."
        )
    if np.abs(w).max() < 0.95 * a or np.mean(np.abs(w) < a / 2) > 0.6:
        return not_yet(
            "the variance is right but the weights are not uniform on [-a, a]."
        )
    return f"Correct: |w| <= {a:.4f} and the variance is {var:.3g} ≈ 2/(n_in+n_out) = {want:.3g}."


def check_ex2(answer) -> str:
    """Exercise 2: ``answer(dout, x, gamma, eps)`` returns dL/dx of training-mode batch norm on (N, D)."""
    fn = as_function(answer)
    rng = np.random.default_rng(42)
    x, gamma = rng.standard_normal((8, 3)) * 2 + 1, rng.standard_normal(3)
    dout = rng.standard_normal((8, 3))
    eps = 1e-5
    _, _, state = init_batchnorm(3)
    _, cache = batchnorm_forward(x, gamma, np.zeros(3), state, eps=eps)
    want = batchnorm_backward(dout, cache)[0]
    got = np.asarray(fn(dout.copy(), x.copy(), gamma.copy(), eps), dtype=np.float64)
    if got.shape != want.shape:
        return not_yet(f"dx must have x's shape {want.shape}, got {got.shape}.")
    err = rel_error(got, want)
    if err < 1e-8:
        return "Correct: dx = (1/m)·inv_std·(m·g − Σg − x̂·Σ(g·x̂)) with g = dout·γ."
    if rel_error(got, dout * gamma / np.sqrt(x.var(0) + eps)) < 1e-8:
        return not_yet(
            "that is the evaluation-mode gradient; in training mode μ_B and σ²_B "
            "depend on x too."
        )
    return not_yet(f"relative error {err:.2g} against the reference gradient.")


def check_ex3(answer) -> str:
    """Exercise 3: ``answer(x, p, rng)`` is inverted dropout in training mode (drop probability p)."""
    fn = as_function(answer)
    x = np.full((200, 100), 2.0)
    p = 0.25
    out = np.asarray(fn(x.copy(), p, np.random.default_rng(43)), dtype=np.float64)
    if out.shape != x.shape:
        return not_yet(f"the output must have x's shape {x.shape}, got {out.shape}.")
    values = set(np.round(np.unique(out), 12))
    if values <= {0.0, 2.0}:
        return not_yet(
            "kept units must be divided by (1 - p), or the expected output shrinks by (1 - p)."
        )
    if not values <= {0.0, round(2.0 / (1 - p), 12)}:
        return not_yet(
            f"each output must be 0 or x/(1-p) = {2 / (1 - p):.4g}; got other values."
        )
    rate = float(np.mean(out == 0))
    if abs(rate - p) > 0.02:
        return not_yet(
            f"{rate:.1%} of the units were dropped, expected p = {p:.0%} "
            "(drop with probability p, not 1 - p)."
        )
    return f"Correct: outputs are 0 or x/(1-p), {rate:.1%} dropped, mean {out.mean():.3f} ≈ 2."


def check_ex4(answer) -> str:
    """Exercise 4: SGD with lr 0.1 and weight decay λ = 5e-4, zero data gradient: the factor
    by which the weights shrink after 1000 steps."""
    factor = as_float(answer)
    want = (1 - 0.1 * 5e-4) ** 1000
    if abs(factor - want) < 1e-4:
        return f"Correct: (1 − αλ)^1000 = {want:.4f}."
    if abs(factor - (1 - 5e-4) ** 1000) < 1e-4:
        return not_yet(
            "the decay per step is (1 − αλ), with the learning rate α in it."
        )
    if abs(factor - (1 - 1000 * 0.1 * 5e-4)) < 1e-4:
        return not_yet(
            "the factor compounds over the steps: (1 − αλ)^1000, not 1 − 1000αλ."
        )
    return not_yet(
        f"{factor:.4g} is not the factor; each step multiplies w by (1 − αλ)."
    )
