"""The Module 9 diagrams of the transformer block and the ViT draw the shapes and sizes of the
package's block and ViT."""

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

from syllabus_code.diagrams import vit  # noqa: E402
from syllabus_code.diagrams.blocks import figure_texts  # noqa: E402
from syllabus_code.models.vit import vit_mini  # noqa: E402

DIAGRAMS = ["transformer_block", "vit_pipeline"]


@cache
def made(name: str):
    return getattr(vit, name)()


def drawn(name: str) -> set[str]:
    return set(figure_texts(made(name)[1]))


@pytest.mark.parametrize("name", DIAGRAMS)
def test_every_label_of_the_spec_is_on_the_figure(name):
    assert_spec_drawn(name, *made(name))


def _mini():
    return vit_mini(num_classes=10).eval()


def test_transformer_block_is_pre_norm_with_the_models_sizes():
    block = _mini().encoder.layers[0]
    spec, _ = made("transformer_block")
    n = spec.numbers
    assert (
        n["ln"]
        == (block.ln_1.normalized_shape[0], block.ln_2.normalized_shape[0])
        == (64, 64)
    )
    assert (
        n["mlp"]
        == (
            block.mlp[0].in_features,
            block.mlp[0].out_features,
            block.mlp[3].in_features,
            block.mlp[3].out_features,
        )
        == (64, 128, 128, 64)
    )
    assert n["activation"] == type(block.mlp[1]).__name__ == "GELU"
    shapes = n["shapes"]
    assert shapes["block"]["in"] == shapes["block"]["out"] == (17, 64)
    assert shapes["fc1"]["out"] == (17, 128)
    with torch.no_grad():
        x = torch.randn(1, 17, 64)
        assert tuple(block(x).shape[1:]) == shapes["block"]["out"]
    flow = spec.flows[0]
    kinds = [type(s).__name__ for s in flow.steps]
    # LN before attention, add; LN before the MLP, add: the pre-norm order
    assert kinds == ["Box", "Box", "Box", "Op", "Box", "Box", "Box", "Op", "Box"]
    assert flow.steps[1].text.startswith("LayerNorm") and flow.steps[4].text.startswith(
        "LayerNorm"
    )
    assert [(s.start, s.end) for s in flow.skips] == [("in", "add1"), ("add1", "add2")]
    assert {
        "tokens z  (n×d)\n17×64",
        "LayerNorm (d = 64)",
        "linear 64→128, GELU",
        "linear 128→64",
        "multi-head self-attention\n4 heads, 64→64",
    } <= drawn("transformer_block")


def test_vit_pipeline_numbers_are_vit_minis():
    model = _mini()
    spec, _ = made("vit_pipeline")
    n = spec.numbers
    p, size = model.patch_size, model.image_size
    patches = (size // p) ** 2
    assert n["image"] == (3, size, size) and n["patch"] == p == 8
    assert n["patches"] == (patches, 3 * p * p) == (16, 192)
    assert n["proj"] == (model.hidden_dim, size // p, size // p)
    assert (
        n["tokens"]
        == n["pos"]
        == (patches + 1, model.hidden_dim)
        == tuple(model.encoder.pos_embedding.shape[1:])
    )
    assert n["class_token"] == (1, model.hidden_dim)
    assert n["layers"] == len(model.encoder.layers) == 2
    assert n["head"] == (model.hidden_dim, 10)
    with torch.no_grad():
        assert (
            tuple(model(torch.zeros(1, 3, size, size)).shape[1:])
            == n["logits"]
            == (10,)
        )
    texts = drawn("vit_pipeline")
    assert {
        "image cut into 4×4 = 16 patches of 8×8",
        "3×32×32",
        "flatten each patch: 3·8·8 = 192 values",
        "16×192",
        "17 tokens of 64 features: 0 is the class token",
        "16",
        "take token 0 (the class token)",
        "linear projection 192→64\n(conv 8×8, stride 8)",
        "class token\n1×64, learned",
        "position embeddings\n17×64, learned",
        "head: linear 64→10",
        "17×64",
    } <= texts


PAGES = {  # diagram: (page, figure script, strings of the spec the alt text must state)
    "transformer_block": (
        "transformer-block.md",
        "transformer_block",
        lambda n: [
            shape_text(n["shapes"]["block"]["in"]),
            shape_text(n["shapes"]["fc1"]["out"]),
            f"{n['mlp'][0]}→{n['mlp'][1]}",
        ],
    ),
    "vit_pipeline": (
        "vit.md",
        "vit_pipeline",
        lambda n: [
            shape_text(n["image"]),
            shape_text(n["patches"]),
            shape_text(n["tokens"]),
            shape_text(n["class_token"]),
            f"{n['head'][0]}→{n['head'][1]}",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_page_shows_the_figure_and_its_alt_text_states_its_numbers(name):
    page, svg, required = PAGES[name]
    assert_alt_states_numbers(
        name, "09-vision-transformers/" + page, svg, required, made(name)[0]
    )


def test_attention_re_exports_them():
    from syllabus_code.diagrams import attention

    assert (attention.transformer_block, attention.vit_pipeline) == (
        vit.transformer_block,
        vit.vit_pipeline,
    )
