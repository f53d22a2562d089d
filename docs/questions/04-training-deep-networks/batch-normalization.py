"""Self-check questions for docs/04-training-deep-networks/batch-normalization.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn.batchnorm import batchnorm_forward, init_batchnorm
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

X = np.array([1.0, 2.0, 3.0, 6.0])  # one feature over a batch of m = 4
GAMMA, BETA = 2.0, 0.5
EPS = 1e-5
SHAPE_4D = (8, 16, 10, 10)  # (N, C, H, W) after a convolution


def _v(a) -> str:
    return "(" + ", ".join(f"{float(v):g}" for v in np.ravel(a)) + ")"


def _bn_output() -> Numeric:
    _, _, state = init_batchnorm(1)
    out, _ = batchnorm_forward(
        X[:, None], np.array([GAMMA]), np.array([BETA]), state, eps=EPS
    )
    answer = float(out[-1, 0])
    m, mu = len(X), float(X.mean())
    var = float(((X - mu) ** 2).sum() / m)
    unbiased = float(((X - mu) ** 2).sum() / (m - 1))
    x_hat = (X[-1] - mu) / np.sqrt(var + EPS)
    return Numeric(
        id="bn-output",
        prompt=(
            f"In training mode, one feature takes the values \\(x = {_v(X)}\\) over a batch. "
            f"With \\(\\gamma = {GAMMA:g}\\), \\(\\beta = {BETA:g}\\) and \\(\\epsilon = 10^{{-5}}\\), "
            f"what is the batch-norm output \\(y_4\\) for \\(x_4 = {X[-1]:g}\\)? Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"\\(\\mu_B = {mu:g}\\), \\(\\sigma_B^2 = \\frac1m\\sum_i (x_i - \\mu_B)^2 = "
            f"{((X - mu) ** 2).sum():g}/{m} = {var:g}\\) (divide by \\(m\\), not \\(m - 1\\)), "
            f"\\(\\hat x_4 = ({X[-1]:g} - {mu:g})/\\sqrt{{{var:g} + \\epsilon}} = {x_hat:.4f}\\), "
            f"and \\(y_4 = \\gamma \\hat x_4 + \\beta = {GAMMA:g} \\cdot {x_hat:.4f} + {BETA:g} "
            f"= {answer:.4f}\\)."
        ),
        hint=r"Standardise with the batch mean and the biased variance, then apply \(\gamma\) and \(\beta\).",
        mistakes=(
            Mistake(
                float(GAMMA * (X[-1] - mu) / np.sqrt(unbiased + EPS) + BETA),
                r"You divided the variance by \(m - 1\); the normalisation uses the biased "
                r"\(\sigma_B^2\) (divide by \(m\)); only the running variance is fed the unbiased one.",
            ),
            Mistake(
                float(x_hat),
                r"That is \(\hat x_4\); the layer's output is \(\gamma\hat x_4 + \beta\).",
            ),
            Mistake(
                float(GAMMA * (X[-1] - mu) / (var + EPS) + BETA),
                r"Divide by the standard deviation \(\sqrt{\sigma_B^2 + \epsilon}\), not by the variance.",
            ),
        ),
    )


def _running_var() -> Numeric:
    _, _, state = init_batchnorm(1)
    start = float(state["running_var"][0])
    batchnorm_forward(X[:, None], np.ones(1), np.zeros(1), state, eps=EPS, momentum=0.1)
    answer = float(state["running_var"][0])
    m = len(X)
    var = float(X.var())
    unbiased = var * m / (m - 1)
    return Numeric(
        id="bn-running-var",
        prompt=(
            f"A new batch-norm layer (running variance {start:g}, PyTorch's momentum 0.1) sees "
            f"one training batch in which a feature takes the values \\({_v(X)}\\). What is "
            f"that feature's running variance afterwards? Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"The running variance is fed the unbiased estimate "
            f"\\(\\frac{{m}}{{m-1}}\\sigma_B^2 = \\frac{{{m}}}{{{m - 1}}}\\cdot {var:g} = "
            f"{unbiased:.4f}\\), with weight 0.1 for the new batch: "
            f"\\(0.9 \\cdot {start:g} + 0.1 \\cdot {unbiased:.4f} = {answer:.4f}\\)."
        ),
        hint=r"\(\hat\sigma^2 \leftarrow (1 - 0.1)\,\hat\sigma^2 + 0.1\,\frac{m}{m-1}\sigma_B^2\).",
        mistakes=(
            Mistake(
                0.9 * start + 0.1 * var,
                r"You used the biased \(\sigma_B^2\); the running "
                r"variance is fed \(\frac{m}{m-1}\sigma_B^2\), as PyTorch does.",
            ),
            Mistake(
                0.1 * start + 0.9 * unbiased,
                "PyTorch's momentum 0.1 is the weight of the "
                "*new* batch, not of the old average.",
            ),
        ),
    )


def _values_per_channel() -> Numeric:
    n, c, h, w = SHAPE_4D
    x = np.zeros(SHAPE_4D)
    _, cache = batchnorm_forward(x, np.ones(c), np.zeros(c), init_batchnorm(c)[2])
    m = cache[5]  # the m the layer averaged over
    return Numeric(
        id="bn2d-values-per-channel",
        prompt=(
            f"A `BatchNorm2d` layer receives a batch of shape \\((N, C, H, W) = {SHAPE_4D}\\) "
            f"in training mode. Over how many values \\(m\\) is each channel's \\(\\mu_B\\) "
            f"averaged?"
        ),
        answer=float(m),
        tolerance=0,
        solution=(
            f"A channel's statistics are taken over the batch *and* every position: "
            f"\\(m = NHW = {n} \\cdot {h} \\cdot {w} = {m}\\), since the same "
            f"\\(\\gamma_c, \\beta_c\\) apply at every position."
        ),
        hint="Each channel is one feature; count its values over the whole batch.",
        mistakes=(
            Mistake(
                float(n),
                r"\(m = N\) is the dense-layer case; after a convolution every "
                "position of every image counts.",
            ),
            Mistake(
                float(h * w),
                "That counts the positions of one image; the batch dimension counts too.",
            ),
            Mistake(
                float(n * c * h * w),
                "The statistics are per channel, so the channels are not "
                "pooled together.",
            ),
        ),
    )


def _why() -> Choice:
    return Choice(
        id="bn-why",
        prompt="What does the evidence the page cites say about why batch normalisation helps training?",
        options=(
            Option(
                "It helps, but reducing internal covariate shift does not explain it; a smoother loss landscape has been proposed, and the mechanism is still debated.",
                True,
                "Right: Santurkar et al. added shifting noise after each batch-norm layer "
                "and training still went about as well; they measured no reduction of the shift "
                "and proposed a smoother landscape.",
            ),
            Option(
                "It reduces internal covariate shift, which is why it trains faster.",
                False,
                "That was the original motivation, but networks still trained well when noise "
                "made the shift worse, and a gradient-based measure of the shift was not reduced.",
            ),
            Option(
                "It is an established regulariser, which is why it needs less dropout.",
                False,
                "The page calls this an observation, not an established mechanism; an analysis "
                "exists for a single block only.",
            ),
            Option(
                "It does not change training speed; it only lets a batch of one work.",
                False,
                "It does train deep networks faster. A batch of one is safe in evaluation "
                "mode, which uses the running averages; in training mode a dense layer's "
                "statistics over one example are degenerate (every \\(\\hat x = 0\\)).",
            ),
        ),
        solution=(
            r"Faster training and tolerance of larger learning rates are measured facts; "
            r"the explanation is open."
        ),
    )


def questions():
    return [_bn_output(), _running_var(), _values_per_channel(), _why()]
