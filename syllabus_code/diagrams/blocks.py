"""Box-and-arrow block diagrams that read top to bottom: layers, branches, shortcuts.

A diagram is first a plain :class:`Flow` (the *spec*): a list of steps — :class:`Box` (a layer
or a tensor), :class:`Op` (a small ⊕/⊗ node), :class:`Gap` (an ellipsis), :class:`Tiles` (a
grid of small squares: patches, tokens), :class:`Parallel` (branches side by side that split
from the step above and merge into the step below) — plus
:class:`Skip` paths drawn around the column (residual shortcuts), and :class:`Group` frames.
:func:`layout` turns a flow into drawing primitives in inches and :func:`render` draws one or
more flows side by side on a Matplotlib figure, in the colours of
:mod:`syllabus_code.diagrams.palette`. Every string drawn comes from the flow, so
:func:`flow_texts` (what the spec says) can be compared with :func:`figure_texts` (what the
figure shows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, Rectangle

from .palette import palette

FONT = 9.5        # points: box labels
NOTE_FONT = 9.0   # shapes beside the boxes, skip labels, footers
LINE = 1.28 * FONT / 72   # inches per text line
PAD_X, PAD_Y = 0.16, 0.065
ROW_GAP = 0.27    # vertical space between two steps (the arrow)
COL_GAP = 0.16    # horizontal space between parallel branches
OP_R = 0.105      # radius of an ⊕ / ⊗ node
NOTE_GAP = 0.17   # between a box and its note
LANE_GAP = 0.28   # between the column and the first shortcut lane, and between lanes
GROUP_HEAD = 0.2  # a frame's top edge (and label) sits this far above its first step


# --------------------------------------------------------------------------- the spec


@dataclass
class Box:
    """A layer or a tensor: ``text`` (lines separated by "\\n"), drawn in the colours of ``role``.

    ``note`` is written beside the box (typically the shape after it); ``stack`` > 1 draws that
    many copies behind each other (h heads in parallel); ``side`` is an input drawn to the right
    with an arrow into this box; ``key`` names the step for :class:`Skip` and :class:`Group`.
    """

    text: str
    role: str = "operation"
    note: str | None = None
    key: str | None = None
    stack: int = 1
    side: "Box | None" = None


@dataclass
class Op:
    """A small circular node: "+" (addition, ⊕) or "×" (elementwise product, ⊗)."""

    symbol: str = "+"
    note: str | None = None
    key: str | None = None
    side: Box | None = None


@dataclass
class Gap:
    """A vertical ellipsis with a short text: steps left out of the drawing."""

    text: str
    key: str | None = None


@dataclass
class Tiles:
    """A picture of a grid of ``rows`` × ``cols`` small squares (image patches, a token sequence).

    ``labels`` (row by row) are written in the cells, ``roles`` colour them (default: "input";
    None: no square, e.g. for an "…" cell), ``text`` is written under the grid.
    """

    rows: int
    cols: int
    text: str = ""
    labels: list[str] | None = None
    roles: list[str] | None = None
    cell: float = 0.3
    note: str | None = None
    key: str | None = None


@dataclass
class Parallel:
    """Branches side by side (each a list of boxes), split from the step above and merged below."""

    columns: list[list[Box]]
    key: str | None = None


@dataclass
class Skip:
    """A path from just below step ``start`` around the column into the right side of step ``end``.

    ``box`` is a layer on the path (a projection shortcut); ``text`` labels the path.
    """

    start: str
    end: str
    text: str | None = None
    box: Box | None = None


@dataclass
class Group:
    """A dashed frame around steps ``first`` .. ``last`` with a label on its top edge."""

    first: str
    last: str
    text: str


@dataclass
class Flow:
    steps: list
    skips: list[Skip] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    title: str | None = None
    footer: list[str] = field(default_factory=list)
    notes: str = "right"   # which side of the column the notes go ("left" or "right")


def flow_texts(flow: Flow) -> list[str]:
    """Every string the flow asks to be drawn."""
    out: list[str] = []

    def box(b: Box | None) -> None:
        if b is None:
            return
        out.append(b.text)
        if b.note:
            out.append(b.note)
        box(b.side)

    for step in flow.steps:
        if isinstance(step, Box):
            box(step)
        elif isinstance(step, Op):
            if step.note:
                out.append(step.note)
            box(step.side)
        elif isinstance(step, Gap):
            out.append(step.text)
        elif isinstance(step, Tiles):
            out += [t for t in [step.text, step.note, *(step.labels or [])] if t]
        elif isinstance(step, Parallel):
            for column in step.columns:
                for b in column:
                    box(b)
    for s in flow.skips:
        if s.text:
            out.append(s.text)
        box(s.box)
    out += [g.text for g in flow.groups]
    if flow.title:
        out.append(flow.title)
    out += flow.footer
    return out


def figure_texts(fig: Figure) -> list[str]:
    """The strings of every Text artist on the figure (what a reader sees)."""
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_position"))
            if t.get_text()]


# --------------------------------------------------------------------------- measuring text


@lru_cache(maxsize=None)
def _renderer():
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(10, 10, 72)  # 72 dpi: one pixel = one point


@lru_cache(maxsize=4096)
def text_size(text: str, size: float = FONT, bold: bool = False) -> tuple[float, float]:
    """(width, height) in inches of ``text`` (several lines allowed) at ``size`` points."""
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(size=size, weight="bold" if bold else "normal")
    lines = text.split("\n")
    width = max(_renderer().get_text_width_height_descent(line or " ", prop, ismath=False)[0]
                for line in lines)
    return width / 72, len(lines) * 1.28 * size / 72


def box_size(b: Box) -> tuple[float, float]:
    w, h = text_size(b.text)
    return w + 2 * PAD_X, h + 2 * PAD_Y


# --------------------------------------------------------------------------- layout

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

    def shifted(self, dx: float, dy: float) -> "Drawing":
        def move(item):
            kind, *rest = item
            if kind in ("arrow", "line"):
                return (kind, [(x + dx, y + dy) for x, y in rest[0]], *rest[1:])
            if kind == "rect":
                x0, y0, x1, y1, *more = rest
                return (kind, x0 + dx, y0 + dy, x1 + dx, y1 + dy, *more)
            x, y, *more = rest
            return (kind, x + dx, y + dy, *more)

        return Drawing([move(i) for i in self.items], self.x0 + dx, self.x1 + dx,
                       self.y0 + dy, self.y1 + dy)


@dataclass
class _Placed:
    top: float
    bottom: float
    cx: float
    cy: float
    left: float
    right: float


def _draw_box(d: Drawing, b: Box, cx: float, top: float, width: float | None = None) -> _Placed:
    w, h = box_size(b)
    w = max(w, width or 0.0)
    for i in range(b.stack - 1, 0, -1):  # copies behind, offset up and right
        d.add("box", cx + 0.06 * i, top + h / 2 - 0.06 * i, w, h, "", b.role)
    d.add("box", cx, top + h / 2, w, h, b.text, b.role)
    right = cx + w / 2 + 0.06 * (b.stack - 1)
    d.extend_bounds(cx - w / 2, top - 0.06 * (b.stack - 1), right, top + h)
    return _Placed(top - 0.06 * (b.stack - 1), top + h, cx, top + h / 2, cx - w / 2, right)


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
    placed: dict[int, _Placed] = {}
    keys: dict[str, int] = {}
    prev: _Placed | None = None
    prev_kind = None
    side_items: list[tuple[Box, _Placed]] = []
    for i, step in enumerate(flow.steps):
        if not isinstance(step, (Box, Op, Gap, Tiles, Parallel)):
            raise TypeError(f"steps must be Box, Op, Gap, Tiles or Parallel, got {type(step).__name__}")
        if step.key:
            keys[step.key] = i
        if prev is not None:
            y += ROW_GAP
            if step.key in group_first:
                y += GROUP_HEAD + 0.04  # room for the frame's label
        if isinstance(step, Box):
            y += 0.06 * (step.stack - 1)  # the copies behind stick out above
            p = _draw_box(d, step, 0.0, y, main_w if step.role == "operation" else None)
            if step.side is not None:
                side_items.append((step.side, p))
        elif isinstance(step, Op):
            p = _Placed(y, y + 2 * OP_R, 0.0, y + OP_R, -OP_R, OP_R)
            d.add("op", 0.0, y + OP_R, OP_R, step.symbol)
            d.extend_bounds(-OP_R, y, OP_R, y + 2 * OP_R)
            if step.side is not None:
                side_items.append((step.side, p))
        elif isinstance(step, Gap):
            _, th = text_size(step.text, NOTE_FONT)
            h = max(th, 0.3)
            d.add("text", 0.0, y + h / 2, "⋮", "center", "center", "ink", FONT + 3, False)
            d.add("text", 0.14, y + h / 2, step.text, "left", "center", "muted", NOTE_FONT, False)
            tw, _ = text_size(step.text, NOTE_FONT)
            d.extend_bounds(-0.1, y, 0.14 + tw, y + h)
            p = _Placed(y, y + h, 0.0, y + h / 2, -0.1, 0.1)
        elif isinstance(step, Tiles):
            n = step.rows * step.cols
            if step.labels is not None and len(step.labels) != n:
                raise ValueError(f"Tiles needs {n} labels (rows × cols), got {len(step.labels)}")
            if step.roles is not None and len(step.roles) != n:
                raise ValueError(f"Tiles needs {n} roles (rows × cols), got {len(step.roles)}")
            c = step.cell
            w, h = step.cols * c, step.rows * c
            for r in range(step.rows):
                for col in range(step.cols):
                    i_cell = r * step.cols + col
                    d.add("tile", -w / 2 + (col + 0.5) * c, y + (r + 0.5) * c, c,
                          (step.roles or ["input"] * n)[i_cell],
                          step.labels[i_cell] if step.labels else "")
            bottom = y + h
            tw = 0.0
            if step.text:
                tw, th = text_size(step.text, NOTE_FONT)
                d.add("text", 0.0, y + h + 0.05, step.text, "center", "top", "ink", NOTE_FONT, False)
                bottom = y + h + 0.05 + th
            d.extend_bounds(-max(w, tw) / 2, y, max(w, tw) / 2, bottom)
            p = _Placed(y, bottom, 0.0, y + h / 2, -w / 2, w / 2)
        else:  # Parallel
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
                    last = _draw_box(d, b, cx, cy)
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
            p = _Placed(y, merge_y, 0.0, (y + bottom) / 2, -total / 2, total / 2)
            p.bottom = merge_y - ROW_GAP / 2  # the next arrow starts on the merge line
            placed[i] = p
            d.extend_bounds(-total / 2, y, total / 2, merge_y)
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
                d.add("text", x - w / 2, mid - h / 2 - 0.04, s.text, "left", "bottom", "muted", NOTE_FONT, False)
        elif s.text:
            d.add("text", x + 0.06, mid, s.text, "left", "center", "muted", NOTE_FONT, False)
        d.extend_bounds(0.0, y0, extent, y1)

    # right-hand notes go beyond the lanes that pass beside them
    if flow.notes == "right":
        for i, step in enumerate(flow.steps):
            note = getattr(step, "note", None)
            if not note:
                continue
            p = placed[i]
            passing = [ln[3] for ln in lanes if ln[0] <= p.cy <= ln[1]]
            sides = [cx + box_size(b)[0] / 2 for b, q in side_items if q is p for cx in [q.right + 0.35 + box_size(b)[0] / 2]]
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
        d.add("text", 0.0, y0, g.text, "center", "center", "muted", NOTE_FONT, False, True)
        d.extend_bounds(min(x0, -tw / 2), y0 - th / 2, max(x1, tw / 2), y1)

    if flow.footer:
        y = d.y1 + 0.14
        for line in flow.footer:
            w, h = text_size(line, NOTE_FONT)
            d.add("text", 0.0, y, line, "center", "top", "ink", NOTE_FONT, False)
            d.extend_bounds(-w / 2, y, w / 2, y + h)
            y += h
    return d


# --------------------------------------------------------------------------- drawing


def render(flows: list[Flow] | Flow, theme: str = "light", gap: float = 0.4,
           margin: float = 0.06) -> Figure:
    """Draw one flow, or several side by side (top-aligned), on a transparent figure."""
    if isinstance(flows, Flow):
        flows = [flows]
    drawings = []
    x = 0.0
    for flow in flows:
        dr = layout(flow)
        dr = dr.shifted(x - dr.x0, -dr.y0)
        drawings.append(dr)
        x = dr.x1 + gap
    width = max(dr.x1 for dr in drawings)
    height = max(dr.y1 for dr in drawings)
    fig = Figure(figsize=(width + 2 * margin, height + 2 * margin))
    fig.patch.set_alpha(0)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(-margin, width + margin)
    ax.set_ylim(height + margin, -margin)
    ax.set_axis_off()
    ax.patch.set_alpha(0)
    pal = palette(theme)
    for dr in drawings:
        for item in dr.items:
            _draw(ax, item, pal)
    return fig


def _draw(ax, item, pal) -> None:
    kind, *a = item
    if kind == "box":
        cx, cy, w, h, text, role = a
        ax.add_patch(FancyBboxPatch((cx - w / 2, cy - h / 2), w, h, boxstyle="round,pad=0,rounding_size=0.05",
                                    facecolor=pal.fill(role), edgecolor=pal.edge(role), linewidth=1.1, zorder=3))
        if text:
            ax.text(cx, cy, text, ha="center", va="center", fontsize=FONT, color=pal.ink, zorder=4,
                    linespacing=1.28)
    elif kind == "tile":
        cx, cy, size, role, label = a
        if role is not None:
            ax.add_patch(Rectangle((cx - size / 2, cy - size / 2), size, size, facecolor=pal.fill(role),
                                   edgecolor=pal.edge(role), linewidth=0.9, zorder=3))
        if label:
            ax.text(cx, cy, label, ha="center", va="center", fontsize=NOTE_FONT, color=pal.ink, zorder=4)
    elif kind == "op":
        cx, cy, r, symbol = a
        ax.add_patch(Circle((cx, cy), r, facecolor=pal.background, edgecolor=pal.ink, linewidth=1.1,
                            zorder=3))
        s = r * 0.62
        if symbol == "+":
            ax.plot([cx - s, cx + s], [cy, cy], color=pal.ink, lw=1.1, zorder=4)
            ax.plot([cx, cx], [cy - s, cy + s], color=pal.ink, lw=1.1, zorder=4)
        elif symbol == "×":
            t = s * 0.72
            ax.plot([cx - t, cx + t], [cy - t, cy + t], color=pal.ink, lw=1.1, zorder=4)
            ax.plot([cx - t, cx + t], [cy + t, cy - t], color=pal.ink, lw=1.1, zorder=4)
        else:
            raise ValueError(f"Op symbol must be '+' or '×', got {symbol!r}")
    elif kind == "arrow":
        (points,) = a
        if len(points) > 2:
            xs, ys = zip(*points[:-1])
            ax.plot(xs, ys, color=pal.ink, lw=1.1, zorder=2, solid_capstyle="butt")
        ax.add_patch(FancyArrowPatch(points[-2], points[-1], arrowstyle="-|>", mutation_scale=9,
                                     color=pal.ink, lw=1.1, shrinkA=0, shrinkB=0.5, zorder=2))
    elif kind == "line":
        (points,) = a
        xs, ys = zip(*points)
        ax.plot(xs, ys, color=pal.ink, lw=1.1, zorder=2, solid_capstyle="butt")
    elif kind == "dot":
        cx, cy = a
        ax.add_patch(Circle((cx, cy), 0.028, color=pal.ink, zorder=4))
    elif kind == "rect":
        x0, y0, x1, y1 = a
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor=pal.muted,
                               linestyle=(0, (4, 3)), linewidth=1.0, zorder=1))
    elif kind == "text":
        x, y, text, ha, va, colour, size, bold, *rest = a
        backed = bool(rest and rest[0])
        t = ax.text(x, y, text, ha=ha, va=va, fontsize=size, color=getattr(pal, colour),
                    fontweight="bold" if bold else "normal", zorder=5, linespacing=1.28)
        if backed:  # a label sitting on a line: blank the line behind it
            t.set_bbox(dict(facecolor=pal.background, edgecolor="none", pad=1.5))
    else:  # pragma: no cover
        raise ValueError(kind)
