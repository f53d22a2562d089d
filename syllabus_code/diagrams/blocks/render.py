"""Drawing a laid-out flow on a Matplotlib figure in the colours of :mod:`syllabus_code.diagrams.palette`."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, Rectangle

from ..palette import palette
from .layout import layout
from .measure import FONT, NOTE_FONT
from .spec import Flow


def render(
    flows: list[Flow] | Flow,
    theme: str = "light",
    gap: float = 0.4,
    margin: float = 0.06,
) -> Figure:
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
        ax.add_patch(
            FancyBboxPatch(
                (cx - w / 2, cy - h / 2),
                w,
                h,
                boxstyle="round,pad=0,rounding_size=0.05",
                facecolor=pal.fill(role),
                edgecolor=pal.edge(role),
                linewidth=1.1,
                zorder=3,
            )
        )
        if text:
            ax.text(
                cx,
                cy,
                text,
                ha="center",
                va="center",
                fontsize=FONT,
                color=pal.ink,
                zorder=4,
                linespacing=1.28,
            )
    elif kind == "tile":
        cx, cy, size, role, label = a
        if role is not None:
            ax.add_patch(
                Rectangle(
                    (cx - size / 2, cy - size / 2),
                    size,
                    size,
                    facecolor=pal.fill(role),
                    edgecolor=pal.edge(role),
                    linewidth=0.9,
                    zorder=3,
                )
            )
        if label:
            ax.text(
                cx,
                cy,
                label,
                ha="center",
                va="center",
                fontsize=NOTE_FONT,
                color=pal.ink,
                zorder=4,
            )
    elif kind == "op":
        cx, cy, r, symbol = a
        ax.add_patch(
            Circle(
                (cx, cy),
                r,
                facecolor=pal.background,
                edgecolor=pal.ink,
                linewidth=1.1,
                zorder=3,
            )
        )
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
        ax.add_patch(
            FancyArrowPatch(
                points[-2],
                points[-1],
                arrowstyle="-|>",
                mutation_scale=9,
                color=pal.ink,
                lw=1.1,
                shrinkA=0,
                shrinkB=0.5,
                zorder=2,
            )
        )
    elif kind == "line":
        (points,) = a
        xs, ys = zip(*points)
        ax.plot(xs, ys, color=pal.ink, lw=1.1, zorder=2, solid_capstyle="butt")
    elif kind == "dot":
        cx, cy = a
        ax.add_patch(Circle((cx, cy), 0.028, color=pal.ink, zorder=4))
    elif kind == "rect":
        x0, y0, x1, y1 = a
        ax.add_patch(
            Rectangle(
                (x0, y0),
                x1 - x0,
                y1 - y0,
                fill=False,
                edgecolor=pal.muted,
                linestyle=(0, (4, 3)),
                linewidth=1.0,
                zorder=1,
            )
        )
    elif kind == "text":
        x, y, text, ha, va, colour, size, bold, *rest = a
        backed = bool(rest and rest[0])
        t = ax.text(
            x,
            y,
            text,
            ha=ha,
            va=va,
            fontsize=size,
            color=getattr(pal, colour),
            fontweight="bold" if bold else "normal",
            zorder=5,
            linespacing=1.28,
        )
        if backed:  # a label sitting on a line: blank the line behind it
            t.set_bbox(dict(facecolor=pal.background, edgecolor="none", pad=1.5))
    else:  # pragma: no cover
        raise ValueError(kind)
