"""Inverted dropout (Srivastava et al., 2014), forward and backward.

In training mode each unit is kept with probability \\(1-p\\) and the kept ones are scaled by
\\(1/(1-p)\\): \\(\\tilde a = a \\odot m/(1-p)\\), \\(m_i \\sim \\mathrm{Bernoulli}(1-p)\\), so that
\\(\\mathbb E[\\tilde a] = a\\). At test time the layer is the identity - no rescaling needed,
which is the point of the "inverted" form (the original paper instead scaled the weights by
\\(1-p\\) at test time). ``p`` is the probability of *dropping* a unit, as in ``torch.nn.Dropout``.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_array

__all__ = ["dropout_forward", "dropout_backward"]


def _check_p(p) -> float:
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)):
        raise TypeError(f"p must be a number, got {type(p).__name__}")
    if not 0 <= p < 1:
        raise ValueError(f"p must be in [0, 1) (the probability of dropping a unit), got {p}")
    return float(p)


# --8<-- [start:dropout]
def dropout_forward(x, p: float = 0.5, rng=None, training: bool = True):
    """Inverted dropout of x (any shape).

    p: probability of dropping each unit, in [0, 1). rng: a numpy Generator (or an int seed)
    that draws the mask; required in training mode. Returns ``(out, cache)``; in evaluation
    mode (``training=False``) out is x itself and the mask is None.
    """
    x = as_array(x, "x")
    p = _check_p(p)
    if not training:
        return x, None
    if isinstance(rng, (int, np.integer)) and not isinstance(rng, bool):
        rng = np.random.default_rng(rng)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy Generator or an integer seed in training mode, got {type(rng).__name__}")
    mask = (rng.random(x.shape) >= p).astype(x.dtype) / (1.0 - p)   # 0 or 1/(1-p), shaped like x
    return x * mask, mask


def dropout_backward(dout, cache):
    """dL/dx = dout ⊙ mask (the same mask and scale as the forward pass; identity at test time)."""
    mask = cache
    dout = as_array(dout, "dout")
    if mask is None:
        return dout
    if dout.shape != mask.shape:
        raise ValueError(f"dout must have the shape of the forward output {mask.shape}, got {dout.shape}")
    return dout * mask
# --8<-- [end:dropout]
