"""Error of forward and central differences for d/dx sin(x) at x = 1, as the step h shrinks."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.maths.derivatives import central_difference, forward_difference


def make_figure():
    x0, exact = 1.0, np.cos(1.0)
    hs = np.logspace(-15, -1, 57)
    fwd = [abs(forward_difference(np.sin, x0, h) - exact) for h in hs]
    cen = [abs(central_difference(np.sin, x0, h) - exact) for h in hs]
    eps = np.finfo(np.float64).eps
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    ax.loglog(
        hs, np.maximum(fwd, 1e-18), "o-", ms=3, label="forward  (f(x+h) - f(x)) / h"
    )
    ax.loglog(
        hs, np.maximum(cen, 1e-18), "s-", ms=3, label="central  (f(x+h) - f(x-h)) / 2h"
    )
    ax.loglog(
        hs, hs / 2 * np.sin(x0), "--", c="C0", lw=1, alpha=0.7, label="truncation ~ h"
    )
    ax.loglog(
        hs,
        hs**2 / 6 * np.cos(x0),
        "--",
        c="C1",
        lw=1,
        alpha=0.7,
        label="truncation ~ h²",
    )
    ax.loglog(hs, eps / hs, ":", c="grey", lw=1, label="round-off ~ ε/h")
    ax.axvline(eps ** (1 / 3), c="C1", lw=0.8, alpha=0.5)
    ax.set_ylim(1e-13, 1e1)
    ax.set_xlabel("step h")
    ax.set_ylabel("|estimate - cos(1)|")
    ax.set_title("Finite-difference error for d/dx sin(x) at x = 1")
    ax.legend(fontsize=8, loc="upper center")
    fig.tight_layout()
    return fig
