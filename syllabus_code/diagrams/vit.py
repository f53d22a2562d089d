"""Block diagrams of Module 9's pre-norm transformer block and Vision Transformer, drawn from
one small model of the package, ``vit_mini(num_classes=10)`` (32×32 images, 8×8 patches,
D = 64, 4 heads, MLP 128, 2 blocks): 16 patches + 1 class token = 17 tokens of 64 features.
Shapes are per image (no batch axis). :mod:`.attention` re-exports both diagrams.
"""

from __future__ import annotations

import torch

from .architectures.common import Diagram, diagram, shape_text, trace
from .blocks import Box, Flow, Op, Skip, Tiles

__all__ = ["transformer_block", "vit_pipeline"]


def _vit():
    from ..models.vit import vit_mini

    torch.manual_seed(0)
    return vit_mini(num_classes=10).eval()


def _image(model) -> torch.Tensor:
    return torch.zeros(1, model.in_channels, model.image_size, model.image_size)


# --------------------------------------------------------------------------- the block and the ViT


@diagram
def transformer_block():
    """The ViT's first encoder block: x + MHA(LN(x)), then x + MLP(LN(x))."""
    model = _vit()
    block = model.encoder.layers[0]
    mods = {
        "block": block,
        "ln_1": block.ln_1,
        "attn": block.self_attention,
        "ln_2": block.ln_2,
        "fc1": block.mlp[0],
        "fc2": block.mlp[3],
    }
    shapes = trace(model, _image(model), mods)
    fc1, fc2 = block.mlp[0], block.mlp[3]
    act = type(block.mlp[1]).__name__
    ln = block.ln_1.normalized_shape[0]
    flow = Flow(
        [
            Box(
                f"tokens z  (n×d)\n{shape_text(shapes['block']['in'])}",
                role="input",
                key="in",
            ),
            Box(f"LayerNorm (d = {ln})", note=shape_text(shapes["ln_1"]["out"])),
            Box(
                f"multi-head self-attention\n{block.self_attention.num_heads} heads, "
                f"{block.self_attention.embed_dim}→{block.self_attention.out_proj.out_features}",
                note=shape_text(shapes["attn"]["out"]),
            ),
            Op("+", key="add1"),
            Box(
                f"LayerNorm (d = {block.ln_2.normalized_shape[0]})",
                note=shape_text(shapes["ln_2"]["out"]),
            ),
            Box(
                f"linear {fc1.in_features}→{fc1.out_features}, {act}",
                note=shape_text(shapes["fc1"]["out"]),
            ),
            Box(
                f"linear {fc2.in_features}→{fc2.out_features}",
                note=shape_text(shapes["fc2"]["out"]),
            ),
            Op("+", key="add2"),
            Box(f"output\n{shape_text(shapes['block']['out'])}", role="activation"),
        ],
        skips=[Skip("in", "add1"), Skip("add1", "add2")],
        title="Pre-norm transformer block",
        notes="left",
        footer=["the MLP acts on each token on its own"],
    )
    numbers = {
        "shapes": shapes,
        "ln": (ln, block.ln_2.normalized_shape[0]),
        "heads": block.self_attention.num_heads,
        "mlp": (fc1.in_features, fc1.out_features, fc2.in_features, fc2.out_features),
        "activation": act,
    }
    return Diagram([flow], numbers)


@diagram
def vit_pipeline():
    """vit_mini(num_classes=10): image → patches → tokens → encoder → class-token head."""
    from ..models.vit import patchify

    model = _vit()
    img = _image(model)
    p = model.patch_size
    patches = patchify(img, p)
    enc = model.encoder
    mods = {
        "proj": model.conv_proj,
        "encoder": enc,
        "layers": enc.layers,
        "ln": enc.ln,
        "head": model.heads,
    }
    shapes = trace(model, img, mods)
    tokens = model.tokens(img)
    n, c = patches.shape[1], model.conv_proj.in_channels
    grid = model.image_size // p
    d = model.hidden_dim
    block = enc.layers[0]
    head = model.heads.head
    n_tok = tokens.shape[1]
    flow = Flow(
        [
            Tiles(
                grid,
                grid,
                text=f"image cut into {grid}×{grid} = {n} patches of {p}×{p}",
                labels=[str(i) for i in range(1, n + 1)],
                note=shape_text(img.shape[1:]),
            ),
            Box(
                f"flatten each patch: {c}·{p}·{p} = {patches.shape[2]} values",
                note=shape_text(patches.shape[1:]),
            ),
            Box(
                f"linear projection {patches.shape[2]}→{d}\n(conv {p}×{p}, stride {p})",
                note=f"{n}×{d}",
            ),
            Box(
                "prepend the class token",
                note=shape_text(tokens.shape[1:]),
                side=Box(
                    f"class token\n{shape_text(model.class_token.shape[1:])}, learned",
                    role="weight",
                ),
            ),
            Op(
                "+",
                side=Box(
                    f"position embeddings\n{shape_text(enc.pos_embedding.shape[1:])}, learned",
                    role="weight",
                ),
            ),
            Tiles(
                1,
                7,
                text=f"{n_tok} tokens of {d} features: 0 is the class token",
                labels=["0", "1", "2", "3", "…", str(n_tok - 2), str(n_tok - 1)],
                roles=[
                    "weight",
                    "activation",
                    "activation",
                    "activation",
                    None,
                    "activation",
                    "activation",
                ],
                note=shape_text(shapes["encoder"]["in"]),
            ),
            Box(
                f"encoder: {len(enc.layers)} pre-norm blocks\n{block.self_attention.num_heads} heads, "
                f"MLP {block.mlp[0].in_features}→{block.mlp[0].out_features}→{block.mlp[3].out_features}",
                stack=len(enc.layers),
                note=shape_text(shapes["layers"]["out"]),
            ),
            Box("LayerNorm", note=shape_text(shapes["ln"]["out"])),
            Box(
                "take token 0 (the class token)", note=shape_text(shapes["head"]["in"])
            ),
            Box(
                f"head: linear {head.in_features}→{head.out_features}",
                note=shape_text(shapes["head"]["out"]),
            ),
            Box("class scores", role="activation"),
        ],
        title="Vision Transformer (vit_mini)",
        notes="left",
    )
    numbers = {
        "image": tuple(img.shape[1:]),
        "patch": p,
        "patches": tuple(patches.shape[1:]),
        "proj": tuple(shapes["proj"]["out"]),
        "tokens": tuple(tokens.shape[1:]),
        "pos": tuple(enc.pos_embedding.shape[1:]),
        "class_token": tuple(model.class_token.shape[1:]),
        "layers": len(enc.layers),
        "encoder_out": tuple(shapes["layers"]["out"]),
        "head": (head.in_features, head.out_features),
        "logits": tuple(shapes["head"]["out"]),
    }
    return Diagram([flow], numbers)
