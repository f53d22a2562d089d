"""Self-check questions for docs/06-cnn-architectures/alexnet.md.

The 2012 network is built on the ``meta`` device (no memory for its 61 M weights, no
arithmetic); sizes come from ``shapes.conv_output_size`` / ``stack_shapes`` applied to the
kernel sizes, strides and paddings read from the built layers.
"""

from __future__ import annotations

import torch
from torch import nn

from syllabus_code.models import alexnet_paper
from syllabus_code.selfcheck import Choice, Mistake, Numeric
from syllabus_code.shapes import conv_output_size, conv_params, stack_shapes


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _paper():
    with torch.device("meta"):
        return alexnet_paper()


def _stack(features: nn.Sequential, no_padding: bool = False) -> list[dict]:
    layers = []
    for m in features:
        if isinstance(m, nn.Conv2d):
            layers.append(
                {
                    "type": "conv",
                    "k": m.kernel_size[0],
                    "s": m.stride[0],
                    "p": 0 if no_padding else m.padding[0],
                    "c_out": m.out_channels,
                }
            )
        elif isinstance(m, nn.MaxPool2d):
            layers.append({"type": "pool", "k": m.kernel_size, "s": m.stride})
    return layers


def _conv1_224(model) -> Numeric:
    conv = model.features[0]
    k, s, p = conv.kernel_size[0], conv.stride[0], conv.padding[0]
    answer = conv_output_size(224, k, s, p)
    unfloored = (224 - k + 2 * p) / s + 1
    tv = conv_output_size(224, k, s, 2)
    return Numeric(
        id="conv1-224",
        prompt=(
            f"The 2012 paper's conv1 has {conv.out_channels} kernels of \\({k}\\times{k}\\), "
            f"stride {s}, no padding. What is the width of its output map for a 224×224 input?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"\\(\\lfloor (n + 2p - k)/s \\rfloor + 1 = \\lfloor (224 + 0 - {k})/{s} \\rfloor + 1 "
            f"= \\lfloor {(224 - k) / s} \\rfloor + 1 = {answer}\\), not the {tv} the paper draws: "
            f"{tv} needs \\(n = 227\\) (\\((227 - {k})/{s} + 1 = {conv_output_size(227, k, s)}\\)), "
            f"or padding 2 as in torchvision's form."
        ),
        hint="Use \\(\\lfloor (n + 2p - k)/s \\rfloor + 1\\) with \\(p = 0\\).",
        mistakes=(
            Mistake(
                unfloored,
                "The output size is a whole number: take the floor of \\((n + 2p - k)/s\\) before adding 1.",
            ),
            Mistake(
                tv,
                "55 is what the paper's figure says, and what torchvision gets with padding 2; "
                "with no padding the formula gives less.",
            ),
        ),
    )


def _flat_224(model) -> Numeric:
    rows = stack_shapes((3, 224, 224), _stack(model.features))
    c, h, w = rows[-1]["shape"]
    answer = c * h * w
    c27, h27, w27 = stack_shapes((3, 227, 227), _stack(model.features))[-1]["shape"]
    at_227 = c27 * h27 * w27
    cn, hn, wn = stack_shapes((3, 224, 224), _stack(model.features, no_padding=True))[
        -1
    ]["shape"]
    sizes = [rows[0]["shape"][1]] + [
        r["shape"][1] for r in rows[1:] if r["params"] == 0
    ]
    chain = " \\to ".join(str(n) for n in sizes)
    return Numeric(
        id="flat-224",
        prompt=(
            "Without the adaptive average pool, how many numbers would the 2012 network's "
            "last max-pool hand to the first fully connected layer for a **224×224** input? "
            "(conv2 is padded by 2 and conv3–conv5 by 1, as on the page.)"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"conv1 gives {sizes[0]}; the three 3×3 stride-2 pools take it "
            f"\\({chain}\\) (the padded convolutions keep the size), "
            f"so the map is \\({c}\\times{h}\\times{w} = {_m(answer)}\\), while the layer's weights "
            f"expect \\({c27}\\times{h27}\\times{w27} = {_m(at_227)}\\), the 227×227 count."
        ),
        hint="Follow the width through conv1 (no padding) and the three 3×3 stride-2 max-pools.",
        mistakes=(
            Mistake(
                at_227,
                "That is the size for a 227×227 input, which the layer sizes were made for. "
                "Redo the arithmetic from 224.",
            ),
            Mistake(
                cn * hn * wn,
                "conv2 to conv5 are padded so that they keep the size; only conv1 and the pools shrink it.",
            ),
        ),
    )


def _conv2_grouped(model) -> Numeric:
    conv = model.features[4]
    k, c_in, c_out, g = (
        conv.kernel_size[0],
        conv.in_channels,
        conv.out_channels,
        conv.groups,
    )
    answer = sum(p.numel() for p in conv.parameters())
    ungrouped = conv_params(k, k, c_in, c_out)
    return Numeric(
        id="conv2-grouped",
        prompt=(
            f"In the 2012 network conv2 maps {c_in} channels to {c_out} with \\({k}\\times{k}\\) "
            f"kernels, split over two GPUs (`groups={g}`: each half of the filters reads only its "
            f"own GPU's {c_in // g} channels). How many parameters, biases included?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Each filter spans \\({k}\\times{k}\\times{c_in // g}\\), not {c_in}: "
            f"\\(({k * k}\\cdot{c_in // g} + 1)\\cdot{c_out} = {_m(answer)}\\), half the "
            f"{ungrouped:,} of an ungrouped layer (apart from the biases)."
        ),
        hint="With \\(g\\) groups each filter sees only \\(C_\\text{in}/g\\) input channels.",
        mistakes=(
            Mistake(
                ungrouped,
                "That is an ungrouped convolution: with groups=2 each filter reads only half the input channels.",
            ),
            Mistake(
                conv.weight.numel(), "You left out the biases, one per output channel."
            ),
        ),
    )


def questions() -> list[Numeric | Choice]:
    model = _paper()
    return [_conv1_224(model), _flat_224(model), _conv2_grouped(model)]
