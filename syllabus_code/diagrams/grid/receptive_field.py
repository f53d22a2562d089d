"""The receptive field of a stack of layers drawn on rows of units, from
:func:`~syllabus_code.shapes.receptive_field`."""

from __future__ import annotations

from dataclasses import dataclass, field

from syllabus_code.shapes import layer_stride, receptive_field

from ..draw import FONT, canvas

RF_STACK = ({"k": 3, "s": 1}, {"k": 3, "s": 2}, {"k": 2, "s": 2}, {"k": 3, "s": 1})
"""The stack of the receptive-field page (its gradient check builds the same one in PyTorch)."""


@dataclass
class ReceptiveFieldSpec:
    layers: list  # the stack's dicts
    rf: list  # receptive field after each layer (shapes.receptive_field)
    # per row (input first): units feeding the top
    spans: list = field(default_factory=list)
    centres: list = field(default_factory=list)  # x of those units, in input pixels


def receptive_field_spec(layers=RF_STACK) -> ReceptiveFieldSpec:
    """The receptive field after each layer, and which units of every layer feed one top unit.

    The spans are found by walking down from the top unit (a unit i of layer l reads units
    i*s .. i*s + k - 1 of the layer below), independently of the recurrence in ``rf``.
    """
    layers = [dict(l) for l in layers]
    rf = receptive_field(layers)
    strides = [layer_stride(l, i) for i, l in enumerate(layers)]
    lo, hi, spans = 0, 0, [(0, 0)]
    for l in reversed(layers):
        s = layer_stride(l)
        lo, hi = lo * s, hi * s + l["k"] - 1
        spans.append((lo, hi))
    spans = spans[::-1]  # input first, the top unit last
    centres, jump, field_ = [], 1, 1
    for row, (lo, hi) in enumerate(spans):
        centres.append([i * jump + (field_ - 1) / 2 for i in range(lo, hi + 1)])
        if row < len(layers):
            field_ += (layers[row]["k"] - 1) * jump
            jump *= strides[row]
    return ReceptiveFieldSpec(layers, rf, spans, centres)


def receptive_field_figure(spec: ReceptiveFieldSpec, theme: str = "light"):
    n_in = spec.spans[0][1] - spec.spans[0][0] + 1
    cell, gap = 0.3, 0.72
    width = n_in * cell + 2.0
    cv = canvas(width, gap * len(spec.spans) + 0.45, theme)
    p = cv.p
    y_of = [0.3 + gap * r for r in range(len(spec.spans))]
    x_of = lambda c: 0.1 + (c + 0.5) * cell  # noqa: E731 - centre of input pixel c
    # connections: each unit to the k units below it that it reads
    for row in range(1, len(spec.spans)):
        layer, s = spec.layers[row - 1], layer_stride(spec.layers[row - 1])
        lo_below = spec.spans[row - 1][0]
        for i, cx in zip(
            range(spec.spans[row][0], spec.spans[row][1] + 1), spec.centres[row]
        ):
            for t in range(layer["k"]):
                below = spec.centres[row - 1][i * s + t - lo_below]
                cv.line(
                    x_of(cx),
                    y_of[row] - 0.11,
                    x_of(below),
                    y_of[row - 1] + 0.11,
                    p.edge("weight"),
                    0.7,
                    z=1,
                )
    for row, centres in enumerate(spec.centres):
        role = "input" if row == 0 else "activation"
        for cx in centres:
            if row == 0:
                cv.rect(
                    x_of(cx) - cell / 2,
                    y_of[0] - cell / 2,
                    cell,
                    cell,
                    face=p.fill(role),
                    edge=p.edge(role),
                    lw=0.8,
                    z=2,
                )
            else:
                cv.unit(x_of(cx), y_of[row], r=0.11, role=role)
        if row == 0:
            label = f"input: {n_in} pixels"
        else:
            layer = spec.layers[row - 1]
            label = f"k={layer['k']}, s={layer_stride(layer)}: RF = {spec.rf[row - 1]}"
        cv.text(0.1 + n_in * cell + 0.12, y_of[row], label, ha="left", size=FONT)
    cv.text(
        0.1 + n_in * cell / 2, y_of[-1] + 0.3, "one unit of the last layer", size=FONT
    )
    return cv.fit()
