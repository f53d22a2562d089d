"""Gradient descent on the bowl L(x, y) = (x² + 10 y²) / 2 with three learning rates."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.maths.optimize import gradient_descent

A = np.diag([1.0, 10.0])


def make_figure():
    grad = lambda v: A @ v
    xs, ys = np.meshgrid(np.linspace(-2.2, 2.2, 200), np.linspace(-1.6, 1.6, 200))
    L = 0.5 * (xs**2 + 10 * ys**2)
    fig, axes = plt.subplots(1, 3, figsize=(10.5, 3.3), sharey=True)
    for ax, lr, title in zip(
        axes,
        (0.05, 0.18, 0.205),
        (
            "α = 0.05: slow",
            "α = 0.18: zig-zag, converges",
            "α = 0.205 > 2/10: diverges",
        ),
    ):
        path = gradient_descent(grad, [-2.0, 1.0], lr, 25)
        ax.contour(
            xs, ys, L, levels=np.geomspace(0.05, 20, 12), colors="grey", linewidths=0.5
        )
        ax.plot(path[:, 0], path[:, 1], "o-", c="C3", ms=3, lw=1)
        ax.plot([0], [0], "k*", ms=9)
        ax.set_xlim(-2.2, 2.2)
        ax.set_ylim(-1.6, 1.6)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("x")
    axes[0].set_ylabel("y")
    fig.tight_layout()
    return fig
