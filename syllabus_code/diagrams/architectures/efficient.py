"""The efficient blocks of Module 8: MobileNet's depthwise separable layer beside a standard
convolution, and EfficientNet-B0's MBConv with squeeze-and-excitation."""

from __future__ import annotations

import torch
from torch import nn

from ..blocks import Box, Flow, Group, Op, Skip
from .common import (
    Diagram,
    conv_label,
    diagram,
    meta_image,
    meta_model,
    shape_text,
    trace,
)


def _macs(conv: nn.Conv2d, out_shape) -> int:
    """Multiply-adds of a convolution: each weight is used once per output position."""
    return conv.weight.numel() * out_shape[-1] * out_shape[-2]


@diagram
def separable_vs_standard():
    """MobileNet v1's first depthwise separable layer (32→64 at 112×112) beside a standard 3×3 conv."""
    from ...models.mobilenet import _conv_bn_relu, mobilenet_v1

    model = meta_model(mobilenet_v1)
    layer = model.features[1]
    dw, pw = layer.depthwise[0], layer.pointwise[0]
    with torch.device("meta"):
        standard = _conv_bn_relu(dw.in_channels, pw.out_channels, dw.kernel_size[0])
    shapes = trace(model, meta_image(), {"layer": layer, "dw": dw, "pw": pw})
    x_in = shapes["layer"]["in"]
    std_out = tuple(standard(torch.zeros(1, *x_in, device="meta")).shape[1:])
    conv = standard[0]
    cost = {
        "standard": (conv.weight.numel(), _macs(conv, std_out)),
        "depthwise": (dw.weight.numel(), _macs(dw, shapes["dw"]["out"])),
        "pointwise": (pw.weight.numel(), _macs(pw, shapes["pw"]["out"])),
    }
    sep_w = cost["depthwise"][0] + cost["pointwise"][0]
    sep_m = cost["depthwise"][1] + cost["pointwise"][1]
    ratio = sep_m / cost["standard"][1]

    def mega(n: int) -> str:
        return f"{n / 1e6:.1f} M"

    left = Flow(
        [
            Box(f"input\n{shape_text(x_in)}", role="input"),
            Box(
                conv_label(conv, ", BN, ReLU") + f"\n{conv.out_channels} filters of "
                f"{conv.kernel_size[0]}×{conv.kernel_size[0]}×{conv.in_channels}"
            ),
            Box(f"output\n{shape_text(std_out)}", role="activation"),
        ],
        title="standard convolution",
        footer=[
            f"conv weights: {cost['standard'][0]:,}",
            f"multiply-adds: {mega(cost['standard'][1])}",
        ],
    )
    right = Flow(
        [
            Box(f"input\n{shape_text(x_in)}", role="input"),
            Box(
                conv_label(dw, ", BN, ReLU") + f"\n{dw.out_channels} filters of "
                f"{dw.kernel_size[0]}×{dw.kernel_size[0]}×1"
            ),
            Box(f"{shape_text(shapes['dw']['out'])}", role="activation"),
            Box(
                "pointwise "
                + conv_label(pw, ", BN, ReLU")
                + f"\n{pw.out_channels} filters of "
                f"1×1×{pw.in_channels}"
            ),
            Box(f"output\n{shape_text(shapes['pw']['out'])}", role="activation"),
        ],
        title="depthwise separable",
        footer=[
            f"conv weights: {cost['depthwise'][0]:,} + {cost['pointwise'][0]:,} = {sep_w:,}",
            f"multiply-adds: {mega(sep_m)}",
            f"= {ratio:.3f} × standard",
        ],
    )
    numbers = {
        "in": x_in,
        "standard_out": std_out,
        "dw_out": shapes["dw"]["out"],
        "pw_out": shapes["pw"]["out"],
        "cost": cost,
        "separable": (sep_w, sep_m),
        "ratio": ratio,
        "channels": (dw.in_channels, pw.out_channels),
        "k": dw.kernel_size[0],
    }
    return Diagram([left, right], numbers, gap=0.35)


@diagram
def mbconv():
    """EfficientNet-B0's stage-2 second block: MBConv6, 3×3, 24→24, with SE and the residual."""
    from ...models.efficientnet import efficientnet_b0

    model = meta_model(efficientnet_b0)
    block = model.features[2][1]
    expand, dw, se, project = block.block
    mods = {
        "block": block,
        "expand": expand,
        "dw": dw,
        "pool": se.avgpool,
        "fc1": se.fc1,
        "fc2": se.fc2,
        "se": se,
        "project": project,
    }
    # stem and stages 1-2 suffice
    shapes = trace(model.features[:3], meta_image(), mods)
    e, d, p = expand[0], dw[0], project[0]
    ratio = e.out_channels // e.in_channels
    note = {k: shape_text(v["out"]) for k, v in shapes.items()}
    flow = Flow(
        [
            Box(f"input\n{shape_text(shapes['block']['in'])}", role="input", key="in"),
            Box(
                f"expand: conv 1×1 (×{ratio})\n{e.in_channels}→{e.out_channels} ch, BN, SiLU",
                note=note["expand"],
            ),
            Box(conv_label(d, ", BN, SiLU"), note=note["dw"], key="dw"),
            Box("global average pool", note=note["pool"], key="se1"),
            Box(
                f"conv 1×1: {se.fc1.in_channels}→{se.fc1.out_channels}, SiLU",
                note=note["fc1"],
            ),
            Box(
                f"conv 1×1: {se.fc2.in_channels}→{se.fc2.out_channels}, sigmoid",
                note=note["fc2"],
            ),
            Op("×", key="mul", note=note["se"]),
            Box(
                f"project: conv 1×1\n{p.in_channels}→{p.out_channels} ch, BN (no activation)",
                note=note["project"],
            ),
            Op("+", key="add", note=shape_text(shapes["block"]["out"])),
            Box(f"output\n{shape_text(shapes['block']['out'])}", role="activation"),
        ],
        skips=[Skip("dw", "mul"), Skip("in", "add", text="identity")],
        groups=[Group("se1", "mul", "squeeze-and-excitation")],
        title="MBConv (EfficientNet-B0, stage 2, block 2)",
        notes="left",
        footer=[
            "in training, stochastic depth drops the branch",
            f"with probability {block.stochastic_depth.p:g} (this block)",
        ],
    )
    numbers = {
        "in": shapes["block"]["in"],
        "out": shapes["block"]["out"],
        "expand_ratio": ratio,
        "expand": (e.in_channels, e.out_channels),
        "depthwise": (d.in_channels, d.groups, d.kernel_size[0], d.stride[0]),
        "se": (se.fc1.in_channels, se.fc1.out_channels, se.fc2.out_channels),
        "project": (p.in_channels, p.out_channels),
        "residual": block.use_res_connect,
        "stochastic_depth": block.stochastic_depth.p,
        "shapes": {k: v["out"] for k, v in shapes.items()},
    }
    return Diagram([flow], numbers)
