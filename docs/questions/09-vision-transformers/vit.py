"""Self-check questions for docs/09-vision-transformers/vit.md.

Counts and lengths from ``models.vit``: ``vit_mini`` (the course's small ViT) and a
``VisionTransformer`` with a tiny width for the sequence length (no ViT-B is built).
"""

from __future__ import annotations

from syllabus_code.models.vit import VisionTransformer, vit_mini
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _seq_len() -> Numeric:
    size, p = 384, 32
    model = VisionTransformer(
        image_size=size,
        patch_size=p,
        num_layers=1,
        num_heads=1,
        hidden_dim=8,
        mlp_dim=8,
    )
    answer = model.seq_length
    n = model.num_patches
    return Numeric(
        id="sequence-length",
        prompt=(
            f"A ViT with {p}×{p} patches (like ViT-B/32) is built for {size}×{size} images. How many "
            f"tokens enter its first encoder block?"
        ),
        answer=answer,
        tolerance=0,
        unit="tokens",
        solution=(
            f"\\(N = (H/p)(W/p) = ({size}/{p})^2 = {n}\\) patch tokens, plus the class token put "
            f"in front: \\(N + 1 = {answer}\\)."
        ),
        hint="Count the patches, then remember the class token.",
        mistakes=(
            Mistake(n, "The class token is prepended to the patch tokens: one more."),
            Mistake(
                size // p + 1,
                "The patches tile the image in two directions: \\((H/p)\\cdot(W/p)\\).",
            ),
        ),
    )


def _patch_embed(model) -> Numeric:
    conv = model.conv_proj
    c, p, d = conv.in_channels, conv.kernel_size[0], conv.out_channels
    answer = sum(q.numel() for q in conv.parameters())
    return Numeric(
        id="patch-embedding",
        prompt=(
            f"`vit_mini()` cuts {model.image_size}×{model.image_size} RGB images into {p}×{p} patches "
            f"and embeds each in \\(d = {d}\\) features. How many parameters has the patch embedding "
            f"(a `Conv2d` with kernel and stride {p}, with bias)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"One linear map shared by all patches: \\(E \\in \\mathbb R^{{{d}\\times {c * p * p}}}\\) "
            f"(\\(Cp^2 = {c}\\cdot{p}^2 = {c * p * p}\\) inputs) plus \\({d}\\) biases: "
            f"\\({c * p * p}\\cdot{d} + {d} = {_m(answer)}\\)."
        ),
        hint="The same \\(d\\times Cp^2\\) matrix (plus \\(d\\) biases) is applied to every patch.",
        mistakes=(
            Mistake(
                answer * model.num_patches,
                "The embedding is shared: every patch goes through the same weights.",
            ),
            Mistake(
                p * p * d + d,
                "A patch has \\(C = 3\\) colour channels: \\(Cp^2\\) numbers, not \\(p^2\\).",
            ),
            Mistake(c * p * p * d, "Count the \\(d\\) biases as well."),
        ),
    )


def _positions(model) -> Numeric:
    d, n = model.hidden_dim, model.num_patches
    answer = model.class_token.numel() + model.encoder.pos_embedding.numel()
    avg = vit_mini(pool="avg")
    no_cls = avg.encoder.pos_embedding.numel()
    return Numeric(
        id="class-and-positions",
        prompt=(
            f"How many parameters do `vit_mini()`'s class token and position embeddings have together "
            f"({n} patches, \\(d = {d}\\))?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"The class token is one \\(d\\)-vector ({d}); there is one position embedding per "
            f"token, class token included: \\(({n} + 1)\\cdot{d} = {_m(model.encoder.pos_embedding.numel())}\\). "
            f'Total \\({_m(answer)}\\). With `pool="avg"` (no class token) it is {no_cls:,}, '
            f"\\(2d\\) fewer."
        ),
        hint="One \\(d\\)-vector for the class token, and one per position for \\(N + 1\\) positions.",
        mistakes=(
            Mistake(
                no_cls,
                "The class token is a parameter and has a position of its own: \\(N + 1\\) positions.",
            ),
            Mistake(
                no_cls + d,
                "You counted one of the two \\(d\\)-vectors the class token brings but "
                "not the other: its own learned vector *and* its position embedding, "
                "\\(d + (N + 1)\\cdot d\\).",
            ),
        ),
    )


def _fixed_size(model) -> Choice:
    return Choice(
        id="fixed-input-size",
        prompt=(
            f"`vit_mini()` ({model.image_size}×{model.image_size} images, {model.patch_size}×{model.patch_size} "
            f"patches) refuses a 40×40 image, although 40 is a multiple of {model.patch_size}, while "
            f"a ResNet ending in a global average pool accepts it. Why?"
        ),
        options=(
            Option(
                f"It has one learned position embedding per token: {model.num_patches} patch "
                f"positions and the class token. Another image size gives another number of tokens.",
                True,
                "Right: the input size is fixed when the model is built. To use another resolution, "
                "the position embeddings are interpolated in 2-D to the new grid of patches.",
            ),
            Option(
                "Attention needs a square number of tokens.",
                False,
                "Attention works on any number of tokens; the fixed part is the table of position embeddings.",
            ),
            Option(
                "The patch embedding's weights depend on the image size.",
                False,
                "The patch embedding (a strided convolution) works on any size divisible by the patch "
                "size; it is the position embeddings that fix the count.",
            ),
            Option(
                "Its LayerNorms are built for a fixed number of tokens.",
                False,
                "LayerNorm normalises each token over its own \\(d\\) features; it works for any "
                "number of tokens.",
            ),
        ),
        solution=(
            "A CNN ending in a global average pool accepts any size its downsampling leaves at "
            "least one position of; a ViT's position table fixes the number of tokens."
        ),
    )


def questions() -> list[Numeric | Choice]:
    model = vit_mini()
    return [_seq_len(), _patch_embed(model), _positions(model), _fixed_size(model)]
