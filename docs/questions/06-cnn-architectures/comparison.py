"""Self-check questions for docs/06-cnn-architectures/comparison.md.

MACs are counted by hand from the layers of the built models (weights × output pixels, with
``shapes.conv_output_size``), not with ``count_macs``, whose first use imports part of
PyTorch's compiler stack (seconds). VGG-16 is built on the ``meta`` device without its
initialisation; LeNet-5 on a CPU.
"""

from __future__ import annotations

import torch
from torch import nn

from syllabus_code.models import LeNet5, vgg16
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option
from syllabus_code.shapes import conv_output_size


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _conv_macs(conv: nn.Conv2d, n: int, padding: int | None = None) -> tuple[int, int]:
    p = conv.padding[0] if padding is None else padding
    side = conv_output_size(n, conv.kernel_size[0], conv.stride[0], p)
    return conv.weight.numel() * side * side, side


def _lenet_c1() -> Numeric:
    c1 = LeNet5().features[0]
    answer, side = _conv_macs(c1, 32)
    w = c1.weight.numel()
    k, c_out = c1.kernel_size[0], c1.out_channels
    return Numeric(
        id="lenet-c1-macs",
        prompt=(
            f"How many multiply-accumulates does LeNet-5's C1 ({c_out} filters of \\({k}\\times{k}\\) "
            f"on one 32×32 input channel, no padding) do for one image? Count one MAC per weight "
            f"per output pixel; the bias addition is not a MAC."
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"The output is \\({side}\\times{side}\\) (\\(32 - {k} + 1 = {side}\\)); each of the "
            f"\\({k * k}\\cdot{c_out} = {w}\\) weights is used once per output pixel: "
            f"\\({w}\\cdot{side}^2 = {_m(answer)}\\) MACs."
        ),
        hint="MACs of a convolution = (number of weights) × (output height × output width).",
        mistakes=(
            Mistake(
                w,
                "That is the number of weights; every weight is used once at every output pixel.",
            ),
            Mistake(
                w * 32 * 32,
                "Multiply by the output pixels (28×28 here), not the input pixels.",
            ),
            Mistake(
                (w + c_out) * side * side,
                "The bias is added, not multiplied: it is not a multiply-accumulate.",
            ),
        ),
    )


def _vgg_conv12(model) -> Numeric:
    conv = model.features[2]  # conv1_2: 64 -> 64 at full resolution
    macs, side = _conv_macs(conv, 224)
    answer = macs / 1e6
    unpadded, _ = _conv_macs(conv, 224, padding=0)
    return Numeric(
        id="vgg-conv12-macs",
        prompt=(
            f"VGG-16's second convolution maps {conv.in_channels} channels to {conv.out_channels} "
            f"with a 3×3 kernel, padding 1, on a 224×224 map. How many **millions** of "
            f"multiply-accumulates does it do per image? Give one decimal."
        ),
        answer=answer,
        tolerance=0.05,
        unit="M MACs",
        solution=(
            f"Weights \\(9\\cdot{conv.in_channels}\\cdot{conv.out_channels} = {_m(conv.weight.numel())}\\), "
            f"output \\({side}\\times{side}\\) (padding 1 keeps the size): "
            f"\\({_m(conv.weight.numel())}\\cdot{side}^2 = {_m(macs)}\\), about {answer:.1f} M MACs "
            f"for one layer: the early, full-resolution convolutions are where the arithmetic is."
        ),
        hint="MACs = weights × output pixels; padding 1 keeps a 3×3 convolution's output at 224×224.",
        mistakes=(
            Mistake(
                round(2 * answer, 1),
                "That counts FLOPs, two per multiply-add; the question asks for MACs.",
            ),
            Mistake(
                round(unpadded / 1e6, 1),
                "The layer is padded by 1, so its output is 224×224, not 222×222.",
            ),
        ),
    )


def _where(model) -> Choice:
    convs = [m for m in model.features if isinstance(m, nn.Conv2d)]
    fcs = [m for m in model.classifier if isinstance(m, nn.Linear)]
    side, conv_macs = 224, 0
    for m in model.features:
        if isinstance(m, nn.Conv2d):
            side = conv_output_size(side, m.kernel_size[0], m.stride[0], m.padding[0])
            conv_macs += m.weight.numel() * side * side
        elif isinstance(m, nn.MaxPool2d):
            side = conv_output_size(side, m.kernel_size, m.stride)
    fc_macs = sum(m.weight.numel() for m in fcs)
    conv_params = sum(p.numel() for m in convs for p in m.parameters())
    fc_params = sum(p.numel() for m in fcs for p in m.parameters())
    p_share = 100 * fc_params / (conv_params + fc_params)
    m_share = 100 * conv_macs / (conv_macs + fc_macs)
    return Choice(
        id="params-vs-macs",
        prompt="For VGG-16 on a 224×224 image, where are most of the parameters and most of the multiply-accumulates?",
        options=(
            Option(
                "Parameters: the fully connected layers. MACs: the convolutions.",
                True,
                f"Right: the three linear layers hold {p_share:.0f}% of the parameters but run once "
                f"per image, so they cost only {fc_macs / 1e6:.0f} M MACs; the convolutions reuse "
                f"each weight at every pixel and do {m_share:.1f}% of the MACs.",
            ),
            Option(
                "Both in the convolutions.",
                False,
                f"The convolutions do most of the arithmetic, but the first linear layer alone "
                f"(\\({fcs[0].in_features}\\cdot{fcs[0].out_features}\\) weights) outweighs all {len(convs)} convolutions' "
                f"{conv_params / 1e6:.1f} M parameters.",
            ),
            Option(
                "Both in the fully connected layers.",
                False,
                f"A linear layer uses each weight once per image: {fc_macs / 1e6:.0f} M MACs, "
                f"against {conv_macs / 1e9:.2f} G in the convolutions.",
            ),
            Option(
                "Parameters: the convolutions. MACs: the fully connected layers.",
                False,
                "Both halves are reversed: weight sharing makes convolutions cheap in parameters "
                "and expensive in arithmetic.",
            ),
        ),
        solution=(
            f"Convolutions: {conv_params:,} parameters and {conv_macs:,} MACs (weights × output "
            f"pixels, layer by layer). Linear layers: {fc_params:,} parameters and {fc_macs:,} "
            f"MACs. Parameters and compute do not go together."
        ),
    )


def questions() -> list[Numeric | Choice]:
    with torch.device("meta"):
        model = vgg16(init_weights=False)
    return [_lenet_c1(), _vgg_conv12(model), _where(model)]
