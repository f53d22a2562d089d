"""Network diagrams (MLP, δ flow, dropout): the numbers drawn are the network's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from syllabus_code.diagrams.draw import figure_texts, num
from syllabus_code.diagrams.network import (
    delta_figure,
    delta_spec,
    dropout_figure,
    dropout_spec,
    mlp_figure,
    mlp_spec,
)
from syllabus_code.numpy_nn import MLP
from syllabus_code.numpy_nn.dropout import dropout_forward

DOCS = Path(__file__).resolve().parents[1] / "docs"


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
    for s in ("$W^{(1)}$: 4 × 3", "$W^{(2)}$: 2 × 4", "(out × in)", "$b^{(1)}$: 4",
              "$b^{(2)}$: 2", "$n_0$ = 3", "$n_1$ = 4", "$n_2$ = 2", "= 26", "$W^{(1)}_{21}$"):
        assert s in text, s
    assert text.count("$x_") == 3 and text.count("$\\hat y_") == 2


def test_delta_values_are_the_backward_pass_and_follow_step_2():
    spec = delta_spec()
    net = MLP([3, 4, 4, 2], activation="tanh", output="identity", seed=0)
    x = np.random.default_rng(0).standard_normal((1, 3)).round(1)
    out, cache = net.forward(x)
    A, Z = cache[0], cache[1]
    p = np.exp(out - out.max())
    p /= p.sum()
    delta = p - np.array([[0.0, 1.0]])                     # δ^(3) for cross-entropy on logits
    assert np.allclose(spec.deltas[2], delta[0])
    for l in (3, 2):                                      # step 2, written out here
        delta = (delta @ net.params[f"W{l}"].T) * (1 - np.tanh(Z[l - 1]) ** 2)
        assert np.allclose(spec.deltas[l - 2], delta[0])
    assert spec.grad_shapes == [(4, 3), (4, 4), (2, 4)]
    assert A[0].shape == (1, 3)
    text = figure_texts(delta_figure(spec, "dark"))
    for d in spec.deltas:
        for v in d:
            assert num(v, "{:.2f}") in text
    for (o, i) in spec.grad_shapes:
        assert any(f"\n{o} × {i}" in t for t in text)


def test_dropout_masks_are_dropout_forward_draws():
    spec = dropout_spec()
    rng = np.random.default_rng(6)
    for n, mask in zip(spec.sizes[1:-1], spec.masks):
        out, m = dropout_forward(np.ones((1, n)), p=spec.p, rng=rng)
        assert mask == (m[0] > 0).astype(int).tolist()
        assert np.allclose(out[0][m[0] > 0], spec.scale)
    assert spec.scale == 1 / (1 - spec.p)
    dropped = sum(len(m) - sum(m) for m in spec.masks)
    assert 0 < dropped < sum(map(len, spec.masks))       # some dropped, some kept
    text = "\n".join(figure_texts(dropout_figure(spec, "light")))
    assert f"{dropped} of {sum(map(len, spec.masks))} hidden units dropped" in text
    assert f"1/(1 − p) = {spec.scale:g}" in text
    page = (DOCS / "04-training-deep-networks/regularization.md").read_text()
    assert f"{dropped} of the {sum(map(len, spec.masks))} hidden units" in page


def test_backprop_page_alt_text_states_the_drawn_deltas():
    page = (DOCS / "03-neural-networks/backpropagation.md").read_text()
    for d in delta_spec().deltas:
        shown = ", ".join(f"{v:.2f}" for v in d)
        assert shown in page, shown
