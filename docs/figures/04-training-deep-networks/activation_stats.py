"""Std of the activations through 50 layers for several initialisations: tanh (left), ReLU (right)."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.numpy_nn.init import activation_stats


def make_figure():
    depth, width, n = 50, 128, 200
    layers = np.arange(1, depth + 1)
    panels = [
        (
            "tanh",
            [
                ("Xavier normal", "xavier_normal", None),
                ("He normal", "he_normal", None),
                ("N(0, 0.01²)  too small", "normal", 0.01),
                ("N(0, 0.2²)  too large", "normal", 0.2),
            ],
        ),
        (
            "relu",
            [
                ("He normal", "he_normal", None),
                ("Xavier normal", "xavier_normal", None),
                ("N(0, 0.01²)  too small", "normal", 0.01),
                ("N(0, 0.2²)  too large", "normal", 0.2),
            ],
        ),
    ]
    colors = ["tab:blue", "tab:green", "tab:gray", "tab:red"]
    fig, axes = plt.subplots(1, 2, figsize=(9.0, 3.8), sharey=True)
    for ax, (act, runs) in zip(axes, panels):
        for (label, scheme, std), color in zip(runs, colors):
            stds = activation_stats(depth, width, act, scheme, std=std, n=n)
            ax.semilogy(layers, stds, color=color, label=label)
        ax.set_title(f"{act}, width {width}")
        ax.set_xlabel("layer")
        ax.set_ylim(1e-20, 1e20)
        ax.grid(True, alpha=0.3)
        ax.legend(frameon=False, fontsize=8)
    axes[0].set_ylabel("std of activations a^(l)")
    fig.tight_layout()
    return fig
