"""Block diagrams of the landmark CNNs (Module 6) and the efficient blocks (Module 8).

Each function builds the package's own model or layer, reads its numbers (channel counts, kernel
sizes and strides from the layer objects, shapes from a forward pass) into a
:class:`~syllabus_code.diagrams.blocks.Flow`, and draws the figure from that flow only. Large
models are built on PyTorch's ``meta`` device: no memory, no initialisation cost, and a forward
pass that computes every shape without computing any number. Shapes are written per image,
channels × height × width, without the batch axis.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import torch
from matplotlib.figure import Figure
from torch import nn

from .blocks import Box, Flow, Gap, Group, Op, Parallel, Skip, render


@dataclass
class Diagram:
    """The spec of a figure: the flow(s) drawn (side by side, ``gap`` inches apart) and the
    numbers read from the object, which the tests compare with the object."""

    flows: list[Flow]
    numbers: dict = field(default_factory=dict)
    gap: float = 0.4


def diagram(build):
    """Turn ``build(**options) -> Diagram`` into ``f(theme="light", **options) -> (Diagram, Figure)``.

    The spec is built once per options and shared by both themes (the build draws each figure
    twice); the figure is drawn from the spec alone.
    """
    cached = functools.lru_cache(maxsize=None)(build)

    @functools.wraps(build)
    def draw(theme: str = "light", **options) -> tuple[Diagram, Figure]:
        spec = cached(**options)
        return spec, render(spec.flows, theme, gap=spec.gap)

    draw.spec = cached
    return draw


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
    e = type(block).expansion
    planes = block.conv1.out_channels
    footer = [f"expansion = {e}: output {e}·{planes} = {e * planes} channels" if e != 1
              else f"expansion = 1: output {planes} channels"]
    flow = Flow(steps, skips=[skip], title=title, notes="left", footer=footer)
    numbers = {
        "convs": [(c.in_channels, c.out_channels, c.kernel_size[0], c.stride[0]) for c in convs],
        "expansion": type(block).expansion,
        "projection": None if block.downsample is None else (
            block.downsample[0].in_channels, block.downsample[0].out_channels, block.downsample[0].stride[0]),
        "shapes": [shapes[f"conv{i}"]["out"] for i in range(1, len(convs) + 1)],
        "in": shapes["block"]["in"], "out": shapes["block"]["out"],
    }
    return flow, numbers


def _resnet_block(factory, layer: str, index: int, title: str) -> Diagram:
    model = _meta(factory)
    block = getattr(model, layer)[index]
    convs = {"block": block, "conv1": block.conv1, "conv2": block.conv2}
    if hasattr(block, "conv3"):
        convs["conv3"] = block.conv3
    shapes = trace(model, _meta_image(), convs)
    flow, numbers = _residual_flow(block, shapes, title)
    return Diagram([flow], numbers)


@diagram
def basic_block():
    """ResNet-18's second stage, first block: BasicBlock 64→128 with stride 2 and a projection shortcut."""
    from ..models.resnet import resnet18

    return _resnet_block(resnet18, "layer2", 0, "BasicBlock (ResNet-18, layer2[0])")


@diagram
def basic_block_identity():
    """ResNet-18's first block: BasicBlock 64→64 with the identity shortcut."""
    from ..models.resnet import resnet18

    return _resnet_block(resnet18, "layer1", 0, "BasicBlock (ResNet-18, layer1[0])")


@diagram
def bottleneck_block():
    """ResNet-50's second stage, first block: Bottleneck 256→128→512, stride 2, projection."""
    from ..models.resnet import resnet50

    return _resnet_block(resnet50, "layer2", 0, "Bottleneck (ResNet-50, layer2[0])")


# --------------------------------------------------------------------------- Inception


@diagram
def inception_module():
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
    return Diagram([flow], numbers)


def _inception_footer(inc, shapes) -> list[str]:
    size = "×".join(map(str, shapes["module"]["in"][1:]))
    lines = ["each conv is conv → BN → ReLU", f"every branch keeps the {size} size"]
    k = inc.branch3[1].conv.kernel_size[0]
    if k == 3:
        lines.append("third branch: 3×3 as in torchvision (the paper: 5×5)")
    return lines


