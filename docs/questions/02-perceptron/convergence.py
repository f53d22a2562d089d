"""Self-check questions for docs/02-perceptron/convergence.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.ml.perceptron import augment, margin, novikoff_bound
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def questions():
    X = np.array([[2.0, 0.0], [0.0, 2.0]])
    y = np.array([1, -1])
    u, u0 = np.array([1.0, -1.0]), 0.5
    gamma = margin(X, y, u, u0)
    bound = novikoff_bound(X, y, u, u0)
    R = float(np.max(np.linalg.norm(augment(X), axis=1)))
    R_plain = float(np.max(np.linalg.norm(X, axis=1)))
    scores = y * (X @ u + u0)
    gamma_plain = float(scores.min() / np.linalg.norm(u))
    norm = float(np.linalg.norm(np.append(u, u0)))
    data = "\\(x_1 = (2, 0), y_1 = +1\\) and \\(x_2 = (0, 2), y_2 = -1\\)"
    return [
        Numeric(
            id="margin",
            prompt=(
                f"The data are {data}. What is the margin \\(\\gamma\\) (in the augmented "
                f"sense of this page) of the separator \\(u = (1, -1)\\), \\(u_0 = {u0}\\)? "
                "Give 2 decimals."
            ),
            answer=gamma,
            tolerance=0.005,
            solution=(
                f"\\(y_i(u^\\top x_i + u_0)\\) is {scores[0]:g} and {scores[1]:g}; the "
                f"bias counts in the norm: \\(\\|(u, u_0)\\| = \\sqrt{{1 + 1 + {u0**2:g}}}"
                f" = {norm:g}\\). So \\(\\gamma = {scores.min():g}/{norm:g} = {gamma:g}\\)."
            ),
            hint="Take the smallest \\(y_i(u^\\top x_i + u_0)\\) and divide by the norm of "
            "\\((u, u_0)\\), bias included.",
            mistakes=(
                Mistake(
                    gamma_plain,
                    "You divided by \\(\\|u\\|\\) only; in the augmented "
                    "space the bias \\(u_0\\) counts in the norm.",
                ),
                Mistake(
                    float(scores.min()),
                    "Divide the smallest score by the norm \\(\\|(u, u_0)\\|\\).",
                ),
            ),
        ),
        Numeric(
            id="bound",
            prompt=(
                f"For the same data ({data}) and separator, what is Novikoff's bound "
                "\\((R/\\gamma)^2\\) on the number of mistakes? Give 2 decimals."
            ),
            answer=bound,
            tolerance=0.005,
            solution=(
                f"\\(R = \\max_i \\|(x_i, 1)\\| = \\sqrt{{4 + 1}} \\approx {R:.4f}\\) (the "
                f"augmented points), \\(\\gamma = {gamma:g}\\), so "
                f"\\((R/\\gamma)^2 = {bound:g}\\)."
            ),
            hint="\\(R\\) is the radius of the *augmented* points \\((x_i, 1)\\).",
            mistakes=(
                Mistake(
                    (R_plain / gamma) ** 2,
                    "\\(R\\) is the norm of the augmented "
                    "\\((x_i, 1)\\), not of \\(x_i\\).",
                ),
                Mistake(R / gamma, "The bound is the *square* of \\(R/\\gamma\\)."),
                Mistake(
                    (R / gamma_plain) ** 2,
                    "In \\(\\gamma\\), the bias counts in the norm of the separator.",
                ),
            ),
        ),
        Choice(
            id="depends-on",
            prompt="What does Novikoff's bound on the number of mistakes depend on?",
            options=(
                Option(
                    "The learning rate \\(\\alpha\\)",
                    False,
                    "\\(\\alpha\\) cancels in step 3 of the proof: from a zero start it only "
                    "scales \\(w\\).",
                ),
                Option(
                    "The number of training examples",
                    False,
                    "The bound holds for any number of examples with the same "
                    "\\(R\\) and \\(\\gamma\\).",
                ),
                Option(
                    "The dimension of the inputs",
                    False,
                    "Dimension enters only through \\(R\\) and \\(\\gamma\\).",
                ),
                Option(
                    "Only the ratio \\(R/\\gamma\\) of the data's radius to the margin",
                    True,
                    "Right: the number of examples, the dimension and the learning rate "
                    "do not appear.",
                ),
            ),
            solution=(
                "\\(k\\alpha\\gamma \\le \\tilde u^\\top\\tilde w_k \\le \\|\\tilde w_k\\| "
                "\\le \\sqrt k\\,\\alpha R\\) gives \\(k \\le (R/\\gamma)^2\\)."
            ),
        ),
    ]
