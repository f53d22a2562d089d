"""The pre-norm transformer encoder of the Vision Transformer [Dosovitskiy et al., 2021], with
torchvision's parameter names (``ln_1``, ``self_attention``, ``ln_2``, ``mlp.0``, ``mlp.3``,
``encoder_layer_<i>``), so that :class:`syllabus_code.models.vit.VisionTransformer` loads
torchvision's ``state_dict`` with ``strict=True``. The attention inside is this package's
``MultiHeadAttention``; :mod:`syllabus_code.models.vit` re-exports these classes.
"""

from __future__ import annotations

from collections import OrderedDict

import torch
from torch import nn

from .attention import MultiHeadAttention

__all__ = ["MLPBlock", "EncoderBlock", "Encoder"]


# --8<-- [start:block]
class MLPBlock(nn.Sequential):
    """Linear(D → mlp_dim), GELU, dropout, Linear(mlp_dim → D), dropout (torchvision's layout: keys 0 and 3)."""

    def __init__(self, in_dim: int, mlp_dim: int, dropout: float = 0.0) -> None:
        super().__init__(
            nn.Linear(in_dim, mlp_dim),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(mlp_dim, in_dim),
            nn.Dropout(dropout),
        )
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                nn.init.normal_(m.bias, std=1e-6)


class EncoderBlock(nn.Module):
    """Pre-norm transformer block: x + MHA(LN(x)), then x + MLP(LN(x))."""

    def __init__(
        self,
        num_heads: int,
        hidden_dim: int,
        mlp_dim: int,
        dropout: float = 0.0,
        attention_dropout: float = 0.0,
    ) -> None:
        super().__init__()
        self.ln_1 = nn.LayerNorm(hidden_dim, eps=1e-6)
        self.self_attention = MultiHeadAttention(
            hidden_dim, num_heads, dropout=attention_dropout
        )
        self.dropout = nn.Dropout(dropout)
        self.ln_2 = nn.LayerNorm(hidden_dim, eps=1e-6)
        self.mlp = MLPBlock(hidden_dim, mlp_dim, dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # (N, T, D) -> (N, T, D)
        h = self.ln_1(x)
        # tokens exchange information
        h, _ = self.self_attention(h, h, h, need_weights=False)
        x = x + self.dropout(h)
        return x + self.mlp(self.ln_2(x))  # each token transformed on its own


class Encoder(nn.Module):
    """Add position embeddings, run the blocks, final LayerNorm."""

    def __init__(
        self,
        seq_length: int,
        num_layers: int,
        num_heads: int,
        hidden_dim: int,
        mlp_dim: int,
        dropout: float = 0.0,
        attention_dropout: float = 0.0,
    ) -> None:
        super().__init__()
        self.pos_embedding = nn.Parameter(
            torch.empty(1, seq_length, hidden_dim).normal_(std=0.02)
        )
        self.dropout = nn.Dropout(dropout)
        self.layers = nn.Sequential(
            OrderedDict(
                (
                    f"encoder_layer_{i}",
                    EncoderBlock(
                        num_heads, hidden_dim, mlp_dim, dropout, attention_dropout
                    ),
                )
                for i in range(num_layers)
            )
        )
        self.ln = nn.LayerNorm(hidden_dim, eps=1e-6)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.ln(self.layers(self.dropout(x + self.pos_embedding)))


# --8<-- [end:block]
