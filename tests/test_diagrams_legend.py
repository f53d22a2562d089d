"""The palette legend on the Notation page shows every role in the palette's own colours."""

from __future__ import annotations

from pathlib import Path

import matplotlib.colors as mcolors
import pytest

from syllabus_code.diagrams.draw import figure_texts
from syllabus_code.diagrams.legend import legend_figure, legend_spec
from syllabus_code.diagrams.palette import MEANINGS, ROLES, THEMES, palette


@pytest.mark.parametrize("theme", THEMES)
def test_legend_lists_every_role_in_its_colours(theme):
    spec = legend_spec(theme)
    assert [e["role"] for e in spec] == list(ROLES)
    p = palette(theme)
    for e in spec:
        assert (e["edge"], e["fill"]) == (p.edge(e["role"]), p.fill(e["role"]))
    fig = legend_figure(spec, theme)
    text = figure_texts(fig)
    for role in ROLES:
        assert role in text and MEANINGS[role] in text
    # the arrows are drawn in the roles' edge colours
    arrows = [a for a in fig.axes[0].patches if type(a).__name__ == "FancyArrowPatch"]
    assert [mcolors.to_hex(a.get_edgecolor()) for a in arrows] == [
        p.edge(r).lower() for r in ROLES
    ]


def test_notation_page_shows_the_legend_and_says_colours_are_shared():
    page = (
        Path(__file__).resolve().parents[1] / "docs/00-foundations/notation.md"
    ).read_text()
    assert "](figures/palette_legend.svg)" in page
    assert "same meaning on every page" in page
