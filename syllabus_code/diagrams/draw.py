"""Drawing primitives shared by the course's diagrams: a canvas measured in inches, boxes,
unit circles, arrows, labels and grids of cells, all coloured by role from :mod:`.palette`.

A diagram lays itself out in inches (the canvas's data units are inches, so a font size in
points and a box size agree with each other at any scale), draws with these helpers and
returns the Figure. :func:`figure_texts` lists every string drawn, which the tests compare
with the numbers of the object the diagram shows.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch, Rectangle

from .palette import Palette, palette

__all__ = ["Canvas", "canvas", "figure_texts", "num", "FONT"]

FONT = 10  # points: stays >= 9 px when a 6-inch figure is shown 360 px wide


class Canvas:
    """One Matplotlib axes without frame whose data units are inches, and the theme's palette."""

    def __init__(self, width: float, height: float, theme: str = "light"):
        self.p: Palette = palette(theme)
        # the SVG dpi: text is laid out once
        self.fig = Figure(figsize=(width, height), dpi=72)
        self.fig.patch.set_alpha(0)
        self.ax = self.fig.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, width)
        self.ax.set_ylim(0, height)
        self.ax.set_aspect("equal")
        self.ax.axis("off")
        self.ax.patch.set_alpha(0)

    def fit(self, pad: float = 0.06):
        """Shrink the figure to what is drawn (plus ``pad`` inches), keeping 1 data unit = 1 inch.

        ``bbox_inches="tight"`` alone keeps the whole (invisible) axes, so a canvas made larger
        than its drawing would keep blank margins.
        """
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.transforms import Bbox

        renderer = FigureCanvasAgg(self.fig).get_renderer()
        artists = list(self.ax.texts) + list(self.ax.patches) + list(self.ax.lines)
        box = Bbox.union([a.get_window_extent(renderer) for a in artists])
        (x0, y0), (x1, y1) = self.ax.transData.inverted().transform(box.get_points())
        x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
        self.ax.set_xlim(x0, x1)
        self.ax.set_ylim(y0, y1)
        self.fig.set_size_inches(x1 - x0, y1 - y0)
        return self.fig

    # --- text -------------------------------------------------------------------------------
    def text(self, x, y, s, size=FONT, colour=None, ha="center", va="center", **kw):
        return self.ax.text(
            x, y, s, fontsize=size, color=colour or self.p.ink, ha=ha, va=va, **kw
        )

    # --- shapes -----------------------------------------------------------------------------
    def box(
        self,
        x,
        y,
        w,
        h,
        role=None,
        text=None,
        size=FONT,
        dashed=False,
        lw=1.4,
        rounded=True,
        fill=True,
        edge=None,
    ):
        """A box with lower-left corner (x, y), filled and outlined in ``role``'s colours."""
        face = self.p.fill(role) if (role and fill) else "none"
        ec = edge or (self.p.edge(role) if role else self.p.ink)
        style = "round,pad=0,rounding_size=0.06" if rounded else "square,pad=0"
        patch = FancyBboxPatch(
            (x, y),
            w,
            h,
            boxstyle=style,
            fc=face,
            ec=ec,
            lw=lw,
            ls="--" if dashed else "-",
        )
        self.ax.add_patch(patch)
        if text is not None:
            self.text(x + w / 2, y + h / 2, text, size=size)
        return patch

    def rect(self, x, y, w, h, face="none", edge=None, lw=1.0, ls="-", z=1, alpha=1.0):
        patch = Rectangle(
            (x, y),
            w,
            h,
            fc=face,
            ec=edge or self.p.ink,
            lw=lw,
            ls=ls,
            zorder=z,
            alpha=alpha,
        )
        self.ax.add_patch(patch)
        return patch

    def unit(
        self,
        x,
        y,
        r=0.16,
        role="activation",
        text=None,
        dashed=False,
        size=FONT,
        faded=False,
    ):
        """A neuron: a circle centred at (x, y)."""
        ec = self.p.muted if faded else self.p.edge(role)
        fc = "none" if faded else self.p.fill(role)
        self.ax.add_patch(
            Circle(
                (x, y), r, fc=fc, ec=ec, lw=1.4, ls="--" if dashed else "-", zorder=3
            )
        )
        if text is not None:
            self.text(x, y, text, size=size, zorder=4)

    def line(self, x0, y0, x1, y1, colour=None, lw=0.8, ls="-", z=1, alpha=1.0):
        self.ax.plot(
            [x0, x1],
            [y0, y1],
            color=colour or self.p.ink,
            lw=lw,
            ls=ls,
            zorder=z,
            alpha=alpha,
            solid_capstyle="round",
        )

    def arrow(
        self,
        x0,
        y0,
        x1,
        y1,
        colour=None,
        lw=1.3,
        ls="-",
        rad=0.0,
        head=9,
        z=2,
        shrink=0.0,
    ):
        patch = FancyArrowPatch(
            (x0, y0),
            (x1, y1),
            arrowstyle="-|>",
            mutation_scale=head,
            color=colour or self.p.ink,
            lw=lw,
            ls=ls,
            zorder=z,
            connectionstyle=f"arc3,rad={rad}",
            shrinkA=shrink,
            shrinkB=shrink,
        )
        self.ax.add_patch(patch)
        return patch

    def cells(
        self,
        x,
        y,
        values,
        cell=0.3,
        role=None,
        fmt="{:g}",
        size=FONT,
        face=None,
        highlight=(),
        highlight_role="operation",
        lw=0.8,
    ):
        """A grid of numbered cells; row 0 on top, (x, y) its top-left corner.

        ``values`` is a 2-D list/array (``None`` entries are left blank); ``highlight`` lists
        (row, col) cells filled with ``highlight_role``'s fill.
        """
        rows = len(values)
        for i in range(rows):
            for j, v in enumerate(values[i]):
                cx, cy = x + j * cell, y - (i + 1) * cell
                fc = (
                    face
                    if face is not None
                    else (self.p.fill(role) if role else "none")
                )
                if (i, j) in highlight:
                    fc = self.p.fill(highlight_role)
                self.rect(
                    cx,
                    cy,
                    cell,
                    cell,
                    face=fc,
                    edge=self.p.edge(role) if role else self.p.muted,
                    lw=lw,
                )
                if v is not None:
                    self.text(cx + cell / 2, cy + cell / 2, fmt.format(v), size=size)

    def outline(self, x, y, w, h, role="operation", lw=2.2, ls="-", z=5):
        """A thick outline in ``role``'s edge colour (a window, a selection)."""
        return self.rect(x, y, w, h, edge=self.p.edge(role), lw=lw, ls=ls, z=z)


def canvas(width: float, height: float, theme: str = "light") -> Canvas:
    return Canvas(width, height, theme)


def num(value, fmt: str = "{:g}") -> str:
    """``value`` formatted with a true minus sign (U+2212), as typeset maths writes it."""
    return fmt.format(value).replace("-", "\u2212")


def figure_texts(fig: Figure) -> list[str]:
    """Every string drawn on ``fig`` (the Text artists of all its axes and the figure)."""
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
        out += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
    return [s for s in out if s]
