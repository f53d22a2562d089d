"""The stride-and-padding grids (diagrams/grid/stride_padding.py) follow the output-size rule."""

from __future__ import annotations

import torch
from torch import nn

from syllabus_code.diagrams.draw import figure_texts
from syllabus_code.diagrams.grid.stride_padding import (
    stride_padding_figure,
    stride_padding_spec,
)
from syllabus_code.shapes import conv_output_size


def joined(fig) -> str:
    return "\n".join(figure_texts(fig))


def test_stride_padding_cases_follow_the_formula_and_pytorch():
    spec = stride_padding_spec()
    assert [c.n_out for c in spec] == [5, 3, 2]
    floor_case = spec[-1]
    assert not floor_case.exact and floor_case.unread == 1
    for c in spec:
        conv = nn.Conv2d(1, 1, c.k, stride=c.s, padding=c.p)
        assert (
            conv(torch.zeros(1, 1, c.n, c.n)).shape[-1]
            == c.n_out
            == conv_output_size(c.n, c.k, c.s, c.p)
        )
        text = joined(stride_padding_figure(spec))
        assert f"n = {c.n}, k = {c.k}, s = {c.s}, p = {c.p}" in text
        assert f"output {c.n_out} × {c.n_out}" in text
    assert "⌊1.5⌋ + 1 = 2" in joined(stride_padding_figure(spec, "dark"))


def test_unread_input_is_what_the_last_window_leaves():
    # a 6-wide input, k=3, s=2: windows start at 0 and 2 and read columns 0..4; column 5 is unread
    (c,) = stride_padding_spec([(6, 3, 2, 0)])
    x = torch.zeros(1, 1, 6, 6, requires_grad=True)
    nn.functional.conv2d(x, torch.ones(1, 1, 3, 3), stride=2).sum().backward()
    read = x.grad[0, 0].sum(0).numpy() != 0
    assert read.tolist() == [True] * (6 - c.unread) + [False] * c.unread
