"""The LeNet, AlexNet and VGG diagrams (diagrams/architectures/stacks.py): layers and shapes
equal the models' own."""

from __future__ import annotations

import torch
from diagram_helpers import drawn, made

from syllabus_code.shapes import conv_output_size


def _forward_shapes(model, x, kinds):
    """Output shape (no batch axis) of each layer of the given kinds, in order, from a CPU forward."""
    found = []
    hooks = [
        m.register_forward_hook(
            lambda m, a, o: found.append((type(m).__name__, tuple(o.shape[1:])))
        )
        for m in model.modules()
        if isinstance(m, kinds)
    ]
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
        (c.in_channels, c.out_channels, c.kernel_size[0], c.stride[0], c.padding[0])
        for c in convs
    ]
    # shapes by the shape rules: 224 -conv 11/4 pad 2-> 55 -pool 3/2-> 27 -> 27 -> 13 -> ... -> 6
    n = conv_output_size(224, 11, 4, 2)
    sizes = [n]
    for k, s, p in [
        (3, 2, 0),
        (5, 1, 2),
        (3, 2, 0),
        (3, 1, 1),
        (3, 1, 1),
        (3, 1, 1),
        (3, 2, 0),
    ]:
        n = conv_output_size(n, k, s, p)
        sizes.append(n)
    spatial = [r[-1][1] for r in spec.numbers["layers"] if r[0] in ("conv", "pool")]
    assert spatial == sizes == [55, 27, 27, 13, 13, 13, 13, 6]
    linears = [m for m in model.classifier if isinstance(m, torch.nn.Linear)]
    assert [r[1:3] for r in spec.numbers["layers"] if r[0] == "linear"] == [
        (m.in_features, m.out_features) for m in linears
    ]
    texts = drawn("alexnet")
    assert "conv 11×11, stride 4, pad 2\n3→64 ch, ReLU" in texts and "64×55×55" in texts
    assert "dropout 0.5, linear 9216→4096, ReLU" in texts and "256×6×6" in texts


def test_vgg_stage_is_vgg16_stage_3():
    from syllabus_code.models.vgg import CFGS, make_layers

    features = make_layers(CFGS["D"])
    pools = [i for i, m in enumerate(features) if isinstance(m, torch.nn.MaxPool2d)]
    stage = list(features)[pools[1] + 1 : pools[2] + 1]
    with torch.no_grad():
        x = torch.zeros(1, 128, 56, 56)
        out = torch.nn.Sequential(*stage)(x)
    convs = [m for m in stage if isinstance(m, torch.nn.Conv2d)]
    spec, _ = made("vgg_stage")
    assert spec.numbers["in"] == (128, 56, 56)  # 224 halved by two pools
    assert spec.numbers["out"] == tuple(out.shape[1:]) == (256, 28, 28)
    assert [r[1:3] for r in spec.numbers["layers"] if r[0] == "conv"] == [
        (c.in_channels, c.out_channels) for c in convs
    ]
    assert {
        "conv 3×3, pad 1\n128→256 ch, ReLU",
        "3 convolutions 3×3 (pad 1) keep the size;",
        "the pool (stride 2) divides it by 2",
    } <= drawn("vgg_stage")
