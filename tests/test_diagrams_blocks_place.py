"""How one step is placed (diagrams/blocks/place.py): boxes and their copies, gaps, tiles,
parallel branches, and a drawing moved as a whole."""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from syllabus_code.diagrams.blocks.layout import layout  # noqa: E402
from syllabus_code.diagrams.blocks.measure import ROW_GAP  # noqa: E402
from syllabus_code.diagrams.blocks.place import (  # noqa: E402
    Drawing,
    Placed,
    place_box,
    place_gap,
    place_parallel,
    place_tiles,
)
from syllabus_code.diagrams.blocks.render import render  # noqa: E402
from syllabus_code.diagrams.blocks.spec import (
    Box,
    Flow,
    Gap,
    Parallel,
    Tiles,
    figure_texts,
    flow_texts,
)


def test_a_stacked_box_draws_its_copies_behind_up_and_to_the_right():
    d = Drawing()
    p = place_box(d, Box("head", stack=3), cx=0.0, top=1.0)
    boxes = [i for i in d.items if i[0] == "box"]
    # copies first (behind), the labelled box last
    assert [b[5] for b in boxes] == ["", "", "head"]
    assert [b[1] for b in boxes] == pytest.approx([0.12, 0.06, 0.0])
    w, h = boxes[-1][3], boxes[-1][4]
    assert p.top == pytest.approx(1.0 - 0.12) and p.bottom == pytest.approx(1.0 + h)
    assert p.right == pytest.approx(w / 2 + 0.12) and p.left == pytest.approx(-w / 2)
    assert (d.y0, d.y1) == pytest.approx((0.0, 1.0 + h))  # the drawing starts at y = 0


def test_a_gap_is_an_ellipsis_with_its_text():
    d = Drawing()
    p = place_gap(d, Gap("3 more blocks"), y=2.0)
    assert [i[3] for i in d.items] == ["⋮", "3 more blocks"]
    assert (
        p.top == 2.0
        and p.bottom - p.top >= 0.3 - 1e-12
        and p.cy == pytest.approx((p.top + p.bottom) / 2)
    )


def test_parallel_branches_split_from_the_step_above_and_merge_below():
    d = Drawing()
    above = Placed(0.0, 0.5, 0.0, 0.25, -0.5, 0.5)
    p = place_parallel(
        d, Parallel([[Box("a")], [Box("b"), Box("c")]]), y=1.0, prev=above
    )
    lines = [i[1] for i in d.items if i[0] == "line"]
    # down from the step above
    assert lines[0] == [(0.0, 0.5), (0.0, pytest.approx(1.0 - ROW_GAP / 2))]
    merge_y = lines[-1][0][1]
    # centred; the next arrow starts on the merge line
    assert p.bottom < merge_y and p.left == -p.right
    assert d.y1 == pytest.approx(merge_y)
    # into each branch, and b -> c
    assert len([i for i in d.items if i[0] == "arrow"]) == 2 + 1


def test_shifted_moves_every_primitive_and_the_bounds():
    d = Drawing()
    place_box(d, Box("x"), 0.0, 0.0)
    d.add("arrow", [(0.0, 0.0), (1.0, 1.0)])
    d.add("rect", 0.0, 0.0, 1.0, 1.0)
    moved = d.shifted(2.0, 3.0)
    assert moved.items[1][1] == [(2.0, 3.0), (3.0, 4.0)]
    assert moved.items[2][1:5] == (2.0, 3.0, 3.0, 4.0)
    assert moved.items[0][1:3] == (d.items[0][1] + 2.0, d.items[0][2] + 3.0)
    assert (moved.x0, moved.x1, moved.y0, moved.y1) == (
        d.x0 + 2,
        d.x1 + 2,
        d.y0 + 3,
        d.y1 + 3,
    )


def test_tiles_draw_one_square_per_cell_with_its_label():
    flow = Flow(
        [
            Box("in"),
            Tiles(
                2,
                3,
                text="six cells",
                labels=list("abcdef"),
                roles=["input", "weight", None, "input", "input", "activation"],
            ),
            Box("out"),
        ]
    )
    d = layout(flow)
    tiles = [i for i in d.items if i[0] == "tile"]
    assert [t[5] for t in tiles] == list("abcdef")
    xs = sorted({round(t[1], 6) for t in tiles})
    ys = sorted({round(t[2], 6) for t in tiles})
    assert len(xs) == 3 and len(ys) == 2 and xs[1] - xs[0] == pytest.approx(0.3)
    fig = render(flow)
    assert set(flow_texts(flow)) <= set(figure_texts(fig))
    with pytest.raises(ValueError, match="Tiles needs 6 labels"):
        layout(Flow([Tiles(2, 3, labels=["a"])]))
    with pytest.raises(ValueError, match="Tiles needs 6 roles"):
        place_tiles(Drawing(), Tiles(2, 3, roles=["input"]), 0.0)
