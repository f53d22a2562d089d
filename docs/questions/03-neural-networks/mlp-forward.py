"""Self-check questions for docs/03-neural-networks/mlp-forward.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn import init_mlp, mlp_forward
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

SIZES = [784, 128, 64, 10]
# the page's matrices, W^(l) of shape (n_l, n_{l-1}); numpy_nn stores their transposes
W1 = np.array([[1.0, -1.0], [2.0, 0.5]])
B1 = np.array([-2.0, -1.0])
W2 = np.array([[3.0, -2.0]])
B2 = np.array([0.5])
X = np.array([2.0, 1.0])


def _n(x: int) -> str:
    """An integer with thousands separators that KaTeX spaces correctly."""
    return f"{x:,}".replace(",", "{,}")


def _v(a) -> str:
    return "(" + ", ".join(f"{float(v):g}" for v in np.ravel(a)) + ")"


def _m(a) -> str:
    rows = r" \\ ".join(
        " & ".join(f"{float(v):g}" for v in row) for row in np.atleast_2d(a)
    )
    return r"\begin{bmatrix}" + rows + r"\end{bmatrix}"


def _forward(w1, b1, activation="relu") -> float:
    params = {"W1": w1.T, "b1": b1, "W2": W2.T, "b2": B2}  # code stores W^T
    out, cache = mlp_forward(
        X[None, :], params, activation=activation, output="identity"
    )
    return float(out[0, 0]), cache


def _param_count() -> Numeric:
    params = init_mlp(SIZES)
    total = sum(v.size for k, v in params.items())
    weights = sum(v.size for k, v in params.items() if k.startswith("W"))
    biases = total - weights
    input_side = weights + sum(SIZES[:-1])  # a bias per *input* unit
    terms = " + ".join(f"{a}\\cdot{b} + {b}" for a, b in zip(SIZES[:-1], SIZES[1:]))
    return Numeric(
        id="param-count",
        prompt=(
            r"How many learnable parameters does an MLP with layer sizes "
            f"{' → '.join(map(str, SIZES))} have (weights and biases)?"
        ),
        answer=float(total),
        tolerance=0,
        solution=(
            r"Layer \(l\) has \(n_{l-1} n_l\) weights and \(n_l\) biases: "
            f"\\({terms} = {_n(total)}\\). The weights alone are {weights:,}, "
            f"the biases {biases}."
        ),
        hint=r"Add \(n_{l-1} n_l + n_l\) over the three layers; the input layer has no parameters.",
        mistakes=(
            Mistake(
                float(weights),
                r"That counts the weights only: each of the "
                r"\(n_l\) units of a layer also has a bias.",
            ),
            Mistake(
                float(input_side),
                r"The biases belong to the units a layer computes "
                r"(\(n_l\) per layer), not to its inputs: the input layer has none.",
            ),
        ),
    )


def _forward_value() -> Numeric:
    y, cache = _forward(W1, B1)
    z1 = cache[1][1][0]
    a1 = np.maximum(z1, 0)
    no_relu, _ = _forward(W1, B1, activation="identity")
    no_bias, _ = _forward(W1, np.zeros(2))
    not_transposed, _ = _forward(W1.T, B1)  # x W instead of W x
    return Numeric(
        id="forward-value",
        prompt=(
            f"A network 2 → 2 → 1 has a ReLU hidden layer and an identity output, with "
            f"\\(W^{{(1)}} = {_m(W1)}\\), \\(b^{{(1)}} = {_v(B1)}\\), "
            f"\\(W^{{(2)}} = {_m(W2)}\\), \\(b^{{(2)}} = {_v(B2)}\\). "
            f"What is \\(\\hat y\\) for \\(x = {_v(X)}\\)?"
        ),
        answer=y,
        tolerance=1e-6,
        solution=(
            f"\\(z^{{(1)}} = W^{{(1)}} x + b^{{(1)}} = {_v(W1 @ X)} + {_v(B1)} = {_v(z1)}\\), "
            f"\\(a^{{(1)}} = \\mathrm{{ReLU}}(z^{{(1)}}) = {_v(a1)}\\), and "
            f"\\(\\hat y = W^{{(2)}} a^{{(1)}} + b^{{(2)}} = {_v(W2 @ a1)} + {_v(B2)} "
            f"= {y:g}\\). Row \\(j\\) of \\(W^{{(1)}}\\) holds unit \\(j\\)'s weights."
        ),
        hint=r"Compute \(z^{(1)} = W^{(1)}x + b^{(1)}\), apply ReLU entry by entry, then the output layer.",
        mistakes=(
            Mistake(
                no_relu,
                "You skipped the ReLU: a negative pre-activation of the hidden "
                "layer becomes 0 before the output layer sees it.",
            ),
            Mistake(no_bias, r"You left out the hidden biases \(b^{(1)}\)."),
            Mistake(
                not_transposed,
                r"You multiplied by the columns of \(W^{(1)}\) "
                r"(\(x^\top W^{(1)}\)): row \(j\) of \(W^{(1)}\), not column \(j\), "
                r"holds the weights into unit \(j\).",
            ),
        ),
    )


def _collapse() -> Choice:
    return Choice(
        id="linear-collapse",
        prompt=(
            "A network has five layers of 100 units each and uses the identity as its "
            "activation everywhere. Which functions of its input can it compute?"
        ),
        options=(
            Option(
                r"Only affine maps \(x \mapsto Ax + c\).",
                True,
                r"Right: \(W_2(W_1x + b_1) + b_2 = (W_2W_1)x + (W_2b_1 + b_2)\), and so on "
                r"through every layer; depth adds nothing without a non-linearity.",
            ),
            Option(
                "Any continuous function on a closed box, given enough units.",
                False,
                "That is the universal approximation theorem, and it needs a non-linear, "
                "non-polynomial activation; with the identity every layer is affine.",
            ),
            Option(
                "Polynomials of degree up to 5, one degree per layer.",
                False,
                "Composing affine maps gives an affine map, degree 1, however many there are.",
            ),
            Option(
                "XOR, once the layers are wide enough.",
                False,
                "XOR is not linearly separable, and an affine map followed by a threshold is "
                "a linear classifier whatever the width.",
            ),
        ),
        solution=r"Each layer is affine, and a composition of affine maps is affine.",
    )


def _code_shape() -> Choice:
    shape = init_mlp([784, 512])["W1"].shape
    return Choice(
        id="code-shape",
        prompt=(
            r"For a layer 784 → 512, what is the shape of `W1` in `syllabus_code.numpy_nn` "
            r"(which computes a batch as `A @ W1 + b1`)?"
        ),
        options=(
            Option(
                f"{shape}",
                True,
                r"Right: the library stores \((W^{(1)})^\top\), "
                r"(in, out), so that a batch of rows is multiplied on the right.",
            ),
            Option(
                f"{shape[::-1]}",
                False,
                r"That is the page's \(W^{(1)}\) (out × in), "
                r"which PyTorch's `nn.Linear.weight` stores; `numpy_nn` stores its transpose.",
            ),
            Option(
                f"({shape[1]},)", False, r"That is the shape of the bias \(b^{(1)}\)."
            ),
            Option(
                f"({shape[0] * shape[1]},)",
                False,
                "The weights form a matrix, not a flat vector.",
            ),
        ),
        solution=(
            f"`init_mlp([784, 512])['W1'].shape` is {shape}: the transpose of "
            r"\(W^{(1)} \in \mathbb R^{512\times 784}\)."
        ),
    )


def questions():
    return [_param_count(), _forward_value(), _collapse(), _code_shape()]
