"""Checks for the Module 9 exercises: each ``check_exN(answer)`` returns a verdict string.

Expected answers are computed from the package's code, not typed in.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from .attention import MultiHeadAttention, scaled_dot_product_attention
from .summary import count_parameters
from .vit import vit_b_16
from .._exercises import verdict as _verdict, as_int as _as_int

# the data of exercise 3
Q3 = [[1.0, 0.0], [0.0, 2.0]]
K3 = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]


# --8<-- [start:checks]
def check_ex1(answer: Sequence[int]) -> str:
    """Parameters of multi-head attention with E = 768 for 1, 12 and 16 heads (with biases)."""
    if not isinstance(answer, (list, tuple)) or len(answer) != 3:
        raise TypeError(f"answer must be 3 ints (h = 1, 12, 16), got {answer!r}")
    expected = [count_parameters(MultiHeadAttention(768, h)) for h in (1, 12, 16)]
    ok = [_as_int(a) for a in answer] == expected
    return _verdict(ok, f"{expected[0]:,} for every h: the heads split E, they do not add weights.",
                    "W_Q, W_K, W_V and W_O are each E×E with E biases, whatever the number of heads.")


def check_ex2(answer: Sequence[int]) -> str:
    """Tokens entering ViT-B/16's encoder at 224×224 and at 384×384 (class token included)."""
    if not isinstance(answer, (list, tuple)) or len(answer) != 2:
        raise TypeError(f"answer must be a pair of ints (at 224, at 384), got {answer!r}")
    with torch.device("meta"):
        expected = [vit_b_16(image_size=s).seq_length for s in (224, 384)]
    ok = [_as_int(a) for a in answer] == expected
    return _verdict(ok, f"{tuple(expected)}: (224/16)² + 1 and (384/16)² + 1; the position "
                    "embeddings must be interpolated to fine-tune at 384.",
                    "count (image side / patch side)² patches, then add the class token.")


def check_ex3(answer) -> str:
    """The 2×3 attention weights softmax(Q Kᵀ / √2) for Q3 and K3 (rows sum to 1; 3 decimals)."""
    try:
        arr = np.asarray(answer, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"answer must be a 2×3 array of numbers, got {type(answer).__name__}") from exc
    if arr.shape != (2, 3):
        raise ValueError(f"answer must have shape (2, 3), got {arr.shape}")
    q, k = torch.tensor(Q3, dtype=torch.float64), torch.tensor(K3, dtype=torch.float64)
    _, w = scaled_dot_product_attention(q, k, k)
    expected = w.numpy()
    ok = np.allclose(arr, expected, atol=1e-3)
    return _verdict(ok, f"{np.round(expected, 3).tolist()}.",
                    "scores = Q Kᵀ / √2 (a 2×3 matrix), then a softmax along each row.")


def check_ex4(answer: int) -> str:
    """Parameters of ViT-B/16's patch embedding (16×16×3 patches to D = 768, with bias)."""
    with torch.device("meta"):
        expected = count_parameters(vit_b_16().conv_proj)
    return _verdict(_as_int(answer) == expected, f"{expected:,}: 3·16·16·768 weights + 768 biases.",
                    "the patch embedding is one linear map from 3·16·16 = 768 numbers to D = 768.")
# --8<-- [end:checks]
