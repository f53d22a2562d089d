"""A small convolutional network built only from the course's NumPy layers.

Architecture: [Conv 3x3 (padding 1) -> BatchNorm -> ReLU -> MaxPool 2x2] x len(channels)
-> Flatten -> Fully connected -> softmax (inside the loss). For 28x28 MNIST digits and
``channels=(16, 32)`` the shapes are

    (N, 1, 28, 28) -> (N, 16, 14, 14) -> (N, 32, 7, 7) -> (N, 1568) -> (N, 10)

Parameters live in a plain dict of arrays; :func:`forward` returns ``(logits, cache)`` and
:func:`backward` returns a dict of gradients with the same keys, so any update rule of the
``update(w, dw, state) -> (w, state)`` contract (Module 3's ``adam_update``) can train it.
Batch normalisation and the ReLU after it are fused into one per-channel function
(:func:`batchnorm_relu_forward`, the formulas of Module 4's ``batchnorm_forward`` with fewer passes
over memory); running averages (PyTorch's momentum convention) are used when ``training=False``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from syllabus_code._checks import (
    as_array,
    check_float_dtype,
    check_int,
    check_labels,
    check_positive,
)
from syllabus_code.numpy_nn.batchnorm import init_batchnorm
from syllabus_code.numpy_nn.conv import conv2d_backward, conv2d_forward
from syllabus_code.numpy_nn.pooling import max_pool_backward, max_pool_forward

__all__ = [
    "init_params",
    "init_running",
    "batchnorm_relu_forward",
    "batchnorm_relu_backward",
    "forward",
    "backward",
    "predict",
    "train",
]


def init_params(
    channels=(16, 32),
    in_channels: int = 1,
    image_size: int = 28,
    num_classes: int = 10,
    seed: int = 0,
    dtype=np.float32,
) -> dict:
    """He-initialised conv weights, zero biases, BN gamma = 1 and beta = 0, a scaled FC layer."""
    if (
        isinstance(channels, (str, bytes))
        or not hasattr(channels, "__len__")
        or len(channels) == 0
    ):
        raise TypeError(
            f"channels must be a non-empty list of positive integers, got {channels!r}"
        )
    channels = [check_int(c, f"channels[{i}]", min=1) for i, c in enumerate(channels)]
    in_channels = check_int(in_channels, "in_channels", min=1)
    image_size = check_int(image_size, "image_size", min=1)
    num_classes = check_int(num_classes, "num_classes", min=2)
    seed = check_int(seed, "seed", min=0)
    dtype = check_float_dtype(dtype)
    size = image_size
    for _ in channels:
        size //= 2
    if size < 1:
        raise ValueError(
            f"image_size {image_size} is too small for {len(channels)} pooling layers"
        )
    rng = np.random.default_rng(seed)
    p, c_in = {}, in_channels
    for i, c in enumerate(channels):
        p[f"conv{i}_w"] = (
            rng.normal(size=(c, c_in, 3, 3)) * np.sqrt(2.0 / (c_in * 9))
        ).astype(dtype)
        p[f"conv{i}_b"] = np.zeros(c, dtype)
        p[f"bn{i}_gamma"] = np.ones(c, dtype)
        p[f"bn{i}_beta"] = np.zeros(c, dtype)
        c_in = c
    n_flat = c_in * size * size
    p["fc_w"] = (rng.normal(size=(n_flat, num_classes)) / np.sqrt(n_flat)).astype(dtype)
    p["fc_b"] = np.zeros(num_classes, dtype)
    return p


def init_running(params: dict) -> list:
    """Batch-norm running statistics per conv block: one :func:`~syllabus_code.numpy_nn.batchnorm.init_batchnorm`
    state (running mean 0, running variance 1, as in PyTorch) per block."""
    n_blocks = sum(1 for k in params if k.endswith("_gamma"))
    return [init_batchnorm(len(params[f"bn{i}_gamma"]))[2] for i in range(n_blocks)]


# --8<-- [start:bn_relu]
def batchnorm_relu_forward(
    x,
    gamma,
    beta,
    state: dict,
    training: bool = True,
    momentum: float = 0.1,
    eps: float = 1e-5,
):
    """ReLU(batch norm of x), per channel of x (N, C, H, W): Module 4's batchnorm_forward
    and a ReLU, fused so that each line is one pass over the activations.

    Same formulas and the same running averages in ``state`` as batchnorm_forward; the
    sums over (n, h, w) are ``np.einsum`` calls. Returns ``(out, cache)``.
    """
    per_channel = (slice(None), None, None)  # a (C,) vector seen as (C, 1, 1)
    m = x.size // x.shape[1]  # values per channel: N * H * W
    if training:
        mean = np.einsum("nchw->c", x) / m  # μ_B
        x_c = x - mean[per_channel]  # x - μ_B
        var = np.einsum("nchw,nchw->c", x_c, x_c) / m  # σ_B², biased
        unbiased = var * m / (m - 1)  # what the running variance is fed
        keep = 1 - momentum
        state["running_mean"] = keep * state["running_mean"] + momentum * mean
        state["running_var"] = keep * state["running_var"] + momentum * unbiased
        state["num_batches_tracked"] = state.get("num_batches_tracked", 0) + 1
    else:  # running averages, in x's dtype
        mean = state["running_mean"].astype(x.dtype)
        var = state["running_var"].astype(x.dtype)
        x_c = x - mean[per_channel]
    inv_std = (1.0 / np.sqrt(var + eps)).astype(x.dtype)  # s = (σ² + ε)^(-1/2)
    x_hat = x_c * inv_std[per_channel]  # x̂
    out = gamma[per_channel] * x_hat  # γ x̂
    out += beta[per_channel]  # + β, in place
    np.maximum(out, 0, out=out)  # ReLU, in place
    return out, (x_hat, gamma, inv_std, m, training, out > 0)


def batchnorm_relu_backward(dout, cache):
    """``(dx, dgamma, dbeta)``: the ReLU's mask, then batchnorm_backward's formula
    dx = (γ s / m) (m g - Σ g - x̂ Σ g x̂), with g = dL/d(γ x̂ + β)."""
    x_hat, gamma, inv_std, m, training, active = cache
    per_channel = (slice(None), None, None)
    g = dout * active  # ReLU: passes where out > 0
    dbeta = np.einsum("nchw->c", g)  # Σ g
    dgamma = np.einsum("nchw,nchw->c", g, x_hat)  # Σ g x̂
    if training:  # μ_B, σ_B² depend on every x
        g -= x_hat * (dgamma / m)[per_channel]  # in place: g is ours
        g -= (dbeta / m)[per_channel]
    g *= (gamma * inv_std)[per_channel]  # dx
    return g, dgamma, dbeta


# --8<-- [end:bn_relu]


# --8<-- [start:block]
def forward(params: dict, x, running: list, training: bool = True):
    """Logits (N, num_classes) for images x (N, C, H, W), and the cache for backward."""
    caches, h = [], x
    for i in range(len(running)):
        w, b = params[f"conv{i}_w"], params[f"conv{i}_b"]
        gamma, beta = params[f"bn{i}_gamma"], params[f"bn{i}_beta"]
        h, c_conv = conv2d_forward(h, w, b, 1, 1)  # (N, C_i, H, W)
        h, c_bn = batchnorm_relu_forward(h, gamma, beta, running[i], training)
        h, c_pool = max_pool_forward(h, 2)  # (N, C_i, H/2, W/2)
        caches.append((c_conv, c_bn, c_pool))
    flat = h.reshape(len(h), -1)  # (N, C_last * H * W)
    logits = flat @ params["fc_w"] + params["fc_b"]  # (N, num_classes)
    return logits, (caches, flat, h.shape)


def backward(params: dict, dlogits, cache) -> dict:
    """Gradients of the loss for every parameter, given dL/dlogits (N, num_classes)."""
    caches, flat, shape = cache
    grads = {"fc_w": flat.T @ dlogits, "fc_b": dlogits.sum(axis=0)}
    dh = (dlogits @ params["fc_w"].T).reshape(shape)  # back to (N, C, H, W)
    for i in reversed(range(len(caches))):
        c_conv, c_bn, c_pool = caches[i]
        dh = max_pool_backward(dh, c_pool)
        dh, dgamma, dbeta = batchnorm_relu_backward(dh, c_bn)
        grads[f"bn{i}_gamma"], grads[f"bn{i}_beta"] = dgamma, dbeta
        dh, grads[f"conv{i}_w"], grads[f"conv{i}_b"] = conv2d_backward(dh, c_conv)
    return grads


# --8<-- [end:block]


def predict(params: dict, x, running: list, batch: int = 1000) -> np.ndarray:
    """Predicted class of each image, in evaluation mode (BN running statistics)."""
    out = [
        forward(params, x[i : i + batch], running, training=False)[0].argmax(axis=1)
        for i in range(0, len(x), batch)
    ]
    return np.concatenate(out)


def _check_train_args(x, y, epochs, batch, lr, num_classes):
    # integer pixels become float64, never uint8 weights
    x = as_array(x, "x (N, C, H, W)", ndim=4)
    if x.shape[2] != x.shape[3]:
        raise ValueError(f"x must hold square images, got {x.shape[2]}x{x.shape[3]}")
    num_classes = check_int(num_classes, "num_classes", min=2)
    y = check_labels(y, len(x), num_classes)
    check_int(epochs, "epochs", min=1)
    check_int(batch, f"batch (at most the {len(x)} training images)", min=1, max=len(x))
    check_positive(lr, "lr")
    return x, y


def train(
    x,
    y,
    epochs: int = 1,
    batch: int = 64,
    lr: float = 8e-3,
    channels=(16, 32),
    seed: int = 0,
    num_classes: int = 10,
    log: Callable[[str], None] | None = print,
):
    """Train with Module 3's Adam and softmax cross-entropy; the learning rate falls linearly
    from ``lr`` to 0 over all the steps of all the epochs.

    Returns ``(params, running, history)`` where history lists the mean training loss per epoch.
    """
    from syllabus_code.numpy_nn.losses import softmax_cross_entropy
    from syllabus_code.numpy_nn.optimizers import adam_update

    x, y = _check_train_args(x, y, epochs, batch, lr, num_classes)
    rng = np.random.default_rng(seed)
    params = init_params(channels, x.shape[1], x.shape[2], num_classes, seed, x.dtype)
    running = init_running(params)
    state = {k: None for k in params}
    history, t0 = [], time.perf_counter()
    steps = len(x) // batch
    for epoch in range(epochs):
        order = rng.permutation(len(x))
        total = 0.0
        for s in range(steps):
            idx = order[s * batch : (s + 1) * batch]
            logits, cache = forward(params, x[idx], running, training=True)
            loss, dlogits = softmax_cross_entropy(logits, y[idx])
            grads = backward(params, dlogits.astype(x.dtype), cache)
            # linear decay to 0
            step_lr = lr * (1 - (epoch * steps + s) / (epochs * steps))
            for k in params:
                params[k], state[k] = adam_update(
                    params[k], grads[k].astype(x.dtype), state[k], lr=step_lr
                )
            total += loss
        history.append(total / steps)
        if log:
            log(
                f"epoch {epoch + 1}: mean training loss {history[-1]:.4f} ({time.perf_counter() - t0:.0f} s)"
            )
    return params, running, history
