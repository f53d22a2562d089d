"""Inverted dropout (Srivastava et al., 2014), forward and backward.

In training mode each unit is kept with probability \\(1-p\\) and the kept ones are scaled by
\\(1/(1-p)\\): \\(\\tilde a = a \\odot m/(1-p)\\), \\(m_i \\sim \\mathrm{Bernoulli}(1-p)\\), so that
\\(\\mathbb E[\\tilde a] = a\\). At test time the layer is the identity - no rescaling needed,
which is the point of the "inverted" form (the original paper instead scaled the weights by
\\(1-p\\) at test time). ``p`` is the probability of *dropping* a unit, as in ``torch.nn.Dropout``.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_array, check_dout, check_number, is_integer

__all__ = ["dropout_forward", "dropout_backward"]


def _check_p(p) -> float:
    return check_number(
        p, "p (the probability of dropping a unit)", 0.0, 1.0, max_open=True
    )


# --8<-- [start:dropout]
def _dropout_forward(x, p: float, rng, training: bool):
    """Inverted dropout of x (any shape).

    p: probability of dropping each unit, in [0, 1). rng: a numpy Generator (or an int seed)
    that draws the mask; required in training mode. Returns ``(out, cache)``; in evaluation
    mode (``training=False``) out is x itself and the mask is None.

    ``dropout_forward`` checks the arguments, then calls this.
    """
    if not training:
        return x, None
    # 0 or 1/(1-p), shaped like x
    mask = (rng.random(x.shape) >= p).astype(x.dtype) / (1.0 - p)
    return x * mask, mask


def _dropout_backward(dout, mask):
    """dL/dx = dout ⊙ mask (the same mask and scale as the forward pass; identity at test time).

    ``dropout_backward`` checks the arguments, then calls this.
    """
    if mask is None:  # evaluation mode: the identity
        return dout
    return dout * mask


# --8<-- [end:dropout]


def dropout_backward(dout, cache):
    """dL/dx = dout ⊙ mask (the same mask and scale as the forward pass; identity at test time)."""
    mask = cache
    dout = as_array(dout, "dout") if mask is None else check_dout(dout, mask.shape)
    return _dropout_backward(dout, mask)


def dropout_forward(x, p: float = 0.5, rng=None, training: bool = True):
    """Inverted dropout of x (any shape).

    p: probability of dropping each unit, in [0, 1). rng: a numpy Generator (or an int seed)
    that draws the mask; required in training mode. Returns ``(out, cache)``; in evaluation
    mode (``training=False``) out is x itself and the mask is None.
    """
    x = as_array(x, "x")
    p = _check_p(p)
    if training and is_integer(rng):
        rng = np.random.default_rng(rng)
    if training and not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy Generator or an integer seed in training mode, got {type(rng).__name__}"
        )
    if training and x.size and np.abs(x).max() > np.finfo(x.dtype).max * (1.0 - p):
        raise ValueError(
            f"x is too large for dropout in {x.dtype}: scaling the kept units by "
            f"1/(1 - p) = {1 / (1 - p):.3g} would overflow"
        )
    return _dropout_forward(x, p, rng, training)
