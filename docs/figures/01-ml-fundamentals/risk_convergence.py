"""Empirical risk of a fixed predictor on fresh samples of size n, against its exact expected risk."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.ml.risk import LinearGaussianTask, risk_convergence


def make_figure():
    task = LinearGaussianTask(slope=2.0, intercept=0.5, noise_std=1.0)
    a, c = 1.5, 0.0
    ns = np.unique(np.logspace(1, 4, 13).astype(int))
    # (40, len(ns))
    risks = risk_convergence(task, a, c, ns, repeats=40, rng=np.random.default_rng(0))
    exact = task.expected_risk(a, c)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    for j, n in enumerate(ns):
        ax.scatter(
            np.full(risks.shape[0], n),
            risks[:, j],
            s=6,
            color="tab:blue",
            alpha=0.35,
            lw=0,
        )
    lo, hi = np.percentile(risks, [5, 95], axis=0)
    ax.fill_between(
        ns, lo, hi, color="tab:blue", alpha=0.15, label="5–95 % of 40 samples"
    )
    ax.axhline(exact, color="black", lw=1.2, label=f"expected risk R(f) = {exact:.2f}")
    ax.set_xscale("log")
    ax.set_xlabel("sample size n")
    ax.set_ylabel("empirical risk  R̂(f)")
    ax.set_title("f(x) = 1.5x on y = 2x + 0.5 + ε, ε ~ N(0, 1)")
    ax.legend(loc="upper right", frameon=False)
    fig.tight_layout()
    return fig
