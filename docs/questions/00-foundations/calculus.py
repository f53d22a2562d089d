"""Self-check questions for docs/00-foundations/calculus.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.maths.derivatives import central_difference, jacobian
from syllabus_code.selfcheck import Mistake, Numeric


def questions():
    x0 = 1.5
    chain = central_difference(lambda t: np.sin(t**2), x0)
    outer_only = float(np.cos(x0**2))
    wrong_inner = float(2 * x0 * np.cos(x0))

    W = np.array([[1.0, 2.0], [0.0, -1.0]])
    x = np.array([0.5, 0.0])
    J = jacobian(lambda v: np.tanh(W @ v), x)
    z0 = float((W @ x)[0])
    slope = 1 - np.tanh(z0) ** 2
    J01 = float(J[0, 1])
    return [
        Numeric(
            id="chain-sin",
            prompt=(
                f"What is \\(\\dfrac{{d}}{{dx}}\\sin(x^2)\\) at \\(x = {x0}\\)? "
                "Give 2 decimals."
            ),
            answer=chain,
            tolerance=0.005,
            solution=(
                f"By the chain rule \\(\\cos(x^2)\\cdot 2x\\); at \\(x = {x0}\\): "
                f"\\(\\cos({x0**2:g})\\times{2 * x0:g} \\approx {outer_only:.4f}\\times"
                f"{2 * x0:g} \\approx {chain:.3f}\\)."
            ),
            hint="Differentiate the outside at the inside, then multiply by the inside's derivative.",
            mistakes=(
                Mistake(
                    outer_only,
                    "You forgot to multiply by the derivative of the inside, \\(2x\\).",
                ),
                Mistake(
                    wrong_inner,
                    "The outer derivative is evaluated at the inside: "
                    "\\(\\cos(x^2)\\), not \\(\\cos x\\).",
                ),
            ),
        ),
        Numeric(
            id="jacobian-tanh",
            prompt=(
                "Let \\(f(x) = \\tanh(Wx)\\) with \\(W = \\begin{bmatrix} 1 & 2 \\\\ 0 & -1 "
                "\\end{bmatrix}\\). What is the Jacobian entry "
                "\\(J_{12} = \\partial f_1/\\partial x_2\\) at \\(x = (0.5, 0)\\)? "
                "Give 2 decimals."
            ),
            answer=J01,
            tolerance=0.005,
            solution=(
                f"\\(J = \\mathrm{{diag}}(1 - \\tanh^2(z))\\,W\\) with \\(z = Wx\\); "
                f"\\(z_1 = {z0:g}\\), so \\(J_{{12}} = (1 - \\tanh^2({z0:g}))\\,W_{{12}} "
                f"\\approx {slope:.4f}\\times 2 \\approx {J01:.3f}\\)."
            ),
            hint="Use the chain rule: the derivative of \\(\\tanh\\) at \\(z_1\\) times \\(W_{12}\\).",
            mistakes=(
                Mistake(
                    W[0, 1],
                    "That is \\(W_{12}\\) alone: multiply by "
                    "\\(\\tanh'(z_1) = 1 - \\tanh^2(z_1)\\).",
                ),
                Mistake(
                    float((1 - np.tanh(z0)) * W[0, 1]),
                    "\\(\\tanh' = 1 - \\tanh^2\\): square the \\(\\tanh\\).",
                ),
            ),
        ),
    ]
