"""A perceptron's decision boundary on separable data, beside the separator used for the bound."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.ml.perceptron import (
    margin,
    novikoff_bound,
    separable_data,
    train_perceptron,
)


def make_figure():
    w_star, b_star = np.array([1.0, -1.0]), 0.2
    X, y = separable_data(
        120, np.random.default_rng(0), w=w_star, b=b_star, min_margin=0.08
    )
    r = train_perceptron(X, y, lr=1.0)
    bound = novikoff_bound(X, y, w_star, b_star)
    t = np.linspace(-1.1, 1.1, 2)
    fig, ax = plt.subplots(figsize=(5.0, 5.4))
    ax.scatter(*X[y > 0].T, marker="+", color="tab:blue", label="y = +1")
    ax.scatter(
        *X[y < 0].T,
        marker="o",
        facecolor="none",
        edgecolor="tab:orange",
        label="y = −1",
    )
    ax.plot(
        t,
        -(w_star[0] * t + b_star) / w_star[1],
        "k--",
        lw=1,
        label="separator used for γ",
    )
    ax.plot(
        t,
        -(r.w[0] * t + r.b) / r.w[1],
        color="tab:red",
        lw=2,
        label="perceptron's boundary",
    )
    ax.set_xlim(-1.1, 1.1)
    ax.set_ylim(-1.1, 1.1)
    ax.set_aspect("equal")
    ax.set_title(
        f"{r.mistakes} mistakes in {r.epochs} epochs; bound (R/γ)² = {bound:.0f}\n"
        f"γ = {margin(X, y, w_star, b_star):.3f} (augmented)",
        fontsize=9,
    )
    ax.legend(
        frameon=False,
        fontsize=8,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.1),
        ncol=2,
    )
    fig.tight_layout()
    return fig
