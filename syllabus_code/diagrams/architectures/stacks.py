"""Plain stacks of layers (Module 6): LeNet-5, AlexNet and a stage of VGG-16, one box per layer."""

from __future__ import annotations

import torch
from torch import nn

from ..blocks import Box, Flow
from .common import (
    Diagram,
    conv_label,
    diagram,
    meta_image,
    meta_model,
    pool_label,
    shape_text,
    trace,
)

_ACTIVATIONS = {nn.ReLU: "ReLU", nn.Tanh: "tanh", nn.SiLU: "SiLU", nn.GELU: "GELU"}


def _chain(
    modules: list[nn.Module],
    shapes: dict[int, dict],
    names: dict[int, str] | None = None,
) -> list[Box]:
    """One box per layer (conv, pool, linear, ...); an activation or BN joins the box before it.

    ``shapes`` maps ``id(module)`` to its traced shapes; each box's note is the shape after it
    (after its activation, when one joined it). ``names`` puts a name (e.g. "C1") before a box.
    """
    boxes: list[Box] = []
    dropout = None
    for m in modules:
        out = shape_text(shapes[id(m)]["out"])
        name = (names or {}).get(id(m))
        prefix = f"{name}: " if name else ""
        if type(m) in _ACTIVATIONS or isinstance(m, nn.BatchNorm2d):
            word = "BN" if isinstance(m, nn.BatchNorm2d) else _ACTIVATIONS[type(m)]
            boxes[-1].text += f", {word}"
            boxes[-1].note = out
            continue
        if isinstance(m, nn.Dropout):
            dropout = m.p
            continue
        if isinstance(m, nn.Conv2d):
            text = prefix + conv_label(m)
        elif isinstance(m, nn.MaxPool2d):
            text = prefix + pool_label(m, "max")
        elif isinstance(m, nn.AvgPool2d):
            text = prefix + pool_label(m, "avg")
        elif isinstance(m, nn.AdaptiveAvgPool2d):
            size = m.output_size if isinstance(m.output_size, int) else m.output_size[0]
            text = f"adaptive avg pool to {size}×{size}"
        elif isinstance(m, nn.Flatten):
            text = "flatten"
        elif isinstance(m, nn.Linear):
            text = prefix + f"linear {m.in_features}→{m.out_features}"
            if dropout:
                text = f"dropout {dropout:g}, " + text
                dropout = None
        else:
            raise TypeError(f"no box for {type(m).__name__}")
        boxes.append(Box(text, note=out))
    return boxes


def _stack_numbers(modules: list[nn.Module], shapes: dict[int, dict]) -> list[tuple]:
    """(layer kind, numbers, output shape) of each conv, pool and linear layer, for the tests."""
    rows = []
    for m in modules:
        out = shapes[id(m)]["out"]
        if isinstance(m, nn.Conv2d):
            rows.append(
                (
                    "conv",
                    m.in_channels,
                    m.out_channels,
                    m.kernel_size[0],
                    m.stride[0],
                    m.padding[0],
                    out,
                )
            )
        elif isinstance(m, (nn.MaxPool2d, nn.AvgPool2d)):
            rows.append(("pool", m.kernel_size, m.stride, out))
        elif isinstance(m, nn.Linear):
            rows.append(("linear", m.in_features, m.out_features, out))
    return rows


class _Flatten(nn.Flatten):
    """Stands for the ``torch.flatten(x, 1)`` a model's forward calls, to give it a box and a shape."""


def _stack_flow(
    model: nn.Module,
    x: torch.Tensor,
    modules: list[nn.Module],
    title: str,
    names: dict[int, str] | None = None,
    footer: list[str] | None = None,
) -> Diagram:
    traced = trace(
        model,
        x,
        {str(i): m for i, m in enumerate(modules) if not isinstance(m, _Flatten)},
    )
    shapes = {
        id(m): traced[str(i)]
        for i, m in enumerate(modules)
        if not isinstance(m, _Flatten)
    }
    for i, m in enumerate(modules):  # flatten: the shape before it, multiplied out
        if isinstance(m, _Flatten):
            before = shapes[id(modules[i - 1])]["out"]
            n = 1
            for s in before:
                n *= s
            shapes[id(m)] = {"in": before, "out": (n,)}
    boxes = _chain(modules, shapes, names)
    first = shapes[id(modules[0])]["in"]
    last = shapes[id(modules[-1])]["out"]
    flow = Flow(
        [
            Box(f"input  {shape_text(first)}", role="input"),
            *boxes,
            Box(f"output  {shape_text(last)}", role="activation"),
        ],
        title=title,
        footer=footer or [],
    )
    return Diagram(
        [flow], {"layers": _stack_numbers(modules, shapes), "in": first, "out": last}
    )


@diagram
def lenet():
    """LeNet-5 (the course's modern form, tanh and average pooling) on a 32×32 image."""
    from ...models.lenet import lenet5

    torch.manual_seed(0)
    model = lenet5().eval()
    modules = [*model.features, _Flatten(), *model.classifier]
    names = dict(
        zip(
            (
                id(m)
                for m in modules
                if isinstance(m, (nn.Conv2d, nn.AvgPool2d, nn.MaxPool2d, nn.Linear))
            ),
            ("C1", "S2", "C3", "S4", "C5", "F6", "out"),
        )
    )
    x = torch.zeros(1, model.in_channels, model.input_size, model.input_size)
    diagram = _stack_flow(
        model,
        x,
        modules,
        "LeNet-5",
        names,
        footer=["shapes: channels × height × width"],
    )
    return diagram


@diagram
def alexnet():
    """torchvision's single-column AlexNet on a 224×224 image."""
    from ...models.alexnet import alexnet as build

    model = meta_model(build)
    modules = [*model.features, model.avgpool, _Flatten(), *model.classifier]
    diagram = _stack_flow(
        model,
        meta_image(224),
        modules,
        "AlexNet (torchvision, one column)",
        footer=["shapes: channels × height × width"],
    )
    return diagram


@diagram
def vgg_stage(stage: int = 3):
    """One stage of VGG-16: its 3×3 convolutions (with ReLU) and the 2×2 max pool that ends it."""
    from ...models.vgg import CFGS, make_layers

    with torch.device("meta"):
        features = make_layers(CFGS["D"])
    stages, current = [], []
    for m in features:
        current.append(m)
        if isinstance(m, nn.MaxPool2d):
            stages.append(current)
            current = []
    modules = stages[stage - 1]
    convs = [m for m in modules if isinstance(m, nn.Conv2d)]
    k, p = convs[0].kernel_size[0], convs[0].padding[0]
    diagram = _stack_flow(
        features,
        meta_image(224),
        modules,
        f"VGG-16, stage {stage} of {len(stages)}",
        footer=[
            f"{len(convs)} convolutions {k}×{k} (pad {p}) keep the size;",
            f"the pool (stride {modules[-1].stride}) divides it by {modules[-1].stride}",
        ],
    )
    diagram.numbers["stage"] = stage
    return diagram
