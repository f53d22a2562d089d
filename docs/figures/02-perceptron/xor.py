"""XOR: the four points no line separates, and the perceptron's errors per epoch that never reach zero."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.ml.perceptron import train_perceptron, xor_data


def make_figure():
    X, y = xor_data()
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(8.4, 3.4))
    ax0.scatter(
        *X[y > 0].T, marker="+", s=150, color="tab:blue", label="y = +1 (inputs differ)"
    )
    ax0.scatter(
        *X[y < 0].T,
        marker="o",
        s=90,
        facecolor="none",
        edgecolor="tab:orange",
        label="y = −1 (inputs equal)",
    )
    ax0.set_xlim(-0.4, 1.4)
    ax0.set_ylim(-0.4, 1.6)
    ax0.set_aspect("equal")
    ax0.set_xlabel("x₁")
    ax0.set_ylabel("x₂")
    ax0.set_title("XOR: no line puts the + on one side")
    ax0.legend(frameon=False, fontsize=8, loc="upper center")
    for lr, style in ((1.0, "-"), (0.1, "--")):
        r = train_perceptron(X, y, lr=lr, max_epochs=200)
        ax1.plot(
            np.arange(1, r.epochs + 1), r.errors_per_epoch, style, label=f"lr = {lr}"
        )
    ax1.set_ylim(0, 4.5)
    ax1.set_xlabel("epoch")
    ax1.set_ylabel("mistakes in the epoch")
    ax1.set_title("Errors per epoch never reach 0")
    ax1.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig
