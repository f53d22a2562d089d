"""DenseNet-121's first dense block and transition (Module 6)."""

from __future__ import annotations

from torch import nn

from ..blocks import Box, Flow, Gap, Group, Skip
from .common import (
    Diagram,
    diagram,
    meta_image,
    meta_model,
    pool_label,
    shape_text,
    trace,
)


@diagram
def dense_block():
    """DenseNet-121's first dense block (6 layers, growth rate 32) and the transition after it."""
    from ...models.densenet import densenet121

    model = meta_model(densenet121)
    block, trans = model.features.denseblock1, model.features.transition1
    layers = list(block.values())
    mods = {
        "block": block,
        "trans_conv": trans.conv,
        "trans_pool": trans.pool,
        **{f"layer{i}": layer for i, layer in enumerate(layers, start=1)},
    }
    upto = list(model.features.children())[: list(model.features).index(trans) + 1]
    # the stem, block 1, transition 1
    shapes = trace(nn.Sequential(*upto), meta_image(), mods)
    size = "×".join(map(str, shapes["block"]["in"][1:]))
    k = layers[0].conv2.out_channels

    def layer_box(i: int, layer) -> Box:
        c1, c2 = layer.conv1, layer.conv2
        return Box(
            f"dense layer {i}\nBN, ReLU, conv 1×1: {c1.in_channels}→{c1.out_channels}\n"
            f"BN, ReLU, conv 3×3: {c2.in_channels}→{c2.out_channels}",
            note=shape_text(shapes[f"layer{i}"]["out"]),
            key=f"layer{i}",
        )

    def concat_box(i: int, layer) -> Box:
        c_in = layer.conv1.in_channels
        out = c_in + layer.conv2.out_channels
        return Box(
            f"concatenate: {c_in} + {layer.conv2.out_channels} = {out} ch",
            note=f"{out}×{size}",
            key=f"cat{i}",
        )

    shown = [1, 2, len(layers)]
    steps: list = [
        Box(f"input\n{shape_text(shapes['block']['in'])}", role="input", key="cat0")
    ]
    skips = []
    prev = "cat0"
    for i in shown:
        if i == len(layers) and len(layers) > 3:
            steps.append(
                Gap(f"layers 3–{len(layers) - 1}:\n+{k} channels each", key="gap")
            )
            prev = "gap"
        layer = layers[i - 1]
        steps += [layer_box(i, layer), concat_box(i, layer)]
        skips.append(Skip(prev, f"cat{i}"))
        prev = f"cat{i}"
    tc, tp = trans.conv, trans.pool
    steps += [
        Box(
            f"BN, ReLU, conv 1×1\n{tc.in_channels}→{tc.out_channels} ch",
            key="t1",
            note=shape_text(shapes["trans_conv"]["out"]),
        ),
        Box(
            pool_label(tp, "avg"),
            key="t2",
            note=shape_text(shapes["trans_pool"]["out"]),
        ),
        Box(f"output\n{shape_text(shapes['trans_pool']['out'])}", role="activation"),
    ]
    flow = Flow(
        steps,
        skips=skips,
        groups=[
            Group("layer1", f"cat{len(layers)}", f"dense block 1: growth rate k = {k}"),
            Group(
                "t1",
                "t2",
                f"transition (compression {tc.out_channels / tc.in_channels:g})",
            ),
        ],
        title="DenseNet-121: dense block 1 and transition 1",
        notes="left",
        footer=[f"each layer reads all earlier maps and adds k = {k} channels"],
    )
    numbers = {
        "growth_rate": k,
        "in": shapes["block"]["in"],
        "block_out": shapes["block"]["out"],
        "layers": [
            (
                l.conv1.in_channels,
                l.conv1.out_channels,
                l.conv2.in_channels,
                l.conv2.out_channels,
            )
            for l in layers
        ],
        "shown": shown,
        "transition": (tc.in_channels, tc.out_channels, shapes["trans_pool"]["out"]),
        "compression": tc.out_channels / tc.in_channels,
    }
    return Diagram([flow], numbers)
