"""Entropy of a coin with P(heads) = p, and KL(P || Q) against a fixed Q = (0.3, 0.7)."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.maths.information import cross_entropy, entropy, kl_divergence


def make_figure():
    p = np.linspace(0, 1, 201)
    P = np.stack([p, 1 - p], axis=1)  # (201, 2)
    Q = np.tile([0.3, 0.7], (201, 1))
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    ax.plot(p, entropy(P, base=2), label="H(P)")
    ax.plot(p, cross_entropy(P, Q, base=2), label="H(P, Q), Q = (0.3, 0.7)")
    ax.plot(p, kl_divergence(P, Q, base=2), label="KL(P || Q) = H(P, Q) - H(P)")
    ax.axvline(0.3, c="grey", lw=0.6, ls=":")
    ax.set_xlabel("p = P(heads)")
    ax.set_ylabel("bits")
    ax.set_title("Entropy, cross-entropy and KL for a coin")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig
