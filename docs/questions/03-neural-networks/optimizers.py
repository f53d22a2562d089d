"""Self-check questions for docs/03-neural-networks/optimizers.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn import (
    adam_update,
    iterate_minibatches,
    momentum_update,
    sgd_update,
)
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

ADAM_LR = 0.01
ADAM_G = np.array([0.5, 0.003])
MOM_LR, MOM_BETA, MOM_STEPS, MOM_G = 0.1, 0.9, 3, 1.0
N_TRAIN, BATCH = 50_000, 128


def _n(x: int) -> str:
    """An integer with thousands separators that KaTeX spaces correctly."""
    return f"{x:,}".replace(",", "{,}")


def _adam() -> Numeric:
    theta0 = np.zeros(2)
    theta1, state = adam_update(theta0, ADAM_G, None, lr=ADAM_LR)
    answer = float(theta0[1] - theta1[1])
    b1, b2 = 0.9, 0.999
    g = float(ADAM_G[1])
    m1, v1 = (1 - b1) * g, (1 - b2) * g * g  # the raw averages at t = 1
    raw = ADAM_LR * m1 / (np.sqrt(v1) + 1e-8)  # without bias correction
    sgd = float(theta0[1] - sgd_update(theta0, ADAM_G, lr=ADAM_LR)[0][1])
    return Numeric(
        id="adam-first-step",
        prompt=(
            f"Adam with \\(\\alpha = {ADAM_LR:g}\\) and the default \\(\\beta_1 = 0.9\\), "
            f"\\(\\beta_2 = 0.999\\), \\(\\varepsilon = 10^{{-8}}\\) takes its first step with "
            f"the gradient \\(g_1 = {tuple(float(v) for v in ADAM_G)}\\). By how much does the "
            f"second parameter \\(\\theta_2\\) decrease? Give 4 decimals."
        ),
        answer=answer,
        tolerance=5e-5,
        solution=(
            f"At \\(t = 1\\), \\(m_1 = 0.1\\,g_1\\) and \\(v_1 = 0.001\\,g_1^2\\); the bias "
            f"correction divides them by \\(1 - 0.9 = 0.1\\) and \\(1 - 0.999 = 0.001\\), so "
            f"\\(\\hat m_1 = g_1\\) and \\(\\hat v_1 = g_1^2\\).\n\nThe step is "
            f"\\(\\alpha\\, g/(|g| + \\varepsilon) = {ADAM_LR:g} \\cdot {g:g}/({g:g} + 10^{{-8}}) "
            f"= {answer:.8f}\\): size \\(\\alpha\\) (up to \\(\\varepsilon\\)) whatever the "
            f"gradient's scale, in both "
            f"coordinates."
        ),
        hint=r"At \(t = 1\) the bias correction gives \(\hat m_1 = g_1\) and \(\hat v_1 = g_1^2\).",
        mistakes=(
            Mistake(
                float(raw),
                f"You left out the bias correction: without it the ratio is "
                f"\\(m_1/\\sqrt{{v_1}} = 0.1\\,g/(\\sqrt{{0.001}}\\,|g|)\\), and the first "
                f"step comes out {raw / answer:.2f} times too long.",
            ),
            Mistake(
                sgd,
                r"That is a plain gradient step \(\alpha g\); Adam divides by "
                r"\(\sqrt{\hat v}\), which makes its first step \(\alpha\) in every coordinate.",
            ),
        ),
    )


def _momentum() -> Numeric:
    theta, state = np.zeros(1), None
    vs = []
    for _ in range(MOM_STEPS):
        theta, state = momentum_update(
            theta, np.full(1, MOM_G), state, lr=MOM_LR, beta=MOM_BETA
        )
        vs.append(float(state["v"][0]))
    answer = float(theta[0])
    plain = -MOM_STEPS * MOM_LR * MOM_G
    stale = sum([0.0] + vs[:-1])  # theta += v with the *previous* velocity
    limit = -MOM_STEPS * MOM_LR * MOM_G / (1 - MOM_BETA)
    steps = " + ".join(f"({v:g})" for v in vs)
    return Numeric(
        id="momentum-three-steps",
        prompt=(
            f"Momentum in the page's form, \\(v \\leftarrow \\beta v - \\alpha \\nabla_\\theta L\\), "
            f"\\(\\theta \\leftarrow \\theta + v\\), with \\(\\alpha = {MOM_LR:g}\\), "
            f"\\(\\beta = {MOM_BETA:g}\\), \\(v = 0\\) and \\(\\theta = 0\\) at the start, sees the "
            f"same gradient \\(\\nabla_\\theta L = {MOM_G:g}\\) at every step. What is \\(\\theta\\) "
            f"after {MOM_STEPS} steps? Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"The velocities are {', '.join(f'{v:g}' for v in vs)} "
            f"(\\(v_t = \\beta v_{{t-1}} - \\alpha g\\)), and \\(\\theta\\) adds them up: "
            f"\\({steps} = {answer:g}\\). The velocity grows towards "
            f"\\(-\\alpha g/(1-\\beta) = {-MOM_LR * MOM_G / (1 - MOM_BETA):g}\\)."
        ),
        hint=r"Update \(v\) first, then add the new \(v\) to \(\theta\); repeat three times.",
        mistakes=(
            Mistake(
                plain,
                f"That is plain gradient descent, \\(-{MOM_STEPS}\\alpha g\\): the "
                f"velocity keeps \\(\\beta\\) times its previous value at every step.",
            ),
            Mistake(
                stale,
                r"You added the old velocity to \(\theta\) before updating it; the "
                r"page updates \(v\) first and then moves \(\theta\) by the new \(v\).",
            ),
            Mistake(
                limit,
                r"The velocity only tends to \(-\alpha g/(1-\beta)\); it starts at 0 "
                f"and is far from that limit after {MOM_STEPS} steps.",
            ),
        ),
    )


def _steps_per_epoch() -> Numeric:
    batches = list(iterate_minibatches(N_TRAIN, BATCH))
    answer = len(batches)
    last = len(batches[-1])
    return Numeric(
        id="steps-per-epoch",
        prompt=(
            f"A training set has \\(n = {_n(N_TRAIN)}\\) examples. How many update steps does one "
            f"epoch of mini-batch gradient descent with \\(B = {BATCH}\\) make, with "
            f"`iterate_minibatches` (which keeps the last, smaller batch)?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"\\(\\lceil n/B \\rceil = \\lceil {N_TRAIN}/{BATCH} \\rceil = {answer}\\): "
            f"{answer - 1} full batches of {BATCH} and a last one of {last}."
        ),
        hint=r"One step per mini-batch; count the batches, including a last partial one.",
        mistakes=(
            Mistake(
                float(N_TRAIN // BATCH),
                "You dropped the last, partial batch; "
                "`iterate_minibatches` keeps it (PyTorch's DataLoader does too unless "
                "`drop_last=True`).",
            ),
            Mistake(float(N_TRAIN), r"That is stochastic gradient descent, \(B = 1\)."),
            Mistake(1.0, r"That is batch gradient descent, \(B = n\)."),
        ),
    )


def _torch_momentum() -> Choice:
    return Choice(
        id="torch-momentum",
        prompt=(
            r"PyTorch's `SGD(lr, momentum=μ)` keeps \(b \leftarrow \mu b + \nabla L\) and "
            r"steps \(\theta \leftarrow \theta - \mathrm{lr}\cdot b\). Compared with the page's "
            r"\(v \leftarrow \beta v - \alpha\nabla L\), \(\theta \leftarrow \theta + v\) "
            r"(with \(\mu = \beta\), \(\mathrm{lr} = \alpha\)), which is true?"
        ),
        options=(
            Option(
                "The trajectories are identical while the learning rate is constant; they differ after it changes.",
                True,
                r"Right: \(v = -\alpha b\) holds at every step when \(\alpha\) is fixed. "
                r"A schedule applies PyTorch's new rate to the whole history in \(b\), whereas "
                r"the page's \(v\) keeps the old rates inside it.",
            ),
            Option(
                "They are identical under any learning-rate schedule.",
                False,
                r"Only for a constant rate: after a change, PyTorch rescales the whole "
                r"buffer's history, the page's \(v\) does not.",
            ),
            Option(
                r"PyTorch's steps are \(1/\mathrm{lr}\) times longer, because \(b\) does not contain the learning rate.",
                False,
                r"The step is \(\mathrm{lr}\cdot b = -v\): the same length; only the "
                r"stored buffers differ by the factor \(-\alpha\).",
            ),
            Option(
                "PyTorch's form is Nesterov momentum, the page's is heavy-ball momentum.",
                False,
                "Both are heavy-ball (Polyak) momentum; Nesterov is a separate option "
                "(`nesterov=True`).",
            ),
        ),
        solution=(
            r"If \(v = -\alpha b\) before a step, then \(v_\text{new} = \beta(-\alpha b) - "
            r"\alpha \nabla L = -\alpha(\mu b + \nabla L) = -\alpha b_\text{new}\), and both "
            r"move \(\theta\) by the same amount."
        ),
    )


def questions():
    return [_adam(), _momentum(), _steps_per_epoch(), _torch_momentum()]
