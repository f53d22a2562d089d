"""Scaled dot-product attention and multi-head attention, written out [Vaswani et al., 2017].

``scaled_dot_product_attention`` computes softmax(Q Kᵀ / √d_k) V and also returns the weights;
it equals ``torch.nn.functional.scaled_dot_product_attention``. ``MultiHeadAttention`` has the
same parameters, with the same names, as ``torch.nn.MultiheadAttention`` (``in_proj_weight``,
``in_proj_bias``, ``out_proj``), so the state_dict of one loads into the other and both give the
same outputs and attention weights (``batch_first=True`` layout: ``(N, L, E)``).

Masks follow ``torch.nn.functional.scaled_dot_product_attention``: a boolean mask is True where a
query MAY attend to a key; a float mask is added to the scores. (``torch.nn.MultiheadAttention``
uses the opposite boolean convention — True there means "masked out".)
"""

from __future__ import annotations

import math

import torch
from torch import nn


def _check_tensor(x, name: str, ndim_min: int) -> None:
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"{name} must be a torch.Tensor, got {type(x).__name__}")
    if x.ndim < ndim_min:
        raise ValueError(
            f"{name} must have at least {ndim_min} dimensions (..., L, d), got shape {tuple(x.shape)}"
        )


def _check_qkv(q, k, v) -> None:
    for t, name in ((q, "q"), (k, "k"), (v, "v")):
        _check_tensor(t, name, 2)
    if q.shape[-1] != k.shape[-1]:
        raise ValueError(
            f"q and k must have the same last dimension d_k, got {q.shape[-1]} and {k.shape[-1]}"
        )
    if k.shape[-2] != v.shape[-2]:
        raise ValueError(
            f"k and v must have the same number of keys S, got {k.shape[-2]} and {v.shape[-2]}"
        )


def _check_heads(embed_dim, num_heads) -> None:
    if (
        not isinstance(embed_dim, int)
        or not isinstance(num_heads, int)
        or embed_dim < 1
        or num_heads < 1
    ):
        raise ValueError(
            f"embed_dim and num_heads must be positive ints, got {embed_dim!r} and {num_heads!r}"
        )
    if embed_dim % num_heads != 0:
        raise ValueError(
            f"embed_dim must be divisible by num_heads (each head gets embed_dim / num_heads features), "
            f"got embed_dim={embed_dim}, num_heads={num_heads}"
        )


def _check_mha_inputs(query, key, value, embed_dim: int) -> None:
    for t, name in ((query, "query"), (key, "key"), (value, "value")):
        _check_tensor(t, name, 3)
        if t.ndim != 3 or t.shape[-1] != embed_dim:
            raise ValueError(
                f"{name} must have shape (N, length, {embed_dim}), got {tuple(t.shape)}"
            )


# --8<-- [start:sdpa]
def _scaled_dot_product_attention(
    q, k, v, attn_mask, is_causal
) -> tuple[torch.Tensor, torch.Tensor]:
    """softmax(Q Kᵀ / √d_k + mask) V for ``q`` (..., L, d_k), ``k`` (..., S, d_k), ``v`` (..., S, d_v).

    Returns ``(output (..., L, d_v), weights (..., L, S))``; each row of ``weights`` sums to 1.
    ``attn_mask``: boolean (True = may attend) or float (added to the scores), broadcastable
    to (..., L, S). ``is_causal``: query i attends only to keys 0..i.

    ``scaled_dot_product_attention`` checks the arguments, then calls this.
    """
    d_k = q.shape[-1]
    # (..., L, S): one score per query-key pair
    scores = q @ k.transpose(-2, -1) / math.sqrt(d_k)
    if is_causal:
        L, S = scores.shape[-2:]
        allowed = torch.ones(L, S, dtype=torch.bool, device=q.device).tril()
        scores = scores.masked_fill(~allowed, float("-inf"))
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            # forbidden pairs get weight 0
            scores = scores.masked_fill(~attn_mask, float("-inf"))
        else:
            scores = scores + attn_mask
    weights = torch.softmax(scores, dim=-1)  # normalise over the keys
    return weights @ v, weights


# --8<-- [end:sdpa]


