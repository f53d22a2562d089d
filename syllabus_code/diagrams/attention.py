"""Block diagrams of Module 9's attention: scaled dot-product attention and multi-head attention,
drawn from the package's own objects. The pre-norm transformer block and the Vision Transformer
are in :mod:`.vit` (re-exported here).

Multi-head attention is read from one small model, ``vit_mini(num_classes=10)`` (32×32 images,
8×8 patches, D = 64, 4 heads, MLP 128, 2 blocks), as are the figures of :mod:`.vit`, so the
three share their numbers: 16 patches + 1 class token = 17 tokens of 64 features. Shapes are
per image (no batch axis).
"""

from __future__ import annotations

import torch
from torch import nn

from .architectures.common import Diagram, diagram, shape_text
from .blocks import Box, Flow, Parallel
from .vit import _image, _vit, transformer_block, vit_pipeline

__all__ = ["scaled_dot_product", "multi_head", "transformer_block", "vit_pipeline"]


# --------------------------------------------------------------------------- attention


@diagram
def scaled_dot_product(L: int = 4, S: int = 6, d_k: int = 8, d_v: int = 10):
    """softmax(Q Kᵀ / √d_k) V with the shapes of a call of the package's function."""
    from ..models.attention import scaled_dot_product_attention

    g = torch.Generator().manual_seed(0)
    q, k, v = (
        torch.randn(*shape, generator=g) for shape in ((L, d_k), (S, d_k), (S, d_v))
    )
    out, weights = scaled_dot_product_attention(q, k, v)
    sl = shape_text(weights.shape)
    flow = Flow(
        [
            Parallel(
                [
                    [Box(f"queries Q  (L×d_k)\n{shape_text(q.shape)}", role="input")],
                    [Box(f"keys K  (S×d_k)\n{shape_text(k.shape)}", role="input")],
                ]
            ),
            Box("matrix product  Q Kᵀ", note=f"scores {sl}"),
            Box(f"scale: ÷ √d_k = ÷ √{q.shape[-1]}", note=sl),
            Box("mask (optional):\n−∞ where not allowed", note=sl),
            Box("softmax over the keys\n(each row sums to 1)", note=f"weights {sl}"),
            Box(
                "matrix product\nweights · V",
                note=shape_text(out.shape),
                side=Box(f"values V  (S×d_v)\n{shape_text(v.shape)}", role="input"),
            ),
            Box(f"output  (L×d_v)\n{shape_text(out.shape)}", role="activation"),
        ],
        title="Scaled dot-product attention",
        notes="left",
    )
    numbers = {
        "q": tuple(q.shape),
        "k": tuple(k.shape),
        "v": tuple(v.shape),
        "weights": tuple(weights.shape),
        "out": tuple(out.shape),
    }
    return Diagram([flow], numbers)


@diagram
def multi_head():
    """The ViT's first block's self-attention (the package's MultiHeadAttention) on 17 tokens."""
    from ..models.attention import scaled_dot_product_attention

    model = _vit()
    mha = model.encoder.layers[0].self_attention
    # what the block receives
    x = model.tokens(_image(model)) + model.encoder.pos_embedding
    with torch.no_grad():
        w_q, w_k, w_v = mha.in_proj_weight.chunk(3)
        b_q, b_k, b_v = mha.in_proj_bias.chunk(3)
        proj = [
            nn.functional.linear(x, w, b)
            for w, b in ((w_q, b_q), (w_k, b_k), (w_v, b_v))
        ]
        split = [mha._split_heads(p) for p in proj]  # (N, h, T, d_k)
        heads, _ = scaled_dot_product_attention(*split)
        out, _ = mha(x, x, x)
    h, dk, e = mha.num_heads, mha.head_dim, mha.embed_dim
    concat_shape = (heads.shape[2], heads.shape[1] * heads.shape[3])
    columns = []
    for name, w in (("Q", w_q), ("K", w_k), ("V", w_v)):
        columns.append(
            [
                Box(f"linear W_{name}\n{w.shape[1]}→{w.shape[0]}"),
                Box(f"split: {h} heads\n{shape_text(split[0].shape[1:])}"),
            ]
        )
    flow = Flow(
        [
            Box(f"tokens X  (n×d)\n{shape_text(x.shape[1:])}", role="input"),
            Parallel(columns),
            Box(
                f"scaled dot-product attention\nin each of the {h} heads (d_k = {dk})",
                stack=h,
                note=shape_text(heads.shape[1:]),
            ),
            Box(f"concatenate the {h} heads", note=shape_text(concat_shape)),
            Box(
                f"linear W_O\n{mha.out_proj.in_features}→{mha.out_proj.out_features}",
                note=shape_text(out.shape[1:]),
            ),
            Box(f"output\n{shape_text(out.shape[1:])}", role="activation"),
        ],
        title="Multi-head attention",
        notes="left",
        footer=[f"{h} heads × d_k = {dk} → d = {e} features"],
    )
    numbers = {
        "x": tuple(x.shape[1:]),
        "heads": h,
        "head_dim": dk,
        "embed_dim": e,
        "w": [tuple(w.shape) for w in (w_q, w_k, w_v)],
        "split": tuple(split[0].shape[1:]),
        "attended": tuple(heads.shape[1:]),
        "concat": concat_shape,
        "out": tuple(out.shape[1:]),
        "out_proj": (mha.out_proj.in_features, mha.out_proj.out_features),
    }
    return Diagram([flow], numbers)
