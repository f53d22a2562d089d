"""The Module 6 and 8 diagrams draw the numbers of the objects they show.

For each diagram: the numbers in its spec equal the model's own (read here from a freshly built
model, shapes from a forward pass on the CPU or from the shape rules of ``syllabus_code.shapes``),
and the figure's text contains every label of the spec.
"""

from __future__ import annotations

from functools import cache

import matplotlib
import pytest
import torch

matplotlib.use("Agg")

from syllabus_code.diagrams import architectures  # noqa: E402
from syllabus_code.diagrams.blocks import figure_texts, flow_texts  # noqa: E402
from syllabus_code.shapes import conv_output_size  # noqa: E402

DIAGRAMS = ["basic_block", "basic_block_identity", "bottleneck_block", "inception_module", "lenet",
            "alexnet", "vgg_stage", "dense_block", "separable_vs_standard", "mbconv"]


@cache
def made(name: str):
    return getattr(architectures, name)()


def drawn(name: str) -> set[str]:
    return set(figure_texts(made(name)[1]))


@pytest.mark.parametrize("name", DIAGRAMS)
def test_every_label_of_the_spec_is_on_the_figure(name):
    spec, fig = made(name)
    for flow in spec.flows:
        missing = [t for t in flow_texts(flow) if t not in figure_texts(fig)]
        assert not missing, f"{name}: not drawn: {missing}"
    sizes = [t.get_fontsize() for t in fig.axes[0].texts]
    assert min(sizes) >= 9  # with the width limit: >= ~9 px when scaled to a phone
    assert fig.get_size_inches()[0] <= 7  # readable when scaled to a phone's width


def _stem_size(size: int = 224) -> int:  # ResNet stem: 7×7/2 conv (pad 3), 3×3/2 max pool (pad 1)
    return conv_output_size(conv_output_size(size, 7, 2, 3), 3, 2, 1)


@pytest.mark.parametrize("name, factory, layer, in_ch", [
    ("basic_block", "resnet18", "layer2", 64),
    ("basic_block_identity", "resnet18", "layer1", 64),
    ("bottleneck_block", "resnet50", "layer2", 256),
])
def test_residual_block_labels_are_the_block_convolutions(name, factory, layer, in_ch):
    from syllabus_code import models

    block = getattr(getattr(models, factory)(), layer)[0].eval()
    spec, _ = made(name)
    convs = [block.conv1, block.conv2] + ([block.conv3] if hasattr(block, "conv3") else [])
    assert spec.numbers["convs"] == [(c.in_channels, c.out_channels, c.kernel_size[0], c.stride[0]) for c in convs]
    assert spec.numbers["expansion"] == type(block).expansion
    assert convs[-1].out_channels == convs[0].out_channels * type(block).expansion
    size = _stem_size()
    assert spec.numbers["in"] == (in_ch, size, size)
    with torch.no_grad():
        out = block(torch.zeros(1, in_ch, size, size))
    assert spec.numbers["out"] == tuple(out.shape[1:])
    texts = drawn(name)
    for c in convs:
        assert any(f"{c.in_channels}→{c.out_channels} ch" in t and f"conv {c.kernel_size[0]}×" in t
                   for t in texts)
    if block.downsample is None:
        assert spec.numbers["projection"] is None and "identity" in texts
    else:
        proj = block.downsample[0]
        assert spec.numbers["projection"] == (proj.in_channels, proj.out_channels, proj.stride[0])
        assert f"conv 1×1, stride {proj.stride[0]}\n{proj.in_channels}→{proj.out_channels} ch, BN" in texts
    assert "×".join(map(str, out.shape[1:])) in texts
    e, planes = type(block).expansion, block.conv1.out_channels
    assert any(t.startswith(f"expansion = {e}: output") and t.endswith(f"{e * planes} channels") for t in texts)


def test_bottleneck_stride_sits_where_the_model_puts_it():
    spec, _ = made("bottleneck_block")  # v1.5 (torchvision's default): on the 3×3 convolution
    strides = [c[3] for c in spec.numbers["convs"]]
    assert strides == [1, 2, 1]
    assert any(t.startswith("conv 3×3, stride 2") for t in drawn("bottleneck_block"))


