"""The conv-layer grid (diagrams/grid/conv_layer.py): its numbers are the layer's, in NumPy and PyTorch."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from syllabus_code.diagrams.draw import figure_texts, num
from syllabus_code.diagrams.grid.conv_layer import conv_layer_figure, conv_layer_spec
from syllabus_code.shapes import conv_output_size, conv_params


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
    for s in (
        "3 × 5 × 5",
        "3 × 3 × 3",
        "2 × 3 × 3",
        "= 56",
        f"= {num(spec.value)}",
        "filter 1",
        "filter 2",
    ):
        assert s in text, s
