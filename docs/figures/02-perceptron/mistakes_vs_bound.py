"""Mistakes made by the perceptron against Novikoff's bound (R/γ)², as the margin shrinks."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.ml.perceptron import novikoff_bound, separable_data, train_perceptron


def make_figure():
    w_star, b_star = (1.0, -1.0), 0.2
    margins = [0.01, 0.02, 0.05, 0.1, 0.2]
    fig, ax = plt.subplots(figsize=(6.0, 3.8))
    for k, mm in enumerate(margins):
        bounds, mistakes = [], []
        for seed in range(6):
            X, y = separable_data(
                100, np.random.default_rng(seed), w=w_star, b=b_star, min_margin=mm
            )
            bounds.append(novikoff_bound(X, y, w_star, b_star))
            mistakes.append(train_perceptron(X, y, max_epochs=10_000).mistakes)
        ax.scatter(
            bounds,
            mistakes,
            s=22,
            color=plt.cm.viridis(k / (len(margins) - 1)),
            label=f"min margin {mm}",
        )
    lim = np.array([3, 4e4])
    ax.plot(lim, lim, "k--", lw=1, label="mistakes = bound")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Novikoff bound (R/γ)²")
    ax.set_ylabel("mistakes until convergence")
    ax.set_title("Every point lies below the diagonal")
    ax.legend(frameon=False, fontsize=8, loc="upper left")
    fig.tight_layout()
    return fig
