"""Vision Transformer (ViT) [Dosovitskiy et al., 2021], written to match torchvision's ``vision_transformer.py``.

Parameter names and shapes equal torchvision's (``conv_proj``, ``class_token``,
``encoder.pos_embedding``, ``encoder.layers.encoder_layer_0.self_attention.in_proj_weight``, …,
``heads.head``), so ``VisionTransformer.load_state_dict(torchvision.models.vit_b_16().state_dict())``
works with ``strict=True``. The attention inside is this package's ``MultiHeadAttention``; the
encoder (``MLPBlock``, ``EncoderBlock``, ``Encoder``) is in :mod:`syllabus_code.models.transformer`
and re-exported here.
"""

from __future__ import annotations

from collections import OrderedDict

import torch
from torch import nn

from syllabus_code._checks import check_int

from .transformer import Encoder, EncoderBlock, MLPBlock

__all__ = [
    "patchify",
    "patch_embed_linear",
    "MLPBlock",
    "EncoderBlock",
    "Encoder",
    "VisionTransformer",
    "vit_b_16",
    "vit_b_32",
    "vit_mini",
]


# --8<-- [start:patches]
def _patchify(x: torch.Tensor, patch_size: int) -> torch.Tensor:
    """Cut images (N, C, H, W) into non-overlapping p×p patches, each flattened in (C, p, p) order.

    Returns (N, (H/p)·(W/p), C·p·p); patches are in row-major order (left to right, top to bottom).

    ``patchify`` checks the arguments, then calls this.
    """
    n, c, h, w = x.shape
    p = patch_size
    # split each spatial axis into (patch index, offset)
    x = x.reshape(n, c, h // p, p, w // p, p)
    x = x.permute(0, 2, 4, 1, 3, 5)  # (N, H/p, W/p, C, p, p)
    return x.reshape(n, (h // p) * (w // p), c * p * p)


def patch_embed_linear(x: torch.Tensor, conv: nn.Conv2d) -> torch.Tensor:
    """The patch embedding as patches @ Wᵀ + b, using a Conv2d's weights (kernel = stride = p).

    Equals ``conv(x).flatten(2).transpose(1, 2)``: a convolution whose windows do not overlap
    applies the same linear map to each patch separately.
    """
    p = conv.kernel_size[0]
    # (D, C·p·p): one row per output feature
    weight = conv.weight.reshape(conv.out_channels, -1)
    # (N, num_patches, D)
    return nn.functional.linear(patchify(x, p), weight, conv.bias)


# --8<-- [end:patches]


def patchify(x: torch.Tensor, patch_size: int) -> torch.Tensor:
    """Cut images (N, C, H, W) into non-overlapping p×p patches, each flattened in (C, p, p) order.

    Returns (N, (H/p)·(W/p), C·p·p); patches are in row-major order (left to right, top to bottom).
    """
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError(
            f"x must be a 4-D tensor (N, C, H, W), got {getattr(x, 'shape', type(x).__name__)}"
        )
    _, _, h, w = x.shape
    p = patch_size
    if h % p or w % p:
        raise ValueError(f"image size {h}x{w} must be divisible by patch_size={p}")
    return _patchify(x, patch_size)


def _check_vit_args(
    image_size, patch_size, hidden_dim, num_heads, pool, representation_size
) -> None:
    if image_size % patch_size != 0:
        raise ValueError(
            f"image_size must be divisible by patch_size, got {image_size} and {patch_size}"
        )
    if hidden_dim % num_heads != 0:
        raise ValueError(
            f"hidden_dim must be divisible by num_heads, got {hidden_dim} and {num_heads}"
        )
    if pool not in ("token", "avg"):
        raise ValueError(
            f"pool must be 'token' (class token) or 'avg' (mean of the patch tokens), got {pool!r}"
        )
    if representation_size is not None:
        check_int(
            representation_size, "representation_size (None or an integer)", min=1
        )


def _check_vit_input(model: VisionTransformer, x) -> None:
    if not isinstance(x, torch.Tensor):
        raise TypeError(
            f"x must be a torch.Tensor of shape (N, C, H, W), got {type(x).__name__}"
        )
    expected = (model.in_channels, model.image_size, model.image_size)
    if x.ndim != 4 or tuple(x.shape[1:]) != expected:
        raise ValueError(
            f"VisionTransformer expects input (N, {expected[0]}, {expected[1]}, {expected[2]}): "
            f"{model.image_size}x{model.image_size} images (its position embeddings are for "
            f"{model.num_patches} patches of {model.patch_size}x{model.patch_size}), got shape {tuple(x.shape)}"
        )


# --8<-- [start:vit]
class VisionTransformer(nn.Module):
    """Patches → tokens (+ class token, + position embeddings) → encoder → head on the class token.

    Two options of the paper (Section 3.1 and Appendix D.3), both off by default:
    ``representation_size`` makes the head an MLP, Linear(D → r), tanh, Linear(r → classes), as
    used for pre-training (torchvision's ``pre_logits``/``act``/``head``); ``pool="avg"`` builds
    the model without a class token and classifies the average of the patch tokens instead.
    """

    def __init__(
        self,
        image_size: int,
        patch_size: int,
        num_layers: int,
        num_heads: int,
        hidden_dim: int,
        mlp_dim: int,
        dropout: float = 0.0,
        attention_dropout: float = 0.0,
        num_classes: int = 1000,
        in_channels: int = 3,
        representation_size: int | None = None,
        pool: str = "token",
    ) -> None:
        super().__init__()
        _check_vit_args(
            image_size, patch_size, hidden_dim, num_heads, pool, representation_size
        )
        self.image_size, self.patch_size, self.hidden_dim = (
            image_size,
            patch_size,
            hidden_dim,
        )
        self.in_channels, self.pool = in_channels, pool
        # one linear map per patch = a convolution with kernel = stride = patch size
        self.conv_proj = nn.Conv2d(
            in_channels, hidden_dim, kernel_size=patch_size, stride=patch_size
        )
        self.num_patches = (image_size // patch_size) ** 2
        if pool == "token":
            self.seq_length = self.num_patches + 1  # patches + the class token
            self.class_token = nn.Parameter(torch.zeros(1, 1, hidden_dim))
        else:
            self.seq_length = self.num_patches
            self.register_parameter("class_token", None)
        self.encoder = Encoder(
            self.seq_length,
            num_layers,
            num_heads,
            hidden_dim,
            mlp_dim,
            dropout,
            attention_dropout,
        )
        if representation_size is None:  # fine-tuning head: one linear layer
            self.heads = nn.Sequential(
                OrderedDict(head=nn.Linear(hidden_dim, num_classes))
            )
        else:  # pre-training head: MLP with one tanh hidden layer
            self.heads = nn.Sequential(
                OrderedDict(
                    pre_logits=nn.Linear(hidden_dim, representation_size),
                    act=nn.Tanh(),
                    head=nn.Linear(representation_size, num_classes),
                )
            )

        fan_in = in_channels * patch_size * patch_size  # torchvision's initialisation
        nn.init.trunc_normal_(self.conv_proj.weight, std=(1 / fan_in) ** 0.5)
        nn.init.zeros_(self.conv_proj.bias)
        if representation_size is not None:
            nn.init.trunc_normal_(
                self.heads.pre_logits.weight, std=(1 / hidden_dim) ** 0.5
            )
            nn.init.zeros_(self.heads.pre_logits.bias)
        nn.init.zeros_(self.heads.head.weight)
        nn.init.zeros_(self.heads.head.bias)

    def tokens(self, x: torch.Tensor) -> torch.Tensor:
        """Images (N, C, H, W) → token sequence (N, 1 + num_patches, D), before position embeddings
        (N, num_patches, D) with ``pool="avg"``, which has no class token."""
        _check_vit_input(self, x)
        x = self.conv_proj(x)  # (N, D, H/p, W/p)
        x = x.flatten(2).transpose(1, 2)  # (N, num_patches, D)
        if self.class_token is None:
            return x
        cls = self.class_token.expand(x.shape[0], -1, -1)
        return torch.cat([cls, x], dim=1)  # class token first

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.encoder(self.tokens(x))  # (N, T, D)
        if self.pool == "avg":
            return self.heads(x.mean(dim=1))  # average of the patch tokens
        return self.heads(x[:, 0])  # classify from the class token: (N, num_classes)


# --8<-- [end:vit]


# --8<-- [start:factories]
def vit_b_16(**kwargs) -> VisionTransformer:
    """ViT-Base/16: 224×224 images, 12 layers, 12 heads, D = 768, MLP 3072 (86,567,656 parameters)."""
    kwargs.setdefault("image_size", 224)
    return VisionTransformer(
        patch_size=16,
        num_layers=12,
        num_heads=12,
        hidden_dim=768,
        mlp_dim=3072,
        **kwargs,
    )


def vit_b_32(**kwargs) -> VisionTransformer:
    """ViT-Base/32: as ViT-B/16 with 32×32 patches (49 tokens + 1 at 224)."""
    kwargs.setdefault("image_size", 224)
    return VisionTransformer(
        patch_size=32,
        num_layers=12,
        num_heads=12,
        hidden_dim=768,
        mlp_dim=3072,
        **kwargs,
    )


def vit_mini(**kwargs) -> VisionTransformer:
    """A small ViT for tests and CPU demos: 32×32 images, 8×8 patches, 2 layers, 4 heads, D = 64."""
    config = dict(
        image_size=32,
        patch_size=8,
        num_layers=2,
        num_heads=4,
        hidden_dim=64,
        mlp_dim=128,
    )
    config.update(kwargs)
    return VisionTransformer(**config)


# --8<-- [end:factories]