def test_inception_branches_are_googlenets_inception3a():
    from syllabus_code.models.googlenet import googlenet

    inc = googlenet(aux_logits=False, init_weights=False).inception3a.eval()
    spec, _ = made("inception_module")
    with torch.no_grad():
        x = torch.zeros(1, 192, 28, 28)
        outs = [b(x).shape[1] for b in (inc.branch1, inc.branch2, inc.branch3, inc.branch4)]
        total = inc(x).shape[1]
    assert spec.numbers["branch_channels"] == outs == [64, 128, 32, 32]
    assert spec.numbers["out"] == (total, 28, 28) and spec.numbers["in"] == (192, 28, 28)
    texts = drawn("inception_module")
    assert f"concatenate channels\n{' + '.join(map(str, outs))} = {total}" in texts
    for conv in [inc.branch1.conv, inc.branch2[0].conv, inc.branch2[1].conv, inc.branch3[0].conv,
                 inc.branch3[1].conv, inc.branch4[1].conv]:
        k = conv.kernel_size[0]
        assert f"conv {k}×{k}\n{conv.in_channels}→{conv.out_channels}" in texts
    assert "max pool 3×3\nstride 1" in texts


def _forward_shapes(model, x, kinds):
    """Output shape (no batch axis) of each layer of the given kinds, in order, from a CPU forward."""
    found = []
    hooks = [m.register_forward_hook(lambda m, a, o: found.append((type(m).__name__, tuple(o.shape[1:]))))
             for m in model.modules() if isinstance(m, kinds)]
    with torch.no_grad():
        model(x)
    for h in hooks:
        h.remove()
    return found


def test_lenet_shapes_are_a_forward_pass():
    from syllabus_code.models.lenet import lenet5

    model = lenet5().eval()
    kinds = (torch.nn.Conv2d, torch.nn.AvgPool2d, torch.nn.Linear)
    shapes = [s for _, s in _forward_shapes(model, torch.zeros(1, 1, 32, 32), kinds)]
    spec, _ = made("lenet")
    assert [row[-1] for row in spec.numbers["layers"]] == shapes
    assert shapes[:4] == [(6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 5, 5)]
    texts = drawn("lenet")
    assert {"6×28×28", "16×5×5", "400", "120", "84", "10"} <= texts
    assert "C1: conv 5×5\n1→6 ch, tanh" in texts and "C5: linear 400→120, tanh" in texts


def test_alexnet_layers_and_shapes_are_torchvisions_single_column():
    from syllabus_code.models.alexnet import alexnet

    with torch.device("meta"):
        model = alexnet()
    spec, _ = made("alexnet")
    convs = [m for m in model.features if isinstance(m, torch.nn.Conv2d)]
    assert [r[1:6] for r in spec.numbers["layers"] if r[0] == "conv"] == [
        (c.in_channels, c.out_channels, c.kernel_size[0], c.stride[0], c.padding[0]) for c in convs]
    # shapes by the shape rules: 224 -conv 11/4 pad 2-> 55 -pool 3/2-> 27 -> 27 -> 13 -> ... -> 6
    n = conv_output_size(224, 11, 4, 2)
    sizes = [n]
    for k, s, p in [(3, 2, 0), (5, 1, 2), (3, 2, 0), (3, 1, 1), (3, 1, 1), (3, 1, 1), (3, 2, 0)]:
        n = conv_output_size(n, k, s, p)
        sizes.append(n)
    spatial = [r[-1][1] for r in spec.numbers["layers"] if r[0] in ("conv", "pool")]
    assert spatial == sizes == [55, 27, 27, 13, 13, 13, 13, 6]
    linears = [m for m in model.classifier if isinstance(m, torch.nn.Linear)]
    assert [r[1:3] for r in spec.numbers["layers"] if r[0] == "linear"] == [
        (m.in_features, m.out_features) for m in linears]
    texts = drawn("alexnet")
    assert "conv 11×11, stride 4, pad 2\n3→64 ch, ReLU" in texts and "64×55×55" in texts
    assert "dropout 0.5, linear 9216→4096, ReLU" in texts and "256×6×6" in texts


