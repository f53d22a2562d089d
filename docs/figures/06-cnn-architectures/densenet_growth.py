"""DenseNet-121's channel count layer by layer: +k per dense layer, halved at each transition."""

from matplotlib.figure import Figure

from syllabus_code.models.densenet import block_channels

BLOCKS = (6, 12, 24, 16)
K = 32


def make_figure():
    fig = Figure(figsize=(8, 3.4))
    ax = fig.subplots()
    x, xs, ys = 0, [], []
    for b, ((c_in, c_out), layers) in enumerate(
        zip(block_channels(64, K, BLOCKS), BLOCKS), start=1
    ):
        counts = [c_in + l * K for l in range(layers + 1)]  # after 0, 1, ..., L layers
        xs_block = list(range(x, x + layers + 1))
        ax.plot(xs_block, counts, marker="o", ms=3, color="tab:blue")
        ax.annotate(
            f"block {b}\n{c_in} → {c_out}",
            (xs_block[-1], counts[-1]),
            textcoords="offset points",
            xytext=(-10, 8),
            ha="right",
            fontsize=9,
        )
        xs += xs_block
        ys += counts
        x += layers + 1
        if b < len(BLOCKS):
            # transition: θ = 0.5
            ax.plot([x - 1, x], [c_out, c_out // 2], ls="--", color="tab:orange")
    ax.set_xlabel(
        "position in the network (each block: its input, then after each dense layer)"
    )
    ax.set_ylabel("channels")
    ax.set_title(
        "DenseNet-121: c₀ + ℓ·k inside a block (k = 32), halved by each transition (dashed)"
    )
    ax.set_ylim(0, max(ys) * 1.2)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig
