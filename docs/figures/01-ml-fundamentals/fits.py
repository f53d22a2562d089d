"""Under- and over-fitting: polynomials of degree 1, 3 and 12 fitted to the same 15 noisy points."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.ml.bias_variance import (
    fit_polynomial,
    predict_polynomial,
    true_function,
)


def make_figure():
    rng = np.random.default_rng(3)
    x = (
        np.arange(15) + rng.uniform(0, 1, 15)
    ) / 15  # one point in each fifteenth of [0, 1]
    y = true_function(x) + 0.3 * rng.standard_normal(15)
    grid = np.linspace(0, 1, 400)
    fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.0), sharey=True)
    for ax, degree, name in zip(
        axes, (1, 3, 12), ("underfit", "about right", "overfit")
    ):
        coef = fit_polynomial(x, y, degree)
        ax.plot(
            grid, true_function(grid), color="gray", ls="--", label="truth sin(2πx)"
        )
        ax.plot(
            grid,
            predict_polynomial(coef, grid),
            color="tab:red",
            label=f"degree {degree}",
        )
        ax.scatter(x, y, s=18, color="black", zorder=3, label="training points")
        ax.set_ylim(-2, 2)
        ax.set_title(f"degree {degree}: {name}")
        ax.set_xlabel("x")
    axes[0].set_ylabel("y")
    axes[0].legend(frameon=False, fontsize=7, loc="lower left")
    fig.tight_layout()
    return fig
