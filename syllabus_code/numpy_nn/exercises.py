"""Checks for the Module 3 exercises: each ``check_ex*`` returns a verdict string.

A verdict starts with ``"Correct"`` when the answer is right and with ``"Not yet"`` otherwise,
followed by what was compared, so a learner sees what to look at.
"""

from __future__ import annotations

import numpy as np

from .dense import dense_backward, dense_forward
from .gradcheck import rel_error
from .losses import softmax_cross_entropy
from .._exercises import call_answer as _call

__all__ = ["check_ex1", "check_ex2", "check_ex3", "check_ex4"]


def check_ex1(fn) -> str:
    """Exercise 1: ``fn(logits, labels)`` returns dL/dlogits of the *mean* softmax cross-entropy."""
    rng = np.random.default_rng(31)
    logits, labels = rng.standard_normal((5, 4)), rng.integers(0, 4, 5)
    want = softmax_cross_entropy(logits, labels)[1]
    got = np.asarray(_call(fn, logits.copy(), labels.copy()), dtype=np.float64)
    if got.shape != want.shape:
        return f"Not yet: the gradient must have the logits' shape {want.shape}, got {got.shape}."
    err = rel_error(got, want)
    if err < 1e-8:
        return "Correct: your δ^L equals (softmax(z) - onehot(y)) / N."
    if rel_error(got / 5, want) < 1e-8:
        return "Not yet: the values are N times too large; the loss is a mean over the batch."
    return f"Not yet: relative error {err:.2g} against the reference gradient."


def check_ex2(fn) -> str:
    """Exercise 2: ``fn(dout, x, w)`` returns ``(dx, dw, db)`` of the dense layer out = x @ w + b."""
    rng = np.random.default_rng(32)
    x, w, b = rng.standard_normal((3, 4)), rng.standard_normal((4, 2)), rng.standard_normal(2)
    dout = rng.standard_normal((3, 2))
    want = dense_backward(dout, dense_forward(x, w, b)[1])
    got = _call(fn, dout.copy(), x.copy(), w.copy())
    if not isinstance(got, tuple) or len(got) != 3:
        return "Not yet: return a tuple (dx, dw, db)."
    for name, g, r in zip(("dx", "dw", "db"), got, want):
        g = np.asarray(g, dtype=np.float64)
        if g.shape != r.shape:
            return f"Not yet: {name} must have shape {r.shape}, got {g.shape}."
        if rel_error(g, r) > 1e-8:
            return f"Not yet: {name} is wrong (relative error {rel_error(g, r):.2g})."
    return "Correct: dx = dout wᵀ, dw = xᵀ dout, db = dout summed over the batch."


def check_ex3(n_params) -> str:
    """Exercise 3: the number of trainable parameters of an MLP with widths [784, 512, 256, 10]."""
    sizes = [784, 512, 256, 10]
    want = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
    if isinstance(n_params, bool) or not isinstance(n_params, (int, np.integer)):
        raise TypeError(f"n_params must be an integer, got {type(n_params).__name__}")
    if n_params == want:
        return f"Correct: {want:,} parameters."
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    if n_params == weights:
        return "Not yet: you counted the weights; add one bias per neuron of each layer."
    return f"Not yet: {n_params:,} is not the count; each layer has n_in * n_out weights and n_out biases."


def check_ex4(forward_flops, backward_flops) -> str:
    """Exercise 4: FLOPs of the matrix products of a dense layer with N=64, D=784, H=512.

    Count a multiply-add as 2 FLOPs; forward is x @ w, backward is dx = dout @ w.T plus
    dw = x.T @ dout (ignore the bias and the O(NH) element-wise work).
    """
    n, d, h = 64, 784, 512
    fwd, bwd = 2 * n * d * h, 4 * n * d * h
    for v, name in ((forward_flops, "forward_flops"), (backward_flops, "backward_flops")):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)):
            raise TypeError(f"{name} must be an integer, got {type(v).__name__}")
    if forward_flops != fwd:
        hint = " (did you count a multiply-add as 2?)" if forward_flops * 2 == fwd else ""
        return f"Not yet: forward_flops is wrong{hint}."
    if backward_flops != bwd:
        return "Not yet: backward_flops is wrong; the backward pass has two products of the forward's size."
    return f"Correct: forward {fwd:,} FLOPs, backward {bwd:,} FLOPs, a ratio of exactly 2."
