"""Block diagrams of Module 9: scaled dot-product attention, multi-head attention, the pre-norm
transformer block and the Vision Transformer, drawn from the package's own objects.

The last three are read from one small model, ``vit_mini(num_classes=10)`` (32×32 images, 8×8
patches, D = 64, 4 heads, MLP 128, 2 blocks), so the three figures share their numbers: 16
patches + 1 class token = 17 tokens of 64 features. Shapes are per image (no batch axis).
"""

from __future__ import annotations

import torch
from torch import nn

from .architectures.common import Diagram, diagram, shape_text, trace
from .blocks import Box, Flow, Op, Parallel, Skip, Tiles


def _vit():
    from ..models.vit import vit_mini

    torch.manual_seed(0)
    return vit_mini(num_classes=10).eval()


def _image(model) -> torch.Tensor:
    return torch.zeros(1, model.in_channels, model.image_size, model.image_size)


# --------------------------------------------------------------------------- attention


@diagram
def scaled_dot_product(L: int = 4, S: int = 6, d_k: int = 8, d_v: int = 10):
    """softmax(Q Kᵀ / √d_k) V with the shapes of a call of the package's function."""
    from ..models.attention import scaled_dot_product_attention

    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(*shape, generator=g) for shape in ((L, d_k), (S, d_k), (S, d_v)))
    out, weights = scaled_dot_product_attention(q, k, v)
    sl = shape_text(weights.shape)
    flow = Flow([
        Parallel([[Box(f"queries Q  (L×d_k)\n{shape_text(q.shape)}", role="input")],
                  [Box(f"keys K  (S×d_k)\n{shape_text(k.shape)}", role="input")]]),
        Box("matrix product  Q Kᵀ", note=f"scores {sl}"),
        Box(f"scale: ÷ √d_k = ÷ √{q.shape[-1]}", note=sl),
        Box("mask (optional):\n−∞ where not allowed", note=sl),
        Box("softmax over the keys\n(each row sums to 1)", note=f"weights {sl}"),
        Box("matrix product\nweights · V", note=shape_text(out.shape),
            side=Box(f"values V  (S×d_v)\n{shape_text(v.shape)}", role="input")),
        Box(f"output  (L×d_v)\n{shape_text(out.shape)}", role="activation"),
    ], title="Scaled dot-product attention", notes="left")
    numbers = {"q": tuple(q.shape), "k": tuple(k.shape), "v": tuple(v.shape),
               "weights": tuple(weights.shape), "out": tuple(out.shape)}
    return Diagram([flow], numbers)


@diagram
def multi_head():
    """The ViT's first block's self-attention (the package's MultiHeadAttention) on 17 tokens."""
    from ..models.attention import scaled_dot_product_attention

    model = _vit()
    mha = model.encoder.layers[0].self_attention
    x = model.tokens(_image(model)) + model.encoder.pos_embedding  # what the block receives
    with torch.no_grad():
        w_q, w_k, w_v = mha.in_proj_weight.chunk(3)
        b_q, b_k, b_v = mha.in_proj_bias.chunk(3)
        proj = [nn.functional.linear(x, w, b) for w, b in ((w_q, b_q), (w_k, b_k), (w_v, b_v))]
        split = [mha._split_heads(p) for p in proj]  # (N, h, T, d_k)
        heads, _ = scaled_dot_product_attention(*split)
        out, _ = mha(x, x, x)
    h, dk, e = mha.num_heads, mha.head_dim, mha.embed_dim
    concat_shape = (heads.shape[2], heads.shape[1] * heads.shape[3])
    columns = []
    for name, w in (("Q", w_q), ("K", w_k), ("V", w_v)):
        columns.append([Box(f"linear W_{name}\n{w.shape[1]}→{w.shape[0]}"),
                        Box(f"split: {h} heads\n{shape_text(split[0].shape[1:])}")])
    flow = Flow([
        Box(f"tokens X  (n×d)\n{shape_text(x.shape[1:])}", role="input"),
        Parallel(columns),
        Box(f"scaled dot-product attention\nin each of the {h} heads (d_k = {dk})", stack=h,
            note=shape_text(heads.shape[1:])),
        Box(f"concatenate the {h} heads", note=shape_text(concat_shape)),
        Box(f"linear W_O\n{mha.out_proj.in_features}→{mha.out_proj.out_features}",
            note=shape_text(out.shape[1:])),
        Box(f"output\n{shape_text(out.shape[1:])}", role="activation"),
    ], title="Multi-head attention", notes="left",
        footer=[f"{h} heads × d_k = {dk} → d = {e} features"])
    numbers = {"x": tuple(x.shape[1:]), "heads": h, "head_dim": dk, "embed_dim": e,
               "w": [tuple(w.shape) for w in (w_q, w_k, w_v)],
               "split": tuple(split[0].shape[1:]), "attended": tuple(heads.shape[1:]),
               "concat": concat_shape, "out": tuple(out.shape[1:]),
               "out_proj": (mha.out_proj.in_features, mha.out_proj.out_features)}
    return Diagram([flow], numbers)


