"""The Module 8 diagrams (diagrams/architectures/efficient.py): costs and channels from the layers."""

from __future__ import annotations

import pytest
import torch
from diagram_helpers import drawn, made


def test_separable_costs_are_counted_from_the_layers():
    from syllabus_code.models.mobilenet import (
        separable_conv_params,
        separable_cost_ratio,
        standard_conv_params,
    )

    spec, _ = made("separable_vs_standard")
    c_in, c_out = spec.numbers["channels"]
    k = spec.numbers["k"]
    h, w = spec.numbers["in"][1:]
    assert (c_in, c_out, k, h) == (32, 64, 3, 112)
    cost = spec.numbers["cost"]
    assert cost["standard"][0] == standard_conv_params(c_in, c_out, k)
    assert spec.numbers["separable"][0] == separable_conv_params(c_in, c_out, k)
    # stride 1, pad 1: same size
    assert cost["standard"][1] == c_in * k * k * c_out * h * w
    assert spec.numbers["separable"][1] == (c_in * k * k + c_in * c_out) * h * w
    assert spec.numbers["ratio"] == pytest.approx(separable_cost_ratio(c_out, k))
    texts = drawn("separable_vs_standard")
    assert "conv weights: 18,432" in texts and "multiply-adds: 231.2 M" in texts
    assert (
        "conv weights: 288 + 2,048 = 2,336" in texts
        and "multiply-adds: 29.3 M" in texts
    )
    assert f"= {separable_cost_ratio(c_out, k):.3f} × standard" in texts


def test_mbconv_channels_are_efficientnet_b0s_block():
    from syllabus_code.models.efficientnet import efficientnet_b0

    block = efficientnet_b0().features[2][1].eval()
    expand, dw, se, project = block.block
    spec, _ = made("mbconv")
    n = spec.numbers
    assert n["expand"] == (expand[0].in_channels, expand[0].out_channels) == (24, 144)
    assert n["expand_ratio"] == 6
    assert n["depthwise"] == (
        dw[0].in_channels,
        dw[0].groups,
        dw[0].kernel_size[0],
        dw[0].stride[0],
    )
    assert (
        n["se"]
        == (se.fc1.in_channels, se.fc1.out_channels, se.fc2.out_channels)
        == (144, 6, 144)
    )
    assert n["project"] == (project[0].in_channels, project[0].out_channels)
    assert n["residual"] is block.use_res_connect is True
    # third of 16 blocks
    assert n["stochastic_depth"] == block.stochastic_depth.p == 0.2 * 2 / 16
    assert f"with probability {block.stochastic_depth.p:g} (this block)" in drawn(
        "mbconv"
    )
    with torch.no_grad():
        x = torch.zeros(1, *n["in"])
        assert tuple(block(x).shape[1:]) == n["out"] == (24, 56, 56)
        assert (
            tuple(se.avgpool(dw(expand(x))).shape[1:])
            == n["shapes"]["pool"]
            == (144, 1, 1)
        )
    texts = drawn("mbconv")
    assert {
        "expand: conv 1×1 (×6)\n24→144 ch, BN, SiLU",
        "conv 1×1: 144→6, SiLU",
        "conv 1×1: 6→144, sigmoid",
        "squeeze-and-excitation",
        "identity",
    } <= texts
