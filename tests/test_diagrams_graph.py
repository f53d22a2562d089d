"""The computational-graph walkthrough: the product along the path is the backward pass."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from syllabus_code.diagrams.draw import figure_texts, num
from syllabus_code.diagrams.graph import graph_figure, graph_spec


def test_forward_values_and_local_derivatives_match_autograd():
    spec = graph_spec()
    w = torch.tensor(spec.w, dtype=torch.float64, requires_grad=True)
    u = w * spec.x
    u.retain_grad()
    z = u + spec.b
    z.retain_grad()
    a = torch.sigmoid(z)
    a.retain_grad()
    loss = (a - spec.y) ** 2
    loss.backward()
    assert np.isclose(spec.u, u.item()) and np.isclose(spec.z, z.item())
    assert np.isclose(spec.a, a.item()) and np.isclose(spec.loss, loss.item())
    for name, t in (("a", a), ("z", z), ("u", u), ("w", w)):
        assert np.isclose(spec.upstream[name], t.grad.item()), name
    assert spec.chain == pytest.approx(spec.backward, rel=1e-12)
    assert spec.chain == pytest.approx(np.prod(list(spec.local.values())), rel=1e-12)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_number_of_the_walkthrough_is_drawn(theme):
    spec = graph_spec()
    text = "\n".join(figure_texts(graph_figure(spec, theme)))
    for s in (
        f"= {num(spec.u, '{:.2f}')}",
        f"= {num(spec.z, '{:.2f}')}",
        f"= {num(spec.a, '{:.2f}')}",
        num(spec.loss, "{:.4f}"),
        num(spec.local["da/dz"], "{:.3f}"),
        num(spec.local["dL/da"], "{:.3f}"),
    ):
        assert s in text, s
    for v in spec.upstream.values():
        assert num(v, "{:.3f}") in text
    # backward row, product, backward pass
    assert text.count(num(spec.backward, "{:.3f}")) >= 3


def test_page_alt_text_has_the_numbers():
    page = (
        Path(__file__).resolve().parents[1]
        / "docs/03-neural-networks/backpropagation.md"
    ).read_text()
    spec = graph_spec()
    alt = page.split("![Computational graph", 1)[1].split(
        "](figures/backprop_graph.svg)"
    )[0]
    for v in (spec.upstream["a"], spec.upstream["z"], spec.upstream["w"]):
        assert f"{v:.3f}" in alt
    assert f"L = {spec.loss:.4f}" in alt