# --------------------------------------------------------------------------- plain stacks: LeNet, AlexNet, VGG

_ACTIVATIONS = {nn.ReLU: "ReLU", nn.Tanh: "tanh", nn.SiLU: "SiLU", nn.GELU: "GELU"}


def _chain(modules: list[nn.Module], shapes: dict[int, dict], names: dict[int, str] | None = None) -> list[Box]:
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
            text = prefix + _pool_label(m, "max")
        elif isinstance(m, nn.AvgPool2d):
            text = prefix + _pool_label(m, "avg")
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
            rows.append(("conv", m.in_channels, m.out_channels, m.kernel_size[0], m.stride[0], m.padding[0], out))
        elif isinstance(m, (nn.MaxPool2d, nn.AvgPool2d)):
            rows.append(("pool", m.kernel_size, m.stride, out))
        elif isinstance(m, nn.Linear):
            rows.append(("linear", m.in_features, m.out_features, out))
    return rows


class _Flatten(nn.Flatten):
    """Stands for the ``torch.flatten(x, 1)`` a model's forward calls, to give it a box and a shape."""


def _stack_flow(model: nn.Module, x: torch.Tensor, modules: list[nn.Module], title: str,
                names: dict[int, str] | None = None, footer: list[str] | None = None) -> Diagram:
    traced = trace(model, x, {str(i): m for i, m in enumerate(modules) if not isinstance(m, _Flatten)})
    shapes = {id(m): traced[str(i)] for i, m in enumerate(modules) if not isinstance(m, _Flatten)}
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
    flow = Flow([Box(f"input  {shape_text(first)}", role="input"), *boxes,
                 Box(f"output  {shape_text(last)}", role="activation")], title=title,
                footer=footer or [])
    return Diagram([flow], {"layers": _stack_numbers(modules, shapes), "in": first, "out": last})


@diagram
def lenet():
    """LeNet-5 (the course's modern form, tanh and average pooling) on a 32×32 image."""
    from ..models.lenet import lenet5

    torch.manual_seed(0)
    model = lenet5().eval()
    modules = [*model.features, _Flatten(), *model.classifier]
    names = dict(zip((id(m) for m in modules if isinstance(m, (nn.Conv2d, nn.AvgPool2d, nn.MaxPool2d, nn.Linear))),
                     ("C1", "S2", "C3", "S4", "C5", "F6", "out")))
    x = torch.zeros(1, model.in_channels, model.input_size, model.input_size)
    diagram = _stack_flow(model, x, modules, "LeNet-5", names,
                          footer=["shapes: channels × height × width"])
    return diagram


@diagram
def alexnet():
    """torchvision's single-column AlexNet on a 224×224 image."""
    from ..models.alexnet import alexnet as build

    model = _meta(build)
    modules = [*model.features, model.avgpool, _Flatten(), *model.classifier]
    diagram = _stack_flow(model, _meta_image(224), modules, "AlexNet (torchvision, one column)",
                          footer=["shapes: channels × height × width"])
    return diagram


@diagram
def vgg_stage(stage: int = 3):
    """One stage of VGG-16: its 3×3 convolutions (with ReLU) and the 2×2 max pool that ends it."""
    from ..models.vgg import CFGS, make_layers

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
    diagram = _stack_flow(features, _meta_image(224), modules, f"VGG-16, stage {stage} of {len(stages)}",
                          footer=[f"{len(convs)} convolutions {k}×{k} (pad {p}) keep the size;",
                                  f"the pool (stride {modules[-1].stride}) divides it by {modules[-1].stride}"])
    diagram.numbers["stage"] = stage
    return diagram


# --------------------------------------------------------------------------- DenseNet


