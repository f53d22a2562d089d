"""Gradient descent on the double well f(x) = x⁴ - 2x² + 0.3x from several starting points."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.maths.optimize import gradient_descent

f = lambda x: x**4 - 2 * x**2 + 0.3 * x
df = lambda x: 4 * x**3 - 4 * x + 0.3


def make_figure():
    xs = np.linspace(-1.8, 1.8, 400)
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    ax.plot(xs, f(xs), c="k", lw=1.2)
    for i, x0 in enumerate((-1.6, -0.3, 0.2, 1.7)):
        path = gradient_descent(df, x0, 0.05, 40)[:, 0]
        ax.plot(
            path,
            f(path),
            "o-",
            ms=3,
            lw=0.8,
            c=f"C{i}",
            label=f"start {x0:+.1f} → {path[-1]:+.3f}",
        )
    ax.set_ylim(-2.0, 2.5)
    ax.set_xlabel("x")
    ax.set_ylabel("f(x)")
    ax.set_title("Non-convex: where you start decides where you end")
    ax.legend(fontsize=8, loc="upper center")
    fig.tight_layout()
    return fig
