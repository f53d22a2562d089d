"""The block-diagram layout (diagrams/blocks/layout.py): where boxes, branches and shortcut lanes go."""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from syllabus_code.diagrams.blocks.layout import layout
from syllabus_code.diagrams.blocks.render import render
from syllabus_code.diagrams.blocks.spec import Box, Flow, Op, Parallel, Skip


def _boxes(drawing):
    return [i for i in drawing.items if i[0] == "box"]


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


def test_steps_go_top_to_bottom_with_an_arrow_between_each_pair():
    d = layout(_residual())
    tops = [cy - h / 2 for _, _, cy, _, h, *_ in _boxes(d)]
    assert tops == sorted(tops)
    arrows = [i for i in d.items if i[0] == "arrow"]
    assert len(arrows) == 4 + 1  # 5 steps -> 4 arrows, plus the shortcut's arrow into ⊕


def test_shortcut_lane_runs_right_of_every_box_and_ends_at_the_add_node():
    d = layout(_residual())
    right = max(cx + w / 2 for _, cx, _, w, *_ in _boxes(d))
    (path,) = [i[1] for i in d.items if i[0] == "line" and len(i[1]) == 3]
    (x_start, y_start), (lane, _), (_, y_end) = path
    assert x_start == 0 and lane > right
    (op,) = [i for i in d.items if i[0] == "op"]
    assert y_end == pytest.approx(op[2])  # the lane comes down to the ⊕ centre
    assert y_start < y_end


def test_nested_shortcuts_get_separate_lanes_the_longer_outside():
    flow = Flow(
        [
            Box("x", key="a"),
            Box("f", key="b"),
            Op("×", key="m"),
            Box("g"),
            Op("+", key="p"),
        ],
        skips=[Skip("a", "p"), Skip("b", "m")],
    )
    d = layout(flow)
    lanes = sorted(
        (abs(p[2][1] - p[0][1]), p[1][0])
        for _, p in (i for i in d.items if i[0] == "line")
        if len(p) == 3
    )
    (short_len, short_x), (long_len, long_x) = lanes
    assert short_len < long_len and short_x < long_x


def test_parallel_branches_sit_side_by_side_without_overlap():
    flow = Flow(
        [
            Box("in"),
            Parallel([[Box("a")], [Box("bb"), Box("c")], [Box("dddd")]]),
            Box("out"),
        ]
    )
    d = layout(flow)
    firsts = sorted(
        (cx - w / 2, cx + w / 2)
        for _, cx, cy, w, h, *_ in _boxes(d)
        if cy < 0.9 and cy > 0.3
    )
    assert len(firsts) == 3
    assert all(a[1] < b[0] for a, b in zip(firsts, firsts[1:]))


def test_bad_steps_and_symbols_are_rejected():
    with pytest.raises(
        TypeError, match="steps must be Box, Op, Gap, Tiles or Parallel"
    ):
        layout(Flow(["conv"]))
    with pytest.raises(ValueError, match="Op symbol must be"):
        render(Flow([Box("a"), Op("-")]))
