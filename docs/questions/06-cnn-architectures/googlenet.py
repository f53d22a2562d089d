"""Self-check questions for docs/06-cnn-architectures/googlenet.md.

GoogLeNet is built on the ``meta`` device without its custom initialisation (no weights
allocated, no arithmetic); the questions read its layers' shapes and settings.
"""

from __future__ import annotations

import math

import torch

from syllabus_code.models import googlenet
from syllabus_code.selfcheck import Choice, Mistake, Numeric
from syllabus_code.shapes import conv_params


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _model():
    # with the paper's 5x5 kernels (torchvision's slip uses 3x3)
    with torch.device("meta"):
        return googlenet(aux_logits=False, init_weights=False, branch3_kernel=5)


def _reduce_3a(model) -> Numeric:
    module = model.inception3a
    convs = [module.branch3[0].conv, module.branch3[1].conv]
    c_in, red, c_out = (
        convs[0].in_channels,
        convs[0].out_channels,
        convs[1].out_channels,
    )
    answer = sum(c.weight.numel() for c in convs)
    direct = conv_params(5, 5, c_in, c_out, bias=False)
    only_5 = convs[1].weight.numel()
    with_bn = sum(p.numel() for p in module.branch3.parameters())
    return Numeric(
        id="reduce-3a",
        prompt=(
            f"Inception module 3a's 5×5 branch (the paper's kernel) goes from {c_in} channels "
            f"to {c_out}, after a 1×1 reduction to {red} channels. How many convolution "
            f"**weights** does the branch have (no biases, no BatchNorm)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"1×1 reduction: \\({c_in}\\cdot{red} = {_m(convs[0].weight.numel())}\\); "
            f"5×5 convolution on the reduced tensor: \\(25\\cdot{red}\\cdot{c_out} = {_m(only_5)}\\); "
            f"together \\({_m(answer)}\\), against \\(25\\cdot{c_in}\\cdot{c_out} = {_m(direct)}\\) "
            f"for a 5×5 convolution straight from {c_in} channels ({direct / answer:.1f} times more)."
        ),
        hint="Add the 1×1 reduction's \\(C_\\text{in} C_\\text{red}\\) to the 5×5 layer's \\(25\\,C_\\text{red} C_\\text{out}\\).",
        mistakes=(
            Mistake(
                direct,
                "That is a 5×5 convolution without the reduction; the branch first shrinks to 16 channels.",
            ),
            Mistake(
                only_5,
                "You counted the 5×5 layer only; the 1×1 reduction has weights too.",
            ),
            Mistake(
                with_bn,
                "The question leaves out BatchNorm; you added its scales and shifts.",
            ),
        ),
    )


def _channels_4e(model) -> Numeric:
    module = model.inception4e
    widths = [
        module.branch1.conv.out_channels,
        module.branch2[1].conv.out_channels,
        module.branch3[1].conv.out_channels,
        module.branch4[1].conv.out_channels,
    ]
    reduces = [module.branch2[0].conv.out_channels, module.branch3[0].conv.out_channels]
    answer = sum(widths)
    return Numeric(
        id="channels-4e",
        prompt=(
            f"Inception 4e has #1×1 = {widths[0]}, #3×3 reduce = {reduces[0]}, #3×3 = {widths[1]}, "
            f"#5×5 reduce = {reduces[1]}, #5×5 = {widths[2]} and pool proj = {widths[3]}. "
            f"How many channels does it output?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"The four branches are concatenated on the channel axis; the reductions are "
            f"internal to their branches: \\({' + '.join(map(str, widths))} = {answer}\\)."
        ),
        hint="Only the last layer of each of the four branches reaches the concatenation.",
        mistakes=(
            Mistake(
                answer + sum(reduces),
                "The 1×1 reductions feed their own branch's 3×3 or 5×5 "
                "convolution; they are not part of the output.",
            ),
            Mistake(
                answer - widths[3],
                "The pooling branch's 1×1 projection is concatenated too.",
            ),
        ),
    )


def _ceil_pool(model) -> Numeric:
    pool = model.maxpool1
    n = 100
    k, s, p = pool.kernel_size, pool.stride, pool.padding
    # the model's own rounding rule
    rounding = math.ceil if pool.ceil_mode else math.floor
    answer = rounding((n + 2 * p - k) / s) + 1
    floor_size = (n + 2 * p - k) // s + 1
    return Numeric(
        id="ceil-pool",
        prompt=(
            f"GoogLeNet's `maxpool1` is a {k}×{k} max-pool with stride {s} and `ceil_mode=True`. "
            f"What is its output width on a {n}×{n} map?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"With ceil mode, \\(\\lceil (n - k)/s \\rceil + 1 = \\lceil ({n} - {k})/{s} \\rceil + 1 "
            f"= \\lceil {(n - k) / s} \\rceil + 1 = {answer}\\): the last window hangs over the "
            f"edge and is kept. The floor formula would give {floor_size}."
        ),
        hint="`ceil_mode=True` rounds \\((n - k)/s\\) up instead of down.",
        mistakes=(
            Mistake(
                floor_size,
                "That is the floor formula; these pools use `ceil_mode=True`, which rounds up.",
            ),
            Mistake(
                (n - k) / s + 1,
                "The size is a whole number: round \\((n - k)/s\\) up before adding 1.",
            ),
        ),
    )


def questions() -> list[Numeric | Choice]:
    model = _model()
    return [_reduce_3a(model), _channels_4e(model), _ceil_pool(model)]
