"""The course's diagram colours: one role, one colour, on every page, in light and dark mode.

Hues follow Okabe and Ito's colour-blind-safe set (darkened where needed so that every edge
has a contrast of at least 3:1 with the page, as WCAG asks of graphics). Each role has a strong ``edge`` colour (lines,
arrows, outlines) and a pale ``fill`` (boxes) chosen so that ``ink`` text on the fill stays at a
contrast of at least 4.5:1 (WCAG AA); the dark theme uses deep fills and light ink instead.
The figure hook renders a script whose ``make_figure`` takes ``theme`` once per theme.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("input", "weight", "activation", "gradient", "operation")
MEANINGS = {  # what each role's colour marks, as the legend on the Notation page says
    "input": "data fed in: images, x, tokens",
    "weight": "learned parameters: W, b, filters",
    "activation": "values computed forward: z, a, feature maps",
    "gradient": "backward quantities: δ, ∂L/∂·",
    "operation": "operations: conv, pool, norm, +",
}
THEMES = ("light", "dark")

# role -> (edge, light fill, dark fill)
_ROLE_COLOURS = {
    "input": ("#0072B2", "#d6e9f5", "#0b3550"),  # data fed in: blue
    "weight": ("#a86a00", "#fbeccc", "#4d3500"),  # learned parameters: orange
    "activation": ("#007a58", "#d1efe6", "#003d2d"),  # computed values: green
    "gradient": ("#c4560a", "#f7dccc", "#4f2300"),  # backward quantities: vermillion
    "operation": (
        "#8a63a8",
        "#ebe1f2",
        "#35254a",
    ),  # operations (conv, pool, norm): purple
}
_DARK_EDGE = {  # lighter edges that stay visible on Material's slate background
    "input": "#56B4E9",
    "weight": "#F0B840",
    "activation": "#3cc39a",
    "gradient": "#f08a4b",
    "operation": "#c3a2dc",
}


@dataclass(frozen=True)
class Palette:
    theme: str
    ink: str  # text and neutral lines
    muted: str  # secondary text, grid lines
    background: (
        str  # what the figure is drawn on (transparent in the SVG; for contrast checks)
    )
    edges: dict
    fills: dict

    def edge(self, role: str) -> str:
        return self.edges[_check_role(role)]

    def fill(self, role: str) -> str:
        return self.fills[_check_role(role)]


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}, got {role!r}")
    return role


def palette(theme: str = "light") -> Palette:
    """The colours of ``theme`` ("light" or "dark")."""
    if theme == "light":
        return Palette(
            "light",
            ink="#1f2328",
            muted="#57606a",
            background="#ffffff",
            edges={r: c[0] for r, c in _ROLE_COLOURS.items()},
            fills={r: c[1] for r, c in _ROLE_COLOURS.items()},
        )
    if theme == "dark":
        return Palette(
            "dark",
            ink="#e6e8eb",
            muted="#a4abb5",
            background="#1e2129",
            edges=dict(_DARK_EDGE),
            fills={r: c[2] for r, c in _ROLE_COLOURS.items()},
        )
    raise ValueError(f"theme must be one of {THEMES}, got {theme!r}")


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio between two ``#rrggbb`` colours."""

    def lum(hex_colour: str) -> float:
        rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
