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

The package's parts: :mod:`.spec` (the steps and :func:`flow_texts`), :mod:`.measure` (sizes of
text and boxes), :mod:`.layout` (where everything goes) and :mod:`.render` (the Matplotlib
drawing).
"""

from .layout import Drawing, layout
from .measure import FONT, NOTE_FONT, box_size, text_size
from .render import render
from .spec import (
    Box,
    Flow,
    Gap,
    Group,
    Op,
    Parallel,
    Skip,
    Tiles,
    figure_texts,
    flow_texts,
)

__all__ = [
    "Box",
    "Drawing",
    "FONT",
    "Flow",
    "Gap",
    "Group",
    "NOTE_FONT",
    "Op",
    "Parallel",
    "Skip",
    "Tiles",
    "box_size",
    "figure_texts",
    "flow_texts",
    "layout",
    "render",
    "text_size",
]
