"""Self-check questions for docs/00-foundations/optimization.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.maths.linalg import symmetric_eigen
from syllabus_code.maths.optimize import gradient_descent, min_convexity_gap
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def questions():
    A = np.diag([2.0, 8.0])
    eigvals, _ = symmetric_eigen(A)
    lam_max, lam_min = float(eigvals.max()), float(eigvals.min())
    limit = 2 / lam_max

    B = np.diag([1.0, 10.0])
    lr, steps = 0.15, 3
    path = gradient_descent(lambda v: B @ v, [-2.0, 1.0], lr, steps)
    y3 = float(path[-1][1])
    factor = 1 - 10 * lr

    funcs = {
        "\\(f(x) = x^2\\)": lambda v: float(v[0] ** 2),
        "\\(f(x) = |x|\\)": lambda v: float(abs(v[0])),
        "\\(f(x) = \\max(0, x)\\)": lambda v: float(max(0.0, v[0])),
        "\\(f(x) = \\sin x\\) on \\([-3, 3]\\)": lambda v: float(np.sin(v[0])),
    }
    not_convex = {
        name: min_convexity_gap(f, -3, 3, samples=200) < -1e-12
        for name, f in funcs.items()
    }
    why = {
        "\\(f(x) = x^2\\)": "\\(x^2\\) is convex: its second derivative is 2 > 0.",
        "\\(f(x) = |x|\\)": "\\(|x|\\) is convex (a kink does not break convexity): every chord lies on or above it.",
        "\\(f(x) = \\max(0, x)\\)": "ReLU is convex: the maximum of two linear functions.",
        "\\(f(x) = \\sin x\\) on \\([-3, 3]\\)": "Right: on \\([0, 3]\\) \\(\\sin\\) is concave, so chords there lie below it.",
    }
    return [
        Numeric(
            id="lr-limit",
            prompt=(
                "Gradient descent on \\(L(\\theta) = \\tfrac12\\theta^\\top A\\theta\\) with "
                "\\(A = \\mathrm{diag}(2, 8)\\) converges from every start exactly when the "
                "learning rate \\(\\alpha\\) is below a limit. What is the limit? "
                "Give 3 decimals."
            ),
            answer=limit,
            tolerance=0.0005,
            solution=(
                f"Each coordinate is multiplied by \\(1 - \\alpha\\lambda_i\\) per step; "
                f"all shrink iff \\(|1 - \\alpha\\lambda_i| < 1\\) for every \\(i\\), i.e. "
                f"\\(\\alpha < 2/\\lambda_{{\\max}} = 2/{lam_max:g} = {limit:g}\\)."
            ),
            hint="Find the factor each coordinate is multiplied by per step; the steepest "
            "direction sets the limit.",
            mistakes=(
                Mistake(
                    2 / lam_min,
                    "The *largest* eigenvalue sets the limit: the steepest "
                    "direction diverges first.",
                ),
                Mistake(
                    1 / lam_max,
                    "At \\(\\alpha = 1/\\lambda_{\\max}\\) the factor is 0; it "
                    "stays below 1 in size until \\(2/\\lambda_{\\max}\\).",
                ),
            ),
        ),
        Numeric(
            id="gd-steps",
            prompt=(
                f"On the bowl \\(L(x, y) = \\tfrac12(x^2 + 10y^2)\\), start at \\((-2, 1)\\) "
                f"and take {steps} gradient-descent steps with \\(\\alpha = {lr}\\). "
                "What is \\(y\\) after them? Give 3 decimals."
            ),
            answer=y3,
            tolerance=0.0005,
            solution=(
                f"\\(y_{{t+1}} = (1 - 10\\alpha)\\,y_t = ({factor:g})\\,y_t\\), so "
                f"\\(y_{steps} = ({factor:g})^{steps}\\times 1 = {y3:g}\\): the "
                "iterate zig-zags across the valley while shrinking."
            ),
            hint="The gradient in \\(y\\) is \\(10y\\): each step multiplies \\(y\\) by the same factor.",
            mistakes=(
                Mistake(
                    abs(y3),
                    "Mind the sign: \\(1 - 10\\alpha\\) is negative, so \\(y\\) "
                    "changes sign at every step.",
                ),
                Mistake(
                    float((1 - lr) ** steps),
                    "That is the factor of \\(x\\), "
                    "\\(1 - \\alpha\\); \\(y\\)'s curvature is 10.",
                ),
            ),
        ),
        Choice(
            id="convex",
            prompt="Which of these functions is **not** convex?",
            options=tuple(Option(name, not_convex[name], why[name]) for name in funcs),
            solution=(
                "Convex means every chord lies on or above the graph: "
                "\\(f(tx + (1-t)y) \\le tf(x) + (1-t)f(y)\\). A random search for a "
                "chord below the graph (`min_convexity_gap`) finds one only for "
                "\\(\\sin\\)."
            ),
        ),
    ]
