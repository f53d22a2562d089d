"""ResNet's residual blocks (Module 6): BasicBlock with an identity or projection shortcut, Bottleneck."""

from __future__ import annotations

from torch import nn

from ..blocks import Box, Flow, Op, Skip
from .common import (
    Diagram,
    conv_label,
    diagram,
    meta_image,
    meta_model,
    shape_text,
    trace,
)


def _residual_flow(block: nn.Module, shapes: dict, title: str) -> tuple[Flow, dict]:
    from ...models.resnet import BasicBlock

    basic = isinstance(block, BasicBlock)
    convs = [block.conv1, block.conv2] + ([] if basic else [block.conv3])
    steps: list = [
        Box(f"input\n{shape_text(shapes['block']['in'])}", role="input", key="in")
    ]
    for i, conv in enumerate(convs, start=1):
        last = i == len(convs)
        steps.append(
            Box(
                conv_label(conv, ", BN" if last else ", BN, ReLU"),
                note=shape_text(shapes[f"conv{i}"]["out"]),
            )
        )
    steps += [Op("+", key="add"), Box("ReLU", note=shape_text(shapes["block"]["out"]))]
    if block.downsample is None:
        skip = Skip("in", "add", text="identity")
    else:
        proj = block.downsample[0]
        skip = Skip("in", "add", text="projection", box=Box(conv_label(proj, ", BN")))
    e = type(block).expansion
    planes = block.conv1.out_channels
    footer = [
        f"expansion = {e}: output {e}·{planes} = {e * planes} channels"
        if e != 1
        else f"expansion = 1: output {planes} channels"
    ]
    flow = Flow(steps, skips=[skip], title=title, notes="left", footer=footer)
    numbers = {
        "convs": [
            (c.in_channels, c.out_channels, c.kernel_size[0], c.stride[0])
            for c in convs
        ],
        "expansion": type(block).expansion,
        "projection": None
        if block.downsample is None
        else (
            block.downsample[0].in_channels,
            block.downsample[0].out_channels,
            block.downsample[0].stride[0],
        ),
        "shapes": [shapes[f"conv{i}"]["out"] for i in range(1, len(convs) + 1)],
        "in": shapes["block"]["in"],
        "out": shapes["block"]["out"],
    }
    return flow, numbers


def _resnet_block(factory, layer: str, index: int, title: str) -> Diagram:
    model = meta_model(factory)
    block = getattr(model, layer)[index]
    convs = {"block": block, "conv1": block.conv1, "conv2": block.conv2}
    if hasattr(block, "conv3"):
        convs["conv3"] = block.conv3
    shapes = trace(model, meta_image(), convs)
    flow, numbers = _residual_flow(block, shapes, title)
    return Diagram([flow], numbers)


@diagram
def basic_block():
    """ResNet-18's second stage, first block: BasicBlock 64→128 with stride 2 and a projection shortcut."""
    from ...models.resnet import resnet18

    return _resnet_block(resnet18, "layer2", 0, "BasicBlock (ResNet-18, layer2[0])")


@diagram
def basic_block_identity():
    """ResNet-18's first block: BasicBlock 64→64 with the identity shortcut."""
    from ...models.resnet import resnet18

    return _resnet_block(resnet18, "layer1", 0, "BasicBlock (ResNet-18, layer1[0])")


@diagram
def bottleneck_block():
    """ResNet-50's second stage, first block: Bottleneck 256→128→512, stride 2, projection."""
    from ...models.resnet import resnet50

    return _resnet_block(resnet50, "layer2", 0, "Bottleneck (ResNet-50, layer2[0])")
