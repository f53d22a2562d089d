"""Entropy, cross-entropy and KL divergence, computed stably.

Conventions (the standard ones, from taking limits):

* \\(0 \\log 0 = 0\\): an outcome of probability 0 contributes nothing to \\(H(P)\\), to
  \\(H(P, Q)\\) or to \\(D_{\\mathrm{KL}}(P\\|Q)\\) when \\(P(x) = 0\\);
* \\(p \\log(p / 0) = +\\infty\\) for \\(p > 0\\): if \\(Q\\) gives probability 0 to an outcome that
  \\(P\\) can produce, \\(H(P, Q)\\) and \\(D_{\\mathrm{KL}}(P\\|Q)\\) are infinite, and these functions
  return ``inf`` (no warning, no NaN).

Logarithms are natural (nats) unless ``base`` is given (``base=2`` gives bits). For a network's
outputs use the ``*_from_logits`` functions, which never form probabilities that can underflow.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_float_array, check_positive, check_probabilities

__all__ = [
    "entropy",
    "cross_entropy",
    "kl_divergence",
    "logsumexp",
    "log_softmax",
    "cross_entropy_from_logits",
]


def _probs(p, name: str) -> np.ndarray:
    return check_probabilities(as_float_array(p, name, ndim=(1, 2)), name)


def _pair(p, q):
    p, q = _probs(p, "p"), _probs(q, "q")
    if p.shape != q.shape:
        raise ValueError(
            f"p and q must have the same shape, got {p.shape} and {q.shape}"
        )
    return p, q


def _scale(base) -> float:
    if base is None:
        return 1.0
    if check_positive(base, "base") == 1:
        raise ValueError(
            "base must be a positive number other than 1 (no logarithm has base 1)"
        )
    return float(np.log(base))


# --8<-- [start:entropy]
def entropy(p, base: float | None = None):
    """\\(H(P) = -\\sum_x P(x) \\log P(x)\\), with \\(0 \\log 0 = 0\\). ``p``: (K,) or (N, K)."""
    p = _probs(p, "p")
    safe = np.where(p > 0, p, 1.0)  # log 1 = 0 where p = 0
    h = -np.sum(p * np.log(safe), axis=-1)
    return h / _scale(base)


def cross_entropy(p, q, base: float | None = None):
    """\\(H(P, Q) = -\\sum_x P(x) \\log Q(x)\\); ``inf`` where \\(Q(x) = 0 < P(x)\\)."""
    p, q = _pair(p, q)
    terms = np.zeros_like(p)
    support = p > 0
    with np.errstate(divide="ignore"):  # log 0 = -inf is the intended answer here
        terms[support] = -p[support] * np.log(q[support])
    return np.sum(terms, axis=-1) / _scale(base)


def kl_divergence(p, q, base: float | None = None):
    """\\(D_{\\mathrm{KL}}(P\\|Q) = \\sum_x P(x) \\log \\frac{P(x)}{Q(x)}\\) (\\(\\ge 0\\), not symmetric)."""
    p, q = _pair(p, q)
    terms = np.zeros_like(p)
    support = p > 0
    with np.errstate(divide="ignore"):
        terms[support] = p[support] * (np.log(p[support]) - np.log(q[support]))
    return np.sum(terms, axis=-1) / _scale(base)


# --8<-- [end:entropy]


# --8<-- [start:logits]
def _logsumexp(z, axis: int) -> np.ndarray:
    """\\(\\log \\sum_j e^{z_j} = m + \\log \\sum_j e^{z_j - m}\\) with \\(m = \\max_j z_j\\):
    every exponent is \\(\\le 0\\), so nothing overflows.

    ``logsumexp`` checks the arguments, then calls this.
    """
    m = np.max(z, axis=axis, keepdims=True)
    return np.squeeze(m, axis=axis) + np.log(np.sum(np.exp(z - m), axis=axis))


def _log_softmax(z, axis: int) -> np.ndarray:
    """\\(\\log \\mathrm{softmax}(z)_k = z_k - \\log\\sum_j e^{z_j}\\).

    ``log_softmax`` checks the arguments, then calls this.
    """
    return z - np.expand_dims(logsumexp(z, axis=axis), axis)


def _cross_entropy_from_logits(logits, targets) -> float:
    """Mean over a batch of \\(-\\log \\mathrm{softmax}(z_n)_{y_n}\\), the classification loss.

    ``logits``: (N, K) raw scores; ``targets``: (N,) integer class indices in [0, K). Equal to
    ``torch.nn.functional.cross_entropy(logits, targets)``.

    ``cross_entropy_from_logits`` checks the arguments, then calls this.
    """
    N = logits.shape[0]
    logp = log_softmax(logits, axis=1)  # (N, K)
    return float(-np.mean(logp[np.arange(N), targets]))


# --8<-- [end:logits]


def logsumexp(z, axis: int = -1) -> np.ndarray:
    """\\(\\log \\sum_j e^{z_j} = m + \\log \\sum_j e^{z_j - m}\\) with \\(m = \\max_j z_j\\):
    every exponent is \\(\\le 0\\), so nothing overflows."""
    z = as_float_array(z, "z")
    if z.ndim == 0:
        raise ValueError("z must have at least one axis")
    return _logsumexp(z, axis)


def log_softmax(z, axis: int = -1) -> np.ndarray:
    """\\(\\log \\mathrm{softmax}(z)_k = z_k - \\log\\sum_j e^{z_j}\\)."""
    z = as_float_array(z, "z")
    return _log_softmax(z, axis)


def cross_entropy_from_logits(logits, targets) -> float:
    """Mean over a batch of \\(-\\log \\mathrm{softmax}(z_n)_{y_n}\\), the classification loss.

    ``logits``: (N, K) raw scores; ``targets``: (N,) integer class indices in [0, K). Equal to
    ``torch.nn.functional.cross_entropy(logits, targets)``.
    """
    logits = as_float_array(logits, "logits", ndim=2)
    targets = np.asarray(targets)
    if targets.ndim != 1 or not np.issubdtype(targets.dtype, np.integer):
        raise TypeError(
            f"targets must be a 1-D array of integer class indices, got dtype {targets.dtype}, "
            f"shape {targets.shape}"
        )
    N, K = logits.shape
    if targets.shape[0] != N:
        raise ValueError(
            f"targets must have one entry per row of logits ({N}), got {targets.shape[0]}"
        )
    if np.any(targets < 0) or np.any(targets >= K):
        raise ValueError(
            f"targets must be class indices in [0, {K}), got min {targets.min()}, max {targets.max()}"
        )
    return _cross_entropy_from_logits(logits, targets)
