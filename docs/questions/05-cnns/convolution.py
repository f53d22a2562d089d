"""Self-check questions for docs/05-cnns/convolution.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn.conv import conv2d_forward, convolve1d, correlate1d
from syllabus_code.selfcheck import Mistake, Numeric
from syllabus_code.shapes import conv2d_output_shape

F1 = np.array([2.0, -1.0, 3.0, 0.0, 1.0])
G1 = np.array([1.0, 2.0, -1.0])
N1 = 1
IMG = np.array(
    [
        [1.0, 0.0, 2.0, -1.0],
        [3.0, 1.0, -2.0, 0.0],
        [0.0, 2.0, 1.0, 1.0],
        [-1.0, 1.0, 0.0, 2.0],
    ]
)
KER = np.array([[2.0, 1.0], [0.0, -1.0]])
X_SHAPE, KSIZE = (2, 3, 8, 8), 3
# the conv2d-worked-example widget's default input and kernel (the page's worked example)
WIDGET_IMG = np.array(
    [
        [-1, 2, 3, 4, 5],
        [-2, 4, 3, -1, 1],
        [2, 3, -8, 5, 6],
        [1, -2, 3, 4, 5],
        [5, 4, 0, 2, 1],
    ],
    dtype=float,
)
WIDGET_KER = np.array([[1, 0, -1]] * 3, dtype=float)
W_STRIDE, W_PAD, W_POS = 2, 1, (0, 1)


def _v(a) -> str:
    return "(" + ", ".join(f"{float(v):g}" for v in np.ravel(a)) + ")"


def _m(a) -> str:
    rows = r" \\ ".join(
        " & ".join(f"{float(v):g}" for v in row) for row in np.atleast_2d(a)
    )
    return r"\begin{bmatrix}" + rows + r"\end{bmatrix}"


def _conv2d(img, ker, stride=1, padding=0):
    out, _ = conv2d_forward(
        img[None, None], ker[None, None], np.zeros(1), stride=stride, padding=padding
    )
    return out[0, 0]


def _one_d() -> Numeric:
    corr = correlate1d(F1, G1)
    answer = float(corr[N1])
    # the same window, kernel flipped
    conv = float(convolve1d(F1, G1)[N1 + len(G1) - 1])
    terms = " + ".join(f"({F1[N1 + k]:g})({G1[k]:g})" for k in range(len(G1)))
    return Numeric(
        id="cross-correlation-1d",
        prompt=(
            f"A CNN layer slides the kernel \\(g = {_v(G1)}\\) along the signal "
            f"\\(f = {_v(F1)}\\) with no padding. What is its output at \\(n = {N1}\\) "
            f"(counting from 0), \\((f \\star g)[{N1}]\\)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"CNN layers compute the cross-correlation, without the flip: "
            f"\\((f \\star g)[{N1}] = \\sum_k f[{N1} + k]\\,g[k] = {terms} = {answer:g}\\). "
            f"The whole output is {_v(corr)}."
        ),
        hint=r"\((f \star g)[n] = \sum_k f[n + k]\,g[k]\): no flip, the kernel is read forwards.",
        mistakes=(
            Mistake(
                conv,
                "You flipped the kernel: that is the true convolution over the same "
                "window. Deep-learning 'convolution' layers compute the cross-correlation.",
            ),
        ),
    )


def _two_d() -> Numeric:
    out = _conv2d(IMG, KER)
    i, j = 0, 1
    answer = float(out[i, j])
    flipped = float(_conv2d(IMG, KER[::-1, ::-1])[i, j])
    transposed = float(out[j, i])
    window = IMG[i : i + 2, j : j + 2]
    terms = " + ".join(f"({a:g})({b:g})" for a, b in zip(window.ravel(), KER.ravel()))
    return Numeric(
        id="cross-correlation-2d",
        prompt=(
            f"A conv layer with the kernel \\(K = {_m(KER)}\\), stride 1, no padding and no bias "
            f"is applied to the image \\(I = {_m(IMG)}\\). What is "
            f"\\(\\text{{out}}[{i}, {j}]\\) (row {i}, column {j}, counting from 0)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"The window of \\(I\\) whose top-left corner is \\(({i}, {j})\\) is "
            f"\\({_m(window)}\\); multiply it entry by entry with \\(K\\) and add: "
            f"\\({terms} = {answer:g}\\). The whole output is \\({_m(out)}\\)."
        ),
        hint=r"\((I \star K)[i, j] = \sum_{s,t} I[i + s, j + t]\,K[s, t]\): row index first.",
        mistakes=(
            Mistake(
                flipped,
                "You rotated the kernel by 180° (true convolution); the layer "
                "computes the cross-correlation, with the kernel as stored.",
            ),
            Mistake(
                transposed, r"That is \(\text{out}[1, 0]\): the first index is the row."
            ),
        ),
    )


def _im2col() -> Numeric:
    n, c, _, _ = X_SHAPE
    _, _, h_out, w_out = conv2d_output_shape(X_SHAPE, (4, c, KSIZE, KSIZE))
    answer = n * h_out * w_out
    return Numeric(
        id="im2col-columns",
        prompt=(
            f"im2col turns a batch \\(x\\) of shape \\((N, C, H, W) = {X_SHAPE}\\) into one "
            f"matrix for a {KSIZE}×{KSIZE} convolution with stride 1 and no padding: one "
            f"column per output position of every image. How many columns does it have?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"Each image gives \\(H_\\text{{out}} = W_\\text{{out}} = {X_SHAPE[2]} - {KSIZE} + 1 "
            f"= {h_out}\\), so there are \\(N H_\\text{{out}} W_\\text{{out}} = {n}\\cdot{h_out}"
            f"\\cdot{w_out} = {answer}\\) columns, each of \\(C k_h k_w = {c * KSIZE * KSIZE}\\) "
            f"numbers."
        ),
        hint=r"The matrix is \((C k_h k_w) \times (N H_\text{out} W_\text{out})\).",
        mistakes=(
            Mistake(
                float(h_out * w_out),
                r"That is one image; the batch's \(N\) images are "
                "all in the same matrix.",
            ),
            Mistake(
                float(n * X_SHAPE[2] * X_SHAPE[3]),
                "There is one column per *output* "
                r"position, and a {k}×{k} kernel fits \(n - k + 1\) times per axis.".replace(
                    "{k}", str(KSIZE)
                ),
            ),
            Mistake(
                float(c * KSIZE * KSIZE), r"That is the number of rows, \(C k_h k_w\)."
            ),
        ),
    )


def _widget() -> Numeric:
    out = _conv2d(WIDGET_IMG, WIDGET_KER, W_STRIDE, W_PAD)
    i, j = W_POS
    answer = float(out[i, j])
    no_pad = float(_conv2d(WIDGET_IMG, WIDGET_KER, W_STRIDE, 0)[i, j])
    stride1 = float(_conv2d(WIDGET_IMG, WIDGET_KER, 1, W_PAD)[i, j])
    padded = np.pad(WIDGET_IMG, W_PAD)
    r, c = i * W_STRIDE, j * W_STRIDE
    window = padded[r : r + 3, c : c + 3]
    n = WIDGET_IMG.shape[0]
    size = (n - 3 + 2 * W_PAD) // W_STRIDE + 1
    return Numeric(
        id="widget-stride-padding",
        prompt=(
            f"In the 2-D convolution animation above (not the 1-D signal graph), keep the "
            f"worked example's input and kernel and set **stride** {W_STRIDE} and **padding** {W_PAD}. What is "
            f"\\(\\text{{output}}[{i}, {j}]\\) (row {i}, column {j}, counting from 0)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"The output is \\(\\lfloor ({n} - 3 + 2\\cdot{W_PAD})/{W_STRIDE} \\rfloor + 1 = "
            f"{size}\\) on each side. Output \\(({i}, {j})\\) reads rows {r}–{r + 2} and "
            f"columns {c}–{c + 2} of the padded input, \\({_m(window)}\\) (its top row is "
            f"padding), and the kernel gives left column minus right column: "
            f"\\({float(window[:, 0].sum()):g} - ({float(window[:, 2].sum()):g}) = {answer:g}\\)."
        ),
        hint="Pad the input with zeros first, then move the window by the stride between outputs.",
        mistakes=(
            Mistake(
                no_pad,
                "That is stride 2 without padding: pad the input with a ring of "
                "zeros first.",
            ),
            Mistake(
                stride1,
                r"That is stride 1: with stride 2, output column \(j\) starts at "
                r"padded column \(2j\).",
            ),
        ),
        widget="conv2d-worked-example",
    )


def questions():
    return [_one_d(), _two_d(), _im2col(), _widget()]
