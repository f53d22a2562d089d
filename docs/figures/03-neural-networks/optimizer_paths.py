"""Gradient descent, momentum and Adam on Module 0's bowl L(x, y) = (x² + 10 y²) / 2."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.numpy_nn import adam_update, momentum_update, sgd_update

A = np.diag([1.0, 10.0])
KAPPA = 10.0  # condition number λ1 / λn
POLYAK = {
    "lr": 4 / (np.sqrt(KAPPA) + 1) ** 2,  # Polyak's best heavy ball for λ in [1, 10]
    "beta": ((np.sqrt(KAPPA) - 1) / (np.sqrt(KAPPA) + 1)) ** 2,
}


def path(update, hp, steps=60, start=(-2.0, 1.0)):
    """The iterates θ_0, ..., θ_steps of one update rule on the bowl (gradient Aθ)."""
    theta, state, out = np.array(start), None, [np.array(start)]
    for _ in range(steps):
        theta, state = update(theta, A @ theta, state, **hp)
        out.append(theta)
    return np.array(out)


def make_figure():
    runs = [
        ("gradient descent, α = 0.18", sgd_update, {"lr": 0.18}),
        ("momentum, α = 0.05, β = 0.9", momentum_update, {"lr": 0.05, "beta": 0.9}),
        (
            f"momentum, Polyak's α = {POLYAK['lr']:.3f}, β = {POLYAK['beta']:.3f}",
            momentum_update,
            POLYAK,
        ),
        ("Adam, α = 0.1", adam_update, {"lr": 0.1}),
    ]
    xs, ys = np.meshgrid(np.linspace(-2.4, 2.4, 200), np.linspace(-1.6, 1.6, 200))
    L = 0.5 * (xs**2 + 10 * ys**2)
    fig, axes = plt.subplots(2, 2, figsize=(8.4, 6.0), sharex=True, sharey=True)
    for ax, (title, update, hp) in zip(axes.ravel(), runs):
        p = path(update, hp)
        ax.contour(
            xs, ys, L, levels=np.geomspace(0.05, 20, 12), colors="grey", linewidths=0.5
        )
        ax.plot(p[:, 0], p[:, 1], "o-", c="C3", ms=2.5, lw=0.9)
        ax.plot(*p[0], "ko", ms=4)
        ax.plot([0], [0], "k*", ms=9)
        ax.set_xlim(-2.4, 2.4)
        ax.set_ylim(-1.6, 1.6)
        ax.set_title(title, fontsize=9.5)
    for ax in axes[1]:
        ax.set_xlabel("x")
    for ax in axes[:, 0]:
        ax.set_ylabel("y")
    fig.suptitle("60 steps from (-2, 1) on L = (x² + 10 y²) / 2", fontsize=10)
    fig.tight_layout()
    return fig
