"""A multi-layer perceptron with backpropagation written in the page's δ form.

Parameters live in a dict ``{"W1": (n0, n1), "b1": (n1,), ..., "WL", "bL"}``, batch-first: the
page's \\(W^{(l)} \\in \\mathbb{R}^{n_l\\times n_{l-1}}\\) is stored transposed, as ``W{l}`` of shape
(n_{l-1}, n_l), so that a batch ``A`` (N, n_{l-1}) maps to ``A @ W{l} + b{l}``.
\\(\\delta^{(l)} = \\partial L/\\partial z^{(l)}\\) (the pre-activation); ``delta`` holds one row per sample.

The backward pass is the four equations of the page, one row per sample:

* \\(\\delta^{(L)} = \\nabla_a L \\odot g'(z^{(L)})\\)  →  ``delta = grad_a * g_out'(Z[L])``
* \\(\\delta^{(l)} = (W^{(l+1)})^\\top\\delta^{(l+1)} \\odot g'(z^{(l)})\\)  →  ``delta = (delta @ W{l+1}.T) * g'(Z[l])``
  (``W{l+1}.T`` is \\(W^{(l+1)}\\) itself)
* \\(\\partial L/\\partial W^{(l)} = \\delta^{(l)}(a^{(l-1)})^\\top\\)  →  ``dW{l} = A[l-1].T @ delta`` (the transpose, summed over the batch)
* \\(\\partial L/\\partial b^{(l)} = \\delta^{(l)}\\)  →  ``db{l} = delta.sum(axis=0)``
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_array, check_dout, check_int

from .activations import ACTIVATIONS
from .dense import init_dense
from .losses import bce_with_logits, mse, softmax_cross_entropy

__all__ = [
    "init_mlp",
    "mlp_forward",
    "mlp_backward",
    "MLP",
    "LOSSES",
    "iterate_minibatches",
]

LOSSES = {
    "mse": mse,
    "bce_with_logits": bce_with_logits,
    "softmax_cross_entropy": softmax_cross_entropy,
}
"""Losses an :class:`MLP` can train on, each ``loss(output, target) -> (loss, dL/doutput)``."""


def _check_loss(loss: str) -> None:
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {sorted(LOSSES)}, got {loss!r}")


def _num_layers(params: dict) -> int:
    if not isinstance(params, dict) or "W1" not in params:
        raise TypeError("params must be a dict with keys 'W1', 'b1', ..., 'WL', 'bL'")
    n = 0
    while f"W{n + 1}" in params:
        n += 1
    return n


def init_mlp(sizes, seed: int = 0, scheme: str = "he", dtype=np.float64) -> dict:
    """Parameters of an MLP with layer widths ``sizes = [n0, n1, ..., nL]`` (He or Xavier normal)."""
    sizes = [check_int(s, f"sizes[{i}]", min=1) for i, s in enumerate(sizes)]
    if len(sizes) < 2:
        raise ValueError(
            f"sizes must be at least two layer widths [n0, ..., nL], got {sizes!r}"
        )
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(sizes)):
        params[f"W{l}"], params[f"b{l}"] = init_dense(
            sizes[l - 1], sizes[l], rng, scheme, dtype
        )
    return params


def _check_activation(name: str, arg: str) -> None:
    if name not in ACTIVATIONS:
        raise ValueError(f"{arg} must be one of {sorted(ACTIVATIONS)}, got {name!r}")


# --8<-- [start:forward]
def _mlp_forward(x, params: dict, activation: str, output: str):
    """Forward pass a^(0) = x; z^(l) = W^(l) a^(l-1) + b^(l); a^(l) = g(z^(l)).

    On the batch's rows: Z[l] = A[l-1] @ W{l} + b{l}, with W{l} = (W^(l))ᵀ. x: (N, n0).
    Hidden layers use ``activation``, the last layer ``output`` (``"identity"`` gives logits
    for the losses computed from logits). Returns ``(a_L, cache)`` with a_L of shape
    (N, nL); the cache holds every z^(l) and a^(l).

    ``mlp_forward`` checks the arguments, then calls this.
    """
    L = _num_layers(params)
    A, Z = [x], [None]  # A[l] = a^(l), Z[l] = z^(l); index 0 is the input
    for l in range(1, L + 1):
        z = A[l - 1] @ params[f"W{l}"] + params[f"b{l}"]  # (N, n_l)
        g, _ = ACTIVATIONS[output if l == L else activation]
        Z.append(z)
        A.append(g(z))
    return A[L], (A, Z, params, activation, output)


# --8<-- [end:forward]


def mlp_forward(x, params: dict, activation: str = "relu", output: str = "identity"):
    """Forward pass a^(0) = x; z^(l) = W^(l) a^(l-1) + b^(l); a^(l) = g(z^(l)).

    On the batch's rows: Z[l] = A[l-1] @ W{l} + b{l}, with W{l} = (W^(l))ᵀ. x: (N, n0).
    Hidden layers use ``activation``, the last layer ``output`` (``"identity"`` gives logits
    for the losses computed from logits). Returns ``(a_L, cache)`` with a_L of shape
    (N, nL); the cache holds every z^(l) and a^(l).
    """
    _check_activation(activation, "activation")
    _check_activation(output, "output")
    _num_layers(params)  # refuses anything but a dict of W1, b1, ..., WL, bL
    x = as_array(x, "x", ndim=2)
    if x.shape[1] != params["W1"].shape[0]:
        raise ValueError(
            f"x must have {params['W1'].shape[0]} features (W1 has that many rows), got shape {x.shape}"
        )
    return _mlp_forward(x, params, activation, output)


# --8<-- [start:backward]
def _mlp_backward(grad_a, cache) -> dict:
    """Backpropagation in δ form. grad_a = dL/da^(L), shape (N, nL). Returns {"W1": dW1, "b1": db1, ...}.

    ``mlp_backward`` checks the arguments, then calls this.
    """
    A, Z, params, activation, output = cache
    L = len(Z) - 1
    g_prime = ACTIVATIONS[activation][1]
    delta = grad_a * ACTIVATIONS[output][1](Z[L])  # step 1: δ^(L) = ∇_a L ⊙ g'(z^(L))
    grads = {}
    for l in range(L, 0, -1):  # delta holds δ^(l), one row per sample
        # step 3: Σ_i δ_i a_i^T, stored transposed (n_{l-1}, n_l)
        grads[f"W{l}"] = A[l - 1].T @ delta
        grads[f"b{l}"] = delta.sum(axis=0)  # step 3: δ^(l), summed over the batch
        if l > 1:  # step 2: δ^(l-1) = (W^(l))^T δ^(l) ⊙ g'(z^(l-1))
            delta = (delta @ params[f"W{l}"].T) * g_prime(Z[l - 1])
    return grads


# --8<-- [end:backward]


def mlp_backward(grad_a, cache) -> dict:
    """Backpropagation in δ form. grad_a = dL/da^(L), shape (N, nL). Returns {"W1": dW1, "b1": db1, ...}."""
    A, Z, _, _, _ = cache
    L = len(Z) - 1
    grad_a = check_dout(grad_a, A[L].shape, "grad_a")
    return _mlp_backward(grad_a, cache)


def iterate_minibatches(
    n: int, batch_size: int, rng: np.random.Generator | None = None
):
    """Index arrays covering range(n) in batches (shuffled when ``rng`` is given).

    ``batch_size = n`` is batch gradient descent, ``1`` is SGD, anything between is mini-batch.
    """
    check_int(batch_size, "batch_size", min=1)
    order = rng.permutation(n) if rng is not None else np.arange(n)
    for start in range(0, n, batch_size):
        yield order[start : start + batch_size]


class MLP:
    """An L-layer perceptron: ``sizes = [n0, ..., nL]``, hidden ``activation``, output ``output``.

    >>> net = MLP([2, 4, 1], activation="tanh", output="identity", seed=0)
    >>> loss, grads = net.loss_and_grads(np.zeros((3, 2)), np.zeros((3, 1)), loss="mse")
    """

    def __init__(
        self,
        sizes,
        activation: str = "relu",
        output: str = "identity",
        seed: int = 0,
        scheme: str | None = None,
        dtype=np.float64,
    ):
        _check_activation(activation, "activation")
        _check_activation(output, "output")
        if scheme is None:
            scheme = "he" if activation in ("relu", "leaky_relu", "elu") else "xavier"
        self.params = init_mlp(sizes, seed=seed, scheme=scheme, dtype=dtype)
        self.activation, self.output = activation, output

    def forward(self, x):
        """The network's output a^(L) for a batch x (N, n0), and the cache for :meth:`backward`."""
        return mlp_forward(x, self.params, self.activation, self.output)

    def __call__(self, x):
        return self.forward(x)[0]

    # --8<-- [start:loss_and_grads]
    def loss_and_grads(self, x, y, loss: str = "softmax_cross_entropy"):
        """Mean loss on (x, y) and its gradient for every parameter: one forward, one backward."""
        _check_loss(loss)
        out, cache = self.forward(x)
        value, grad_out = LOSSES[loss](out, y)
        return value, mlp_backward(grad_out, cache)

    # --8<-- [end:loss_and_grads]
