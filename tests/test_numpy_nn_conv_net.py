"""Tests for syllabus_code.numpy_nn.conv_net: whole-network gradients (central differences and
PyTorch autograd, float64), evaluation mode, a short training run that learns, bad input."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from syllabus_code.maths.derivatives import gradient
from syllabus_code.numpy_nn.batchnorm import (
    batchnorm_backward,
    batchnorm_forward,
    init_batchnorm,
)
from syllabus_code.numpy_nn.conv_net import (
    backward,
    batchnorm_relu_backward,
    batchnorm_relu_forward,
    forward,
    init_params,
    init_running,
    predict,
    train,
)
from syllabus_code.numpy_nn.gradcheck import check_gradient
from syllabus_code.numpy_nn.losses import softmax_cross_entropy


def small_net():
    rng = np.random.default_rng(0)
    params = init_params(
        channels=(2, 3),
        in_channels=1,
        image_size=8,
        num_classes=4,
        seed=1,
        dtype=np.float64,
    )
    for k in params:  # non-trivial BN parameters and biases
        if "gamma" in k or k.endswith("_b") or "beta" in k:
            params[k] = params[k] + rng.normal(scale=0.3, size=params[k].shape)
    x = rng.normal(size=(5, 1, 8, 8))
    y = np.array([0, 1, 2, 3, 1])
    return params, x, y


def loss_of(params, x, y):
    logits, cache = forward(params, x, init_running(params), training=True)
    return softmax_cross_entropy(logits, y), cache


def test_gradients_match_central_differences():
    params, x, y = small_net()
    (_, dlogits), cache = loss_of(params, x, y)
    grads = backward(params, dlogits, cache)
    assert set(grads) == set(params)
    for k in params:

        def f(v, k=k):
            return loss_of({**params, k: v}, x, y)[0][0]

        if k.startswith("conv") and k.endswith("_b"):
            # batch norm subtracts the batch mean, so a bias added just before it has no effect
            numeric = gradient(f, params[k])
            assert np.abs(grads[k]).max() < 1e-12 and np.abs(numeric).max() < 1e-8, k
        else:
            assert check_gradient(f, params[k], grads[k]) < 1e-6, k


def test_matches_torch_autograd():
    params, x, y = small_net()
    (loss, dlogits), cache = loss_of(params, x, y)
    grads = backward(params, dlogits, cache)
    t = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    h = torch.tensor(x)
    for i in range(2):
        h = F.conv2d(h, t[f"conv{i}_w"], t[f"conv{i}_b"], padding=1)
        h = F.batch_norm(
            h, None, None, t[f"bn{i}_gamma"], t[f"bn{i}_beta"], training=True, eps=1e-5
        )
        h = F.max_pool2d(F.relu(h), 2)
    logits = h.flatten(1) @ t["fc_w"] + t["fc_b"]
    ref = F.cross_entropy(logits, torch.tensor(y))
    ref.backward()
    assert abs(loss - ref.item()) < 1e-12
    for k in params:
        np.testing.assert_allclose(
            grads[k], t[k].grad.numpy(), rtol=1e-9, atol=1e-12, err_msg=k
        )


@pytest.mark.parametrize("training", [True, False])
def test_fused_batchnorm_relu_is_batchnorm_then_relu(training):
    rng = np.random.default_rng(3)
    x = rng.normal(loc=1.5, scale=2.0, size=(4, 3, 5, 6))
    gamma, beta = rng.normal(size=3), rng.normal(size=3)
    dout = rng.normal(size=x.shape)
    ref_state = init_batchnorm(3)[2]  # non-trivial running averages for eval mode
    ref_state["running_mean"], ref_state["running_var"] = (
        rng.normal(size=3),
        rng.uniform(0.5, 2, size=3),
    )
    state = {k: np.copy(v) for k, v in ref_state.items()}
    y, c_bn = batchnorm_forward(x, gamma, beta, ref_state, training)
    out, cache = batchnorm_relu_forward(x, gamma, beta, state, training)
    np.testing.assert_allclose(out, np.maximum(y, 0), rtol=1e-12, atol=1e-12)
    assert 0 < np.mean(out > 0) < 1  # the ReLU cuts somewhere
    for k in ("running_mean", "running_var"):
        np.testing.assert_allclose(state[k], ref_state[k], rtol=1e-12)
    assert state["num_batches_tracked"] == ref_state["num_batches_tracked"]
    ref = batchnorm_backward(dout * (y > 0), c_bn)
    for got, want in zip(batchnorm_relu_backward(dout, cache), ref):
        np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)


def test_fused_batchnorm_relu_keeps_float32():
    x = np.random.default_rng(0).normal(size=(2, 3, 4, 4)).astype(np.float32)
    # float64 running averages, as in init_running
    gamma, beta, state = init_batchnorm(3)
    for training in (True, False):
        out, cache = batchnorm_relu_forward(
            x, gamma.astype(np.float32), beta.astype(np.float32), state, training
        )
        dx, dgamma, dbeta = batchnorm_relu_backward(np.ones_like(out), cache)
        assert out.dtype == dx.dtype == dgamma.dtype == dbeta.dtype == np.float32


def test_running_statistics_and_eval_mode():
    params, x, y = small_net()
    running = init_running(params)
    forward(params, x, running, training=True)
    # moved towards the batch mean
    assert not np.allclose(running[0]["running_mean"], 0)
    logits_a = forward(params, x[:2], running, training=False)[0]
    logits_b = forward(params, x, running, training=False)[0][:2]
    # eval output independent of the batch
    np.testing.assert_allclose(logits_a, logits_b)
    assert predict(params, x, running, batch=2).shape == (5,)


def test_short_training_reduces_loss():
    rng = np.random.default_rng(0)
    # two classes: a bright vertical bar or a bright horizontal bar, plus noise
    x = rng.normal(scale=0.3, size=(256, 1, 8, 8)).astype(np.float32)
    y = rng.integers(0, 2, size=256)
    x[y == 0, 0, :, 3] += 2.0
    x[y == 1, 0, 3, :] += 2.0
    params, running, history = train(
        x, y, epochs=2, batch=32, lr=1e-2, channels=(4,), num_classes=2, log=None
    )
    assert history[-1] < history[0]
    assert np.mean(predict(params, x, running) == y) > 0.95


def test_bad_input():
    with pytest.raises(TypeError, match="channels must be a non-empty list"):
        init_params(channels=())
    with pytest.raises(TypeError, match=r"channels\[1\] must be an integer"):
        init_params(channels=(2, 2.5))
    with pytest.raises(
        ValueError, match="image_size 2 is too small for 2 pooling layers"
    ):
        init_params(channels=(2, 2), image_size=2)
    with pytest.raises(ValueError, match=r"x \(N, C, H, W\) must be 4-D"):
        train(np.zeros((4, 8, 8)), np.zeros(4, int), log=None)
    x, y = np.zeros((4, 1, 8, 8)), np.zeros(4, int)
    with pytest.raises(ValueError, match=r"batch \(at most the 4 training images\)"):
        # was a ZeroDivisionError: no full batch per epoch
        train(x, y, batch=8, log=None)
    with pytest.raises(ValueError, match="lr must be a finite number > 0"):
        train(x, y, batch=2, lr=-1.0, log=None)
    with pytest.raises(ValueError, match="y must hold labels in"):
        train(x, np.full(4, 10), batch=2, log=None)


def test_integer_images_train_float_weights():
    # uint8 pixels used to make uint8 weights (every update rounded away); now they become float64.
    x = np.random.default_rng(0).integers(0, 2, (8, 1, 8, 8)).astype(np.uint8)
    params, _, _ = train(
        x, np.arange(8) % 2, batch=4, channels=(2,), num_classes=2, log=None
    )
    assert all(p.dtype == np.float64 for p in params.values())
