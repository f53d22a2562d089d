"""Self-check questions for docs/06-cnn-architectures/lenet.md.

Every number is computed here from syllabus_code (the modern LeNet5 on a CPU: 61,706
parameters; map sizes by shapes.stack_shapes from its layers; the paper's counts from
paper_parameter_counts).
"""

from __future__ import annotations

import math

import torch

from syllabus_code.models import LeNet5
from syllabus_code.models.lenet import paper_parameter_counts
from syllabus_code.selfcheck import Choice, Mistake, Numeric
from syllabus_code.shapes import stack_shapes


def _m(n: int) -> str:
    """An integer with thousands separators for KaTeX: 2{,}416."""
    return f"{n:,}".replace(",", "{,}")


def _c3_params() -> Numeric:
    model = LeNet5()
    c3 = model.features[3]
    k, c_in, c_out = c3.kernel_size[0], c3.in_channels, c3.out_channels
    answer = sum(p.numel() for p in c3.parameters())
    weights_only = c3.weight.numel()
    paper = paper_parameter_counts()["C3"]
    no_c_in = (k * k + 1) * c_out
    return Numeric(
        id="c3-params",
        prompt=(
            f"How many trainable parameters does C3 of the modern LeNet-5 (`LeNet5()`) have? "
            f"It is a \\({k}\\times{k}\\) convolution from the {c_in} maps of S2 to {c_out} maps."
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Each of the {c_out} filters is \\({k}\\times{k}\\times{c_in}\\) plus one bias: "
            f"\\((k^2 C_\\text{{in}} + 1)\\,C_\\text{{out}} = ({k * k}\\cdot{c_in} + 1)\\cdot{c_out} "
            f"= {_m(answer)}\\)."
        ),
        hint="Use \\((k^2 C_\\text{in} + 1)\\,C_\\text{out}\\): every filter spans all input maps and has one bias.",
        mistakes=(
            Mistake(weights_only, "You counted the weights but not the 16 biases."),
            Mistake(
                paper,
                "That is the 1998 paper's C3, whose maps read only 3, 4 or 6 of S2's maps "
                "(its Table I). The modern version connects every C3 map to all 6.",
            ),
            Mistake(
                no_c_in,
                "Each filter is not \\(5\\times5\\) but \\(5\\times5\\times6\\): it spans "
                "all 6 input maps.",
            ),
        ),
    )


def _flatten_28() -> Numeric:
    model = LeNet5(input_size=32)  # no padding in C1: the 32x32 network
    layers = []  # each layer's rule, read from the built model, for shapes.stack_shapes
    for m in model.features:
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
        elif isinstance(m, torch.nn.AvgPool2d):
            layers.append({"type": "pool", "k": m.kernel_size, "s": m.stride})
    rows = stack_shapes((1, 28, 28), layers)
    sizes = [28] + [r["shape"][1] for r in rows]
    c_last, h_last, w_last = stack_shapes((1, 32, 32), layers)[-1]["shape"]
    at_32 = c_last * h_last * w_last
    answer = math.prod(rows[-1]["shape"])
    c, k = model.features[3].out_channels, model.features[0].kernel_size[0]
    side = sizes[-1]
    same = c * (28 // 4) ** 2  # as if each convolution kept the size
    steps = " ".join(
        f"\\xrightarrow{{\\text{{{name}}}}} {n}"
        for name, n in zip(("C1", "S2", "C3", "S4"), sizes[1:])
    )
    return Numeric(
        id="flatten-28",
        prompt=(
            "A 28×28 MNIST image is fed, **without** the 2-pixel padding, to the feature part "
            "of the 32×32 LeNet-5 (C1 to S4, convolutions unpadded). How many numbers come "
            "out of S4, to be flattened for C5?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Each unpadded \\({k}\\times{k}\\) convolution takes \\(n \\to n - {k - 1}\\) and "
            f"each pool halves: \\({sizes[0]} {steps}\\), "
            f"so S4 gives \\({c}\\times{side}\\times{side} = {answer}\\) numbers.\n\nThat is not "
            f"the {at_32} that C5's weights expect: that is why MNIST is padded to 32×32 "
            f"(or C1 padded by 2)."
        ),
        hint="Apply \\(n - k + 1\\) for each unpadded 5×5 convolution and halve at each pool.",
        mistakes=(
            Mistake(
                at_32,
                "That is the count for a 32×32 input. Here the input is 28×28 and nothing is padded.",
            ),
            Mistake(
                same,
                "The convolutions are not padded: each 5×5 one shrinks the map by 4.",
            ),
        ),
    )


def _fc_share() -> Numeric:
    model = LeNet5()
    total = sum(p.numel() for p in model.parameters())
    linears = [m for m in model.classifier if isinstance(m, torch.nn.Linear)]
    per = [sum(p.numel() for p in m.parameters()) for m in linears]
    answer = 100 * sum(per) / total
    c5_only = 100 * per[0] / total
    convs = 100 - answer
    return Numeric(
        id="fc-share",
        prompt=(
            "What percentage of the modern LeNet-5's parameters sit in its three fully "
            "connected layers (C5, F6 and the output)? Give one decimal."
        ),
        answer=answer,
        tolerance=0.05,
        unit="%",
        solution=(
            f"The model has {total:,} parameters; the linear layers hold "
            f"{per[0]:,} + {per[1]:,} + {per[2]:,} = {sum(per):,}, that is "
            f"\\({_m(sum(per))}/{_m(total)} = {answer:.1f}\\%\\)."
        ),
        hint="Count \\(n_\\text{in} n_\\text{out} + n_\\text{out}\\) for each of the three linear layers "
        "(400→120, 120→84, 84→10) and divide by the total.",
        mistakes=(
            Mistake(
                round(c5_only, 1),
                "That is C5 alone; F6 and the output layer are fully connected too.",
            ),
            Mistake(
                round(convs, 1),
                "That is the share of the two convolutions, the complement.",
            ),
        ),
    )


def questions() -> list[Numeric | Choice]:
    return [_c3_params(), _flatten_28(), _fc_share()]
