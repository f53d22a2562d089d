"""Self-check questions for docs/06-cnn-architectures/vgg.md.

Counts from ``shapes.stacked_kernel_params`` and from VGG-16's convolutional part built on
the ``meta`` device (no weights allocated); sizes from ``shapes.stack_shapes`` on the
configuration table (no 224×224 forward pass).
"""

from __future__ import annotations

import torch

from syllabus_code.models import vgg16, vgg16_bn
from syllabus_code.models.vgg import CFGS
from syllabus_code.selfcheck import Choice, Mistake, Numeric
from syllabus_code.shapes import conv_params, stack_shapes, stacked_kernel_params


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _three_by_three() -> Numeric:
    c = 128
    answer = stacked_kernel_params(c, k=3, layers=3)
    one_7 = stacked_kernel_params(c, k=7, layers=1)
    one_3 = stacked_kernel_params(c, k=3, layers=1)
    with_bias = 3 * conv_params(3, 3, c, c)
    return Numeric(
        id="three-3x3",
        prompt=(
            f"Three stacked 3×3 convolutions, each with \\(C = {c}\\) channels in and out, see a "
            f"7×7 window. How many **weights** (no biases) do the three layers have together?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Each layer has \\(3^2 C^2 = 9\\cdot{c}^2 = {_m(one_3)}\\) weights, so three have "
            f"\\(27 C^2 = {_m(answer)}\\), against \\(49 C^2 = {_m(one_7)}\\) for one 7×7 layer: "
            f"{100 * (1 - answer / one_7):.0f}% fewer, with three non-linearities instead of one."
        ),
        hint="One \\(k\\times k\\) layer from \\(C\\) to \\(C\\) channels has \\(k^2 C^2\\) weights.",
        mistakes=(
            Mistake(one_7, "That is one 7×7 layer, the layer the stack replaces."),
            Mistake(one_3, "That is one 3×3 layer; the stack has three."),
            Mistake(
                with_bias, "The question asks for weights only; you added the biases."
            ),
        ),
    )


def _bn_extra(plain) -> Numeric:
    # counts only; init_weights=False skips the initialisation
    with torch.device("meta"):
        bn = vgg16_bn(init_weights=False)
    n_plain = sum(p.numel() for p in plain.parameters())
    n_bn = sum(p.numel() for p in bn.parameters())
    answer = n_bn - n_plain
    channels = [v for v in CFGS["D"] if v != "M"]
    buffers = 4 * sum(channels)
    return Numeric(
        id="bn-extra",
        prompt=(
            "`vgg16_bn` puts a BatchNorm after each of VGG-16's 13 convolutions. How many more "
            "**parameters** does it have than `vgg16`?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"A BatchNorm on \\(C\\) channels learns a scale \\(\\gamma\\) and a shift \\(\\beta\\) "
            f"per channel. The 13 convolutions output {' + '.join(map(str, channels))} = "
            f"{sum(channels):,} channels, so BN adds \\(2\\times{_m(sum(channels))} = {_m(answer)}\\) "
            f"parameters ({n_bn:,} − {n_plain:,})."
        ),
        hint="Count what a BatchNorm *learns* per channel, then the output channels of the 13 convolutions.",
        mistakes=(
            Mistake(
                buffers,
                "The running mean and variance are buffers, not parameters: the optimiser "
                "never changes them. Count only \\(\\gamma\\) and \\(\\beta\\).",
            ),
            Mistake(
                sum(channels),
                "A BatchNorm learns two numbers per channel, a scale and a shift.",
            ),
        ),
    )


def _map_64(model) -> Numeric:
    layers = []
    for m in model.features:  # the rules of each layer, read from the built model
        if isinstance(m, torch.nn.Conv2d):
            layers.append(
                {
                    "type": "conv",
                    "k": m.kernel_size[0],
                    "s": m.stride[0],
                    "p": m.padding[0],
                    "c_out": m.out_channels,
                }
            )
        elif isinstance(m, torch.nn.MaxPool2d):
            layers.append({"type": "pool", "k": m.kernel_size, "s": m.stride})
    rows = stack_shapes((3, 64, 64), layers)
    answer = rows[-1]["shape"][1]
    pools = sum(layer["type"] == "pool" for layer in layers)
    adaptive = model.avgpool.output_size[0]
    return Numeric(
        id="map-64",
        prompt=(
            "VGG-16 is given a 64×64 image. What is the height (= width) of the last feature "
            "map, before the adaptive average pool?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Every 3×3 convolution has padding 1 and keeps the size; each of the {pools} "
            f"pools (2×2, stride 2) halves it: \\(64 / 2^{pools} = {answer}\\). The adaptive pool then "
            f"spreads this {answer}×{answer} map over {adaptive}×{adaptive} for the classifier "
            f"(each output averages the one or two rows and columns its bin overlaps)."
        ),
        hint="Which layers change the size? Count the pools in the configuration.",
        mistakes=(
            Mistake(
                adaptive,
                f"{adaptive}×{adaptive} is what the adaptive average pool outputs, whatever the input; the question "
                "asks for the map before it.",
            ),
            Mistake(64 // 2 ** (pools - 1), "VGG-16 has five pools, not four."),
        ),
    )


def questions() -> list[Numeric | Choice]:
    # no weights allocated; init_weights=False skips the initialisation
    with torch.device("meta"):
        model = vgg16(init_weights=False)
    return [_three_by_three(), _bn_extra(model), _map_64(model)]
