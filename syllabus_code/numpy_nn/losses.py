"""Loss functions, each returning ``(loss, grad)``: the mean loss over the batch and its gradient.

``grad`` has the shape of the prediction and already contains the 1/N of the mean, so it can be
fed straight into the last layer's backward. Batch-first: predictions are (N, D) (or (N,) for a
single output), labels for the classification losses are (N,) integers or, for
:func:`cross_entropy`, (N, C) one-hot/probability rows.

Stable forms (finite for logits of \\(\\pm 1000\\)):

* :func:`bce_with_logits` uses \\(\\log(1+e^{z}) = \\max(z,0) + \\log(1+e^{-|z|})\\);
* :func:`softmax_cross_entropy` uses log-sum-exp,
  \\(\\log\\sum_j e^{z_j} = m + \\log\\sum_j e^{z_j-m}\\) with \\(m = \\max_j z_j\\).

The probability-space forms :func:`bce` and :func:`cross_entropy` follow the page's formulas
and clip probabilities to \\([\\epsilon, 1-\\epsilon]\\) inside the log, so a confident wrong
prediction gives a large finite loss instead of ``inf``.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import (
    as_array,
    check_labels,
    check_number,
    check_probabilities,
)

from .activations import sigmoid, softmax

__all__ = [
    "mse",
    "bce",
    "bce_with_logits",
    "logsumexp",
    "log_softmax",
    "cross_entropy",
    "softmax_cross_entropy",
]


def _pair(pred, target, pred_name: str, target_name: str):
    pred = as_array(pred, pred_name, ndim=(1, 2))
    target = as_array(target, target_name)
    if target.shape != pred.shape:
        raise ValueError(
            f"{target_name} must have the shape of {pred_name} {pred.shape}, got {target.shape}"
        )
    return pred, target


def _check_unit_interval(a, name: str, what: str) -> None:
    if np.any((a < 0) | (a > 1)):
        raise ValueError(
            f"{name} must hold {what} in [0, 1], got values from {a.min():.4g} to {a.max():.4g}"
        )


def _check_eps(eps, dtype) -> float:
    """eps in (0, 0.5), raised to the dtype's resolution: in float32, 1 - 1e-12 rounds to 1."""
    return max(
        check_number(eps, "eps", 0.0, 0.5, min_open=True, max_open=True),
        float(np.finfo(dtype).eps),
    )


def _check_bce(p, y, eps):
    p, y = _pair(p, y, "p", "y")
    _check_unit_interval(p, "p", "probabilities")
    _check_unit_interval(y, "y", "targets")
    return p, y, _check_eps(eps, p.dtype)


def _check_cross_entropy(p, y, eps):
    p, y = _pair(p, y, "p", "y")
    if p.ndim != 2:
        raise ValueError(f"p must be 2-D (N, C), got shape {p.shape}")
    _check_unit_interval(p, "p", "probabilities")
    _check_unit_interval(y, "y", "target probabilities")
    # room for round-off and a gradient check
    tol = 1e-4 if p.dtype == np.float64 else 1e-3
    check_probabilities(p, "p (each row)", atol=tol)
    check_probabilities(y, "y (each row)", atol=tol)
    return p, y, _check_eps(eps, p.dtype)


# --8<-- [start:mse]
def mse(pred, target):
    """Mean squared error over every entry, \\(\\frac{1}{n}\\sum_i (\\hat y_i - y_i)^2\\).

    pred, target: (N,) or (N, D), same shape. Returns (loss, dL/dpred), the gradient
    \\(2(\\hat y - y)/n\\) with n = pred.size (what ``torch.nn.MSELoss()`` computes).
    """
    pred, target = _pair(pred, target, "pred", "target")
    diff = pred - target
    return float(np.mean(diff * diff)), 2.0 * diff / diff.size


# --8<-- [end:mse]


# --8<-- [start:bce]
def _bce(p, y, eps: float):
    """Binary cross-entropy from probabilities, \\(-\\frac1n\\sum_i [y_i\\log p_i + (1-y_i)\\log(1-p_i)]\\).

    p: predicted probabilities in [0, 1]; y: targets in [0, 1], same shape (N,) or (N, D).
    Returns (loss, dL/dp) with dL/dp = (p - y) / (p (1 - p) n), p clipped to [eps, 1 - eps].

    ``bce`` checks the arguments, then calls this.
    """
    pc = np.clip(p, eps, 1 - eps)
    loss = -np.mean(y * np.log(pc) + (1 - y) * np.log1p(-pc))
    return float(loss), (pc - y) / (pc * (1 - pc) * p.size)


def bce_with_logits(z, y):
    """Binary cross-entropy of sigmoid(z), computed from the logits z without forming sigmoid(z).

    Per entry, \\(\\ell = \\log(1+e^{z}) - yz = \\max(z,0) - yz + \\log(1+e^{-|z|})\\), and
    \\(\\partial\\ell/\\partial z = \\sigma(z) - y\\). Returns (mean loss, dL/dz).
    """
    z, y = _pair(z, y, "z", "y")
    _check_unit_interval(y, "y", "targets")
    loss = np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(loss)), (sigmoid(z) - y) / z.size