@diagram
def dense_block():
    """DenseNet-121's first dense block (6 layers, growth rate 32) and the transition after it."""
    from ..models.densenet import densenet121

    model = _meta(densenet121)
    block, trans = model.features.denseblock1, model.features.transition1
    layers = list(block.values())
    mods = {"block": block, "trans_conv": trans.conv, "trans_pool": trans.pool,
            **{f"layer{i}": layer for i, layer in enumerate(layers, start=1)}}
    upto = list(model.features.children())[:list(model.features).index(trans) + 1]
    shapes = trace(nn.Sequential(*upto), _meta_image(), mods)  # the stem, block 1, transition 1
    size = "×".join(map(str, shapes["block"]["in"][1:]))
    k = layers[0].conv2.out_channels

    def layer_box(i: int, layer) -> Box:
        c1, c2 = layer.conv1, layer.conv2
        return Box(f"dense layer {i}\nBN, ReLU, conv 1×1: {c1.in_channels}→{c1.out_channels}\n"
                   f"BN, ReLU, conv 3×3: {c2.in_channels}→{c2.out_channels}",
                   note=shape_text(shapes[f"layer{i}"]["out"]), key=f"layer{i}")

    def concat_box(i: int, layer) -> Box:
        c_in = layer.conv1.in_channels
        out = c_in + layer.conv2.out_channels
        return Box(f"concatenate: {c_in} + {layer.conv2.out_channels} = {out} ch",
                   note=f"{out}×{size}", key=f"cat{i}")

    shown = [1, 2, len(layers)]
    steps: list = [Box(f"input\n{shape_text(shapes['block']['in'])}", role="input", key="cat0")]
    skips = []
    prev = "cat0"
    for i in shown:
        if i == len(layers) and len(layers) > 3:
            steps.append(Gap(f"layers 3–{len(layers) - 1}:\n+{k} channels each", key="gap"))
            prev = "gap"
        layer = layers[i - 1]
        steps += [layer_box(i, layer), concat_box(i, layer)]
        skips.append(Skip(prev, f"cat{i}"))
        prev = f"cat{i}"
    tc, tp = trans.conv, trans.pool
    steps += [
        Box(f"BN, ReLU, conv 1×1\n{tc.in_channels}→{tc.out_channels} ch", key="t1",
            note=shape_text(shapes["trans_conv"]["out"])),
        Box(_pool_label(tp, "avg"), key="t2", note=shape_text(shapes["trans_pool"]["out"])),
        Box(f"output\n{shape_text(shapes['trans_pool']['out'])}", role="activation"),
    ]
    flow = Flow(steps, skips=skips, groups=[
        Group("layer1", f"cat{len(layers)}", f"dense block 1: growth rate k = {k}"),
        Group("t1", "t2", f"transition (compression {tc.out_channels / tc.in_channels:g})"),
    ], title="DenseNet-121: dense block 1 and transition 1", notes="left",
        footer=[f"each layer reads all earlier maps and adds k = {k} channels"])
    numbers = {
        "growth_rate": k, "in": shapes["block"]["in"], "block_out": shapes["block"]["out"],
        "layers": [(l.conv1.in_channels, l.conv1.out_channels, l.conv2.in_channels, l.conv2.out_channels)
                   for l in layers],
        "shown": shown,
        "transition": (tc.in_channels, tc.out_channels, shapes["trans_pool"]["out"]),
        "compression": tc.out_channels / tc.in_channels,
    }
    return Diagram([flow], numbers)


# --------------------------------------------------------------------------- Module 8


def _macs(conv: nn.Conv2d, out_shape) -> int:
    """Multiply-adds of a convolution: each weight is used once per output position."""
    return conv.weight.numel() * out_shape[-1] * out_shape[-2]