def scaled_dot_product_attention(
    q: torch.Tensor,
    k: torch.Tensor,
    v: torch.Tensor,
    attn_mask: torch.Tensor | None = None,
    is_causal: bool = False,
) -> tuple[torch.Tensor, torch.Tensor]:
    """softmax(Q Kᵀ / √d_k + mask) V for ``q`` (..., L, d_k), ``k`` (..., S, d_k), ``v`` (..., S, d_v).

    Returns ``(output (..., L, d_v), weights (..., L, S))``; each row of ``weights`` sums to 1.
    ``attn_mask``: boolean (True = may attend) or float (added to the scores), broadcastable
    to (..., L, S). ``is_causal``: query i attends only to keys 0..i.
    """
    _check_qkv(q, k, v)
    return _scaled_dot_product_attention(q, k, v, attn_mask, is_causal)


# --8<-- [start:mha]
class MultiHeadAttention(nn.Module):
    """h heads of attention on learned projections, concatenated and mixed by W_O.

    Parameters as in ``torch.nn.MultiheadAttention``: ``in_proj_weight`` (3E, E) stacks
    W_Q, W_K, W_V (each E×E, rows = output features; head i uses rows i·d_k..(i+1)·d_k of
    each); ``in_proj_bias`` (3E,); ``out_proj`` is the E→E linear layer W_O. Inputs are
    batch-first: query (N, L, E), key and value (N, S, E).
    """

    def __init__(
        self, embed_dim: int, num_heads: int, dropout: float = 0.0, bias: bool = True
    ) -> None:
        super().__init__()
        _check_heads(embed_dim, num_heads)
        self.embed_dim, self.num_heads, self.head_dim = (
            embed_dim,
            num_heads,
            embed_dim // num_heads,
        )
        self.in_proj_weight = nn.Parameter(torch.empty(3 * embed_dim, embed_dim))
        self.in_proj_bias = nn.Parameter(torch.zeros(3 * embed_dim)) if bias else None
        self.out_proj = nn.Linear(embed_dim, embed_dim, bias=bias)
        self.dropout = nn.Dropout(dropout)  # on the attention weights, in training only
        nn.init.xavier_uniform_(self.in_proj_weight)  # torch's initialisation
        if bias:
            nn.init.zeros_(self.out_proj.bias)

    def _split_heads(self, x: torch.Tensor) -> torch.Tensor:
        n, length, _ = x.shape  # (N, L, E) -> (N, h, L, d_k)
        return x.reshape(n, length, self.num_heads, self.head_dim).transpose(1, 2)

    def forward(
        self,
        query: torch.Tensor,
        key: torch.Tensor,
        value: torch.Tensor,
        attn_mask: torch.Tensor | None = None,
        need_weights: bool = True,
        average_attn_weights: bool = True,
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        _check_mha_inputs(query, key, value, self.embed_dim)
        w_q, w_k, w_v = self.in_proj_weight.chunk(3)  # each (E, E)
        b_q, b_k, b_v = (
            self.in_proj_bias.chunk(3) if self.in_proj_bias is not None else (None,) * 3
        )
        q = self._split_heads(nn.functional.linear(query, w_q, b_q))  # (N, h, L, d_k)
        k = self._split_heads(nn.functional.linear(key, w_k, b_k))  # (N, h, S, d_k)
        v = self._split_heads(nn.functional.linear(value, w_v, b_v))  # (N, h, S, d_k)
        heads, weights = scaled_dot_product_attention(q, k, v, attn_mask)
        # dropout on the weights, then redo the average
        if self.training and self.dropout.p > 0:
            weights = self.dropout(weights)
            heads = weights @ v
        n, _, length, _ = heads.shape
        # Concat(head_1..head_h)
        concat = heads.transpose(1, 2).reshape(n, length, self.embed_dim)
        out = self.out_proj(concat)  # · W_O
        if not need_weights:
            return out, None
        return out, weights.mean(dim=1) if average_attn_weights else weights


# --8<-- [end:mha]


def attention_parameters(embed_dim: int, bias: bool = True) -> int:
    """Parameters of one multi-head attention layer: 4E² (+ 4E biases), whatever the number of heads."""
    if not isinstance(embed_dim, int) or embed_dim < 1:
        raise ValueError(f"embed_dim must be a positive int, got {embed_dim!r}")
    return 4 * embed_dim * embed_dim + (4 * embed_dim if bias else 0)
