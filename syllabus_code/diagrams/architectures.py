"""Block diagrams of the landmark CNNs (Module 6) and the efficient blocks (Module 8).

Each function builds the package's own model or layer, reads its numbers (channel counts, kernel
sizes and strides from the layer objects, shapes from a forward pass) into a
:class:`~syllabus_code.diagrams.blocks.Flow`, and draws the figure from that flow only. Large
models are built on PyTorch's ``meta`` device: no memory, no initialisation cost, and a forward
pass that computes every shape without computing any number. Shapes are written per image,
channels × height × width, without the batch axis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from matplotlib.figure import Figure
from torch import nn

from .blocks import Box, Flow, Gap, Group, Op, Parallel, Skip, render


@dataclass
class Diagram:
    """The spec of a figure: the flow(s) drawn and the numbers read from the object."""

    flows: list[Flow]
    numbers: dict = field(default_factory=dict)


def _draw(diagram: Diagram, theme: str, gap: float = 0.4) -> tuple[Diagram, Figure]:
    return diagram, render(diagram.flows, theme, gap=gap)


# --------------------------------------------------------------------------- helpers


def shape_text(shape) -> str:
    """(64, 56, 56) -> "64×56×56"."""
    return "×".join(str(int(n)) for n in shape)


def trace(model: nn.Module, x: torch.Tensor, modules: dict[str, nn.Module]) -> dict[str, dict]:
    """Run ``model(x)`` and record the input and output shape (without the batch axis) of each module."""
    seen: dict[str, dict] = {}
    handles = []
    for name, m in modules.items():
        def hook(mod, args, out, name=name):
            if isinstance(out, tuple):
                out = out[0]
            first = args[0][0] if isinstance(args[0], list) else args[0]
            seen.setdefault(name, {"in": tuple(first.shape[1:]), "out": tuple(out.shape[1:])})
        handles.append(m.register_forward_hook(hook))
    try:
        with torch.no_grad():
            model(x)
    finally:
        for h in handles:
            h.remove()
    return seen


def _meta(factory, **kwargs) -> nn.Module:
    with torch.device("meta"):
        return factory(**kwargs).eval()


def _meta_image(size: int = 224, channels: int = 3) -> torch.Tensor:
    return torch.zeros(1, channels, size, size, device="meta")


def conv_label(conv: nn.Conv2d, tail: str = "") -> str:
    """Two lines: kernel, stride, padding; then channels in → out (and what follows the conv)."""
    k, s, p = conv.kernel_size[0], conv.stride[0], conv.padding[0]
    kind = "depthwise conv" if conv.groups > 1 and conv.groups == conv.in_channels else "conv"
    head = f"{kind} {k}×{k}" + (f", stride {s}" if s != 1 else "") + (f", pad {p}" if p else "")
    body = f"{conv.in_channels}→{conv.out_channels} ch"
    if conv.groups > 1 and kind == "conv":
        body += f", groups {conv.groups}"
    return f"{head}\n{body}{tail}"


def _pool_label(pool: nn.Module, kind: str) -> str:
    k = pool.kernel_size if isinstance(pool.kernel_size, int) else pool.kernel_size[0]
    s = pool.stride if isinstance(pool.stride, int) else pool.stride[0]
    return f"{kind} pool {k}×{k}, stride {s}"


# --------------------------------------------------------------------------- ResNet blocks


def _residual_flow(block: nn.Module, shapes: dict, title: str) -> tuple[Flow, dict]:
    from ..models.resnet import BasicBlock

    basic = isinstance(block, BasicBlock)
    convs = [block.conv1, block.conv2] + ([] if basic else [block.conv3])
    steps: list = [Box(f"input\n{shape_text(shapes['block']['in'])}", role="input", key="in")]
    for i, conv in enumerate(convs, start=1):
        last = i == len(convs)
        steps.append(Box(conv_label(conv, ", BN" if last else ", BN, ReLU"),
                         note=shape_text(shapes[f"conv{i}"]["out"])))
    steps += [Op("+", key="add"), Box("ReLU", note=shape_text(shapes["block"]["out"]))]
    if block.downsample is None:
        skip = Skip("in", "add", text="identity")
    else:
        proj = block.downsample[0]
        skip = Skip("in", "add", text="projection", box=Box(conv_label(proj, ", BN")))
    flow = Flow(steps, skips=[skip], title=title, notes="left")
    numbers = {
        "convs": [(c.in_channels, c.out_channels, c.kernel_size[0], c.stride[0]) for c in convs],
        "expansion": type(block).expansion,
        "projection": None if block.downsample is None else (
            block.downsample[0].in_channels, block.downsample[0].out_channels, block.downsample[0].stride[0]),
        "shapes": [shapes[f"conv{i}"]["out"] for i in range(1, len(convs) + 1)],
        "in": shapes["block"]["in"], "out": shapes["block"]["out"],
    }
    return flow, numbers


def _resnet_block(factory, layer: str, index: int, title: str, theme: str):
    model = _meta(factory)
    block = getattr(model, layer)[index]
    convs = {"block": block, "conv1": block.conv1, "conv2": block.conv2}
    if hasattr(block, "conv3"):
        convs["conv3"] = block.conv3
    shapes = trace(model, _meta_image(), convs)
    flow, numbers = _residual_flow(block, shapes, title)
    return _draw(Diagram([flow], numbers), theme)


def basic_block(theme: str = "light"):
    """ResNet-18's second stage, first block: BasicBlock 64→128 with stride 2 and a projection shortcut."""
    from ..models.resnet import resnet18

    return _resnet_block(resnet18, "layer2", 0, "BasicBlock (ResNet-18, layer2[0])", theme)


