"""Checkers for the Module 3 exercises (``docs/03-neural-networks/exercises.md``)."""

from __future__ import annotations

import numpy as np

from syllabus_code.exercises._verdict import (
    as_function,
    as_int,
    as_sequence,
    not_yet,
    verdict,
)
from syllabus_code.numpy_nn.dense import dense_backward, dense_forward
from syllabus_code.numpy_nn.gradcheck import rel_error
from syllabus_code.numpy_nn.losses import softmax_cross_entropy

__all__ = ["check_ex1", "check_ex2", "check_ex3", "check_ex4"]


def check_ex1(answer) -> str:
    """Exercise 1: ``answer(logits, labels)`` returns dL/dlogits of the *mean* softmax cross-entropy."""
    fn = as_function(answer)
    rng = np.random.default_rng(31)
    logits, labels = rng.standard_normal((5, 4)), rng.integers(0, 4, 5)
    want = softmax_cross_entropy(logits, labels)[1]
    got = np.asarray(fn(logits.copy(), labels.copy()), dtype=np.float64)
    if got.shape != want.shape:
        return not_yet(
            f"the gradient must have the logits' shape {want.shape}, got {got.shape}."
        )
    err = rel_error(got, want)
    if err >= 1e-8 and rel_error(got / 5, want) < 1e-8:
        return not_yet(
            "the values are N times too large; the loss is a mean over the batch."
        )
    return verdict(
        err < 1e-8,
        "your δ^L equals (softmax(z) - onehot(y)) / N.",
        f"relative error {err:.2g} against the reference gradient.",
    )


def check_ex2(answer) -> str:
    """Exercise 2: ``answer(dout, x, w)`` returns ``(dx, dw, db)`` of the dense layer out = x @ w + b."""
    fn = as_function(answer)
    rng = np.random.default_rng(32)
    x, w, b = (
        rng.standard_normal((3, 4)),
        rng.standard_normal((4, 2)),
        rng.standard_normal(2),
    )
    dout = rng.standard_normal((3, 2))
    want = dense_backward(dout, dense_forward(x, w, b)[1])
    got = fn(dout.copy(), x.copy(), w.copy())
    if not isinstance(got, tuple) or len(got) != 3:
        return not_yet("return a tuple (dx, dw, db).")
    for name, g, r in zip(("dx", "dw", "db"), got, want):
        g = np.asarray(g, dtype=np.float64)
        if g.shape != r.shape:
            return not_yet(f"{name} must have shape {r.shape}, got {g.shape}.")
        if rel_error(g, r) > 1e-8:
            return not_yet(f"{name} is wrong (relative error {rel_error(g, r):.2g}).")
    return "Correct: dx = dout wᵀ, dw = xᵀ dout, db = dout summed over the batch."


def check_ex3(answer) -> str:
    """Exercise 3: the number of trainable parameters of an MLP with widths [784, 512, 256, 10]."""
    n_params = as_int(answer)
    sizes = [784, 512, 256, 10]
    want = sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:]))
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    if n_params == weights:
        return not_yet(
            "you counted the weights; add one bias per neuron of each layer."
        )
    return verdict(
        n_params == want,
        f"{want:,} parameters.",
        f"{n_params:,} is not the count; each layer has n_in * n_out weights and n_out biases.",
    )


def check_ex4(answer) -> str:
    """Exercise 4: ``answer = (forward_flops, backward_flops)``, the FLOPs of the matrix products
    of a dense layer with N=64, D=784, H=512.

    Count a multiply-add as 2 FLOPs; forward is x @ w, backward is dx = dout @ w.T plus
    dw = x.T @ dout (ignore the bias and the O(NH) element-wise work).
    """
    forward, backward = as_sequence(answer, 2, "a pair (forward_flops, backward_flops)")
    forward, backward = (
        as_int(forward, "forward_flops"),
        as_int(backward, "backward_flops"),
    )
    n, d, h = 64, 784, 512
    fwd, bwd = 2 * n * d * h, 4 * n * d * h
    if forward != fwd:
        hint = " (did you count a multiply-add as 2?)" if forward * 2 == fwd else ""
        return not_yet(f"forward_flops is wrong{hint}.")
    return verdict(
        backward == bwd,
        f"forward {fwd:,} FLOPs, backward {bwd:,} FLOPs, a ratio of exactly 2.",
        "backward_flops is wrong; the backward pass has two products of the forward's size.",
    )
