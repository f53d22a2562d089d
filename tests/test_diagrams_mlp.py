"""The MLP diagram: the shapes drawn follow the notation and are the network's."""

from __future__ import annotations

import pytest
import torch

from syllabus_code.diagrams.draw import figure_texts
from syllabus_code.diagrams.mlp import mlp_figure, mlp_spec
from syllabus_code.numpy_nn import MLP


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_mlp_shapes_follow_the_notation_and_are_drawn(theme):
    spec = mlp_spec()
    net = MLP([3, 4, 2])
    assert spec.sizes == [3, 4, 2]
    # the page's W^(l) is out x in, like nn.Linear's weight; numpy_nn stores its transpose
    for l, shape in enumerate(spec.weight_shapes, start=1):
        linear = torch.nn.Linear(spec.sizes[l - 1], spec.sizes[l])
        assert shape == tuple(linear.weight.shape) == net.params[f"W{l}"].T.shape
    assert spec.bias_sizes == [4, 2]
    assert spec.params == sum(v.size for v in net.params.values()) == 26
    text = "\n".join(figure_texts(mlp_figure(spec, theme)))
    for s in (
        "$W^{(1)}$: 4 × 3",
        "$W^{(2)}$: 2 × 4",
        "(out × in)",
        "$b^{(1)}$: 4",
        "$b^{(2)}$: 2",
        "$n_0$ = 3",
        "$n_1$ = 4",
        "$n_2$ = 2",
        "= 26",
        "$W^{(1)}_{21}$",
    ):
        assert s in text, s
    assert text.count("$x_") == 3 and text.count("$\\hat y_") == 2


def test_network_re_exports_them():
    from syllabus_code.diagrams import mlp, network

    assert (network.MLPSpec, network.mlp_spec, network.mlp_figure) == (
        mlp.MLPSpec,
        mlp.mlp_spec,
        mlp.mlp_figure,
    )