@diagram
def separable_vs_standard():
    """MobileNet v1's first depthwise separable layer (32→64 at 112×112) beside a standard 3×3 conv."""
    from ..models.mobilenet import _conv_bn_relu, mobilenet_v1

    model = _meta(mobilenet_v1)
    layer = model.features[1]
    dw, pw = layer.depthwise[0], layer.pointwise[0]
    with torch.device("meta"):
        standard = _conv_bn_relu(dw.in_channels, pw.out_channels, dw.kernel_size[0])
    shapes = trace(model, _meta_image(), {"layer": layer, "dw": dw, "pw": pw})
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

    left = Flow([
        Box(f"input\n{shape_text(x_in)}", role="input"),
        Box(conv_label(conv, ", BN, ReLU") + f"\n{conv.out_channels} filters of "
            f"{conv.kernel_size[0]}×{conv.kernel_size[0]}×{conv.in_channels}"),
        Box(f"output\n{shape_text(std_out)}", role="activation"),
    ], title="standard convolution",
        footer=[f"conv weights: {cost['standard'][0]:,}", f"multiply-adds: {mega(cost['standard'][1])}"])
    right = Flow([
        Box(f"input\n{shape_text(x_in)}", role="input"),
        Box(conv_label(dw, ", BN, ReLU") + f"\n{dw.out_channels} filters of "
            f"{dw.kernel_size[0]}×{dw.kernel_size[0]}×1"),
        Box(f"{shape_text(shapes['dw']['out'])}", role="activation"),
        Box("pointwise " + conv_label(pw, ", BN, ReLU") + f"\n{pw.out_channels} filters of "
            f"1×1×{pw.in_channels}"),
        Box(f"output\n{shape_text(shapes['pw']['out'])}", role="activation"),
    ], title="depthwise separable",
        footer=[f"conv weights: {cost['depthwise'][0]:,} + {cost['pointwise'][0]:,} = {sep_w:,}",
                f"multiply-adds: {mega(sep_m)}",
                f"= {ratio:.3f} × standard"])
    numbers = {"in": x_in, "standard_out": std_out, "dw_out": shapes["dw"]["out"],
               "pw_out": shapes["pw"]["out"], "cost": cost, "separable": (sep_w, sep_m),
               "ratio": ratio, "channels": (dw.in_channels, pw.out_channels), "k": dw.kernel_size[0]}
    return Diagram([left, right], numbers, gap=0.35)


@diagram
def mbconv():
    """EfficientNet-B0's stage-2 second block: MBConv6, 3×3, 24→24, with SE and the residual."""
    from ..models.efficientnet import efficientnet_b0

    model = _meta(efficientnet_b0)
    block = model.features[2][1]
    expand, dw, se, project = block.block
    mods = {"block": block, "expand": expand, "dw": dw, "pool": se.avgpool, "fc1": se.fc1,
            "fc2": se.fc2, "se": se, "project": project}
    shapes = trace(model.features[:3], _meta_image(), mods)  # stem and stages 1-2 suffice
    e, d, p = expand[0], dw[0], project[0]
    ratio = e.out_channels // e.in_channels
    note = {k: shape_text(v["out"]) for k, v in shapes.items()}
    flow = Flow([
        Box(f"input\n{shape_text(shapes['block']['in'])}", role="input", key="in"),
        Box(f"expand: conv 1×1 (×{ratio})\n{e.in_channels}→{e.out_channels} ch, BN, SiLU", note=note["expand"]),
        Box(conv_label(d, ", BN, SiLU"), note=note["dw"], key="dw"),
        Box("global average pool", note=note["pool"], key="se1"),
        Box(f"conv 1×1: {se.fc1.in_channels}→{se.fc1.out_channels}, SiLU", note=note["fc1"]),
        Box(f"conv 1×1: {se.fc2.in_channels}→{se.fc2.out_channels}, sigmoid", note=note["fc2"]),
        Op("×", key="mul", note=note["se"]),
        Box(f"project: conv 1×1\n{p.in_channels}→{p.out_channels} ch, BN (no activation)", note=note["project"]),
        Op("+", key="add", note=shape_text(shapes["block"]["out"])),
        Box(f"output\n{shape_text(shapes['block']['out'])}", role="activation"),
    ], skips=[Skip("dw", "mul"), Skip("in", "add", text="identity")],
        groups=[Group("se1", "mul", "squeeze-and-excitation")],
        title="MBConv (EfficientNet-B0, stage 2, block 2)", notes="left",
        footer=["in training, stochastic depth drops the branch",
                f"with probability {block.stochastic_depth.p:g} (this block)"])
    numbers = {
        "in": shapes["block"]["in"], "out": shapes["block"]["out"], "expand_ratio": ratio,
        "expand": (e.in_channels, e.out_channels), "depthwise": (d.in_channels, d.groups, d.kernel_size[0], d.stride[0]),
        "se": (se.fc1.in_channels, se.fc1.out_channels, se.fc2.out_channels),
        "project": (p.in_channels, p.out_channels), "residual": block.use_res_connect,
        "stochastic_depth": block.stochastic_depth.p,
        "shapes": {k: v["out"] for k, v in shapes.items()},
    }
    return Diagram([flow], numbers)
