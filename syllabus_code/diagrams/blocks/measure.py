"""Sizes of a block diagram: fonts, gaps and paddings in inches, and the measured size of a text or box."""

from __future__ import annotations

from functools import cache, lru_cache

from .spec import Box

FONT = 9.5  # points: box labels
NOTE_FONT = 9.0  # shapes beside the boxes, skip labels, footers
LINE = 1.28 * FONT / 72  # inches per text line
PAD_X, PAD_Y = 0.16, 0.065
ROW_GAP = 0.27  # vertical space between two steps (the arrow)
COL_GAP = 0.16  # horizontal space between parallel branches
OP_R = 0.105  # radius of an ⊕ / ⊗ node
NOTE_GAP = 0.17  # between a box and its note
LANE_GAP = 0.28  # between the column and the first shortcut lane, and between lanes
GROUP_HEAD = 0.2  # a frame's top edge (and label) sits this far above its first step


@cache
def _renderer():
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(10, 10, 72)  # 72 dpi: one pixel = one point


@lru_cache(maxsize=4096)
def text_size(text: str, size: float = FONT, bold: bool = False) -> tuple[float, float]:
    """(width, height) in inches of ``text`` (several lines allowed) at ``size`` points."""
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=size, weight="bold" if bold else "normal")
    lines = text.split("\n")
    width = max(
        _renderer().get_text_width_height_descent(line or " ", prop, ismath=False)[0]
        for line in lines
    )
    return width / 72, len(lines) * 1.28 * size / 72


def box_size(b: Box) -> tuple[float, float]:
    w, h = text_size(b.text)
    return w + 2 * PAD_X, h + 2 * PAD_Y
