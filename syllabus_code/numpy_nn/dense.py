"""The fully connected (dense, affine) layer, batch-first.

The page writes one sample as a column, \\(z = W a + b\\) with \\(W \\in \\mathbb{R}^{n_l\\times n_{l-1}}\\).
Code stacks N samples as the rows of ``x`` (N, D), so the same layer reads
``out = x @ w + b`` with ``w`` (D, H) equal to the page's \\(W^\\top\\): row i of ``out`` is
\\((W x_i + b)^\\top\\).
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_array, check_dout, check_int

__all__ = ["dense_forward", "dense_backward", "init_dense"]


# --8<-- [start:dense]
def _dense_forward(x, w, b):
    """Affine map of a batch.

    Parameters
    ----------
    x : (N, D) inputs, one sample per row.
    w : (D, H) weights (the page's W transposed).
    b : (H,) bias.

    Returns
    -------
    out : (N, H), ``x @ w + b``.
    cache : (x, w), what the backward pass needs.

    ``dense_forward`` checks the arguments, then calls this.
    """
    return x @ w + b, (x, w)


def _dense_backward(dout, cache):
    """Gradients of the loss with respect to x, w and b, given dout = dL/dout (N, H).

    Returns ``(dx, dw, db)`` shaped (N, D), (D, H), (H,):
    dx = dout @ w.T, dw = x.T @ dout (a sum over the batch), db = dout summed over the batch.

    ``dense_backward`` checks the arguments, then calls this.
    """
    x, w = cache
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


# --8<-- [end:dense]


def dense_forward(x, w, b):
    """Affine map of a batch.

    Parameters
    ----------
    x : (N, D) inputs, one sample per row.
    w : (D, H) weights (the page's W transposed).
    b : (H,) bias.

    Returns
    -------
    out : (N, H), ``x @ w + b``.
    cache : (x, w), what the backward pass needs.
    """
    x = as_array(x, "x", ndim=2)
    w = as_array(w, "w", ndim=2)
    b = as_array(b, "b", ndim=1)
    if x.shape[1] != w.shape[0]:
        raise ValueError(
            f"w must have {x.shape[1]} rows to match x's {x.shape[1]} features, got shape {w.shape}"
        )
    if b.shape[0] != w.shape[1]:
        raise ValueError(
            f"b must have {w.shape[1]} entries to match w's columns, got shape {b.shape}"
        )
    return _dense_forward(x, w, b)


def dense_backward(dout, cache):
    """Gradients of the loss with respect to x, w and b, given dout = dL/dout (N, H).

    Returns ``(dx, dw, db)`` shaped (N, D), (D, H), (H,):
    dx = dout @ w.T, dw = x.T @ dout (a sum over the batch), db = dout summed over the batch.
    """
    x, w = cache
    dout = check_dout(dout, (x.shape[0], w.shape[1]))
    return _dense_backward(dout, cache)


def init_dense(
    fan_in: int,
    fan_out: int,
    rng: np.random.Generator,
    scheme: str = "he",
    dtype=np.float64,
):
    """Weights (fan_in, fan_out) drawn from N(0, s^2) and zero biases.

    ``scheme="he"``: s^2 = 2/fan_in (for ReLU); ``"xavier"``: s^2 = 2/(fan_in + fan_out) (for tanh
    and sigmoid). Module 4 explains both; here they just give a network that trains.
    """
    fan_in, fan_out = (
        check_int(fan_in, "fan_in", min=1),
        check_int(fan_out, "fan_out", min=1),
    )
    if scheme == "he":
        std = np.sqrt(2.0 / fan_in)
    elif scheme == "xavier":
        std = np.sqrt(2.0 / (fan_in + fan_out))
    else:
        raise ValueError(f"scheme must be 'he' or 'xavier', got {scheme!r}")
    w = (rng.standard_normal((fan_in, fan_out)) * std).astype(dtype)
    return w, np.zeros(fan_out, dtype=dtype)
