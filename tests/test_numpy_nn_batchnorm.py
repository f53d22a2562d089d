"""Batch normalisation: gradient checks (float64) and parity with torch.nn.BatchNorm1d/2d in both modes."""

import numpy as np
import pytest
import torch

from syllabus_code.numpy_nn.batchnorm import (
    batchnorm_backward,
    batchnorm_forward,
    init_batchnorm,
)
from syllabus_code.numpy_nn.gradcheck import check_gradient

SHAPES = [(6, 4), (3, 2, 4, 5)]


def _setup(shape, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape) * 3 + 1.5
    c = shape[1]
    gamma, beta = rng.standard_normal(c), rng.standard_normal(c)
    _, _, state = init_batchnorm(c)
    state["running_mean"] = rng.standard_normal(c)
    state["running_var"] = rng.uniform(0.5, 2.0, c)
    dout = rng.standard_normal(shape)
    return x, gamma, beta, state, dout


@pytest.mark.parametrize("shape", SHAPES)
def test_train_mode_normalises_per_feature(shape):
    x, gamma, beta, state, _ = _setup(shape)
    out, _ = batchnorm_forward(x, np.ones_like(gamma), np.zeros_like(beta), state)
    axes = (0,) if len(shape) == 2 else (0, 2, 3)
    np.testing.assert_allclose(out.mean(axis=axes), 0, atol=1e-12)
    m = out.size // shape[1]
    # eps keeps it just below 1
    np.testing.assert_allclose(out.var(axis=axes), 1, atol=1e-4 / m + 1e-3)


@pytest.mark.parametrize("training", [True, False])
@pytest.mark.parametrize("shape", SHAPES)
def test_gradient_check(shape, training):
    x, gamma, beta, state, dout = _setup(shape)

    def loss(x_, g_, b_):
        st = {
            k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in state.items()
        }
        return float(
            np.sum(batchnorm_forward(x_, g_, b_, st, training=training)[0] * dout)
        )

    st = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in state.items()}
    _, cache = batchnorm_forward(x, gamma, beta, st, training=training)
    dx, dgamma, dbeta = batchnorm_backward(dout, cache)
    assert check_gradient(lambda v: loss(v, gamma, beta), x, dx) < 1e-6
    assert check_gradient(lambda v: loss(x, v, beta), gamma, dgamma) < 1e-6
    assert check_gradient(lambda v: loss(x, gamma, v), beta, dbeta) < 1e-6


def test_train_gradient_is_not_the_eval_formula():
    # the training-mode gradient must include the paths through the batch mean and variance
    x, gamma, beta, state, dout = _setup((6, 4))
    _, cache = batchnorm_forward(x, gamma, beta, state)
    dx = batchnorm_backward(dout, cache)[0]
    naive = dout * gamma / np.sqrt(x.var(0) + 1e-5)
    assert np.max(np.abs(dx - naive)) > 1e-2
    # shifting x does not change the output
    np.testing.assert_allclose(dx.sum(axis=0), 0, atol=1e-12)


@pytest.mark.parametrize("shape", SHAPES)
def test_matches_torch_in_both_modes(shape):
    torch.manual_seed(0)
    c = shape[1]
    layer = (torch.nn.BatchNorm1d if len(shape) == 2 else torch.nn.BatchNorm2d)(
        c, momentum=0.2, eps=1e-4
    )
    layer = layer.double()
    rng = np.random.default_rng(1)
    gamma, beta = rng.standard_normal(c), rng.standard_normal(c)
    with torch.no_grad():
        layer.weight.copy_(torch.from_numpy(gamma))
        layer.bias.copy_(torch.from_numpy(beta))
    _, _, state = init_batchnorm(c)
    for training in (True, True, True, False, False):
        layer.train(training)
        x = rng.standard_normal(shape) * 2 + 0.5
        dout = rng.standard_normal(shape)
        out, cache = batchnorm_forward(
            x, gamma, beta, state, training=training, momentum=0.2, eps=1e-4
        )
        dx, dgamma, dbeta = batchnorm_backward(dout, cache)
        xt = torch.from_numpy(x).requires_grad_(True)
        layer.weight.grad = layer.bias.grad = None
        ot = layer(xt)
        ot.backward(torch.from_numpy(dout))
        np.testing.assert_allclose(out, ot.detach().numpy(), rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(dx, xt.grad.numpy(), rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(
            dgamma, layer.weight.grad.numpy(), rtol=1e-10, atol=1e-12
        )
        np.testing.assert_allclose(
            dbeta, layer.bias.grad.numpy(), rtol=1e-10, atol=1e-12
        )
        # running statistics after each step (the variance is the unbiased one, as in torch)
        np.testing.assert_allclose(
            state["running_mean"], layer.running_mean.numpy(), rtol=1e-12
        )
        np.testing.assert_allclose(
            state["running_var"], layer.running_var.numpy(), rtol=1e-12
        )
        assert state["num_batches_tracked"] == int(layer.num_batches_tracked)


def test_eval_mode_leaves_state_and_is_per_sample():
    x, gamma, beta, state, _ = _setup((6, 4))
    before = {k: np.copy(v) for k, v in state.items()}
    out, _ = batchnorm_forward(x, gamma, beta, state, training=False)
    one, _ = batchnorm_forward(x[:1], gamma, beta, state, training=False)
    np.testing.assert_allclose(out[:1], one)
    for k in before:
        np.testing.assert_array_equal(state[k], before[k])


def test_keeps_float32():
    x, gamma, beta, state, _ = _setup((5, 3))
    out, _ = batchnorm_forward(
        x.astype(np.float32), gamma.astype(np.float32), beta.astype(np.float32), state
    )
    assert out.dtype == np.float32


def test_bad_input():
    x, gamma, beta, state, dout = _setup((6, 4))
    with pytest.raises(ValueError, match="x must be 2-D or 4-D"):
        batchnorm_forward(x[0], gamma, beta, state)
    with pytest.raises(ValueError, match="gamma must have shape"):
        batchnorm_forward(x, gamma[:3], beta, state)
    with pytest.raises(ValueError, match="beta must have shape"):
        batchnorm_forward(x, gamma, beta[:3], state)
    with pytest.raises(ValueError, match="eps"):
        batchnorm_forward(x, gamma, beta, state, eps=0.0)
    with pytest.raises(ValueError, match="eps"):
        batchnorm_forward(x, gamma, beta, state, eps=-1e-5)
    with pytest.raises(ValueError, match="momentum"):
        batchnorm_forward(x, gamma, beta, state, momentum=1.5)
    with pytest.raises(ValueError, match="momentum"):
        batchnorm_forward(x, gamma, beta, state, momentum=-0.1)
    with pytest.raises(TypeError, match="momentum"):
        batchnorm_forward(x, gamma, beta, state, momentum="0.1")
    with pytest.raises(ValueError, match="more than one value"):
        batchnorm_forward(x[:1], gamma, beta, state)
    with pytest.raises(TypeError, match="state"):
        batchnorm_forward(x, gamma, beta, {})
    with pytest.raises(ValueError, match="running_var"):
        batchnorm_forward(
            x, gamma, beta, {"running_mean": np.zeros(4), "running_var": np.ones(3)}
        )
    _, cache = batchnorm_forward(x, gamma, beta, state)
    with pytest.raises(ValueError, match="dout"):
        batchnorm_backward(dout[:, :2], cache)
    with pytest.raises(ValueError, match="num_features"):
        init_batchnorm(0)
