"""The spec of a block diagram: the steps of a :class:`Flow` and the strings it asks to be drawn.

:func:`flow_texts` (what the spec says) is compared with :func:`figure_texts` (what a figure shows).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.figure import Figure


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
    side: Box | None = None


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
    notes: str = "right"  # which side of the column the notes go ("left" or "right")


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
    return [
        t.get_text()
        for t in fig.findobj(
            lambda a: hasattr(a, "get_text") and hasattr(a, "get_position")
        )
        if t.get_text()
    ]
