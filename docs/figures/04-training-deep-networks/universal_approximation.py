"""One hidden layer of sigmoids approximating sin(2πx): hand-built staircases for several N, and max error vs N."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.numpy_nn import sigmoid


def f(x):
    return np.sin(2 * np.pi * x)


def staircase(x, n, steepness=40.0):
    """F(x) = f(0) + Σ_k (f(x_k) - f(x_{k-1})) σ(s (x - t_k)), as on the page."""
    grid = np.linspace(0, 1, n + 1)
    s = steepness * n
    mid = (grid[:-1] + grid[1:]) / 2
    return f(grid[0]) + sigmoid(s * (x - mid)) @ np.diff(f(grid))  # x: (m, 1) -> (m,)


def make_figure():
    x = np.linspace(0, 1, 2001).reshape(-1, 1)
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(9.0, 3.6))
    ax.plot(x, f(x), color="black", lw=2, label="f(x) = sin(2πx)")
    for n, color in ((4, "tab:red"), (8, "tab:orange"), (32, "tab:blue")):
        ax.plot(x, staircase(x, n), color=color, lw=1, label=f"N = {n} hidden units")
    ax.set_xlabel("x")
    ax.legend(frameon=False, fontsize=8)
    ax.set_title("hand-built one-hidden-layer networks")
    ns = 2 ** np.arange(1, 11)
    err = [np.max(np.abs(staircase(x, n) - f(x).ravel())) for n in ns]
    bx.loglog(ns, err, "o-", color="tab:blue", label="max |F(x) − f(x)| on [0, 1]")
    bx.loglog(ns, np.pi / ns, "--", color="gray", label="π/N (the bound from the page)")
    bx.set_xlabel("hidden units N")
    bx.set_title("error falls like 1/N")
    bx.legend(frameon=False, fontsize=8)
    bx.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    return fig
