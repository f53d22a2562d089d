"""Cost of a depthwise separable convolution relative to a standard one, 1/C_out + 1/k², against C_out."""

import numpy as np
from matplotlib.figure import Figure

from syllabus_code.models.mobilenet import separable_cost_ratio


def make_figure():
    c_out = np.unique(np.geomspace(8, 2048, 60).astype(int))
    fig = Figure(figsize=(7, 3.8))
    ax = fig.subplots()
    for k, colour in ((3, "tab:blue"), (5, "tab:orange"), (7, "tab:green")):
        ratio = [separable_cost_ratio(int(c), k) for c in c_out]
        ax.plot(c_out, ratio, color=colour, label=f"k = {k}")
        ax.axhline(1 / k**2, color=colour, ls=":", lw=1)
        ax.text(2100, 1 / k**2, f"1/{k * k}", color=colour, va="center", fontsize=9)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("output channels C_out")
    ax.set_ylabel("separable / standard cost")
    ax.set_title(
        "1/C_out + 1/k²: the pointwise part fades, the depthwise part sets the floor"
    )
    ax.legend()
    fig.tight_layout()
    return fig
