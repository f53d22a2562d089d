"""Self-check questions for docs/03-neural-networks/activations.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn import (
    activation_backward,
    activation_forward,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    softmax,
    tanh,
    tanh_prime,
)
from syllabus_code.selfcheck import Mistake, Numeric

Z_SIG = 1.5
Z_RELU = np.array([-0.5, 0.0, 1.5])
DA_RELU = np.array([2.0, 3.0, -1.0])
Z_SOFT = np.array([3.0, 1.0, 0.0])
X_PROBE = 1.0


def _v(a) -> str:
    return "(" + ", ".join(f"{float(v):g}" for v in np.ravel(a)) + ")"


def _sigmoid_prime() -> Numeric:
    s = float(sigmoid(Z_SIG))
    answer = float(sigmoid_prime(Z_SIG))
    return Numeric(
        id="sigmoid-prime",
        prompt=(
            f"What is \\(\\sigma'(z)\\), the derivative of the logistic sigmoid, at "
            f"\\(z = {Z_SIG:g}\\)? Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"\\(\\sigma({Z_SIG:g}) = 1/(1 + e^{{-{Z_SIG:g}}}) = {s:.4f}\\), so "
            f"\\(\\sigma'({Z_SIG:g}) = \\sigma(1 - \\sigma) = {s:.4f} \\cdot {1 - s:.4f} "
            f"= {answer:.4f}\\), below the maximum \\(1/4\\) at \\(z = 0\\)."
        ),
        hint=r"Use \(\sigma'(z) = \sigma(z)\,(1 - \sigma(z))\).",
        mistakes=(
            Mistake(
                s,
                r"That is \(\sigma(z)\) itself; the question asks for its derivative.",
            ),
            Mistake(
                1 - s * s,
                r"\(1 - \sigma^2\) is the form of tanh's derivative; the "
                r"sigmoid's is \(\sigma(1 - \sigma)\).",
            ),
        ),
    )


def _relu_backward() -> Numeric:
    _, cache = activation_forward(Z_RELU, "relu")
    dz = activation_backward(DA_RELU, cache)
    answer = float(dz.sum())
    one_at_zero = float(DA_RELU[Z_RELU >= 0].sum())
    half_at_zero = float(DA_RELU[Z_RELU > 0].sum() + 0.5 * DA_RELU[Z_RELU == 0].sum())
    no_mask = float(DA_RELU.sum())
    return Numeric(
        id="relu-backward",
        prompt=(
            f"A ReLU layer receives \\(z = {_v(Z_RELU)}\\) and, in the backward pass, "
            f"\\(\\partial L/\\partial a = {_v(DA_RELU)}\\). Using the library's convention "
            f"for \\(\\mathrm{{ReLU}}'(0)\\), what is the sum of the entries of "
            f"\\(\\partial L/\\partial z\\)?"
        ),
        answer=answer,
        tolerance=1e-9,
        solution=(
            f"\\(\\partial L/\\partial z = \\partial L/\\partial a \\odot \\mathrm{{ReLU}}'(z) "
            f"= {_v(DA_RELU)} \\odot {_v(relu_prime(Z_RELU))} = {_v(dz)}\\), whose sum "
            f"is \\({answer:g}\\). The derivative at exactly 0 is taken as 0, as in PyTorch."
        ),
        hint=r"Multiply entry by entry by \(\mathrm{ReLU}'(z)\): 1 where \(z > 0\), 0 where \(z \le 0\).",
        mistakes=(
            Mistake(
                one_at_zero,
                r"You used \(\mathrm{ReLU}'(0) = 1\); the library (like "
                r"PyTorch) uses 0 at \(z = 0\), where the derivative does not exist.",
            ),
            Mistake(
                half_at_zero,
                r"\(\tfrac12\) at 0 is a valid subgradient, but the library's "
                r"convention is \(\mathrm{ReLU}'(0) = 0\).",
            ),
            Mistake(
                no_mask,
                "You passed the gradient through unchanged: the units with "
                r"\(z \le 0\) get no gradient.",
            ),
        ),
    )


def _softmax() -> Numeric:
    s = softmax(Z_SOFT)
    e = np.exp(Z_SOFT)
    answer = float(s[0])
    return Numeric(
        id="softmax-entry",
        prompt=(
            f"What is the first entry of \\(\\mathrm{{softmax}}(z)\\) for "
            f"\\(z = {_v(Z_SOFT)}\\)? Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"\\(e^{{z}} = {_v(np.round(e, 3))}\\), whose sum is {e.sum():.3f}; "
            f"\\(\\mathrm{{softmax}}(z)_1 = {e[0]:.3f}/{e.sum():.3f} = {answer:.3f}\\). "
            f"Subtracting \\(\\max_j z_j = {Z_SOFT.max():g}\\) first changes nothing."
        ),
        hint=r"Exponentiate every entry, then divide by the sum of the exponentials.",
        mistakes=(
            Mistake(
                float(Z_SOFT[0] / Z_SOFT.sum()),
                "You divided the logits by their sum; "
                "softmax divides their exponentials by the sum of the exponentials.",
            ),
            Mistake(
                float(sigmoid(Z_SOFT[0])),
                r"That is \(\sigma(z_1)\): the sigmoid of one "
                "logit ignores the others.",
            ),
        ),
    )


def _widget_tanh() -> Numeric:
    answer = float(tanh_prime(X_PROBE))
    t = float(tanh(X_PROBE))
    return Numeric(
        id="widget-tanh-prime",
        prompt=(
            f"In the activation visualizer above, choose **tanh** and move **Probe x** to "
            f"\\(x = {X_PROBE:g}\\). What is the slope \\(f'(x)\\) there? Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"\\(\\tanh({X_PROBE:g}) = {t:.4f}\\) and "
            f"\\(\\tanh'(x) = 1 - \\tanh^2 x = 1 - {t:.4f}^2 = {answer:.4f}\\): the dashed "
            f"curve, not the solid one."
        ),
        hint=r"Read \(f'(x)\) in the line under the plot (the dashed curve is the derivative), or use \(\tanh' = 1 - \tanh^2\).",
        mistakes=(
            Mistake(
                t,
                r"That is \(\tanh(x)\), the solid curve; the slope is the dashed one.",
            ),
            Mistake(
                float(sigmoid_prime(X_PROBE)),
                "That is the sigmoid's slope; switch the function to tanh.",
            ),
        ),
        widget="activation-visualizer",
    )


def questions():
    return [_sigmoid_prime(), _relu_backward(), _softmax(), _widget_tanh()]