def test_vgg_stage_is_vgg16_stage_3():
    from syllabus_code.models.vgg import CFGS, make_layers

    features = make_layers(CFGS["D"])
    pools = [i for i, m in enumerate(features) if isinstance(m, torch.nn.MaxPool2d)]
    stage = list(features)[pools[1] + 1: pools[2] + 1]
    with torch.no_grad():
        x = torch.zeros(1, 128, 56, 56)
        out = torch.nn.Sequential(*stage)(x)
    convs = [m for m in stage if isinstance(m, torch.nn.Conv2d)]
    spec, _ = made("vgg_stage")
    assert spec.numbers["in"] == (128, 56, 56)  # 224 halved by two pools
    assert spec.numbers["out"] == tuple(out.shape[1:]) == (256, 28, 28)
    assert [r[1:3] for r in spec.numbers["layers"] if r[0] == "conv"] == [
        (c.in_channels, c.out_channels) for c in convs]
    assert {"conv 3×3, pad 1\n128→256 ch, ReLU", "3 convolutions 3×3 (pad 1) keep the size;",
            "the pool (stride 2) divides it by 2"} <= drawn("vgg_stage")


def test_dense_block_channels_grow_by_k_and_the_transition_halves_them():
    from syllabus_code.models.densenet import densenet121

    with torch.device("meta"):
        model = densenet121()
    block, trans = model.features.denseblock1, model.features.transition1
    layers = list(block.values())
    spec, _ = made("dense_block")
    k = spec.numbers["growth_rate"]
    assert k == layers[0].conv2.out_channels == 32
    assert spec.numbers["layers"] == [(l.conv1.in_channels, l.conv1.out_channels, l.conv2.in_channels,
                                       l.conv2.out_channels) for l in layers]
    assert [l[0] for l in spec.numbers["layers"]] == [64 + i * k for i in range(len(layers))]
    assert spec.numbers["block_out"][0] == 64 + len(layers) * k == trans.conv.in_channels
    assert spec.numbers["transition"] == (256, 128, (128, 28, 28))
    assert spec.numbers["compression"] == 0.5 and "transition (compression 0.5)" in drawn("dense_block")
    texts = drawn("dense_block")
    for i in spec.numbers["shown"]:
        c_in = layers[i - 1].conv1.in_channels
        assert f"concatenate: {c_in} + {k} = {c_in + k} ch" in texts
    assert f"dense block 1: growth rate k = {k}" in texts
    assert "BN, ReLU, conv 1×1\n256→128 ch" in texts and "avg pool 2×2, stride 2" in texts


def test_separable_costs_are_counted_from_the_layers():
    from syllabus_code.models.mobilenet import (separable_conv_params, separable_cost_ratio,
                                                standard_conv_params)

    spec, _ = made("separable_vs_standard")
    c_in, c_out = spec.numbers["channels"]
    k = spec.numbers["k"]
    h, w = spec.numbers["in"][1:]
    assert (c_in, c_out, k, h) == (32, 64, 3, 112)
    cost = spec.numbers["cost"]
    assert cost["standard"][0] == standard_conv_params(c_in, c_out, k)
    assert spec.numbers["separable"][0] == separable_conv_params(c_in, c_out, k)
    assert cost["standard"][1] == c_in * k * k * c_out * h * w  # stride 1, pad 1: same size
    assert spec.numbers["separable"][1] == (c_in * k * k + c_in * c_out) * h * w
    assert spec.numbers["ratio"] == pytest.approx(separable_cost_ratio(c_out, k))
    texts = drawn("separable_vs_standard")
    assert "conv weights: 18,432" in texts and "multiply-adds: 231.2 M" in texts
    assert "conv weights: 288 + 2,048 = 2,336" in texts and "multiply-adds: 29.3 M" in texts
    assert f"= {separable_cost_ratio(c_out, k):.3f} × standard" in texts


