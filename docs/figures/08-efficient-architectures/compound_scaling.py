"""EfficientNet B1–B7: α^φ, β^φ, γ^φ from the formula against the released (hand-rounded) coefficients."""

import numpy as np
from matplotlib.figure import Figure

from syllabus_code.models.efficientnet import VARIANTS, compound_scaling


def make_figure():
    phis = np.arange(8)
    formula = [compound_scaling(int(p)) for p in phis]
    released = list(VARIANTS.values())
    fig = Figure(figsize=(9, 3.4))
    axes = fig.subplots(1, 3)
    panels = (
        ("depth multiplier", [s.depth for s in formula], [v.depth for v in released]),
        ("width multiplier", [s.width for s in formula], [v.width for v in released]),
        (
            "resolution (pixels)",
            [s.image_size for s in formula],
            [v.resolution for v in released],
        ),
    )
    for ax, (title, f, r) in zip(axes, panels):
        ax.plot(phis, f, "o-", label="formula, φ = n")
        ax.plot(phis, r, "s--", label="released B0–B7")
        ax.set_title(title)
        ax.set_xlabel("n in Bn")
        ax.set_xticks(phis)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    return fig
