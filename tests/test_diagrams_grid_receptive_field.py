"""The receptive-field rows (diagrams/grid/receptive_field.py) agree with the recurrence."""

from __future__ import annotations

from syllabus_code.diagrams.draw import figure_texts
from syllabus_code.diagrams.grid.receptive_field import (
    RF_STACK,
    receptive_field_figure,
    receptive_field_spec,
)
from syllabus_code.shapes import receptive_field


def joined(fig) -> str:
    return "\n".join(figure_texts(fig))


def test_receptive_field_spans_agree_with_the_recurrence_and_are_drawn():
    spec = receptive_field_spec()
    assert spec.rf == receptive_field(list(RF_STACK)) == [3, 5, 7, 15]
    # the walk down from the top unit covers exactly RF pixels of the input
    lo, hi = spec.spans[0]
    assert hi - lo + 1 == spec.rf[-1]
    # each unit sits at the centre of its own field: the top one in the middle of the input
    assert spec.centres[-1] == [(spec.rf[-1] - 1) / 2]
    text = joined(receptive_field_figure(spec))
    for rf in spec.rf:
        assert f"RF = {rf}" in text
    assert f"input: {spec.rf[-1]} pixels" in text
