"""Per-layer gradient norms ||dL/dW^(l)|| at initialisation of 20-layer MLPs: sigmoid vs ReLU."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.numpy_nn.init import layer_gradient_norms


def make_figure():
    depth, width = 20, 64
    runs = [
        (
            "sigmoid, Xavier normal",
            dict(activation="sigmoid", scheme="xavier_normal"),
            "tab:red",
        ),
        (
            "tanh, Xavier normal",
            dict(activation="tanh", scheme="xavier_normal"),
            "tab:orange",
        ),
        ("ReLU, He normal", dict(activation="relu", scheme="he_normal"), "tab:blue"),
    ]
    layers = np.arange(1, depth + 1)
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    for label, kw, color in runs:
        ax.semilogy(
            layers,
            layer_gradient_norms(depth, width, **kw),
            "o-",
            ms=3,
            color=color,
            label=label,
        )
    ax.set_xlabel("layer l (1 = next to the input)")
    ax.set_ylabel("‖∂L/∂W^(l)‖ (Frobenius)")
    ax.set_xticks(layers[::2] if depth > 10 else layers)
    ax.set_title(f"{depth}-layer MLP, width {width}, at initialisation")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig
