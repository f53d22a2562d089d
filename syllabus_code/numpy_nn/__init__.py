"""A small neural-network library written from scratch in NumPy.

The layer contract (every op in this package follows it)
--------------------------------------------------------
* ``<op>_forward(x, ...) -> (out, cache)``: compute the output and keep in ``cache`` exactly
  what the backward pass needs.
* ``<op>_backward(dout, cache) -> dx``, or a tuple ``(dx, dw, db)`` for an op with parameters:
  given \\(\\partial L/\\partial\\,\\mathrm{out}\\) (shaped like ``out``), return the gradient of
  the loss with respect to each input, each shaped like that input.
* Arrays are batch-first: a batch of N vectors is (N, D), one sample per row. The pages write
  one sample as a column, \\(z = Wa + b\\); the code's ``x @ w + b`` with ``w = W.T`` is the
  same map applied to every row.
* Losses return ``(loss, dL/dpred)`` with the 1/N of the batch mean already in the gradient.
* Optimisers: ``update(w, dw, state, **hparams) -> (w, state)``, or :class:`Optimizer` with
  ``.step(params, grads)`` for a whole parameter dict.
* Layers keep the input's floating dtype: float64 for gradient checks, float32 for speed.

Modules: :mod:`.activations`, :mod:`.losses`, :mod:`.dense`, :mod:`.network` (MLP and δ-form
backprop), :mod:`.optimizers`, :mod:`.gradcheck`.
"""

from .activations import (
    ACTIVATIONS,
    activation_backward,
    activation_forward,
    elu,
    elu_prime,
    identity,
    identity_prime,
    leaky_relu,
    leaky_relu_prime,
    relu,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    softmax,
    softmax_jvp,
    tanh,
    tanh_prime,
)
from .dense import dense_backward, dense_forward, init_dense
from .gradcheck import check_gradient, rel_error
from .losses import (
    bce,
    bce_with_logits,
    cross_entropy,
    log_softmax,
    logsumexp,
    mse,
    softmax_cross_entropy,
)
from .network import MLP, init_mlp, iterate_minibatches, mlp_backward, mlp_forward
from .optimizers import (
    Optimizer,
    adam_update,
    clip_grad_norm,
    clip_grad_value,
    momentum_update,
    sgd_update,
)

__all__ = [
    "ACTIVATIONS",
    "activation_forward",
    "activation_backward",
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
    "dense_forward",
    "dense_backward",
    "init_dense",
    "check_gradient",
    "rel_error",
    "mse",
    "bce",
    "bce_with_logits",
    "cross_entropy",
    "softmax_cross_entropy",
    "logsumexp",
    "log_softmax",
    "MLP",
    "init_mlp",
    "mlp_forward",
    "mlp_backward",
    "iterate_minibatches",
    "Optimizer",
    "sgd_update",
    "momentum_update",
    "adam_update",
    "clip_grad_norm",
    "clip_grad_value",
]