def test_mbconv_channels_are_efficientnet_b0s_block():
    from syllabus_code.models.efficientnet import efficientnet_b0

    block = efficientnet_b0().features[2][1].eval()
    expand, dw, se, project = block.block
    spec, _ = made("mbconv")
    n = spec.numbers
    assert n["expand"] == (expand[0].in_channels, expand[0].out_channels) == (24, 144)
    assert n["expand_ratio"] == 6
    assert n["depthwise"] == (dw[0].in_channels, dw[0].groups, dw[0].kernel_size[0], dw[0].stride[0])
    assert n["se"] == (se.fc1.in_channels, se.fc1.out_channels, se.fc2.out_channels) == (144, 6, 144)
    assert n["project"] == (project[0].in_channels, project[0].out_channels)
    assert n["residual"] is block.use_res_connect is True
    assert n["stochastic_depth"] == block.stochastic_depth.p == 0.2 * 2 / 16  # third of 16 blocks
    assert f"with probability {block.stochastic_depth.p:g} (this block)" in drawn("mbconv")
    with torch.no_grad():
        x = torch.zeros(1, *n["in"])
        assert tuple(block(x).shape[1:]) == n["out"] == (24, 56, 56)
        assert tuple(se.avgpool(dw(expand(x))).shape[1:]) == n["shapes"]["pool"] == (144, 1, 1)
    texts = drawn("mbconv")
    assert {"expand: conv 1×1 (×6)\n24→144 ch, BN, SiLU", "conv 1×1: 144→6, SiLU",
            "conv 1×1: 6→144, sigmoid", "squeeze-and-excitation", "identity"} <= texts


# Each figure is on its page, and its alt text states the shapes in and out that the figure draws.
def _alt(page: str, svg: str) -> str:
    import re
    from pathlib import Path

    text = (Path(__file__).parents[1] / "docs" / page).read_text(encoding="utf-8")
    (alt,) = re.findall(rf"!\[([^\]]*)\]\(figures/{svg}\.svg\)", text)
    return alt


def _shape(s) -> str:
    return "×".join(map(str, s))


PAGES = {  # diagram: (page, figure script, strings of the spec the alt text must state)
    "basic_block": ("06-cnn-architectures/resnet.md", "basic_block", lambda n: [_shape(n["in"]), _shape(n["out"])]),
    "bottleneck_block": ("06-cnn-architectures/resnet.md", "bottleneck_block",
                         lambda n: [_shape(n["in"]), _shape(n["out"])]),
    "inception_module": ("06-cnn-architectures/googlenet.md", "inception_module",
                         lambda n: [_shape(n["in"]), _shape(n["out"]), " + ".join(map(str, n["branch_channels"]))]),
    "lenet": ("06-cnn-architectures/lenet.md", "lenet_diagram", lambda n: [_shape(n["in"])]
              + [_shape(r[-1]) for r in n["layers"]]),
    "alexnet": ("06-cnn-architectures/alexnet.md", "alexnet_diagram", lambda n: [_shape(n["in"])]
                + [_shape(r[-1]) for r in n["layers"] if r[0] != "linear"]),
    "vgg_stage": ("06-cnn-architectures/vgg.md", "vgg_stage", lambda n: [_shape(n["in"]), _shape(n["out"])]),
    "dense_block": ("06-cnn-architectures/densenet.md", "dense_block",
                    lambda n: [_shape(n["in"]), _shape(n["block_out"]), _shape(n["transition"][2])]),
    "separable_vs_standard": ("08-efficient-architectures/depthwise-separable.md", "separable_vs_standard",
                              lambda n: [_shape(n["in"]), _shape(n["pw_out"]), f"{n['cost']['standard'][0]:,}",
                                         f"{n['separable'][0]:,}", f"{n['ratio']:.3f}"]),
    "mbconv": ("08-efficient-architectures/efficientnet.md", "mbconv_block",
               lambda n: [_shape(n["in"]), _shape(n["shapes"]["expand"]), _shape(n["shapes"]["pool"])]),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_page_shows_the_figure_and_its_alt_text_states_its_numbers(name):
    from pathlib import Path

    page, svg, required = PAGES[name]
    script = Path(__file__).parents[1] / "docs" / "figures" / page.split("/")[0] / f"{svg}.py"
    assert f"import {name}\n" in script.read_text(encoding="utf-8")
    alt = _alt(page, svg)
    spec, _ = made(name)
    missing = [s for s in required(spec.numbers) if s not in alt]
    assert not missing, f"{page}: the alt text of {svg}.svg does not state {missing}"


def test_both_themes_draw_one_spec_with_the_same_texts():
    light_spec, light = architectures.vgg_stage()
    dark_spec, dark = architectures.vgg_stage(theme="dark")
    assert dark_spec is light_spec  # built once, drawn twice
    assert figure_texts(dark) == figure_texts(light)
    assert architectures.vgg_stage(stage=2)[0].numbers["out"] == (128, 56, 56)
