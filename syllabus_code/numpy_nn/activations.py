"""Activation functions, each with its derivative and a forward/backward pair.

Every activation \\(g\\) acts element-wise (softmax acts on the last axis). For each one the
module has

* ``g(z)`` and ``g_prime(z)`` - the function and its derivative, written from the formula;
* ``activation_forward(z, name) -> (a, cache)`` and ``activation_backward(da, cache) -> dz``,
  the layer contract of :mod:`syllabus_code.numpy_nn`, with ``dz = da * g'(z)`` (softmax: a
  Jacobian-vector product, since its Jacobian is not diagonal).

All functions accept any shape, keep the input's floating dtype and are finite for inputs of
\\(\\pm 1000\\) (no ``exp`` of a large positive number is ever formed).
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_array, check_dout

__all__ = [
    "sigmoid",
    "sigmoid_prime",
    "tanh",
    "tanh_prime",
    "relu",
    "relu_prime",
    "leaky_relu",
    "leaky_relu_prime",
    "elu",
    "elu_prime",
    "identity",
    "identity_prime",
    "softmax",
    "softmax_jvp",
    "ACTIVATIONS",
    "activation_forward",
    "activation_backward",
]


# --8<-- [start:sigmoid]
def _sigmoid(z):
    """\\(\\sigma(z) = 1/(1+e^{-z})\\), computed from \\(e^{-|z|}\\) so it never overflows.

    ``sigmoid`` checks the arguments, then calls this.
    """
    e = np.exp(-np.abs(z))  # in (0, 1]: no overflow at z = -1000
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)).astype(z.dtype, copy=False)


def sigmoid_prime(z):
    """\\(\\sigma'(z) = \\sigma(z)(1-\\sigma(z))\\), at most 1/4 (at z = 0)."""
    s = sigmoid(z)
    return s * (1.0 - s)


# --8<-- [end:sigmoid]


def sigmoid(z):
    """\\(\\sigma(z) = 1/(1+e^{-z})\\), computed from \\(e^{-|z|}\\) so it never overflows."""
    z = as_array(z, "z")
    return _sigmoid(z)


# --8<-- [start:tanh]
def _tanh(z):
    """\\(\\tanh z = (e^z - e^{-z})/(e^z + e^{-z})\\) (NumPy's implementation is overflow-safe).

    ``tanh`` checks the arguments, then calls this.
    """
    return np.tanh(z)


def tanh_prime(z):
    """\\(\\tanh'(z) = 1 - \\tanh^2 z\\), in (0, 1]."""
    t = tanh(z)
    return 1.0 - t * t


# --8<-- [end:tanh]


def tanh(z):
    """\\(\\tanh z = (e^z - e^{-z})/(e^z + e^{-z})\\) (NumPy's implementation is overflow-safe)."""
    z = as_array(z, "z")
    return _tanh(z)


# --8<-- [start:relu]
def _relu(z):
    """\\(\\max(0, z)\\).

    ``relu`` checks the arguments, then calls this.
    """
    return np.maximum(z, 0).astype(z.dtype, copy=False)


def _relu_prime(z):
    """1 where z > 0, else 0 (the value 0 at z = 0 is the convention PyTorch uses too).

    ``relu_prime`` checks the arguments, then calls this.
    """
    return (z > 0).astype(z.dtype)


def _leaky_relu(z, alpha: float):
    """z where z > 0, else alpha * z.

    ``leaky_relu`` checks the arguments, then calls this.
    """
    return np.where(z > 0, z, alpha * z).astype(z.dtype, copy=False)


def _leaky_relu_prime(z, alpha: float):
    """1 where z > 0, else alpha.

    ``leaky_relu_prime`` checks the arguments, then calls this.
    """
    return np.where(z > 0, 1.0, alpha).astype(z.dtype, copy=False)


# --8<-- [end:relu]


def relu(z):
    """\\(\\max(0, z)\\)."""
    z = as_array(z, "z")
    return _relu(z)


def relu_prime(z):
    """1 where z > 0, else 0 (the value 0 at z = 0 is the convention PyTorch uses too)."""
    z = as_array(z, "z")
    return _relu_prime(z)


def leaky_relu(z, alpha: float = 0.01):
    """z where z > 0, else alpha * z."""
    z = as_array(z, "z")
    return _leaky_relu(z, alpha)


def leaky_relu_prime(z, alpha: float = 0.01):
    """1 where z > 0, else alpha."""
    z = as_array(z, "z")
    return _leaky_relu_prime(z, alpha)


# --8<-- [start:elu]
def _elu(z, alpha: float):
    """z where z > 0, else alpha * (e^z - 1); ``expm1`` of min(z, 0) never overflows.

    ``elu`` checks the arguments, then calls this.
    """
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0))).astype(
        z.dtype, copy=False
    )


