"""Self-check questions for docs/04-training-deep-networks/initialization.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn.init import init_variance
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

XAV_IN, XAV_OUT = 256, 128
HE_IN = 512
WIDTH, STD = 256, 0.05


def _xavier_bound() -> Numeric:
    var = init_variance("xavier_uniform", XAV_IN, XAV_OUT)
    answer = float(np.sqrt(3 * var))  # U[-a, a] has variance a^2/3
    return Numeric(
        id="xavier-uniform-bound",
        prompt=(
            f"Xavier (Glorot) uniform initialisation draws the weights of a layer with "
            f"\\(n_\\text{{in}} = {XAV_IN}\\) and \\(n_\\text{{out}} = {XAV_OUT}\\) from "
            f"\\(U[-a, a]\\). What is \\(a\\)? Give 4 decimals."
        ),
        answer=answer,
        tolerance=5e-5,
        solution=(
            f"The target variance is \\(2/(n_\\text{{in}} + n_\\text{{out}}) = 2/{XAV_IN + XAV_OUT} "
            f"= {var:.6f}\\), and \\(U[-a, a]\\) has variance \\(a^2/3\\), so "
            f"\\(a = \\sqrt{{6/{XAV_IN + XAV_OUT}}} = {answer:.4f}\\)."
        ),
        hint=r"Match the uniform law's variance \(a^2/3\) to \(2/(n_\text{in} + n_\text{out})\).",
        mistakes=(
            Mistake(
                float(np.sqrt(var)),
                r"That is the standard deviation \(\sqrt{2/(n_\text{in} + "
                r"n_\text{out})}\) of the normal version; the uniform bound is \(\sqrt 3\) times larger.",
            ),
            Mistake(
                float(np.sqrt(3 * init_variance("he_uniform", XAV_IN, XAV_OUT))),
                r"That is He's bound \(\sqrt{6/n_\text{in}}\), which uses the fan-in only.",
            ),
            Mistake(var, "That is the variance, not the bound of the interval."),
        ),
    )


def _he_std() -> Numeric:
    var = init_variance("he_normal", HE_IN, HE_IN)
    answer = float(np.sqrt(var))
    return Numeric(
        id="he-normal-std",
        prompt=(
            f"What standard deviation does He initialisation give the weights of a ReLU layer "
            f"with \\(n_\\text{{in}} = {HE_IN}\\) inputs (normal version)? Give 4 decimals."
        ),
        answer=answer,
        tolerance=5e-5,
        solution=(
            f"\\(\\operatorname{{Var}}(w) = 2/n_\\text{{in}} = 2/{HE_IN} = {var:.6f}\\), so the "
            f"standard deviation is \\(\\sqrt{{2/{HE_IN}}} = {answer:.4f}\\). The 2 makes up for "
            f"ReLU zeroing about half of its inputs."
        ),
        hint=r"He: \(\operatorname{Var}(w) = 2/n_\text{in}\); the standard deviation is its square root.",
        mistakes=(
            Mistake(
                var,
                "That is the variance; the question asks for the standard deviation.",
            ),
            Mistake(
                float(np.sqrt(1 / HE_IN)),
                r"\(\sqrt{1/n_\text{in}}\) leaves out the factor 2 "
                "that ReLU's halving costs (for a square layer it is also Xavier's value).",
            ),
        ),
    )


def _variance_factor() -> Numeric:
    s2 = init_variance("normal", WIDTH, WIDTH, std=STD)
    answer = 0.5 * WIDTH * s2
    return Numeric(
        id="relu-variance-factor",
        prompt=(
            f"A deep ReLU network has {WIDTH} units per layer, no biases, and weights drawn from "
            f"\\(\\mathcal N(0, {STD:g}^2)\\). By about what factor does each layer multiply "
            f"\\(\\operatorname{{Var}}(z^{{(l)}})\\)? Give 2 decimals."
        ),
        answer=answer,
        tolerance=5e-3,
        solution=(
            f"\\(\\operatorname{{Var}}(z^{{(l)}}) = n\\,s^2\\,\\mathbb E[(a^{{(l-1)}})^2]\\), and for "
            f"ReLU \\(\\mathbb E[\\mathrm{{relu}}(z)^2] = \\tfrac12 \\operatorname{{Var}}(z)\\): the "
            f"factor is \\(\\tfrac12 \\cdot {WIDTH} \\cdot {STD:g}^2 = {answer:.2f}\\). Below 1, "
            f"the signal vanishes geometrically with depth."
        ),
        hint=r"Multiply \(n s^2\) by the factor ReLU contributes to the second moment.",
        mistakes=(
            Mistake(
                WIDTH * s2,
                r"That leaves out ReLU's halving, "
                r"\(\mathbb E[\mathrm{relu}(z)^2] = \tfrac12\operatorname{Var}(z)\).",
            ),
            Mistake(
                0.5 * WIDTH * STD,
                r"Use the variance \(s^2\) of the weights, not their "
                r"standard deviation \(s\).",
            ),
        ),
    )


def _zero_init() -> Choice:
    return Choice(
        id="zero-init-tanh",
        prompt=(
            "An MLP with one tanh hidden layer starts with every weight and bias equal to zero "
            "and is trained by gradient descent. What happens?"
        ),
        options=(
            Option(
                "No weight ever moves; only the output bias learns.",
                True,
                r"Right: \(\tanh(0) = 0\) makes the hidden activations zero, so the output "
                r"weights' gradient \(\delta a^\top\) is zero, and the hidden error "
                r"\(W^\top\delta\) is zero because the output weights are.",
            ),
            Option(
                "The weights move, but the hidden units stay copies of one another.",
                False,
                r"That is the sigmoid case: \(\sigma(0) = 1/2\) gives the output weights a "
                "gradient, but the symmetry between units never breaks.",
            ),
            Option(
                "Training is slower at first, but rounding errors soon make the units differ.",
                False,
                "Here the gradients of every weight are products with exact zeros "
                "(\\(a^{(1)} = 0\\) and \\(W^{(2)} = 0\\)), so they are exactly 0 in floating "
                "point too: rounding has nothing to act on.",
            ),
            Option(
                "It trains like any random initialisation, since the biases break the symmetry.",
                False,
                "The hidden biases get the gradient \\(\\delta^{(1)} = 0\\) and stay at zero; "
                "only the output bias moves, and it is added after the hidden layer.",
            ),
        ),
        solution=(
            r"With \(g(0) = 0\), \(a^{(1)} = 0\), \(\partial L/\partial W^{(2)} = \delta^{(2)}"
            r"(a^{(1)})^\top = 0\) and \(\delta^{(1)} = (W^{(2)})^\top\delta^{(2)} \odot g' = 0\)."
        ),
    )


def questions():
    return [_xavier_bound(), _he_std(), _variance_factor(), _zero_init()]
