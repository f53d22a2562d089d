"""Checkers for the Module 9 exercises (``docs/09-vision-transformers/exercises.md``).

Expected answers are computed from the package's code, not typed in.
"""

from __future__ import annotations

import numpy as np
import torch

from syllabus_code.exercises._verdict import as_array, as_int, as_sequence, verdict
from syllabus_code.models.attention import (
    MultiHeadAttention,
    scaled_dot_product_attention,
)
from syllabus_code.models.summary import count_parameters
from syllabus_code.models.vit import vit_b_16

__all__ = ["EX3_Q", "EX3_K", "check_ex1", "check_ex2", "check_ex3", "check_ex4"]

# Exercise 3: the queries and keys (one token per row).
EX3_Q = [[1.0, 0.0], [0.0, 2.0]]
EX3_K = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]


# --8<-- [start:checks]
def check_ex1(answer) -> str:
    """Parameters of multi-head attention with E = 768 for 1, 12 and 16 heads
    (with biases)."""
    answer = [as_int(a) for a in as_sequence(answer, 3, "3 ints (h = 1, 12, 16)")]
    expected = [count_parameters(MultiHeadAttention(768, h)) for h in (1, 12, 16)]
    return verdict(
        answer == expected,
        f"{expected[0]:,} for every h: the heads split E, they do not add weights.",
        "W_Q, W_K, W_V and W_O are each E×E with E biases, "
        "whatever the number of heads.",
    )


def check_ex2(answer) -> str:
    """Tokens entering ViT-B/16's encoder at 224×224 and at 384×384
    (class token included)."""
    pair = as_sequence(answer, 2, "a pair of ints (at 224, at 384)")
    answer = [as_int(a) for a in pair]
    with torch.device("meta"):
        expected = [vit_b_16(image_size=s).seq_length for s in (224, 384)]
    return verdict(
        answer == expected,
        f"{tuple(expected)}: (224/16)² + 1 and (384/16)² + 1; "
        "the position embeddings must be interpolated to fine-tune at 384.",
        "count (image side / patch side)² patches, then add the class token.",
    )


def check_ex3(answer) -> str:
    """The 2×3 attention weights softmax(Q Kᵀ / √2) for EX3_Q and EX3_K
    (rows sum to 1; 3 decimals)."""
    arr = as_array(answer, (2, 3))
    q = torch.tensor(EX3_Q, dtype=torch.float64)
    k = torch.tensor(EX3_K, dtype=torch.float64)
    _, w = scaled_dot_product_attention(q, k, k)
    expected = w.numpy()
    return verdict(
        np.allclose(arr, expected, atol=1e-3),
        f"{np.round(expected, 3).tolist()}.",
        "scores = Q Kᵀ / √2 (a 2×3 matrix), then a softmax along each row.",
    )


def check_ex4(answer) -> str:
    """Parameters of ViT-B/16's patch embedding (16×16×3 patches to D = 768,
    with bias)."""
    with torch.device("meta"):
        expected = count_parameters(vit_b_16().conv_proj)
    return verdict(
        as_int(answer) == expected,
        f"{expected:,}: 3·16·16·768 weights + 768 biases.",
        "the patch embedding is one linear map from 3·16·16 = 768 numbers to D = 768.",
    )


# --8<-- [end:checks]
