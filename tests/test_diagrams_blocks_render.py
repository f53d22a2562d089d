"""Drawing block diagrams (diagrams/blocks/render.py): all text drawn, in the theme's colours."""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from matplotlib.patches import FancyBboxPatch  # noqa: E402

from syllabus_code.diagrams.blocks.render import render  # noqa: E402
from syllabus_code.diagrams.blocks.spec import (
    Box,
    Flow,
    Gap,
    Group,
    Op,
    Skip,
    figure_texts,
    flow_texts,
)
from syllabus_code.diagrams.palette import palette  # noqa: E402


def _residual(**kw) -> Flow:
    return Flow(
        [
            Box("input", role="input", key="in"),
            Box("conv 3×3\n64→64 ch"),
            Box("conv 3×3"),
            Op("+", key="add"),
            Box("ReLU", note="64×56×56"),
        ],
        skips=[Skip("in", "add", text="identity")],
        **kw,
    )


def test_every_string_of_the_spec_is_drawn_in_both_themes():
    flow = _residual(title="A block", footer=["a footer"], notes="left")
    flow.steps.insert(2, Gap("more layers"))
    flow.groups.append(Group("in", "add", "the block"))
    flow.skips[0].box = Box("conv 1×1, stride 2")
    for theme in ("light", "dark"):
        fig = render(flow, theme)
        drawn = figure_texts(fig)
        assert set(flow_texts(flow)) <= set(drawn)
        assert {
            "A block",
            "a footer",
            "more layers",
            "the block",
            "identity",
            "64×56×56",
        } <= set(drawn)
        colours = {
            t.get_color()
            for t in fig.axes[0].texts
            if t.get_text() == "conv 3×3\n64→64 ch"
        }
        assert colours == {palette(theme).ink}
        fills = {
            p.get_facecolor()[:3]
            for p in fig.axes[0].patches
            if isinstance(p, FancyBboxPatch)
        }
        assert matplotlib.colors.to_rgb(palette(theme).fill("input")) in fills
        assert fig.patch.get_alpha() == 0  # transparent: the page shows through


def test_flows_side_by_side_widen_the_figure():
    one = render(_residual())
    two = render([_residual(), _residual()])
    assert two.get_size_inches()[0] > 1.9 * one.get_size_inches()[0] - 0.5
    assert two.get_size_inches()[1] == pytest.approx(one.get_size_inches()[1])
