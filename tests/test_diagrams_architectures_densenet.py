"""The dense-block diagram (diagrams/architectures/densenet.py) draws DenseNet-121's channels."""

from __future__ import annotations

import torch
from diagram_helpers import drawn, made


def test_dense_block_channels_grow_by_k_and_the_transition_halves_them():
    from syllabus_code.models.densenet import densenet121

    with torch.device("meta"):
        model = densenet121()
    block, trans = model.features.denseblock1, model.features.transition1
    layers = list(block.values())
    spec, _ = made("dense_block")
    k = spec.numbers["growth_rate"]
    assert k == layers[0].conv2.out_channels == 32
    assert spec.numbers["layers"] == [
        (
            l.conv1.in_channels,
            l.conv1.out_channels,
            l.conv2.in_channels,
            l.conv2.out_channels,
        )
        for l in layers
    ]
    assert [l[0] for l in spec.numbers["layers"]] == [
        64 + i * k for i in range(len(layers))
    ]
    assert (
        spec.numbers["block_out"][0] == 64 + len(layers) * k == trans.conv.in_channels
    )
    assert spec.numbers["transition"] == (256, 128, (128, 28, 28))
    assert spec.numbers[
        "compression"
    ] == 0.5 and "transition (compression 0.5)" in drawn("dense_block")
    texts = drawn("dense_block")
    for i in spec.numbers["shown"]:
        c_in = layers[i - 1].conv1.in_channels
        assert f"concatenate: {c_in} + {k} = {c_in + k} ch" in texts
    assert f"dense block 1: growth rate k = {k}" in texts
    assert (
        "BN, ReLU, conv 1×1\n256→128 ch" in texts and "avg pool 2×2, stride 2" in texts
    )
