"""Self-check questions for docs/04-training-deep-networks/vanishing-gradients.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn import clip_grad_norm, clip_grad_value, sigmoid_prime
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

GAIN, LAYERS = 2.0, 5
GRAD = {"W": np.array([3.0, 4.0]), "b": np.array([12.0])}
C = 5.0


def _v(a) -> str:
    return "(" + ", ".join(f"{float(v):g}" for v in np.ravel(a)) + ")"


def _sigmoid_bound() -> Numeric:
    best = float(sigmoid_prime(0.0))  # the largest value of sigma'
    answer = (best * GAIN) ** LAYERS
    return Numeric(
        id="sigmoid-product-bound",
        prompt=(
            f"In a sigmoid network, suppose each transposed weight matrix \\((W^{{(k+1)}})^\\top\\) "
            f"stretches vectors by at most a factor {GAIN:g}. At most by what factor can "
            f"{LAYERS} sigmoid layers multiply \\(\\lVert\\delta\\rVert\\) on its way back, "
            f"\\(\\delta^{{(l)}} = (W^{{(l+1)}})^\\top \\delta^{{(l+1)}} \\odot \\sigma'(z^{{(l)}})\\)? "
            f"Give 5 decimals."
        ),
        answer=answer,
        tolerance=5e-6,
        solution=(
            f"\\(\\sigma'(z) \\le \\sigma'(0) = {best:g}\\), so each layer multiplies the norm by "
            f"at most \\({best:g} \\cdot {GAIN:g} = {best * GAIN:g}\\), and {LAYERS} layers by "
            f"\\({best * GAIN:g}^{{{LAYERS}}} = {answer:.5f}\\): the gradient vanishes unless the "
            f"weights make up a factor of {1 / best:g} per layer."
        ),
        hint=r"Each layer contributes at most \(\max_z \sigma'(z)\) times the weights' gain.",
        mistakes=(
            Mistake(
                best**LAYERS,
                "You left out the weights' gain: each layer multiplies by the "
                "weights as well as by the activation's derivative.",
            ),
            Mistake(GAIN**LAYERS, r"You left out \(\sigma'\), which is at most 1/4."),
            Mistake(
                (0.5 * GAIN) ** LAYERS,
                r"\(\sigma(0) = 1/2\) is the sigmoid's value; its "
                r"largest slope is \(\sigma'(0) = 1/4\).",
            ),
        ),
    )


def _clip_norm() -> Numeric:
    clipped, norm = clip_grad_norm(GRAD, C)
    answer = float(clipped["b"][0])
    by_value = float(clip_grad_value(GRAD, C)["b"][0])
    g = float(GRAD["b"][0])
    squares = " + ".join(f"{v:g}^2" for v in np.concatenate(list(GRAD.values())))
    return Numeric(
        id="clip-by-norm",
        prompt=(
            f"A network's gradient is \\(\\partial L/\\partial W = {_v(GRAD['W'])}\\) "
            f"and \\(\\partial L/\\partial b = {float(GRAD['b'][0]):g}\\). After clipping by "
            f"global norm with threshold \\(c = {C:g}\\), what is \\(\\partial L/\\partial b\\)? "
            f"Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"The global norm reads every gradient as one vector: "
            f"\\(\\lVert g\\rVert = \\sqrt{{{squares}}} = {norm:g} > c\\), so every entry is "
            f"multiplied by \\(c/\\lVert g\\rVert = {C:g}/{norm:g}\\): "
            f"\\({g:g} \\cdot {C:g}/{norm:g} = {answer:.4f}\\). The direction is kept."
        ),
        hint=r"\(g \leftarrow g\cdot\min(1, c/\lVert g\rVert)\), with \(\lVert g\rVert\) over all parameters together.",
        mistakes=(
            Mistake(
                by_value,
                r"That is clipping by value, \(\max(-c, \min(c, g_i))\), entry by "
                "entry; clipping by norm rescales the whole gradient by one factor.",
            ),
            Mistake(
                g, "The global norm exceeds the threshold, so the gradient is rescaled."
            ),
            Mistake(
                g / norm,
                r"You divided by \(\lVert g\rVert\) but forgot to multiply by "
                r"\(c\): the clipped gradient has norm \(c\), not 1.",
            ),
        ),
    )


def _tanh_level() -> Choice:
    return Choice(
        id="tanh-xavier-level",
        prompt=(
            "In the page's 20-layer networks at initialisation, the gradient norms of a tanh "
            "network with Xavier weights stay level from layer to layer. What explains that?"
        ),
        options=(
            Option(
                r"The weights' gain is about 1 and the pre-activations stay small, where \(\tanh'(z) \approx 1\).",
                True,
                r"Right: Xavier's \(\operatorname{Var}(W) = 1/64\) keeps "
                r"\(\operatorname{Var}(z)\) near the input's, and \(|\tanh z| < |z|\) shrinks "
                r"\(z\) slowly, so the per-layer factor stays near 1.",
            ),
            Option(
                r"\(\tanh' \le 1\), so tanh cannot make gradients vanish.",
                False,
                r"The bound allows any shrinking factor; a saturated tanh unit is as flat as a "
                "saturated sigmoid.",
            ),
            Option(
                r"\(\tanh'\) never falls below the sigmoid's best, 1/4.",
                False,
                r"\(\tanh'(z) = 1 - \tanh^2 z\) tends to 0 for large \(|z|\); with weights 4 "
                "times larger its mean was about 0.2 on the page.",
            ),
            Option(
                "Tanh's outputs are centred on zero, which keeps gradients level.",
                False,
                "Zero-centred outputs help the direction of weight updates, not the size of "
                "the product of layer factors.",
            ),
        ),
        solution=(
            "The activation's derivative and the weights decide together: the factor per "
            r"layer on \(\lVert\delta\rVert^2\) is about \(n\operatorname{Var}(W)\) times the "
            r"mean of \(\tanh'(z)^2\)."
        ),
    )


def questions():
    return [_sigmoid_bound(), _clip_norm(), _tanh_level()]
