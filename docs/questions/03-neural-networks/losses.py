"""Self-check questions for docs/03-neural-networks/losses.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn import bce_with_logits, mse, softmax, softmax_cross_entropy
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

PRED = np.array([[1.0, 2.0], [0.0, 1.0]])
TARGET = np.array([[0.0, 2.0], [1.0, 3.0]])
Z_BCE, Y_BCE = 2.0, 0.0
LOGITS = np.array([[1.0, 2.0, 0.0], [0.5, -1.0, 2.0]])
LABELS = np.array([0, 2])


def _v(a) -> str:
    return "(" + ", ".join(f"{float(v):g}" for v in np.ravel(a)) + ")"


def _m(a) -> str:
    rows = r" \\ ".join(
        " & ".join(f"{float(v):g}" for v in row) for row in np.atleast_2d(a)
    )
    return r"\begin{bmatrix}" + rows + r"\end{bmatrix}"


def _mse() -> Numeric:
    loss, _ = mse(PRED, TARGET)
    sq = (PRED - TARGET) ** 2
    n, d = PRED.shape
    return Numeric(
        id="mse-two-outputs",
        prompt=(
            f"A batch of \\(N = {n}\\) examples with \\(D = {d}\\) outputs each has predictions "
            f"\\(\\hat Y = {_m(PRED)}\\) and targets \\(Y = {_m(TARGET)}\\) (one example per "
            f"row). What does the library's `mse` return as the loss?"
        ),
        answer=float(loss),
        tolerance=1e-9,
        solution=(
            f"The squared errors are {_v(sq)}, summing to {sq.sum():g}. `mse` averages over "
            f"all \\(ND = {n * d}\\) entries, as `F.mse_loss` does: "
            f"\\({sq.sum():g}/{n * d} = {loss:g}\\)."
        ),
        hint=r"Square every entry of \(\hat Y - Y\), then take the mean over all \(N D\) entries.",
        mistakes=(
            Mistake(
                float(sq.sum() / n),
                r"That is the mean over the \(N\) examples of "
                r"\(\|\hat y_i - y_i\|^2\); `mse` also divides by the \(D\) outputs.",
            ),
            Mistake(float(sq.sum()), "That is the sum; the loss is a mean."),
        ),
    )


def _bce() -> Numeric:
    loss, _ = bce_with_logits(np.array([Z_BCE]), np.array([Y_BCE]))
    flipped, _ = bce_with_logits(np.array([Z_BCE]), np.array([1 - Y_BCE]))
    return Numeric(
        id="bce-logit",
        prompt=(
            f"The network outputs the logit \\(z = {Z_BCE:g}\\) for an example whose label is "
            f"\\(y = {Y_BCE:g}\\). What is its binary cross-entropy (natural log)? "
            f"Give 3 decimals."
        ),
        answer=float(loss),
        tolerance=5e-4,
        solution=(
            f"\\(\\ell(z, y) = \\max(z, 0) - yz + \\log(1 + e^{{-|z|}}) = {max(Z_BCE, 0):g} - "
            f"{Y_BCE * Z_BCE:g} + \\log(1 + e^{{-{abs(Z_BCE):g}}}) = {loss:.4f}\\). The model "
            f"gives \\(\\sigma({Z_BCE:g}) = {1 / (1 + np.exp(-Z_BCE)):.3f}\\) to the wrong class, "
            f"so the loss is large."
        ),
        hint=r"With \(\hat y = \sigma(z)\), the loss for \(y = 0\) is \(-\log(1 - \hat y)\).",
        mistakes=(
            Mistake(
                float(flipped),
                r"That is the loss for \(y = 1\), \(-\log\sigma(z)\); "
                r"for \(y = 0\) it is \(-\log(1 - \sigma(z))\).",
            ),
            Mistake(
                float(loss / np.log(2)),
                "That is in bits (log base 2); the course's losses "
                "use the natural log.",
            ),
        ),
    )


def _ce_gradient() -> Numeric:
    _, grad = softmax_cross_entropy(LOGITS, LABELS)
    n = len(LABELS)
    s = softmax(LOGITS[0])
    answer = float(grad[0, 0])
    return Numeric(
        id="ce-gradient",
        prompt=(
            f"A batch of \\(N = {n}\\) examples has logits \\({_m(LOGITS)}\\) (one row per "
            f"example) and true classes {_v(LABELS + 1)} (counting from 1). For the mean "
            f"cross-entropy \\(L_\\text{{CE}}\\), what is \\(\\partial L/\\partial z_{{11}}\\), "
            f"the derivative with respect to the first example's first logit? Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"\\(\\mathrm{{softmax}}(z_1) = {_v(np.round(s, 4))}\\), and the true class of "
            f"example 1 is class 1, so \\(\\partial L/\\partial z_{{11}} = "
            f"\\frac{{1}}{{N}}(\\hat y_{{11}} - 1) = ({s[0]:.4f} - 1)/{n} = {answer:.4f}\\)."
        ),
        hint=r"The gradient with respect to the logits is \(\frac1N(\mathrm{softmax}(z_i) - y_i)\).",
        mistakes=(
            Mistake(
                float(s[0] - 1), r"You left out the \(1/N\) of the mean over the batch."
            ),
            Mistake(
                float(-(s[0] - 1) / n),
                r"The sign is prediction minus target, "
                r"\(\hat y - y\), not \(y - \hat y\).",
            ),
        ),
    )


def _likelihood() -> Choice:
    return Choice(
        id="mse-likelihood",
        prompt="Minimising the mean squared error is maximum likelihood under which model of the targets?",
        options=(
            Option(
                "The network's output plus independent Gaussian noise of fixed variance.",
                True,
                r"Right: the Gaussian's negative log-likelihood is "
                r"\(\frac{1}{2s^2}\sum_i (y_i - \hat y_i)^2\) plus a constant.",
            ),
            Option(
                r"A Bernoulli variable with \(P(y = 1) = \hat y\).",
                False,
                "That gives the binary cross-entropy.",
            ),
            Option(
                r"A categorical variable with probabilities \(\mathrm{softmax}(z)\).",
                False,
                "That gives the categorical cross-entropy.",
            ),
            Option(
                "The output plus Gaussian noise whose variance the network also predicts.",
                False,
                r"Then \(s^2\) depends on the weights and the \(\log s^2\) term no longer drops "
                "out: the loss is not plain MSE.",
            ),
        ),
        solution=(
            r"The Gaussian log-likelihood is \(-\frac{1}{2s^2}\sum_i (y_i - \hat y_i)^2\) minus a "
            r"constant, so with \(s\) fixed maximising it minimises the squared error."
        ),
    )


def questions():
    return [_mse(), _bce(), _ce_gradient(), _likelihood()]
