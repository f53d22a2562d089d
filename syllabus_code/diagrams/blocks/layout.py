"""Where a flow's steps go: :func:`layout` places boxes, branches, shortcut lanes, notes and frames
top to bottom as drawing primitives in inches (a :class:`Drawing`), without drawing them. How
each kind of step is placed is in :mod:`.place`."""

from __future__ import annotations

from .measure import (
    FONT,
    GROUP_HEAD,
    LANE_GAP,
    NOTE_FONT,
    NOTE_GAP,
    OP_R,
    ROW_GAP,
    box_size,
    text_size,
)
from .place import Drawing, Placed, place_box, place_gap, place_parallel, place_tiles
from .spec import Box, Flow, Gap, Op, Parallel, Skip, Tiles

__all__ = ["Drawing", "layout"]


def layout(flow: Flow) -> Drawing:
    """Place the steps of ``flow`` top to bottom on a column centred at x = 0."""
    d = Drawing()
    main = [s for s in flow.steps if isinstance(s, Box)]
    main_w = max([box_size(b)[0] for b in main] + [1.2])
    y = 0.0
    if flow.title:
        tw, th = text_size(flow.title, FONT + 0.5, bold=True)
        d.add("text", 0.0, 0.0, flow.title, "center", "top", "ink", FONT + 0.5, True)
        d.extend_bounds(-tw / 2, 0, tw / 2, th)
        y = th + 0.12
    group_first = {g.first: g for g in flow.groups}
    placed: dict[int, Placed] = {}
    keys: dict[str, int] = {}
    prev: Placed | None = None
    prev_kind = None
    side_items: list[tuple[Box, Placed]] = []
    for i, step in enumerate(flow.steps):
        if not isinstance(step, (Box, Op, Gap, Tiles, Parallel)):
            raise TypeError(
                f"steps must be Box, Op, Gap, Tiles or Parallel, got {type(step).__name__}"
            )
        if step.key:
            keys[step.key] = i
        if prev is not None:
            y += ROW_GAP
            if step.key in group_first:
                y += GROUP_HEAD + 0.04  # room for the frame's label
        if isinstance(step, Box):
            y += 0.06 * (step.stack - 1)  # the copies behind stick out above
            p = place_box(d, step, 0.0, y, main_w if step.role == "operation" else None)
            if step.side is not None:
                side_items.append((step.side, p))
        elif isinstance(step, Op):
            p = Placed(y, y + 2 * OP_R, 0.0, y + OP_R, -OP_R, OP_R)
            d.add("op", 0.0, y + OP_R, OP_R, step.symbol)
            d.extend_bounds(-OP_R, y, OP_R, y + 2 * OP_R)
            if step.side is not None:
                side_items.append((step.side, p))
        elif isinstance(step, Gap):
            p = place_gap(d, step, y)
        elif isinstance(step, Tiles):
            p = place_tiles(d, step, y)
        else:  # Parallel
            p = place_parallel(d, step, y, prev)
            placed[i] = p
            y = p.bottom
            prev, prev_kind = p, "parallel"
            continue
        if prev is not None:
            start = prev.bottom + (ROW_GAP / 2 if prev_kind == "parallel" else 0.0)
            d.add("arrow", [(0.0, start), (0.0, p.top)])
        placed[i] = p
        y = p.bottom
        prev, prev_kind = p, type(step).__name__

    # notes beside the column
    right_edge = max(main_w / 2, max((p.right for p in placed.values()), default=0.0))
    for i, step in enumerate(flow.steps):
        note = getattr(step, "note", None)
        if not note:
            continue
        p = placed[i]
        w, _ = text_size(note, NOTE_FONT)
        if flow.notes == "left":
            x = min(-main_w / 2, p.left) - NOTE_GAP
            d.add("text", x, p.cy, note, "right", "center", "muted", NOTE_FONT, False)
            d.extend_bounds(x - w, p.cy, x, p.cy)
        # right-hand notes are placed after the lanes (below)

    # side inputs: a box to the right, arrow into the step
    for b, p in side_items:
        w, h = box_size(b)
        cx = p.right + 0.35 + w / 2
        d.add("box", cx, p.cy, w, h, b.text, b.role)
        d.add("arrow", [(cx - w / 2, p.cy), (p.right, p.cy)])
        d.extend_bounds(cx - w / 2, p.cy - h / 2, cx + w / 2, p.cy + h / 2)
        right_edge = max(right_edge, cx + w / 2)

    # shortcut lanes: innermost (shortest) first
    def span(s: Skip) -> tuple[float, float]:
        a, b = placed[keys[s.start]], placed[keys[s.end]]
        return a.bottom + ROW_GAP / 2, b.cy

    spans = {id(s): span(s) for s in flow.skips}
    order = sorted(flow.skips, key=lambda s: spans[id(s)][1] - spans[id(s)][0])
    lanes: list[tuple[float, float, float, float]] = []  # (y0, y1, x, right extent)
    for s in order:
        y0, y1 = spans[id(s)]
        a, b = placed[keys[s.start]], placed[keys[s.end]]
        inner = [ln for ln in lanes if ln[0] < y1 and y0 < ln[1]]
        base = max([right_edge] + [ln[3] for ln in inner])
        half = box_size(s.box)[0] / 2 if s.box else 0.0
        x = base + LANE_GAP + half
        extent = x + half
        if s.text:
            extent = max(extent, x + 0.06 + text_size(s.text, NOTE_FONT)[0])
        lanes.append((y0, y1, x, extent))
        d.add("dot", 0.0, y0)
        d.add("line", [(0.0, y0), (x, y0), (x, y1)])
        d.add("arrow", [(x, y1), (b.right, y1)])
        mid = (y0 + y1) / 2
        if s.box:
            w, h = box_size(s.box)
            d.add("box", x, mid, w, h, s.box.text, s.box.role)
            if s.text:
                d.add(
                    "text",
                    x - w / 2,
                    mid - h / 2 - 0.04,
                    s.text,
                    "left",
                    "bottom",
                    "muted",
                    NOTE_FONT,
                    False,
                )
        elif s.text:
            d.add(
                "text",
                x + 0.06,
                mid,
                s.text,
                "left",
                "center",
                "muted",
                NOTE_FONT,
                False,
            )
        d.extend_bounds(0.0, y0, extent, y1)

    # right-hand notes go beyond the lanes that pass beside them
    if flow.notes == "right":
        for i, step in enumerate(flow.steps):
            note = getattr(step, "note", None)
            if not note:
                continue
            p = placed[i]
            passing = [ln[3] for ln in lanes if ln[0] <= p.cy <= ln[1]]
            sides = [
                cx + box_size(b)[0] / 2
                for b, q in side_items
                if q is p
                for cx in [q.right + 0.35 + box_size(b)[0] / 2]
            ]
            x = max([main_w / 2, p.right] + passing + sides) + NOTE_GAP
            w, _ = text_size(note, NOTE_FONT)
            d.add("text", x, p.cy, note, "left", "center", "muted", NOTE_FONT, False)
            d.extend_bounds(x, p.cy, x + w, p.cy)

    # group frames: a dashed rectangle, its label on the top edge where the arrow comes in
    for g in flow.groups:
        a, b = placed[keys[g.first]], placed[keys[g.last]]
        inside = [ln[3] for ln in lanes if a.top - 0.01 <= ln[1] <= b.bottom + 0.01]
        tw, th = text_size(g.text, NOTE_FONT)
        x0 = -main_w / 2 - 0.08
        x1 = max([main_w / 2 + 0.08] + [e + 0.1 for e in inside])
        y0, y1 = a.top - GROUP_HEAD, b.bottom + 0.08
        d.add("rect", x0, y0, x1, y1)
        d.add(
            "text", 0.0, y0, g.text, "center", "center", "muted", NOTE_FONT, False, True
        )
        d.extend_bounds(min(x0, -tw / 2), y0 - th / 2, max(x1, tw / 2), y1)

    if flow.footer:
        y = d.y1 + 0.14
        for line in flow.footer:
            w, h = text_size(line, NOTE_FONT)
            d.add("text", 0.0, y, line, "center", "top", "ink", NOTE_FONT, False)
            d.extend_bounds(-w / 2, y, w / 2, y + h)
            y += h
    return d
