"""The Module 9 attention diagrams draw the shapes and sizes of the package's attention."""

from __future__ import annotations

from functools import cache

import matplotlib
import pytest
import torch

matplotlib.use("Agg")

from diagram_helpers import (  # noqa: E402
    assert_alt_states_numbers,
    assert_spec_drawn,
    shape_text,
)

from syllabus_code.diagrams import attention  # noqa: E402
from syllabus_code.diagrams.blocks import figure_texts  # noqa: E402
from syllabus_code.models.vit import vit_mini  # noqa: E402

DIAGRAMS = ["scaled_dot_product", "multi_head"]


@cache
def made(name: str):
    return getattr(attention, name)()


def drawn(name: str) -> set[str]:
    return set(figure_texts(made(name)[1]))


@pytest.mark.parametrize("name", DIAGRAMS)
def test_every_label_of_the_spec_is_on_the_figure(name):
    assert_spec_drawn(name, *made(name))


def test_scaled_dot_product_shapes():
    spec, _ = made("scaled_dot_product")
    (L, d_k), (S, d_k2), (S2, d_v) = (
        spec.numbers["q"],
        spec.numbers["k"],
        spec.numbers["v"],
    )
    # all four sizes tell apart
    assert d_k == d_k2 and S == S2 and len({L, S, d_k, d_v}) == 4
    assert spec.numbers["weights"] == (L, S) and spec.numbers["out"] == (L, d_v)
    texts = drawn("scaled_dot_product")
    assert {
        f"queries Q  (L×d_k)\n{L}×{d_k}",
        f"keys K  (S×d_k)\n{S}×{d_k}",
        f"values V  (S×d_v)\n{S}×{d_v}",
        f"scores {L}×{S}",
        f"weights {L}×{S}",
        f"output  (L×d_v)\n{L}×{d_v}",
        f"scale: ÷ √d_k = ÷ √{d_k}",
    } <= texts


def _mini():
    return vit_mini(num_classes=10).eval()


def test_multi_head_shapes_are_the_vit_blocks_attention():
    mha = _mini().encoder.layers[0].self_attention
    spec, _ = made("multi_head")
    n = spec.numbers
    h, dk, e = mha.num_heads, mha.head_dim, mha.embed_dim
    assert (n["heads"], n["head_dim"], n["embed_dim"]) == (h, dk, e) == (4, 16, 64)
    assert n["w"] == [(e, e)] * 3 and n["out_proj"] == (e, e)
    tokens = n["x"][0]
    assert tokens == 17  # 16 patches + the class token
    assert n["split"] == n["attended"] == (h, tokens, dk)
    assert n["concat"] == n["out"] == (tokens, h * dk)
    with torch.no_grad():
        x = torch.zeros(1, tokens, e)
        assert tuple(mha(x, x, x)[0].shape[1:]) == n["out"]
        assert tuple(mha._split_heads(x).shape[1:]) == n["split"]
    texts = drawn("multi_head")
    assert {
        f"linear W_Q\n{e}→{e}",
        f"split: {h} heads\n{h}×{tokens}×{dk}",
        f"{tokens}×{e}",
        f"linear W_O\n{e}→{e}",
        f"{h} heads × d_k = {dk} → d = {e} features",
    } <= texts


PAGES = {  # diagram: (page, figure script, strings of the spec the alt text must state)
    "scaled_dot_product": (
        "attention.md",
        "scaled_dot_product",
        lambda n: [shape_text(n[k]) for k in ("q", "k", "v", "weights", "out")],
    ),
    "multi_head": (
        "attention.md",
        "multi_head_attention",
        lambda n: [
            shape_text(n["x"]),
            shape_text(n["split"]),
            f"{n['heads']} heads",
            f"d_k = {n['head_dim']}",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_page_shows_the_figure_and_its_alt_text_states_its_numbers(name):
    page, svg, required = PAGES[name]
    assert_alt_states_numbers(
        name, "09-vision-transformers/" + page, svg, required, made(name)[0]
    )
