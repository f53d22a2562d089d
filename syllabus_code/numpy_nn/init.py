"""Weight initialisation schemes, and the signal-propagation diagnostics of Module 4.

Every initialiser returns a weight matrix of shape ``(fan_in, fan_out)``: batch-first, like
:func:`syllabus_code.numpy_nn.dense.dense_forward`'s ``w`` (the page's \\(W^\\top\\)).

=================  ==========================================================  =======================
scheme             distribution                                                variance
=================  ==========================================================  =======================
``zeros``          every weight 0                                              0
``normal``         \\(\\mathcal N(0, s^2)\\) with a given ``std`` s              \\(s^2\\)
``xavier_uniform`` \\(U[-a, a]\\), \\(a = \\sqrt{6/(n_\\text{in}+n_\\text{out})}\\)   \\(2/(n_\\text{in}+n_\\text{out})\\)
``xavier_normal``  \\(\\mathcal N(0, 2/(n_\\text{in}+n_\\text{out}))\\)            \\(2/(n_\\text{in}+n_\\text{out})\\)
``he_normal``      \\(\\mathcal N(0, 2/n_\\text{in})\\)                           \\(2/n_\\text{in}\\)
``he_uniform``     \\(U[-a, a]\\), \\(a = \\sqrt{6/n_\\text{in}}\\)                 \\(2/n_\\text{in}\\)
=================  ==========================================================  =======================

(A uniform law on \\([-a, a]\\) has variance \\(a^2/3\\), which is how the bounds are chosen.)
These are the same laws as ``torch.nn.init.xavier_uniform_``, ``xavier_normal_``,
``kaiming_normal_(nonlinearity="relu")`` and ``kaiming_uniform_(nonlinearity="relu")``, whose
fan-in is a torch ``Linear`` weight's second dimension.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import (
    check_float_dtype,
    check_int,
    check_positive,
    is_integer,
)

from .activations import ACTIVATIONS
from .losses import softmax_cross_entropy
from .network import mlp_backward, mlp_forward

__all__ = [
    "zeros",
    "normal",
    "xavier_uniform",
    "xavier_normal",
    "he_normal",
    "he_uniform",
    "INITIALIZERS",
    "initialize",
    "init_variance",
    "activation_stats",
    "layer_gradient_norms",
]


def _fans(fan_in, fan_out, dtype=np.float64):
    """The checked sizes (positive integers); ``dtype`` must be floating, as weights are."""
    check_float_dtype(dtype, "dtype")
    return (
        check_int(fan_in, "fan_in", min=1, max=10**7),
        check_int(fan_out, "fan_out", min=1, max=10**7),
    )


def _rng(rng) -> np.random.Generator:
    if isinstance(rng, np.random.Generator):
        return rng
    if is_integer(rng):
        return np.random.default_rng(check_int(rng, "rng", min=0))
    raise TypeError(
        f"rng must be a numpy Generator or an integer seed, got {type(rng).__name__}"
    )


# --8<-- [start:schemes]
def zeros(fan_in: int, fan_out: int, rng=None, dtype=np.float64) -> np.ndarray:
    """All-zero weights: every hidden unit starts identical, and stays so (see the page)."""
    fan_in, fan_out = _fans(fan_in, fan_out, dtype)
    return np.zeros((fan_in, fan_out), dtype=dtype)


def normal(
    fan_in: int, fan_out: int, rng=0, std: float = 0.01, dtype=np.float64
) -> np.ndarray:
    """N(0, std²) with a hand-picked std: too small vanishes, too large explodes."""
    fan_in, fan_out = _fans(fan_in, fan_out, dtype)
    std = check_positive(std, "std")
    return (_rng(rng).standard_normal((fan_in, fan_out)) * std).astype(dtype)


def xavier_uniform(fan_in: int, fan_out: int, rng=0, dtype=np.float64) -> np.ndarray:
    """Glorot & Bengio (2010): U[-a, a], a = sqrt(6 / (fan_in + fan_out)); variance 2/(fan_in + fan_out)."""
    fan_in, fan_out = _fans(fan_in, fan_out, dtype)
    a = np.sqrt(6.0 / (fan_in + fan_out))
    return _rng(rng).uniform(-a, a, (fan_in, fan_out)).astype(dtype)


def xavier_normal(fan_in: int, fan_out: int, rng=0, dtype=np.float64) -> np.ndarray:
    """Glorot & Bengio (2010), normal form: N(0, 2 / (fan_in + fan_out))."""
    fan_in, fan_out = _fans(fan_in, fan_out, dtype)
    std = np.sqrt(2.0 / (fan_in + fan_out))
    return (_rng(rng).standard_normal((fan_in, fan_out)) * std).astype(dtype)


def he_normal(fan_in: int, fan_out: int, rng=0, dtype=np.float64) -> np.ndarray:
    """He et al. (2015), for ReLU: N(0, 2 / fan_in)."""
    fan_in, fan_out = _fans(fan_in, fan_out, dtype)
    std = np.sqrt(2.0 / fan_in)
    return (_rng(rng).standard_normal((fan_in, fan_out)) * std).astype(dtype)


def he_uniform(fan_in: int, fan_out: int, rng=0, dtype=np.float64) -> np.ndarray:
    """He et al. (2015), uniform form: U[-a, a], a = sqrt(6 / fan_in); variance 2/fan_in."""
    fan_in, fan_out = _fans(fan_in, fan_out, dtype)
    a = np.sqrt(6.0 / fan_in)
    return _rng(rng).uniform(-a, a, (fan_in, fan_out)).astype(dtype)


# --8<-- [end:schemes]


INITIALIZERS = {
    "zeros": zeros,
    "normal": normal,
    "xavier_uniform": xavier_uniform,
    "xavier_normal": xavier_normal,
    "he_normal": he_normal,
    "he_uniform": he_uniform,
}
"""Initialisers by name, each ``f(fan_in, fan_out, rng, ...) -> w`` of shape (fan_in, fan_out)."""


def _check_scheme(scheme) -> None:
    if not isinstance(scheme, str) or scheme not in INITIALIZERS:
        raise ValueError(
            f"scheme must be one of {sorted(INITIALIZERS)}, got {scheme!r}"
        )


def initialize(
    scheme: str,
    fan_in: int,
    fan_out: int,
    rng=0,
    std: float | None = None,
    dtype=np.float64,
) -> np.ndarray:
    """Weights (fan_in, fan_out) from the named scheme; ``std`` is required by (and only by) ``"normal"``."""
    _check_scheme(scheme)
    if scheme == "normal":
        if std is None:
            raise ValueError("std must be given for scheme 'normal'")
        return normal(fan_in, fan_out, rng, std=std, dtype=dtype)
    if std is not None:
        raise ValueError(f"std is only used by scheme 'normal', not {scheme!r}")
    return INITIALIZERS[scheme](fan_in, fan_out, rng, dtype=dtype)


def init_variance(
    scheme: str, fan_in: int, fan_out: int, std: float | None = None
) -> float:
    """The variance each scheme is designed to have (the right-hand column of the table above)."""
    _check_scheme(scheme)
    fan_in, fan_out = _fans(fan_in, fan_out)
    if scheme == "zeros":
        return 0.0
    if scheme == "normal":
        if std is None:
            raise ValueError("std must be given for scheme 'normal'")
        return check_positive(std, "std") ** 2
    if scheme.startswith("xavier"):
        return 2.0 / (fan_in + fan_out)
    return 2.0 / fan_in


def _check_activation(activation) -> None:
    if activation not in ACTIVATIONS:
        raise ValueError(
            f"activation must be one of {sorted(ACTIVATIONS)}, got {activation!r}"
        )


def _check_count(v, name: str) -> int:
    return check_int(v, name, min=1)


# --8<-- [start:activation_stats]
def _activation_stats(depth, width, activation, scheme, std, n, seed) -> np.ndarray:
    """Standard deviation of the activations after each of ``depth`` square layers.

    A batch of ``n`` inputs x ~ N(0, I) of size ``width`` goes through
    a^(l) = g(W^(l) a^(l-1)) (no biases), that is ``a = g(a @ w)`` on the batch's rows with
    ``w`` = (W^(l))ᵀ drawn from ``scheme``.
    Returns an array (depth,): entry l-1 is the std of a^(l) over the batch and the units.

    ``activation_stats`` checks the arguments, then calls this.
    """
    rng = np.random.default_rng(seed)
    g = ACTIVATIONS[activation][0]
    a = rng.standard_normal((n, width))  # (n, width)
    stds = np.empty(depth)
    for l in range(depth):
        a = g(a @ initialize(scheme, width, width, rng, std=std))
        stds[l] = a.std()
    return stds


# --8<-- [end:activation_stats]


def activation_stats(
    depth: int = 50,
    width: int = 256,
    activation: str = "tanh",
    scheme: str = "xavier_normal",
    std: float | None = None,
    n: int = 1000,
    seed: int = 0,
) -> np.ndarray:
    """Standard deviation of the activations after each of ``depth`` square layers.

    A batch of ``n`` inputs x ~ N(0, I) of size ``width`` goes through
    a^(l) = g(W^(l) a^(l-1)) (no biases), that is ``a = g(a @ w)`` on the batch's rows with
    ``w`` = (W^(l))ᵀ drawn from ``scheme``.
    Returns an array (depth,): entry l-1 is the std of a^(l) over the batch and the units.
    """
    depth, width, n = (
        _check_count(v, k) for v, k in ((depth, "depth"), (width, "width"), (n, "n"))
    )
    _check_activation(activation)
    _check_scheme(scheme)
    return _activation_stats(depth, width, activation, scheme, std, n, seed)


# --8<-- [start:layer_gradient_norms]
def _layer_gradient_norms(
    depth, width, activation, scheme, std, n, num_classes, seed
) -> np.ndarray:
    """Frobenius norm of dL/dW^(l) for each layer of a freshly initialised deep MLP.

    The MLP has ``depth`` weight layers: ``depth - 1`` hidden layers of ``width`` units with
    ``activation`` and a linear output of ``num_classes`` logits; the loss is softmax
    cross-entropy on random inputs x ~ N(0, I) and random labels. Returns (depth,), layer 1 first.

    ``layer_gradient_norms`` checks the arguments, then calls this.
    """
    rng = np.random.default_rng(seed)
    sizes = [width] * depth + [num_classes]
    params = {}
    for l in range(1, depth + 1):
        params[f"W{l}"] = initialize(scheme, sizes[l - 1], sizes[l], rng, std=std)
        params[f"b{l}"] = np.zeros(sizes[l])
    x = rng.standard_normal((n, width))
    y = rng.integers(0, num_classes, n)
    logits, cache = mlp_forward(x, params, activation=activation, output="identity")
    _, dlogits = softmax_cross_entropy(logits, y)
    grads = mlp_backward(dlogits, cache)
    return np.array([np.linalg.norm(grads[f"W{l}"]) for l in range(1, depth + 1)])


# --8<-- [end:layer_gradient_norms]


def layer_gradient_norms(
    depth: int = 20,
    width: int = 64,
    activation: str = "sigmoid",
    scheme: str = "xavier_normal",
    std: float | None = None,
    n: int = 128,
    num_classes: int = 10,
    seed: int = 0,
) -> np.ndarray:
    """Frobenius norm of dL/dW^(l) for each layer of a freshly initialised deep MLP.

    The MLP has ``depth`` weight layers: ``depth - 1`` hidden layers of ``width`` units with
    ``activation`` and a linear output of ``num_classes`` logits; the loss is softmax
    cross-entropy on random inputs x ~ N(0, I) and random labels. Returns (depth,), layer 1 first.
    """
    depth, width, n = (
        _check_count(v, k) for v, k in ((depth, "depth"), (width, "width"), (n, "n"))
    )
    num_classes = _check_count(num_classes, "num_classes")
    if depth < 2:
        raise ValueError(f"depth must be at least 2 (one hidden layer), got {depth}")
    _check_activation(activation)
    _check_scheme(scheme)
    return _layer_gradient_norms(
        depth, width, activation, scheme, std, n, num_classes, seed
    )