def basic_block_identity(theme: str = "light"):
    """ResNet-18's first block: BasicBlock 64→64 with the identity shortcut."""
    from ..models.resnet import resnet18

    return _resnet_block(resnet18, "layer1", 0, "BasicBlock (ResNet-18, layer1[0])", theme)


def bottleneck_block(theme: str = "light"):
    """ResNet-50's second stage, first block: Bottleneck 256→128→512, stride 2, projection."""
    from ..models.resnet import resnet50

    return _resnet_block(resnet50, "layer2", 0, "Bottleneck (ResNet-50, layer2[0])", theme)


# --------------------------------------------------------------------------- Inception


def inception_module(theme: str = "light"):
    """GoogLeNet's inception3a: four branches concatenated on the channel axis."""
    from ..models.googlenet import googlenet

    model = _meta(googlenet, aux_logits=False, init_weights=False)
    inc = model.inception3a
    branches = {"branch1": inc.branch1, "branch2": inc.branch2, "branch3": inc.branch3,
                "branch4": inc.branch4}
    shapes = trace(model, _meta_image(), {"module": inc, **branches})

    def conv(basic) -> Box:
        c = basic.conv
        return Box(f"conv {c.kernel_size[0]}×{c.kernel_size[0]}\n{c.in_channels}→{c.out_channels}")

    pool = inc.branch4[0]
    columns = [
        [conv(inc.branch1)],
        [conv(inc.branch2[0]), conv(inc.branch2[1])],
        [conv(inc.branch3[0]), conv(inc.branch3[1])],
        [Box(f"max pool {pool.kernel_size}×{pool.kernel_size}\nstride {pool.stride}"), conv(inc.branch4[1])],
    ]
    outs = [shapes[b]["out"][0] for b in branches]
    total = shapes["module"]["out"][0]
    flow = Flow([
        Box(f"previous layer\n{shape_text(shapes['module']['in'])}", role="input"),
        Parallel(columns),
        Box(f"concatenate channels\n{' + '.join(map(str, outs))} = {total}", role="operation"),
        Box(f"output\n{shape_text(shapes['module']['out'])}", role="activation"),
    ], title="Inception module (GoogLeNet, inception3a)",
        footer=_inception_footer(inc, shapes))
    numbers = {
        "in": shapes["module"]["in"], "out": shapes["module"]["out"], "branch_channels": outs,
        "convs": [[(b.conv.in_channels, b.conv.out_channels, b.conv.kernel_size[0])
                   for b in col] for col in ([inc.branch1], list(inc.branch2), list(inc.branch3),
                                             [inc.branch4[1]])],
        "pool": (pool.kernel_size, pool.stride),
    }
    return _draw(Diagram([flow], numbers), theme)


def _inception_footer(inc, shapes) -> list[str]:
    size = "×".join(map(str, shapes["module"]["in"][1:]))
    lines = ["each conv is conv → BN → ReLU", f"every branch keeps the {size} size"]
    k = inc.branch3[1].conv.kernel_size[0]
    if k == 3:
        lines.append("third branch: 3×3 as in torchvision (the paper: 5×5)")
    return lines
