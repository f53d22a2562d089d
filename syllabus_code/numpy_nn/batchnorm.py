"""Batch normalisation (Ioffe & Szegedy, 2015), forward and backward, from scratch.

For each feature (a column of a (N, D) batch, or a channel of a (N, C, H, W) batch) with
m values in the batch (m = N, or N·H·W for a channel):

* training mode: \\(\\mu_B = \\frac1m\\sum_i x_i\\), \\(\\sigma_B^2 = \\frac1m\\sum_i (x_i-\\mu_B)^2\\)
  (the biased variance), \\(\\hat x_i = (x_i-\\mu_B)/\\sqrt{\\sigma_B^2+\\epsilon}\\),
  \\(y_i = \\gamma\\hat x_i + \\beta\\) (``mean``, ``var``, ``x_hat``, ``gamma``, ``beta``,
  ``eps`` in the code); the running averages \\(\\hat\\mu, \\hat\\sigma^2\\) move towards the batch
  statistics, ``running = (1 - momentum) * running + momentum * batch``, where - as in
  PyTorch - the running *variance* is fed the unbiased estimate \\(\\frac{m}{m-1}\\sigma_B^2\\);
* evaluation mode: the same transform with the running mean and variance in place of the
  batch statistics, so each sample's output no longer depends on the rest of its batch.

The running averages live in a ``state`` dict (``running_mean``, ``running_var``,
``num_batches_tracked``) that :func:`batchnorm_forward` updates in place in training mode,
like the buffers of ``torch.nn.BatchNorm1d``/``BatchNorm2d``. ``momentum=0.1`` and
``eps=1e-5`` are PyTorch's defaults; note that PyTorch's ``momentum`` is the weight of the
*new* batch (Keras calls 0.99 "momentum" for the weight of the old average).
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import (
    as_array,
    check_dout,
    check_float_dtype,
    check_int,
    check_number,
)

__all__ = ["init_batchnorm", "batchnorm_forward", "batchnorm_backward"]


def init_batchnorm(num_features: int, dtype=np.float64):
    """``(gamma, beta, state)``: γ = 1, β = 0, running mean 0 and running variance 1 (PyTorch's start)."""
    num_features = check_int(num_features, "num_features", min=1)
    dtype = check_float_dtype(dtype)
    state = {
        "running_mean": np.zeros(num_features, dtype=dtype),
        "running_var": np.ones(num_features, dtype=dtype),
        "num_batches_tracked": 0,
    }
    return (
        np.ones(num_features, dtype=dtype),
        np.zeros(num_features, dtype=dtype),
        state,
    )


def _check_inputs(x, gamma, beta, state, momentum, eps):
    check_number(momentum, "momentum", 0.0, 1.0)
    check_number(eps, "eps", 0.0, min_open=True)
    x = as_array(x, "x", ndim=(2, 4))
    c = x.shape[1]
    gamma = as_array(gamma, "gamma", ndim=1)
    beta = as_array(beta, "beta", ndim=1)
    if gamma.shape != (c,):
        raise ValueError(
            f"gamma must have shape ({c},) to match x's {c} features/channels, got {gamma.shape}"
        )
    if beta.shape != (c,):
        raise ValueError(
            f"beta must have shape ({c},) to match x's {c} features/channels, got {beta.shape}"
        )
    if (
        not isinstance(state, dict)
        or "running_mean" not in state
        or "running_var" not in state
    ):
        raise TypeError(
            "state must be a dict with 'running_mean' and 'running_var' (see init_batchnorm)"
        )
    for key in ("running_mean", "running_var"):
        if np.shape(state[key]) != (c,):
            raise ValueError(
                f"state[{key!r}] must have shape ({c},), got {np.shape(state[key])}"
            )
    return x, gamma, beta


def _check_finite_variance(var, x):
    if not np.isfinite(var).all():
        raise ValueError(
            f"x is too large to normalise in {x.dtype}: its batch variance overflows "
            f"(largest |x| is {np.abs(x).max():.3g}); rescale the input"
        )


# --8<-- [start:forward]
def _batchnorm_forward(
    x, gamma, beta, state: dict, training: bool, momentum: float, eps: float
):
    """Batch normalisation of x, (N, D) or (N, C, H, W); gamma, beta: (D,) or (C,).

    Training mode normalises with the batch's mean and biased variance and updates
    ``state`` in place; evaluation mode (``training=False``) uses ``state``'s running
    averages and leaves it unchanged. Returns ``(out, cache)``, out shaped like x.

    ``batchnorm_forward`` checks the arguments, then calls this.
    """
    axes = (0,) if x.ndim == 2 else (0, 2, 3)  # statistics per feature / per channel
    # broadcast a (C,) vector against x
    shape = (1, -1) if x.ndim == 2 else (1, -1, 1, 1)
    m = x.size // x.shape[1]  # values per feature: N or N*H*W
    if training:  # m >= 2, so that the unbiased m / (m - 1) is defined
        mean = x.mean(axis=axes)  # μ_B, (C,)
        var = x.var(axis=axes)  # σ_B², (C,) biased: divides by m
        _check_finite_variance(var, x)
        state["running_mean"] = (1 - momentum) * state["running_mean"] + momentum * mean
        state["running_var"] = (1 - momentum) * state[
            "running_var"
        ] + momentum * var * m / (m - 1)
        state["num_batches_tracked"] = state.get("num_batches_tracked", 0) + 1
    else:
        mean, var = state["running_mean"], state["running_var"]
    inv_std = 1.0 / np.sqrt(var + eps)  # s = (σ_B² + ε)^(-1/2), (C,)
    x_hat = (x - mean.reshape(shape)) * inv_std.reshape(shape)  # x̂
    out = gamma.reshape(shape) * x_hat + beta.reshape(shape)  # y = γ x̂ + β
    cache = (x_hat, gamma, inv_std, axes, shape, m, training)
    return out.astype(x.dtype, copy=False), cache


# --8<-- [end:forward]


def batchnorm_forward(
    x,
    gamma,
    beta,
    state: dict,
    training: bool = True,
    momentum: float = 0.1,
    eps: float = 1e-5,
):
    """Batch normalisation of x, (N, D) or (N, C, H, W); gamma, beta: (D,) or (C,).

    Training mode normalises with the batch's mean and biased variance and updates
    ``state`` in place; evaluation mode (``training=False``) uses ``state``'s running
    averages and leaves it unchanged. Returns ``(out, cache)``, out shaped like x.
    """
    x, gamma, beta = _check_inputs(x, gamma, beta, state, momentum, eps)
    if training and x.size // x.shape[1] < 2:
        raise ValueError(
            f"x must have more than one value per feature in training mode, got shape {x.shape}"
        )
    return _batchnorm_forward(x, gamma, beta, state, training, momentum, eps)


# --8<-- [start:backward]
def _batchnorm_backward(dout, cache):
    """Gradients ``(dx, dgamma, dbeta)`` given dout = dL/dout (shaped like x).

    With the page's symbols, g = dout = ∂L/∂y, ĝ = γ·g = ∂L/∂x̂ (``g_hat``) and
    s = (σ_B² + ε)^(-1/2) (``inv_std``): dgamma = Σ g·x̂ and dbeta = Σ g (sums over the
    batch, and space for 4-D input). In training mode μ_B and σ_B² depend on every x_i,
    which gives

        dx = (s/m) · (m·ĝ − Σ ĝ − x̂ · Σ ĝ·x̂);

    in evaluation mode the statistics are constants and dx = ĝ · s.

    ``batchnorm_backward`` checks the arguments, then calls this.
    """
    x_hat, gamma, inv_std, axes, shape, m, training = cache
    dbeta = dout.sum(axis=axes)  # (C,)
    dgamma = (dout * x_hat).sum(axis=axes)  # (C,)
    g_hat = dout * gamma.reshape(shape)  # ĝ = γ g = dL/dx̂
    if not training:
        return g_hat * inv_std.reshape(shape), dgamma, dbeta
    sum_g = g_hat.sum(axis=axes).reshape(shape)  # Σ ĝ
    sum_gx = (g_hat * x_hat).sum(axis=axes).reshape(shape)  # Σ ĝ x̂
    dx = inv_std.reshape(shape) / m * (m * g_hat - sum_g - x_hat * sum_gx)
    return dx, dgamma, dbeta


# --8<-- [end:backward]


def batchnorm_backward(dout, cache):
    """Gradients ``(dx, dgamma, dbeta)`` given dout = dL/dout (shaped like x).

    With the page's symbols, g = dout = ∂L/∂y, ĝ = γ·g = ∂L/∂x̂ (``g_hat``) and
    s = (σ_B² + ε)^(-1/2) (``inv_std``): dgamma = Σ g·x̂ and dbeta = Σ g (sums over the
    batch, and space for 4-D input). In training mode μ_B and σ_B² depend on every x_i,
    which gives

        dx = (s/m) · (m·ĝ − Σ ĝ − x̂ · Σ ĝ·x̂);

    in evaluation mode the statistics are constants and dx = ĝ · s.
    """
    x_hat, _, _, _, _, _, _ = cache
    dout = check_dout(dout, x_hat.shape)
    return _batchnorm_backward(dout, cache)
