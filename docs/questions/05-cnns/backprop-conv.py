"""Self-check questions for docs/05-cnns/backprop-conv.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn.conv import (
    conv2d_forward,
    conv2d_input_grad_full_conv,
    convolve1d,
    correlate1d,
)
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

X = np.array([2.0, 0.0, -1.0, 1.0, 3.0])
K = np.array([2.0, -1.0, 1.0])
DELTA = np.array([1.0, 2.0, -1.0])
J, I = 1, 1
N_IN, K_S, STRIDE, PAD = 10, 3, 4, 1


def _v(a) -> str:
    return "(" + ", ".join(f"{float(v):g}" for v in np.ravel(a)) + ")"


def _kernel_grad() -> Numeric:
    dK = correlate1d(X, DELTA)
    answer = float(dK[J])
    flipped = float(correlate1d(X, DELTA[::-1])[J])
    terms = " + ".join(f"({DELTA[o]:g})({X[o + J]:g})" for o in range(len(DELTA)))
    return Numeric(
        id="kernel-gradient-1d",
        prompt=(
            f"A 1-D conv layer (stride 1, no padding) computes \\(y[o] = \\sum_j K[j]\\,x[o + j]\\) "
            f"on \\(x = {_v(X)}\\), and the gradient from above is "
            f"\\(\\delta = \\partial L/\\partial y = {_v(DELTA)}\\). What is "
            f"\\(\\partial L/\\partial K[{J}]\\) (counting from 0)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"\\(K[{J}]\\) is used by every output, so its gradient sums over them: "
            f"\\(\\sum_o \\delta[o]\\,x[o + {J}] = {terms} = {answer:g}\\). The whole kernel "
            f"gradient is \\(x \\star \\delta = {_v(dK)}\\)."
        ),
        hint=r"\(\partial L/\partial K[j] = \sum_o \delta[o]\,x[o + j]\): the cross-correlation of \(x\) with \(\delta\).",
        mistakes=(
            Mistake(
                flipped,
                r"You flipped \(\delta\) (a convolution); the kernel gradient is the "
                r"cross-correlation of the input with \(\delta\), no flip.",
            ),
            Mistake(
                float(DELTA[J] * X[2 * J]),
                "A shared weight collects a term from *every* "
                "output that used it; add them all.",
            ),
        ),
    )


def _input_grad() -> Numeric:
    dx = convolve1d(DELTA, K)
    answer = float(dx[I])
    no_flip = float(convolve1d(DELTA, K[::-1])[I])  # full cross-correlation instead
    terms = " + ".join(
        f"({DELTA[o]:g})({K[I - o]:g})"
        for o in range(len(DELTA))
        if 0 <= I - o < len(K)
    )
    return Numeric(
        id="input-gradient-1d",
        prompt=(
            f"Same layer, with kernel \\(K = {_v(K)}\\) and \\(\\delta = {_v(DELTA)}\\). "
            f"What is \\(\\partial L/\\partial x[{I}]\\) (counting from 0)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"\\(x[{I}]\\) is read by the outputs whose window covers it, multiplied by "
            f"\\(K[{I} - o]\\): \\(\\sum_o \\delta[o]\\,K[{I} - o] = {terms} = {answer:g}\\). "
            f"Over all \\(i\\) this is the full convolution \\(\\delta * K = {_v(dx)}\\)."
        ),
        hint=r"\(\partial L/\partial x[i] = \sum_o \delta[o]\,K[i - o]\): \(K\) is read backwards.",
        mistakes=(
            Mistake(
                no_flip,
                r"You read \(K\) forwards (a cross-correlation); the input gradient "
                r"is a true convolution of \(\delta\) with \(K\).",
            ),
        ),
    )


def _output_padding() -> Numeric:
    x = np.zeros((1, 1, N_IN, N_IN))
    w = np.ones((1, 1, K_S, K_S))
    out, _ = conv2d_forward(x, w, np.zeros(1), stride=STRIDE, padding=PAD)
    n_out = out.shape[2]
    short = conv2d_input_grad_full_conv(out, w, padding=PAD, stride=STRIDE).shape[2]
    answer = N_IN - short  # the rows the floor left unread
    padded = N_IN + 2 * PAD
    dilated = (n_out - 1) * STRIDE + 1
    r = (N_IN + 2 * PAD - K_S) % STRIDE
    return Numeric(
        id="output-padding",
        prompt=(
            f"A conv layer has kernel \\(k = {K_S}\\), stride \\(s = {STRIDE}\\) and padding "
            f"\\(p = {PAD}\\), on an input of size \\(n = {N_IN}\\). Computing "
            f"\\(\\partial L/\\partial x\\) as a full convolution of the dilated \\(\\delta\\), "
            f"how many extra zeros \\(r\\) (`output_padding`) must \\(\\delta\\) get at the end "
            f"for the gradient to have the input's size?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"\\(n_\\text{{out}} = \\lfloor ({N_IN} + {2 * PAD} - {K_S})/{STRIDE} \\rfloor + 1 = "
            f"{n_out}\\). The dilated \\(\\delta\\) has \\((n_\\text{{out}} - 1)s + 1 = {dilated}\\) "
            f"entries, and its full convolution with the kernel has \\({dilated} + {K_S} - 1 = "
            f"{dilated + K_S - 1}\\), but the padded input has \\(n + 2p = {padded}\\).\n\n"
            f"So \\(r = (n + 2p - k) \\bmod s = {r}\\) "
            f"{'zero goes' if r == 1 else 'zeros go'} at the end: the last \\(r\\) positions were read by no window, and their (zero) "
            f"gradient must still be there."
        ),
        hint=r"\(r = (n + 2p - k) \bmod s\): what the floor in the output-size formula dropped.",
        mistakes=(
            Mistake(
                0.0,
                "The division in the output-size formula is not exact here: the floor "
                "dropped some positions, which still need a (zero) gradient.",
            ),
            Mistake(
                float(STRIDE - 1),
                r"\(s - 1\) zeros go *between* the entries of \(\delta\); "
                r"\(r\) is the remainder \((n + 2p - k) \bmod s\), added at the end.",
            ),
            Mistake(
                float(2 * PAD),
                r"The padding is cropped afterwards; \(r\) is what the floor "
                "dropped.",
            ),
        ),
    )


def _flip_once() -> Choice:
    return Choice(
        id="input-gradient-form",
        prompt=(
            r"For a stride-1 layer without padding, which of these equals "
            r"\(\partial L/\partial I\)?"
        ),
        options=(
            Option(
                r"The full (true) convolution of \(\delta\) with \(K\) as stored.",
                True,
                r"Right: \(\partial L/\partial I[\alpha, \beta] = \sum_{s,t}\delta[\alpha - s, "
                r"\beta - t]\,K[s, t]\) reads \(K\) backwards, which is a convolution; "
                r"equivalently, a full cross-correlation with \(K\) rotated by 180°.",
            ),
            Option(
                r"The full convolution of \(\delta\) with \(K\) rotated by 180°.",
                False,
                "That flips the kernel twice (once by rotating, once in the convolution), "
                "which is a cross-correlation with the kernel as stored: the outline's slip.",
            ),
            Option(
                r"The valid cross-correlation of \(I\) with \(\delta\).",
                False,
                r"That is \(\partial L/\partial K\), of the kernel's shape.",
            ),
            Option(
                r"The valid convolution of \(\delta\) with \(K\).",
                False,
                r"Too small: each input pixel needs a value, including those at the borders "
                r"where the kernel only partly overlaps \(\delta\), hence *full*.",
            ),
        ),
        solution="The flip happens once: either in the word 'convolution' or in the rotated kernel.",
    )


def questions():
    return [_kernel_grad(), _input_grad(), _output_padding(), _flip_once()]
