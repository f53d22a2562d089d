"""Monte-Carlo bias², variance and expected test MSE of polynomial fits of rising degree."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.ml.bias_variance import bias_variance


def make_figure():
    degrees = list(range(0, 9))
    rs = [bias_variance(d, trials=80, rng=np.random.default_rng(0)) for d in degrees]
    fig, ax = plt.subplots(figsize=(8.0, 3.6))
    ax.plot(degrees, [r.bias2 for r in rs], "o-", label="bias²")
    ax.plot(degrees, [r.variance for r in rs], "s-", label="variance")
    ax.axhline(rs[0].noise, color="gray", ls=":", label="noise σ²")
    ax.plot(degrees, [r.total for r in rs], "k-", lw=2, label="bias² + variance + σ²")
    ax.plot(
        degrees,
        [r.expected_mse for r in rs],
        "x",
        color="tab:red",
        ms=9,
        mew=2,
        label="measured expected test MSE",
    )
    ax.set_yscale("log")
    ax.set_xlabel("polynomial degree")
    ax.set_ylabel("squared error (log scale)")
    ax.set_title("30 training points, 80 training sets per degree")
    ax.legend(frameon=False, fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5))
    fig.tight_layout()
    return fig