# --------------------------------------------------------------------------- the block and the ViT


@diagram
def transformer_block():
    """The ViT's first encoder block: x + MHA(LN(x)), then x + MLP(LN(x))."""
    model = _vit()
    block = model.encoder.layers[0]
    mods = {"block": block, "ln_1": block.ln_1, "attn": block.self_attention, "ln_2": block.ln_2,
            "fc1": block.mlp[0], "fc2": block.mlp[3]}
    shapes = trace(model, _image(model), mods)
    fc1, fc2 = block.mlp[0], block.mlp[3]
    act = type(block.mlp[1]).__name__
    ln = block.ln_1.normalized_shape[0]
    flow = Flow([
        Box(f"tokens z  (n×d)\n{shape_text(shapes['block']['in'])}", role="input", key="in"),
        Box(f"LayerNorm (d = {ln})", note=shape_text(shapes["ln_1"]["out"])),
        Box(f"multi-head self-attention\n{block.self_attention.num_heads} heads, "
            f"{block.self_attention.embed_dim}→{block.self_attention.out_proj.out_features}",
            note=shape_text(shapes["attn"]["out"])),
        Op("+", key="add1"),
        Box(f"LayerNorm (d = {block.ln_2.normalized_shape[0]})", note=shape_text(shapes["ln_2"]["out"])),
        Box(f"linear {fc1.in_features}→{fc1.out_features}, {act}", note=shape_text(shapes["fc1"]["out"])),
        Box(f"linear {fc2.in_features}→{fc2.out_features}", note=shape_text(shapes["fc2"]["out"])),
        Op("+", key="add2"),
        Box(f"output\n{shape_text(shapes['block']['out'])}", role="activation"),
    ], skips=[Skip("in", "add1"), Skip("add1", "add2")],
        title="Pre-norm transformer block", notes="left",
        footer=["the MLP acts on each token on its own"])
    numbers = {"shapes": shapes, "ln": (ln, block.ln_2.normalized_shape[0]),
               "heads": block.self_attention.num_heads, "mlp": (fc1.in_features, fc1.out_features,
                                                               fc2.in_features, fc2.out_features),
               "activation": act}
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
    mods = {"proj": model.conv_proj, "encoder": enc, "layers": enc.layers, "ln": enc.ln,
            "head": model.heads}
    shapes = trace(model, img, mods)
    tokens = model.tokens(img)
    n, c = patches.shape[1], model.conv_proj.in_channels
    grid = model.image_size // p
    d = model.hidden_dim
    block = enc.layers[0]
    head = model.heads.head
    n_tok = tokens.shape[1]
    flow = Flow([
        Tiles(grid, grid, text=f"image cut into {grid}×{grid} = {n} patches of {p}×{p}",
              labels=[str(i) for i in range(1, n + 1)], note=shape_text(img.shape[1:])),
        Box(f"flatten each patch: {c}·{p}·{p} = {patches.shape[2]} values", note=shape_text(patches.shape[1:])),
        Box(f"linear projection {patches.shape[2]}→{d}\n(conv {p}×{p}, stride {p})",
            note=f"{n}×{d}"),
        Box("prepend the class token", note=shape_text(tokens.shape[1:]),
            side=Box(f"class token\n{shape_text(model.class_token.shape[1:])}, learned", role="weight")),
        Op("+", side=Box(f"position embeddings\n{shape_text(enc.pos_embedding.shape[1:])}, learned",
                         role="weight")),
        Tiles(1, 7, text=f"{n_tok} tokens of {d} features: 0 is the class token",
              labels=["0", "1", "2", "3", "…", str(n_tok - 2), str(n_tok - 1)],
              roles=["weight", "activation", "activation", "activation", None, "activation", "activation"],
              note=shape_text(shapes["encoder"]["in"])),
        Box(f"encoder: {len(enc.layers)} pre-norm blocks\n{block.self_attention.num_heads} heads, "
            f"MLP {block.mlp[0].in_features}→{block.mlp[0].out_features}→{block.mlp[3].out_features}",
            stack=len(enc.layers), note=shape_text(shapes["layers"]["out"])),
        Box("LayerNorm", note=shape_text(shapes["ln"]["out"])),
        Box("take token 0 (the class token)", note=shape_text(shapes["head"]["in"])),
        Box(f"head: linear {head.in_features}→{head.out_features}", note=shape_text(shapes["head"]["out"])),
        Box("class scores", role="activation"),
    ], title="Vision Transformer (vit_mini)", notes="left")
    numbers = {"image": tuple(img.shape[1:]), "patch": p, "patches": tuple(patches.shape[1:]),
               "proj": tuple(shapes["proj"]["out"]), "tokens": tuple(tokens.shape[1:]),
               "pos": tuple(enc.pos_embedding.shape[1:]), "class_token": tuple(model.class_token.shape[1:]),
               "layers": len(enc.layers), "encoder_out": tuple(shapes["layers"]["out"]),
               "head": (head.in_features, head.out_features), "logits": tuple(shapes["head"]["out"])}
    return Diagram([flow], numbers)
