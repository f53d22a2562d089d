"""Self-check questions for docs/00-foundations/notation.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.numpy_nn import init_mlp, mse
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def questions():
    n_in, n_out = 784, 128
    params = init_mlp([n_in, n_out], seed=0)
    count = sum(v.size for v in params.values())
    weights = params["W1"].size
    per_input_bias = weights + n_in

    shape = init_mlp([5, 3], seed=0)["W1"].shape

    pred = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]])
    target = np.zeros_like(pred)
    loss, _ = mse(pred, target)
    N, D = pred.shape
    total = float(((pred - target) ** 2).sum())
    return [
        Numeric(
            id="dense-params",
            prompt=(
                f"A fully connected layer maps \\(n_{{l-1}} = {n_in}\\) inputs to "
                f"\\(n_l = {n_out}\\) units, with a bias per unit. How many parameters "
                "(weights and biases) does it have?"
            ),
            answer=count,
            tolerance=0,
            solution=(
                f"\\(W^{{(l)}}\\) is out × in, \\({n_out} \\times {n_in}\\): "
                f"{weights} weights. \\(b^{{(l)}}\\) has one entry per unit: {n_out}. "
                f"Together \\({weights} + {n_out} = {count}\\)."
            ),
            hint="Count the entries of \\(W^{(l)}\\) (out × in) and of \\(b^{(l)}\\).",
            mistakes=(
                Mistake(
                    weights, "That is the weights only: each unit also has a bias."
                ),
                Mistake(
                    per_input_bias,
                    "There is one bias per *unit* (output), not per input.",
                ),
            ),
        ),
        Choice(
            id="numpy-nn-shape",
            prompt=(
                "In `syllabus_code.numpy_nn`, what is the shape of `W1` for a layer from "
                "5 inputs to 3 units (`init_mlp([5, 3])`)?"
            ),
            options=(
                Option(
                    f"{shape[::-1]}",
                    False,
                    "That is the course's \\(W^{(l)}\\) (out × in) and PyTorch's "
                    "`nn.Linear(5, 3).weight`; `numpy_nn` stores its transpose.",
                ),
                Option(
                    f"{shape}",
                    True,
                    "Right: `numpy_nn` stores the transpose \\((W^{(l)})^\\top\\), in × out, "
                    "so that a batch of rows maps to `A @ W1 + b1`.",
                ),
                Option(
                    f"({shape[0] * shape[1]},)",
                    False,
                    "The weights are kept as a matrix, not flattened into a vector.",
                ),
            ),
            solution=(
                "The notation page: `numpy_nn`'s `W{l}` is \\((W^{(l)})^\\top\\), shape "
                f"`(n_{{l-1}}, n_l)`, here `{shape}`."
            ),
        ),
        Numeric(
            id="mse-mean",
            prompt=(
                "Predictions \\(\\hat Y = \\begin{bmatrix} 1 & 0 & 2 \\\\ 0 & 1 & 1 "
                "\\end{bmatrix}\\) and targets \\(Y = 0\\) (a batch of \\(N = 2\\) "
                "examples with \\(D = 3\\) outputs). What is \\(L_\\text{MSE}\\), as the "
                "course (and PyTorch's default) defines it? Give 2 decimals."
            ),
            answer=float(loss),
            tolerance=0.005,
            solution=(
                f"The squared errors add up to {total:g}; the mean over every entry "
                f"divides by \\(ND = {N * D}\\): \\(L = {total:g}/{N * D} "
                f"\\approx {loss:.3f}\\)."
            ),
            hint="Square every entry of \\(\\hat Y - Y\\), add them, and divide by the number of entries.",
            mistakes=(
                Mistake(
                    total / N,
                    f"You divided by \\(N = {N}\\) only: MSE averages over all "
                    f"\\(N D\\) entries.",
                ),
                Mistake(
                    total,
                    "That is the sum of the squared errors: the loss is their mean.",
                ),
            ),
        ),
    ]
