"""Why divide by √d_k: the largest softmax weight of random scores, with and without the scaling."""

import torch
from matplotlib.figure import Figure


def make_figure():
    g = torch.Generator().manual_seed(0)
    dims = [2, 4, 8, 16, 32, 64, 128, 256, 512]
    raw, scaled = [], []
    for d in dims:
        q = torch.randn(200, 1, d, generator=g)
        k = torch.randn(200, 32, d, generator=g)  # 200 queries, each against 32 keys
        scores = (q @ k.transpose(1, 2)).squeeze(1)  # (200, 32), variance d
        raw.append(torch.softmax(scores, -1).max(-1).values.mean().item())
        scaled.append(torch.softmax(scores / d**0.5, -1).max(-1).values.mean().item())
    fig = Figure(figsize=(7, 3.8))
    ax = fig.subplots()
    ax.plot(dims, raw, "o-", label="softmax(q·k)")
    ax.plot(dims, scaled, "s-", label="softmax(q·k / √d_k)")
    ax.axhline(1 / 32, color="grey", ls=":", lw=1)
    ax.text(2, 1 / 32 + 0.02, "uniform over 32 keys", color="grey", fontsize=9)
    ax.set_xscale("log", base=2)
    ax.set_xlabel("d_k")
    ax.set_ylabel("mean of the largest weight")
    ax.set_ylim(0, 1.05)
    ax.set_title("Unscaled scores saturate the softmax as d_k grows")
    ax.legend()
    fig.tight_layout()
    return fig