def _elu_prime(z, alpha: float):
    """1 where z > 0, else alpha * e^z (which equals elu(z) + alpha there).

    ``elu_prime`` checks the arguments, then calls this.
    """
    return np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0))).astype(
        z.dtype, copy=False
    )


# --8<-- [end:elu]


def elu(z, alpha: float = 1.0):
    """z where z > 0, else alpha * (e^z - 1); ``expm1`` of min(z, 0) never overflows."""
    z = as_array(z, "z")
    return _elu(z, alpha)


def elu_prime(z, alpha: float = 1.0):
    """1 where z > 0, else alpha * e^z (which equals elu(z) + alpha there)."""
    z = as_array(z, "z")
    return _elu_prime(z, alpha)


def identity(z):
    """g(z) = z: the output activation of a regression net or of a net that outputs logits."""
    return as_array(z, "z")


def identity_prime(z):
    z = as_array(z, "z")
    return np.ones_like(z)


# --8<-- [start:softmax]
def _softmax(z, axis: int):
    """\\(e^{z_i}/\\sum_j e^{z_j}\\) along ``axis``, shifted by the max so no exponent is positive.

    ``softmax`` checks the arguments, then calls this.
    """
    e = np.exp(z - z.max(axis=axis, keepdims=True))  # largest entry becomes e^0 = 1
    return e / e.sum(axis=axis, keepdims=True)


def softmax_jvp(s, da, axis: int = -1):
    """Backward through softmax: given s = softmax(z) and dL/ds, return dL/dz.

    The Jacobian is \\(\\partial s_i/\\partial z_j = s_i(\\delta_{ij} - s_j)\\), so
    \\(\\partial L/\\partial z_j = s_j\\,(\\partial L/\\partial s_j - \\sum_i s_i\\,\\partial L/\\partial s_i)\\):
    no D x D matrix is ever formed.
    """
    return s * (da - np.sum(da * s, axis=axis, keepdims=True))


# --8<-- [end:softmax]


def softmax(z, axis: int = -1):
    """\\(e^{z_i}/\\sum_j e^{z_j}\\) along ``axis``, shifted by the max so no exponent is positive."""
    z = as_array(z, "z")
    return _softmax(z, axis)


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_prime),
    "tanh": (tanh, tanh_prime),
    "relu": (relu, relu_prime),
    "leaky_relu": (leaky_relu, leaky_relu_prime),
    "elu": (elu, elu_prime),
    "identity": (identity, identity_prime),
}
"""Element-wise activations by name: ``(g, g_prime)``. Softmax is handled separately."""


def _check_name(name: str) -> None:
    if not isinstance(name, str):
        raise TypeError(f"name must be a string, got {type(name).__name__}")
    if name not in ACTIVATIONS and name != "softmax":
        raise ValueError(
            f"name must be one of {sorted([*ACTIVATIONS, 'softmax'])}, got {name!r}"
        )


# --8<-- [start:forward_backward]
def _activation_forward(z, name: str, **kwargs):
    """Apply activation ``name`` to z (any shape). Returns ``(a, cache)`` with a shaped like z.

    ``activation_forward`` checks the arguments, then calls this.
    """
    if name == "softmax":
        a = softmax(z)
        return a, (name, a, kwargs)  # softmax's backward needs only its output
    g, _ = ACTIVATIONS[name]
    return g(z, **kwargs), (name, z, kwargs)


def _activation_backward(da, cache):
    """dL/dz from dL/da: element-wise da * g'(z); softmax uses its Jacobian-vector product.

    ``activation_backward`` checks the arguments, then calls this.
    """
    name, saved, kwargs = cache
    if name == "softmax":
        return softmax_jvp(saved, da)
    _, g_prime = ACTIVATIONS[name]
    return da * g_prime(saved, **kwargs)


# --8<-- [end:forward_backward]


def activation_forward(z, name: str = "relu", **kwargs):
    """Apply activation ``name`` to z (any shape). Returns ``(a, cache)`` with a shaped like z."""
    _check_name(name)
    z = as_array(z, "z")
    return _activation_forward(z, name, **kwargs)


def activation_backward(da, cache):
    """dL/dz from dL/da: element-wise da * g'(z); softmax uses its Jacobian-vector product."""
    _, saved, _ = cache
    da = check_dout(da, saved.shape, "da")
    return _activation_backward(da, cache)
