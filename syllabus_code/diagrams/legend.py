"""The palette legend of the Notation page: each role's colours and what they mark."""

from __future__ import annotations

from .draw import FONT, canvas
from .palette import MEANINGS, ROLES

__all__ = ["legend_spec", "legend_figure"]

_SYMBOL = {
    "input": "$x$",
    "weight": "$W$",
    "activation": "$a$",
    "gradient": "$\\delta$",
    "operation": "conv",
}


def legend_spec(theme: str = "light") -> list[dict]:
    """One entry per role: its name, meaning, and the theme's edge and fill colours."""
    from .palette import palette

    p = palette(theme)
    return [
        {"role": r, "meaning": MEANINGS[r], "edge": p.edge(r), "fill": p.fill(r)}
        for r in ROLES
    ]


def legend_figure(spec: list[dict], theme: str = "light"):
    pitch = 0.46
    cv = canvas(4.6, pitch * len(spec) + 0.1, theme)
    for i, entry in enumerate(spec):
        y = pitch * (len(spec) - i) - 0.2
        role = entry["role"]
        if role == "activation":
            cv.unit(0.35, y, r=0.17, role=role, text=_SYMBOL[role])
        else:
            cv.box(
                0.1,
                y - 0.16,
                0.5,
                0.32,
                role,
                _SYMBOL[role],
                size=FONT - (1 if role == "operation" else 0),
            )
        cv.arrow(0.72, y, 1.2, y, cv.p.edge(role), lw=1.8)
        cv.text(1.35, y, role, ha="left", weight="bold")
        cv.text(2.35, y, entry["meaning"], ha="left", size=FONT - 1)
    return cv.fit()
