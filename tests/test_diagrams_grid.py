"""Module 5's grid diagrams: the numbers drawn equal those of the layers and rules they show."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from syllabus_code.diagrams.draw import figure_texts, num
from syllabus_code.diagrams.grid import (RF_STACK, conv_layer_figure, conv_layer_spec,
                                         pooling_figure, pooling_spec, receptive_field_figure,
                                         receptive_field_spec, stride_padding_figure,
                                         stride_padding_spec)
from syllabus_code.shapes import conv_output_size, conv_params, receptive_field

DOCS = Path(__file__).resolve().parents[1] / "docs" / "05-cnns"


def joined(fig) -> str:
    return "\n".join(figure_texts(fig))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_conv_layer_numbers_are_the_layers_and_are_drawn(theme):
    spec = conv_layer_spec()
    assert (spec.c_in, spec.h, spec.w, spec.filters, spec.k) == (3, 5, 5, 2, 3)
    assert spec.h_out == spec.w_out == conv_output_size(5, 3)
    assert spec.params == conv_params(3, 3, 3, 2) == 56
    # the same layer in PyTorch gives the highlighted output
    rng = np.random.default_rng(0)
    x = rng.integers(-2, 3, size=(1, 3, 5, 5)).astype(float)
    w = rng.integers(-1, 2, size=(2, 3, 3, 3)).astype(float)
    b = torch.tensor([1.0, 2.0], dtype=torch.float64)
    y = torch.nn.functional.conv2d(torch.tensor(x), torch.tensor(w), b)
    assert y[0, 0, 0, 0].item() == spec.value == spec.window_sum + spec.bias
    text = joined(conv_layer_figure(spec, theme))
    for s in ("3 × 5 × 5", "3 × 3 × 3", "2 × 3 × 3", "= 56", f"= {num(spec.value)}",
              "filter 1", "filter 2"):
        assert s in text, s


def test_stride_padding_cases_follow_the_formula_and_pytorch():
    spec = stride_padding_spec()
    assert [c.n_out for c in spec] == [5, 3, 2]
    floor_case = spec[-1]
    assert not floor_case.exact and floor_case.unread == 1
    for c in spec:
        conv = nn.Conv2d(1, 1, c.k, stride=c.s, padding=c.p)
        assert conv(torch.zeros(1, 1, c.n, c.n)).shape[-1] == c.n_out == conv_output_size(
            c.n, c.k, c.s, c.p)
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


def test_pooling_numbers_are_numpy_nn_and_pytorch():
    spec = pooling_spec()
    x = torch.tensor([[spec.x]])
    assert nn.functional.max_pool2d(x, 2)[0, 0].tolist() == spec.max_out
    assert np.allclose(nn.functional.avg_pool2d(x, 2)[0, 0].numpy(), spec.avg_out)
    for i, row in enumerate(spec.argmax):
        for j, (r, c) in enumerate(row):
            assert spec.x[r][c] == spec.max_out[i][j]
    text = figure_texts(pooling_figure(spec, "dark"))
    values = [f"{v:g}" for row in spec.x for v in row]
    values += [f"{v:g}" for row in spec.max_out for v in row]
    values += [f"{v:.2f}" for row in spec.avg_out for v in row]
    for v in values:
        assert v in text, v
    assert text.count("4.25") == 1 and "max pool" in text and "average pool" in text


def test_pages_alt_text_states_the_drawn_numbers():
    conv = conv_layer_spec()
    page = (DOCS / "convolution.md").read_text()
    assert f"gives the output {num(conv.value).replace(chr(0x2212), '-')}" in page
    assert f"= {conv.params}.](figures/conv_layer.svg)" in page
    pool = pooling_spec()
    page = (DOCS / "padding-stride-pooling.md").read_text()
    assert "average pooling gives " + ", ".join(
        f"{v:.2f}" for row in pool.avg_out for v in row) in page
    assert "Max pooling gives " + ", ".join(
        f"{v:g}" for row in pool.max_out for v in row) in page
    page = (DOCS / "receptive-field.md").read_text()
    assert "is " + ", ".join(map(str, receptive_field_spec().rf[:-1])) + " and 15 pixels" in page
