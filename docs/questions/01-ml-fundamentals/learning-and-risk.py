"""Self-check questions for docs/01-ml-fundamentals/learning-and-risk.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.ml.risk import (
    LinearGaussianTask,
    absolute_loss,
    empirical_risk,
    squared_loss,
)
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def questions():
    task = LinearGaussianTask(slope=3.0, intercept=-1.0, noise_std=0.5)
    a, c = 2.0, 1.0
    risk = task.expected_risk(a, c)
    no_noise = risk - task.noise_std**2
    sigma_not_squared = no_noise + task.noise_std

    x = np.array([0.0, 1.0, 2.0, 3.0])
    y = np.array([1.0, 2.0, 6.0, 5.0])
    f = lambda t: 2 * t  # noqa: E731
    r_sq = empirical_risk(f, x, y, squared_loss)
    r_abs = empirical_risk(f, x, y, absolute_loss)
    total = float(squared_loss(f(x), y).sum())
    errors = ", ".join(f"{v:g}" for v in f(x) - y)
    return [
        Numeric(
            id="expected-risk",
            prompt=(
                f"Inputs \\(x \\sim \\mathcal N(0, 1)\\) and \\(y = {task.slope:g}x "
                f"{task.intercept:+g} + \\varepsilon\\) with "
                f"\\(\\varepsilon \\sim \\mathcal N(0, {task.noise_std}^2)\\). What is the "
                f"expected squared-loss risk \\(R(f)\\) of \\(f(x) = {a:g}x + {c:g}\\)? "
                "Give 2 decimals."
            ),
            answer=risk,
            tolerance=0.005,
            solution=(
                f"\\(R(f) = (a - \\beta_1)^2 + (c - \\beta_0)^2 + \\sigma^2 = "
                f"({a:g} - {task.slope:g})^2 + ({c:g} - ({task.intercept:g}))^2 + "
                f"{task.noise_std}^2 = {(a - task.slope) ** 2:g} + "
                f"{(c - task.intercept) ** 2:g} + {task.noise_std**2:g} = {risk:g}\\)."
            ),
            hint="Use \\(R(f) = (a - \\beta_1)^2 + (c - \\beta_0)^2 + \\sigma^2\\).",
            mistakes=(
                Mistake(
                    no_noise,
                    "You left out the irreducible noise \\(\\sigma^2\\): "
                    "even the best predictor has risk \\(\\sigma^2\\).",
                ),
                Mistake(
                    sigma_not_squared,
                    "The noise term is the *variance* "
                    "\\(\\sigma^2\\), not \\(\\sigma\\).",
                ),
            ),
        ),
        Numeric(
            id="empirical-risk",
            prompt=(
                "The predictor \\(f(x) = 2x\\) is evaluated on the four pairs "
                "\\((0, 1), (1, 2), (2, 6), (3, 5)\\). What is its empirical risk "
                "\\(\\hat R_4(f)\\) with the squared loss?"
            ),
            answer=r_sq,
            tolerance=0.005,
            solution=(
                f"The errors \\(f(x_i) - y_i\\) are {errors}; their squares average to "
                f"\\({total:g}/4 = {r_sq:g}\\)."
            ),
            hint="Average \\((f(x_i) - y_i)^2\\) over the four pairs.",
            mistakes=(
                Mistake(
                    total,
                    "That is the sum of the losses: the empirical risk is their mean.",
                ),
                Mistake(r_abs, "That is the mean *absolute* error; square the errors."),
            ),
        ),
        Choice(
            id="training-risk",
            prompt=(
                "A flexible model \\(\\hat f\\), chosen by minimising \\(\\hat R_n\\), reaches "
                "\\(\\hat R_n(\\hat f) = 0\\) on its training set. What does this say about "
                "its expected risk \\(R(\\hat f)\\)?"
            ),
            options=(
                Option(
                    "\\(R(\\hat f) = 0\\) up to an error of order \\(1/\\sqrt n\\)",
                    False,
                    "That holds for an \\(f\\) fixed before seeing the sample, not for one "
                    "chosen by minimising the same sample's risk.",
                ),
                Option(
                    "\\(R(\\hat f) = 0\\) exactly, since the data come from \\(P\\)",
                    False,
                    "The risk includes the irreducible noise \\(\\sigma^2 > 0\\), and the "
                    "training set is only a sample of \\(P\\).",
                ),
                Option(
                    "Little: \\(\\hat R_n(\\hat f)\\) is biased downwards because "
                    "\\(\\hat f\\) was picked for its low training risk",
                    True,
                    "Right: the law of large numbers holds for a *fixed* \\(f\\); for the "
                    "minimiser the training risk is optimistic, and memorising gives 0.",
                ),
            ),
            solution=(
                "Estimate \\(R(\\hat f)\\) on data the choice of \\(\\hat f\\) never saw "
                "(a test set): there \\(\\hat f\\) is fixed, and the test risk is an "
                "unbiased estimate."
            ),
        ),
        Choice(
            id="kinds",
            prompt=(
                "A data set holds 10 000 photos with no labels, and we want to group similar "
                "photos together. Which kind of learning is this?"
            ),
            options=(
                Option(
                    "Supervised learning",
                    False,
                    "Supervised learning needs pairs \\((x_i, y_i)\\) with targets; these "
                    "photos have none.",
                ),
                Option(
                    "Unsupervised learning",
                    True,
                    "Right: only inputs \\(x_i\\) are given; clustering finds structure in "
                    "\\(P(x)\\).",
                ),
                Option(
                    "Reinforcement learning",
                    False,
                    "There is no agent, action or reward here, only a fixed set of inputs.",
                ),
            ),
            solution="No targets, no rewards, structure in the inputs alone: unsupervised.",
        ),
    ]