# --8<-- [end:bce]


def bce(p, y, eps: float = 1e-12):
    """Binary cross-entropy from probabilities, \\(-\\frac1n\\sum_i [y_i\\log p_i + (1-y_i)\\log(1-p_i)]\\).

    p: predicted probabilities in [0, 1]; y: targets in [0, 1], same shape (N,) or (N, D).
    Returns (loss, dL/dp) with dL/dp = (p - y) / (p (1 - p) n), p clipped to [eps, 1 - eps].
    """
    p, y, eps = _check_bce(p, y, eps)
    return _bce(p, y, eps)


# --8<-- [start:logsumexp]
def _logsumexp(z, axis: int, keepdims: bool):
    """\\(\\log\\sum_j e^{z_j}\\) computed as \\(m + \\log\\sum_j e^{z_j - m}\\), m the max.

    ``logsumexp`` checks the arguments, then calls this.
    """
    m = z.max(axis=axis, keepdims=True)
    out = m + np.log(np.sum(np.exp(z - m), axis=axis, keepdims=True))
    return out if keepdims else np.squeeze(out, axis=axis)


def _log_softmax(z, axis: int):
    """\\(z_i - \\log\\sum_j e^{z_j}\\): log-probabilities, finite even where softmax underflows to 0.

    ``log_softmax`` checks the arguments, then calls this.
    """
    return z - logsumexp(z, axis=axis, keepdims=True)


# --8<-- [end:logsumexp]


def logsumexp(z, axis: int = -1, keepdims: bool = False):
    """\\(\\log\\sum_j e^{z_j}\\) computed as \\(m + \\log\\sum_j e^{z_j - m}\\), m the max."""
    z = as_array(z, "z")
    return _logsumexp(z, axis, keepdims)


def log_softmax(z, axis: int = -1):
    """\\(z_i - \\log\\sum_j e^{z_j}\\): log-probabilities, finite even where softmax underflows to 0."""
    z = as_array(z, "z")
    return _log_softmax(z, axis)


# --8<-- [start:cross_entropy]
def _cross_entropy(p, y, eps: float):
    """Categorical cross-entropy from probabilities, \\(-\\frac1N\\sum_i\\sum_j y_{ij}\\log p_{ij}\\).

    p: (N, C) rows of probabilities; y: (N, C) one-hot (or probability) rows.
    Returns (loss, dL/dp) with dL/dp = -y / (p N), p clipped to at least eps.

    ``cross_entropy`` checks the arguments, then calls this.
    """
    pc = np.maximum(p, eps)
    n = p.shape[0]
    return float(-np.sum(y * np.log(pc)) / n), -y / (pc * n)


def _softmax_cross_entropy(z, labels):
    """Cross-entropy of softmax(logits) against integer labels, from the logits (stable).

    logits: (N, C); labels: (N,) integers in [0, C). Per row the loss is
    \\(\\log\\sum_j e^{z_j} - z_{y}\\) and its gradient is \\(\\mathrm{softmax}(z) - \\mathrm{onehot}(y)\\);
    returns (mean loss, dL/dlogits) - the same numbers as ``torch.nn.functional.cross_entropy``.

    ``softmax_cross_entropy`` checks the arguments, then calls this.
    """
    n, _ = z.shape
    rows = np.arange(n)
    loss = np.mean(logsumexp(z, axis=1) - z[rows, labels])
    grad = softmax(z)
    grad[rows, labels] -= 1.0
    return float(loss), grad / n


# --8<-- [end:cross_entropy]


def cross_entropy(p, y, eps: float = 1e-12):
    """Categorical cross-entropy from probabilities, \\(-\\frac1N\\sum_i\\sum_j y_{ij}\\log p_{ij}\\).

    p: (N, C) rows of probabilities; y: (N, C) one-hot (or probability) rows.
    Returns (loss, dL/dp) with dL/dp = -y / (p N), p clipped to at least eps.
    """
    p, y, eps = _check_cross_entropy(p, y, eps)
    return _cross_entropy(p, y, eps)


def softmax_cross_entropy(logits, labels):
    """Cross-entropy of softmax(logits) against integer labels, from the logits (stable).

    logits: (N, C); labels: (N,) integers in [0, C). Per row the loss is
    \\(\\log\\sum_j e^{z_j} - z_{y}\\) and its gradient is \\(\\mathrm{softmax}(z) - \\mathrm{onehot}(y)\\);
    returns (mean loss, dL/dlogits) - the same numbers as ``torch.nn.functional.cross_entropy``.
    """
    z = as_array(logits, "logits", ndim=2)
    n, c = z.shape
    labels = check_labels(labels, n, c, "labels")
    return _softmax_cross_entropy(z, labels)
