"""Self-check questions for docs/05-cnns/padding-stride-pooling.md."""

from __future__ import annotations

import math

import numpy as np

from syllabus_code.numpy_nn.pooling import max_pool_backward, max_pool_forward
from syllabus_code.selfcheck import Mistake, Numeric
from syllabus_code.shapes import conv_output_size, pool_output_size, same_padding

N, K, S, P = 100, 7, 3, 2
POOL_N, POOL_K, POOL_S = 56, 3, 2
WINDOW = np.array([[3.0, 1.0], [2.0, 3.0]])
DOUT = 5.0
SAME_N, SAME_K, SAME_S = 15, 5, 2


def _m(a) -> str:
    rows = r" \\ ".join(
        " & ".join(f"{float(v):g}" for v in row) for row in np.atleast_2d(a)
    )
    return r"\begin{bmatrix}" + rows + r"\end{bmatrix}"


def _out_size() -> Numeric:
    answer = conv_output_size(N, K, S, P)
    exact = (N - K + 2 * P) / S
    return Numeric(
        id="output-size",
        prompt=(
            f"A convolution with kernel \\(k = {K}\\), stride \\(s = {S}\\) and padding "
            f"\\(p = {P}\\) on each side is applied along an axis of size \\(n = {N}\\). "
            f"How many outputs does it give along that axis?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"\\(n_\\text{{out}} = \\lfloor (n - k + 2p)/s \\rfloor + 1 = "
            f"\\lfloor ({N} - {K} + {2 * P})/{S} \\rfloor + 1 = \\lfloor {exact:.2f} \\rfloor + 1 "
            f"= {answer}\\): the last positions that do not complete a step are never visited."
        ),
        hint=r"\(n_\text{out} = \lfloor (n - k + 2p)/s \rfloor + 1\), with \(p\) zeros on *each* side.",
        mistakes=(
            Mistake(
                exact + 1,
                "You left out the floor: the number of windows is a whole number, "
                "and a last partial step does not count.",
            ),
            Mistake(
                float(math.ceil(exact) + 1),
                "Round down, not up: a window that would hang "
                "over the padded input's end is not computed (ceil mode is a pooling option).",
            ),
            Mistake(
                float(conv_output_size(N, K, S, P) - 1),
                "Add 1: the first window starts at "
                "position 0 and the formula counts the steps after it.",
            ),
        ),
    )


def _pool() -> Numeric:
    answer = pool_output_size(POOL_N, POOL_K, POOL_S)
    exact = (POOL_N - POOL_K) / POOL_S
    return Numeric(
        id="overlapping-pool",
        prompt=(
            f"A max pool with a {POOL_K}×{POOL_K} window and stride {POOL_S} (PyTorch's "
            f"default floor rounding) is applied to a {POOL_N}×{POOL_N} feature map. "
            f"What is the output's height?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"Pooling uses the convolution formula with \\(p = 0\\): "
            f"\\(\\lfloor ({POOL_N} - {POOL_K})/{POOL_S} \\rfloor + 1 = \\lfloor {exact:g} "
            f"\\rfloor + 1 = {answer}\\)."
        ),
        hint=r"Use \(\lfloor (n - k)/s \rfloor + 1\) with the stride given, here not equal to \(k\).",
        mistakes=(
            Mistake(
                float(pool_output_size(POOL_N, POOL_K)),
                "That uses stride = window size, "
                "PyTorch's default when no stride is given; this pool has its own stride.",
            ),
            Mistake(
                float(math.ceil(exact) + 1),
                "That is `ceil_mode=True` (Caffe's default); "
                "PyTorch rounds down by default.",
            ),
        ),
    )


def _maxpool_tie() -> Numeric:
    x = WINDOW[None, None]
    _, cache = max_pool_forward(x, k=2)
    dx = max_pool_backward(np.full((1, 1, 1, 1), DOUT), cache)[0, 0]
    answer = float(dx[1, 1])
    return Numeric(
        id="max-pool-tie",
        prompt=(
            f"A 2×2 max pool sees the window \\(\\begin{{bmatrix}} {WINDOW[0, 0]:g} & {WINDOW[0, 1]:g} \\\\ "
            f"{WINDOW[1, 0]:g} & {WINDOW[1, 1]:g} \\end{{bmatrix}}\\), whose maximum occurs "
            f"twice, and receives \\(\\partial L/\\partial y = {DOUT:g}\\). With this package's "
            f"tie rule, what gradient reaches the bottom-right input?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Max pooling sends the whole gradient to one arg-max; at a tie this package (like "
            f"PyTorch's CPU kernel) takes the first in row-major order, the top-left "
            f"{WINDOW[0, 0]:g}. The gradient is \\({_m(dx)}\\): {answer:g} at the bottom right."
        ),
        hint="The max is a selection: its gradient goes to a single input, chosen by the tie rule.",
        mistakes=(
            Mistake(
                DOUT,
                "At a tie the gradient goes to the *first* maximum in row-major order "
                "(top row first), the top-left entry here.",
            ),
            Mistake(
                DOUT / 2,
                "Splitting the gradient between the tied inputs is a valid "
                "subgradient, but the package (like PyTorch) gives it all to the first.",
            ),
            Mistake(
                DOUT / 4,
                r"That is average pooling's rule, \(\partial L/\partial y / k^2\) to "
                "every input.",
            ),
        ),
    )


def _same_stride() -> Numeric:
    p = same_padding(SAME_K)
    answer = conv_output_size(SAME_N, SAME_K, SAME_S, p)
    return Numeric(
        id="same-padding-stride",
        prompt=(
            f"A {SAME_K}×{SAME_K} convolution with *same* padding, \\(p = (k - 1)/2\\), and "
            f"stride {SAME_S} is applied to a {SAME_N}×{SAME_N} feature map. What is the "
            f"output's height?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"Same padding for \\(k = {SAME_K}\\) is \\(p = ({SAME_K} - 1)/2 = {p}\\) on each "
            f"side. It keeps the size only at stride 1; with stride {SAME_S} the formula gives "
            f"\\(\\lfloor (n - k + 2p)/s \\rfloor + 1 = \\lfloor ({SAME_N} - {SAME_K} + {2 * p})/"
            f"{SAME_S} \\rfloor + 1 = {answer}\\), that is \\(\\lceil n/s \\rceil\\): the odd "
            f"last row still gets a window centred on it."
        ),
        hint=r"Find \(p\) from the same-padding rule, then use \(\lfloor (n - k + 2p)/s \rfloor + 1\).",
        mistakes=(
            Mistake(
                float(SAME_N),
                "Same padding keeps the size only at stride 1; a stride of "
                f"{SAME_S} still divides the output size by about {SAME_S}.",
            ),
            Mistake(
                float(conv_output_size(SAME_N, SAME_K, SAME_S, 0)),
                "You left out the padding: "
                f"same padding adds \\(p = {p}\\) zeros on each side.",
            ),
            Mistake(
                float(SAME_N // SAME_S),
                "Halving and rounding down is not the formula: "
                "the window centred on the first row counts, and so does the one centred on "
                "the last.",
            ),
        ),
    )


def questions():
    return [_out_size(), _same_stride(), _pool(), _maxpool_tie()]
