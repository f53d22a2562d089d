"""Network diagrams (δ flow, dropout): the numbers drawn are the network's."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from syllabus_code.diagrams.draw import figure_texts, num
from syllabus_code.diagrams.network import (
    delta_figure,
    delta_spec,
    dropout_figure,
    dropout_spec,
)
from syllabus_code.numpy_nn import MLP
from syllabus_code.numpy_nn.dropout import dropout_forward

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_delta_values_are_the_backward_pass_and_follow_step_2():
    spec = delta_spec()
    net = MLP([3, 4, 4, 2], activation="tanh", output="identity", seed=0)
    x = np.random.default_rng(0).standard_normal((1, 3)).round(1)
    out, cache = net.forward(x)
    A, Z = cache[0], cache[1]
    p = np.exp(out - out.max())
    p /= p.sum()
    delta = p - np.array([[0.0, 1.0]])  # δ^(3) for cross-entropy on logits
    assert np.allclose(spec.deltas[2], delta[0])
    for l in (3, 2):  # step 2, written out here
        delta = (delta @ net.params[f"W{l}"].T) * (1 - np.tanh(Z[l - 1]) ** 2)
        assert np.allclose(spec.deltas[l - 2], delta[0])
    assert spec.grad_shapes == [(4, 3), (4, 4), (2, 4)]
    assert A[0].shape == (1, 3)
    text = figure_texts(delta_figure(spec, "dark"))
    for d in spec.deltas:
        for v in d:
            assert num(v, "{:.2f}") in text
    for o, i in spec.grad_shapes:
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
    assert 0 < dropped < sum(map(len, spec.masks))  # some dropped, some kept
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
