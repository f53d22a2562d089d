"""The outline's 5x5 worked example: input, kernel and the 3x3 output map, first window highlighted."""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from syllabus_code.numpy_nn.conv import conv2d_forward

IMAGE = np.array(
    [
        [-1, 2, 3, 4, 5],
        [-2, 4, 3, -1, 1],
        [2, 3, -8, 5, 6],
        [1, -2, 3, 4, 5],
        [5, 4, 0, 2, 1],
    ],
    dtype=float,
)
KERNEL = np.array([[1, 0, -1], [1, 0, -1], [1, 0, -1]], dtype=float)


def _grid(ax, values, title, cmap, highlight=None):
    lim = np.abs(values).max()
    # pale colours: text stays readable
    ax.imshow(values, cmap=cmap, vmin=-2 * lim, vmax=2 * lim)
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=11)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(title)
    if highlight is not None:
        r, c, h, w = highlight
        ax.add_patch(
            Rectangle((c - 0.5, r - 0.5), w, h, fill=False, lw=3, ec="tab:orange")
        )


def make_figure():
    out, _ = conv2d_forward(IMAGE[None, None], KERNEL[None, None], np.zeros(1))
    fig = Figure(figsize=(9, 3.2))
    axes = fig.subplots(1, 3, gridspec_kw={"width_ratios": [5, 3, 3]})
    _grid(axes[0], IMAGE, "input I (5×5)", "RdBu_r", (0, 0, 3, 3))
    _grid(axes[1], KERNEL, "kernel K (3×3)", "RdBu_r")
    _grid(axes[2], out[0, 0], "output (3×3)", "RdBu_r", (0, 0, 1, 1))
    fig.suptitle("output[0, 0] = sum of (orange window × kernel) = 1")
    fig.tight_layout()
    return fig
