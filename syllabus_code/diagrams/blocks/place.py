"""How one step of a flow is placed: a :class:`Drawing` collects the drawing primitives in
inches, and :func:`place_box`, :func:`place_gap`, :func:`place_tiles` and
:func:`place_parallel` add a step's pieces to it and say where it went (a :class:`Placed`).
:func:`.layout.layout` places the steps one below the other with these."""

from __future__ import annotations

from dataclasses import dataclass, field

from .measure import COL_GAP, FONT, NOTE_FONT, ROW_GAP, box_size, text_size
from .spec import Box, Gap, Parallel, Tiles

__all__ = [
    "Drawing",
    "Placed",
    "place_box",
    "place_gap",
    "place_tiles",
    "place_parallel",
]


@dataclass
class Drawing:
    """Drawing primitives in inches (y grows downwards) and their bounding box."""

    items: list = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    y0: float = 0.0
    y1: float = 0.0

    def add(self, *item) -> None:
        self.items.append(item)

    def extend_bounds(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0 = min(self.x0, x0), min(self.y0, y0)
        self.x1, self.y1 = max(self.x1, x1), max(self.y1, y1)

    def shifted(self, dx: float, dy: float) -> Drawing:
        def move(item):
            kind, *rest = item
            if kind in ("arrow", "line"):
                return (kind, [(x + dx, y + dy) for x, y in rest[0]], *rest[1:])
            if kind == "rect":
                x0, y0, x1, y1, *more = rest
                return (kind, x0 + dx, y0 + dy, x1 + dx, y1 + dy, *more)
            x, y, *more = rest
            return (kind, x + dx, y + dy, *more)

        return Drawing(
            [move(i) for i in self.items],
            self.x0 + dx,
            self.x1 + dx,
            self.y0 + dy,
            self.y1 + dy,
        )


@dataclass
class Placed:
    """Where a step went: its top and bottom, its centre, and its left and right edges."""

    top: float
    bottom: float
    cx: float
    cy: float
    left: float
    right: float


def place_box(
    d: Drawing, b: Box, cx: float, top: float, width: float | None = None
) -> Placed:
    """A box (with its copies behind, for a stack) centred at ``cx``, its top at ``top``."""
    w, h = box_size(b)
    w = max(w, width or 0.0)
    for i in range(b.stack - 1, 0, -1):  # copies behind, offset up and right
        d.add("box", cx + 0.06 * i, top + h / 2 - 0.06 * i, w, h, "", b.role)
    d.add("box", cx, top + h / 2, w, h, b.text, b.role)
    right = cx + w / 2 + 0.06 * (b.stack - 1)
    d.extend_bounds(cx - w / 2, top - 0.06 * (b.stack - 1), right, top + h)
    return Placed(
        top - 0.06 * (b.stack - 1), top + h, cx, top + h / 2, cx - w / 2, right
    )


def place_gap(d: Drawing, step: Gap, y: float) -> Placed:
    """An ellipsis with its text, its top at ``y``."""
    _, th = text_size(step.text, NOTE_FONT)
    h = max(th, 0.3)
    d.add("text", 0.0, y + h / 2, "⋮", "center", "center", "ink", FONT + 3, False)
    d.add(
        "text", 0.14, y + h / 2, step.text, "left", "center", "muted", NOTE_FONT, False
    )
    tw, _ = text_size(step.text, NOTE_FONT)
    d.extend_bounds(-0.1, y, 0.14 + tw, y + h)
    return Placed(y, y + h, 0.0, y + h / 2, -0.1, 0.1)


def place_tiles(d: Drawing, step: Tiles, y: float) -> Placed:
    """A grid of small squares (patches, tokens) with its caption below, its top at ``y``."""
    n = step.rows * step.cols
    if step.labels is not None and len(step.labels) != n:
        raise ValueError(
            f"Tiles needs {n} labels (rows × cols), got {len(step.labels)}"
        )
    if step.roles is not None and len(step.roles) != n:
        raise ValueError(f"Tiles needs {n} roles (rows × cols), got {len(step.roles)}")
    c = step.cell
    w, h = step.cols * c, step.rows * c
    for r in range(step.rows):
        for col in range(step.cols):
            i_cell = r * step.cols + col
            d.add(
                "tile",
                -w / 2 + (col + 0.5) * c,
                y + (r + 0.5) * c,
                c,
                (step.roles or ["input"] * n)[i_cell],
                step.labels[i_cell] if step.labels else "",
            )
    bottom = y + h
    tw = 0.0
    if step.text:
        tw, th = text_size(step.text, NOTE_FONT)
        d.add(
            "text",
            0.0,
            y + h + 0.05,
            step.text,
            "center",
            "top",
            "ink",
            NOTE_FONT,
            False,
        )
        bottom = y + h + 0.05 + th
    d.extend_bounds(-max(w, tw) / 2, y, max(w, tw) / 2, bottom)
    return Placed(y, bottom, 0.0, y + h / 2, -w / 2, w / 2)


def place_parallel(d: Drawing, step: Parallel, y: float, prev: Placed | None) -> Placed:
    """Branches side by side, their tops at ``y``: split from ``prev`` (the step above, if any)
    and merged on one line below; the placed step's bottom is where the next arrow starts."""
    widths = [max(box_size(b)[0] for b in col) for col in step.columns]
    total = sum(widths) + COL_GAP * (len(widths) - 1)
    x = -total / 2
    split_y = y - ROW_GAP / 2
    centres = []
    bottoms = []
    tops = []
    for col, w in zip(step.columns, widths):
        cx = x + w / 2
        centres.append(cx)
        cy = y
        last = None
        for j, b in enumerate(col):
            if j:
                cy += ROW_GAP * 0.8
                d.add("arrow", [(cx, last.bottom), (cx, cy)])
            last = place_box(d, b, cx, cy)
            if j == 0:
                tops.append(last.top)
            cy = last.bottom
        bottoms.append(last.bottom)
        x += w + COL_GAP
    bottom = max(bottoms)
    merge_y = bottom + ROW_GAP / 2
    if prev is not None:  # split from the step above
        d.add("line", [(0.0, prev.bottom), (0.0, split_y)])
        d.add("line", [(min(centres), split_y), (max(centres), split_y)])
        for cx, top in zip(centres, tops):
            d.add("arrow", [(cx, split_y), (cx, top)])
    for cx, b in zip(centres, bottoms):
        d.add("line", [(cx, b), (cx, merge_y)])
    d.add("line", [(min(centres), merge_y), (max(centres), merge_y)])
    p = Placed(y, merge_y, 0.0, (y + bottom) / 2, -total / 2, total / 2)
    p.bottom = merge_y - ROW_GAP / 2  # the next arrow starts on the merge line
    d.extend_bounds(-total / 2, y, total / 2, merge_y)
    return p
