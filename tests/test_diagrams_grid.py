"""Module 5's grid diagrams: the numbers drawn equal those of the layers and rules they show."""

from __future__ import annotations

from pathlib import Path

from syllabus_code.diagrams.draw import num
from syllabus_code.diagrams.grid import (
    conv_layer_spec,
    pooling_spec,
    receptive_field_spec,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "05-cnns"


def test_pages_alt_text_states_the_drawn_numbers():
    conv = conv_layer_spec()
    page = (DOCS / "convolution.md").read_text()
    assert f"gives the output {num(conv.value).replace(chr(0x2212), '-')}" in page
    assert f"= {conv.params}.](figures/conv_layer.svg)" in page
    pool = pooling_spec()
    page = (DOCS / "padding-stride-pooling.md").read_text()
    assert (
        "average pooling gives "
        + ", ".join(f"{v:.2f}" for row in pool.avg_out for v in row)
        in page
    )
    assert (
        "Max pooling gives " + ", ".join(f"{v:g}" for row in pool.max_out for v in row)
        in page
    )
    page = (DOCS / "receptive-field.md").read_text()
    assert (
        "is " + ", ".join(map(str, receptive_field_spec().rf[:-1])) + " and 15 pixels"
        in page
    )
