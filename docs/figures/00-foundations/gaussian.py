"""Gaussian densities for several means and standard deviations."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.maths.probability import gaussian_pdf


def make_figure():
    x = np.linspace(-5, 5, 400)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    for mu, sigma in ((0, 1), (0, 0.5), (0, 2), (1.5, 1)):
        ax.plot(x, gaussian_pdf(x, mu, sigma), label=f"μ = {mu}, σ = {sigma}")
    ax.set_xlabel("x")
    ax.set_ylabel("p(x; μ, σ²)")
    ax.set_title("The Gaussian density")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig
