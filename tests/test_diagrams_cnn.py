"""The full-CNN diagram: every stage's shape and parameter count equal the model's."""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

from syllabus_code.diagrams.cnn import full_cnn_figure, full_cnn_spec
from syllabus_code.diagrams.draw import figure_texts
from syllabus_code.numpy_nn import conv_net


def test_shapes_and_parameters_equal_the_model_and_pytorch():
    spec = full_cnn_spec()
    params = conv_net.init_params((16, 32))
    assert sum(s.params for s in spec) == sum(v.size for v in params.values()) == 20586
    net = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1),
        nn.BatchNorm2d(16),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1),
        nn.BatchNorm2d(32),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(32 * 7 * 7, 10),
    )
    x = torch.zeros(2, 1, 28, 28)
    assert tuple(spec[0].shape) == (1, 28, 28)
    for layer, stage in zip(net, spec[1:], strict=True):
        x = layer(x)
        assert tuple(x.shape[1:]) == tuple(stage.shape), stage.name
        assert sum(p.numel() for p in layer.parameters()) == stage.params, stage.name


def test_every_stage_shape_and_count_is_drawn():
    spec = full_cnn_spec()
    for theme in ("light", "dark"):
        text = figure_texts(full_cnn_figure(spec, theme))
        for stage in spec:
            assert stage.name in text
            assert " × ".join(map(str, stage.shape)) in text
            if stage.params:
                assert f"{stage.params:,}" in text
        assert "total 20,586" in text


def test_the_page_alt_text_lists_the_shapes():
    page = (
        Path(__file__).resolve().parents[1] / "docs/05-cnns/full-cnn.md"
    ).read_text()
    alt = page.split("![The full CNN", 1)[1].split("](figures/full_cnn.svg)")[0]
    for stage in full_cnn_spec():
        assert "×".join(map(str, stage.shape)) in alt.replace("flatten to 1568", "1568")
