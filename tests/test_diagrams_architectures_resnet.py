"""The ResNet block diagrams (diagrams/architectures/resnet.py) draw the blocks' own convolutions."""

from __future__ import annotations

import pytest
import torch
from diagram_helpers import drawn, made

from syllabus_code.shapes import conv_output_size


def _stem_size(
    size: int = 224,
) -> int:  # ResNet stem: 7×7/2 conv (pad 3), 3×3/2 max pool (pad 1)
    return conv_output_size(conv_output_size(size, 7, 2, 3), 3, 2, 1)


@pytest.mark.parametrize(
    "name, factory, layer, in_ch",
    [
        ("basic_block", "resnet18", "layer2", 64),
        ("basic_block_identity", "resnet18", "layer1", 64),
        ("bottleneck_block", "resnet50", "layer2", 256),
    ],
)
def test_residual_block_labels_are_the_block_convolutions(name, factory, layer, in_ch):
    from syllabus_code import models

    block = getattr(getattr(models, factory)(), layer)[0].eval()
    spec, _ = made(name)
    convs = [block.conv1, block.conv2] + (
        [block.conv3] if hasattr(block, "conv3") else []
    )
    assert spec.numbers["convs"] == [
        (c.in_channels, c.out_channels, c.kernel_size[0], c.stride[0]) for c in convs
    ]
    assert spec.numbers["expansion"] == type(block).expansion
    assert convs[-1].out_channels == convs[0].out_channels * type(block).expansion
    size = _stem_size()
    assert spec.numbers["in"] == (in_ch, size, size)
    with torch.no_grad():
        out = block(torch.zeros(1, in_ch, size, size))
    assert spec.numbers["out"] == tuple(out.shape[1:])
    texts = drawn(name)
    for c in convs:
        assert any(
            f"{c.in_channels}→{c.out_channels} ch" in t
            and f"conv {c.kernel_size[0]}×" in t
            for t in texts
        )
    if block.downsample is None:
        assert spec.numbers["projection"] is None and "identity" in texts
    else:
        proj = block.downsample[0]
        assert spec.numbers["projection"] == (
            proj.in_channels,
            proj.out_channels,
            proj.stride[0],
        )
        assert (
            f"conv 1×1, stride {proj.stride[0]}\n{proj.in_channels}→{proj.out_channels} ch, BN"
            in texts
        )
    assert "×".join(map(str, out.shape[1:])) in texts
    e, planes = type(block).expansion, block.conv1.out_channels
    assert any(
        t.startswith(f"expansion = {e}: output")
        and t.endswith(f"{e * planes} channels")
        for t in texts
    )


def test_bottleneck_stride_sits_where_the_model_puts_it():
    # v1.5 (torchvision's default): on the 3×3 convolution
    spec, _ = made("bottleneck_block")
    strides = [c[3] for c in spec.numbers["convs"]]
    assert strides == [1, 2, 1]
    assert any(t.startswith("conv 3×3, stride 2") for t in drawn("bottleneck_block"))
