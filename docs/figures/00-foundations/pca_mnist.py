"""PCA of 2,000 MNIST test images: explained variance and the first eight components."""

import matplotlib.pyplot as plt
import numpy as np

# the data root comes from SYLLABUS_DATA (the Makefile sets it)
from syllabus_code import data
from syllabus_code.maths.linalg import pca


def make_figure():
    images, _ = data.load_arrays("mnist", train=False)
    X = images[:2000].reshape(2000, -1).astype(np.float64)  # (2000, 784)
    res = pca(X, 784)
    cum = np.cumsum(res.explained_ratio)
    fig = plt.figure(figsize=(9, 3.6))
    ax = fig.add_axes([0.07, 0.15, 0.36, 0.75])
    ax.plot(np.arange(1, 785), cum, c="C0")
    for target in (0.5, 0.9, 0.95):
        k = int(np.searchsorted(cum, target) + 1)
        ax.axhline(target, c="grey", lw=0.6, ls=":")
        ax.plot([k], [cum[k - 1]], "o", c="C1", ms=4)
        ax.annotate(
            f"{target:.0%}: k = {k}",
            (k, cum[k - 1]),
            textcoords="offset points",
            xytext=(8, -12),
            fontsize=8,
        )
    ax.set_xscale("log")
    ax.set_xlabel("number of components k")
    ax.set_ylabel("cumulative explained variance")
    ax.set_title("Explained variance (2,000 MNIST digits)", fontsize=10)
    for i in range(8):
        sub = fig.add_axes([0.5 + 0.12 * (i % 4), 0.52 - 0.42 * (i // 4), 0.11, 0.36])
        comp = res.components[i].reshape(28, 28)
        lim = np.abs(comp).max()
        sub.imshow(comp, cmap="RdBu_r", vmin=-lim, vmax=lim)
        sub.set_title(f"PC{i + 1}: {res.explained_ratio[i]:.1%}", fontsize=8)
        sub.axis("off")
    fig.text(
        0.74,
        0.95,
        "first principal components (red +, blue -)",
        ha="center",
        fontsize=10,
    )
    return fig
