"""The element-wise activations of Module 3 (left) and their derivatives (right)."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.numpy_nn.activations import ACTIVATIONS


def make_figure():
    z = np.linspace(-4, 4, 801)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.8, 3.6), sharex=True)
    for name in ("sigmoid", "tanh", "relu", "leaky_relu", "elu"):
        g, g_prime = ACTIVATIONS[name]
        kw = {"alpha": 0.1} if name == "leaky_relu" else {}
        label = name + (" (α = 0.1)" if kw else "")
        ax1.plot(z, g(z, **kw), label=label)
        ax2.plot(z, g_prime(z, **kw), label=label)
    ax1.set_title("activation g(z)")
    ax2.set_title("derivative g′(z)")
    for ax in (ax1, ax2):
        ax.axhline(0, color="0.6", lw=0.6)
        ax.axvline(0, color="0.6", lw=0.6)
        ax.set_xlabel("z")
    ax1.set_ylim(-1.5, 4)
    ax2.set_ylim(-0.1, 1.15)
    ax1.legend(fontsize=8)
    fig.tight_layout()
    return fig
