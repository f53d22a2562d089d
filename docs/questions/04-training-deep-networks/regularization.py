"""Self-check questions for docs/04-training-deep-networks/regularization.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn.dropout import dropout_forward
from syllabus_code.numpy_nn.regularization import (
    l1_proximal_update,
    l1_subgrad,
    weight_decay_update,
)
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

P_DROP, A = 0.2, 1.5
W0, DW, LR, LAM = 2.0, 0.4, 0.1, 0.5
W_L1, DW_L1, LR_L1, LAM_L1 = 0.03, 0.2, 0.1, 0.5


def _dropout() -> Numeric:
    out, mask = dropout_forward(np.full(64, A), P_DROP, rng=0)
    kept = out[mask > 0]
    answer = float(kept[0])  # every surviving unit gets the same value
    return Numeric(
        id="inverted-dropout",
        prompt=(
            f"Inverted dropout with drop probability \\(p = {P_DROP:g}\\) is applied in "
            f"training mode to a unit whose activation is \\(a = {A:g}\\). If the unit is kept, "
            f"what value does it pass on? Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"The survivors are scaled by \\(1/(1 - p)\\): \\({A:g}/(1 - {P_DROP:g}) = {answer:g}\\). "
            f"Then \\(\\mathbb E[\\tilde a] = (1 - p)\\cdot {answer:g} = {A:g}\\) is unchanged, so "
            f"the layer is the identity at test time."
        ),
        hint=r"Inverted dropout keeps the expectation: kept units are divided by the keep probability.",
        mistakes=(
            Mistake(
                A * (1 - P_DROP),
                r"Multiplying by \(1 - p\) is what the original paper did to "
                "the weights at *test* time; inverted dropout divides the survivors by "
                r"\(1 - p\) during training.",
            ),
            Mistake(
                A / P_DROP,
                r"Divide by the keep probability \(1 - p\), not by the drop "
                r"probability \(p\).",
            ),
            Mistake(
                A,
                "Unscaled survivors would lower the expected activation; inverted dropout "
                r"rescales them by \(1/(1 - p)\).",
            ),
        ),
    )


def _weight_decay() -> Numeric:
    w1 = float(weight_decay_update(np.array([W0]), np.array([DW]), LR, LAM)[0])
    return Numeric(
        id="weight-decay-step",
        prompt=(
            f"With the penalty \\(\\frac\\lambda2\\sum w^2\\), \\(\\lambda = {LAM:g}\\), and plain "
            f"SGD with \\(\\alpha = {LR:g}\\), a weight \\(w = {W0:g}\\) whose data gradient is "
            f"\\(\\partial L/\\partial w = {DW:g}\\) takes one step. What is \\(w\\) afterwards? "
            f"Give 3 decimals."
        ),
        answer=w1,
        tolerance=5e-4,
        solution=(
            f"\\(w \\leftarrow w(1 - \\alpha\\lambda) - \\alpha\\,\\partial L/\\partial w = "
            f"{W0:g}\\cdot(1 - {LR:g}\\cdot{LAM:g}) - {LR:g}\\cdot{DW:g} = {w1:.4f}\\): the "
            f"penalty's gradient \\(\\lambda w\\) becomes a shrinking factor."
        ),
        hint=r"The penalty adds \(\lambda w\) to the gradient: \(w \leftarrow w - \alpha(\partial L/\partial w + \lambda w)\).",
        mistakes=(
            Mistake(
                W0 - LR * DW,
                "You left out the penalty's gradient, which shrinks the weight.",
            ),
            Mistake(
                W0 * (1 - 2 * LR * LAM) - LR * DW,
                r"The gradient of \(\frac\lambda2 w^2\) is "
                r"\(\lambda w\), not \(2\lambda w\): the \(\frac12\) is there to cancel the 2.",
            ),
            Mistake(
                W0 * (1 - LR * LAM),
                "You applied the decay but not the ordinary gradient step.",
            ),
        ),
    )


def _proximal() -> Numeric:
    w = np.array([W_L1])
    g = np.array([DW_L1])
    answer = float(l1_proximal_update(w, g, LR_L1, LAM_L1)[0])
    u = W_L1 - LR_L1 * DW_L1
    subgradient = float((w - LR_L1 * (g + l1_subgrad(w, LAM_L1)))[0])
    return Numeric(
        id="l1-proximal-step",
        prompt=(
            f"One proximal step of L1 regularisation (\\(\\lambda = {LAM_L1:g}\\), "
            f"\\(\\alpha = {LR_L1:g}\\)) on a weight \\(w = {W_L1:g}\\) with data gradient "
            f"\\(\\partial L/\\partial w = {DW_L1:g}\\): what is \\(w\\) afterwards? "
            f"Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"Gradient step: \\(u = {W_L1:g} - {LR_L1:g}\\cdot{DW_L1:g} = {u:g}\\). Soft-threshold "
            f"at \\(\\alpha\\lambda = {LR_L1 * LAM_L1:g}\\): \\(|u| = {abs(u):g} \\le "
            f"{LR_L1 * LAM_L1:g}\\), so \\(\\operatorname{{prox}}(u) = {answer:g}\\), exactly zero."
        ),
        hint=r"Take the plain gradient step to \(u\), then apply \(\operatorname{sign}(u)\max(|u| - \alpha\lambda, 0)\).",
        mistakes=(
            Mistake(
                subgradient,
                r"That is the subgradient step \(w - \alpha(\partial L/\partial w + "
                r"\lambda\operatorname{sign} w)\), which overshoots zero; the proximal step stops at 0.",
            ),
            Mistake(u, "You took the gradient step but skipped the soft-threshold."),
        ),
    )


def _adam_l2() -> Choice:
    return Choice(
        id="l2-with-adam",
        prompt="With Adam, how do an L2 penalty in the loss and decoupled weight decay (AdamW) compare?",
        options=(
            Option(
                "They are different algorithms: Adam divides the L2 term's gradient by its running RMS, weight decay shrinks every weight by the same factor.",
                True,
                r"Right: inside the gradient, \(\lambda w\) is rescaled per coordinate, so "
                "weights with large gradients are hardly regularised; AdamW applies "
                r"\(w \leftarrow w(1 - \alpha\lambda)\) outside the adaptive step.",
            ),
            Option(
                "They are the same update, as for plain SGD.",
                False,
                "The equivalence holds for plain SGD only; Adam's per-coordinate division "
                "breaks it.",
            ),
            Option(
                r"They differ only by a constant factor in \(\lambda\).",
                False,
                "The division is by a different running RMS for every coordinate, so no single "
                r"rescaling of \(\lambda\) makes them equal.",
            ),
        ),
        solution=(
            "For SGD both give \\(w(1 - \\alpha\\lambda) - \\alpha\\,\\partial L/\\partial w\\); "
            "Adam rescales the penalty's gradient coordinate by coordinate (Loshchilov and "
            "Hutter, 2019)."
        ),
    )


def questions():
    return [_dropout(), _weight_decay(), _proximal(), _adam_l2()]
