"""Markdown for the widgets' static versions: numbers as the widgets print them, and table rows.
Shared by ``widget_tables.py`` and ``widget_tables_cnn.py``."""

from __future__ import annotations

MINUS = "\u2212"
INTRO = "*Static version (JavaScript is off).*"


def num(x: float, decimals: int = 3) -> str:
    """``x`` rounded, without trailing zeros, with a real minus sign and no "−0"."""
    text = f"{round(float(x), decimals):.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace("-", MINUS)


def grouped(n: int) -> str:
    """61706 -> "61 706"."""
    return f"{n:,}".replace(",", " ")


def row(*cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"
