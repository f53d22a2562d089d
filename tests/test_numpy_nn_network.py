"""MLP: δ-form backprop gradient-checked and equal to torch autograd; column form = row form; XOR."""

import numpy as np
import pytest
import torch

from syllabus_code.numpy_nn.activations import ACTIVATIONS
from syllabus_code.numpy_nn.gradcheck import check_gradient, rel_error
from syllabus_code.numpy_nn.network import (
    MLP,
    init_mlp,
    iterate_minibatches,
    mlp_backward,
    mlp_forward,
)
from syllabus_code.numpy_nn.optimizers import Optimizer

RNG = np.random.default_rng(3)
X = RNG.standard_normal((6, 4))
SIZES = [4, 5, 3, 2]


def _loss(params, act, out, loss, y):
    net = MLP(SIZES, act, out)
    net.params = params
    return net.loss_and_grads(X, y, loss)


CASES = [
    ("tanh", "identity", "mse"),
    ("sigmoid", "sigmoid", "mse"),
    ("elu", "identity", "bce_with_logits"),
    ("leaky_relu", "identity", "softmax_cross_entropy"),
    ("relu", "tanh", "mse"),
]


@pytest.mark.parametrize("act,out,loss", CASES)
def test_every_parameter_gradient_checked(act, out, loss):
    params = init_mlp(SIZES, seed=1, scheme="xavier")
    y = (
        RNG.integers(0, 2, 6)
        if loss == "softmax_cross_entropy"
        else RNG.uniform(size=(6, 2))
    )
    _, grads = _loss(params, act, out, loss, y)
    for key in params:

        def f(p, key=key):
            trial = dict(params, **{key: p})
            return _loss(trial, act, out, loss, y)[0]

        assert check_gradient(f, params[key], grads[key]) < 1e-6, key


TORCH_ACT = {
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "relu": torch.relu,
    "identity": lambda t: t,
    "elu": torch.nn.functional.elu,
    "leaky_relu": lambda t: torch.nn.functional.leaky_relu(t, 0.01),
}


@pytest.mark.parametrize("act,out,loss", CASES)
def test_matches_torch_autograd(act, out, loss):
    params = init_mlp(SIZES, seed=2)
    y = (
        RNG.integers(0, 2, 6)
        if loss == "softmax_cross_entropy"
        else RNG.uniform(size=(6, 2))
    )
    value, grads = _loss(params, act, out, loss, y)
    tp = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    a = torch.tensor(X)
    for l in range(1, 4):
        a = TORCH_ACT[out if l == 3 else act](a @ tp[f"W{l}"] + tp[f"b{l}"])
    F = torch.nn.functional
    tl = {
        "mse": lambda: F.mse_loss(a, torch.tensor(y)),
        "bce_with_logits": lambda: F.binary_cross_entropy_with_logits(
            a, torch.tensor(y)
        ),
        "softmax_cross_entropy": lambda: F.cross_entropy(a, torch.tensor(y)),
    }[loss]()
    tl.backward()
    assert value == pytest.approx(tl.item(), rel=1e-12)
    for k in params:
        assert rel_error(grads[k], tp[k].grad.numpy()) < 1e-10, k


def test_delta_form_column_vectors_equal_batch_rows():
    """Per-sample column-vector δ equations of the page, summed over the batch = the batch code."""
    params = init_mlp([4, 5, 3], seed=4, scheme="xavier")
    out, cache = mlp_forward(X, params, "tanh", "identity")
    grad_a = RNG.standard_normal(out.shape)
    grads = mlp_backward(grad_a, cache)
    Wc = {l: params[f"W{l}"].T for l in (1, 2)}  # the page's W^(l): (n_l, n_{l-1})
    dW = {1: 0, 2: 0}
    db = {1: 0, 2: 0}
    for i in range(X.shape[0]):
        a0 = X[i][:, None]  # column vectors
        z1 = Wc[1] @ a0 + params["b1"][:, None]
        a1 = np.tanh(z1)
        d2 = grad_a[i][:, None] * 1.0  # identity output (z2 = W2 a1 + b2): σ' = 1
        d1 = (Wc[2].T @ d2) * (1 - np.tanh(z1) ** 2)
        dW[2] = dW[2] + d2 @ a1.T
        dW[1] = dW[1] + d1 @ a0.T
        db[2] = db[2] + d2[:, 0]
        db[1] = db[1] + d1[:, 0]
    for l in (1, 2):
        # code stores W transposed
        np.testing.assert_allclose(grads[f"W{l}"], dW[l].T, rtol=1e-12)
        np.testing.assert_allclose(grads[f"b{l}"], db[l], rtol=1e-12)


def test_mlp_learns_xor():
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([[0], [1], [1], [0]], dtype=float)
    net = MLP([2, 4, 1], activation="tanh", output="identity", seed=0)
    opt = Optimizer("adam", lr=0.05)
    for _ in range(500):
        loss, grads = net.loss_and_grads(x, y, "bce_with_logits")
        opt.step(net.params, grads)
    assert loss < 0.05
    assert np.array_equal((net(x) > 0).astype(float), y)


def test_float32_network_stays_float32():
    net = MLP([4, 3, 2], dtype=np.float32)
    loss, grads = net.loss_and_grads(X.astype(np.float32), np.array([0, 1, 0, 1, 0, 1]))
    assert all(g.dtype == np.float32 for g in grads.values())


def test_iterate_minibatches_covers_everything_once():
    batches = list(iterate_minibatches(10, 4, np.random.default_rng(0)))
    assert [len(b) for b in batches] == [4, 4, 2]
    assert sorted(np.concatenate(batches)) == list(range(10))
    assert [len(b) for b in iterate_minibatches(5, 5)] == [5]


def test_bad_input():
    with pytest.raises(ValueError, match="sizes"):
        init_mlp([3])
    with pytest.raises(ValueError, match="activation"):
        MLP([2, 2], activation="swish")
    with pytest.raises(ValueError, match="output"):
        mlp_forward(X, init_mlp(SIZES), "relu", "softmax")
    with pytest.raises(ValueError, match="x must have 4 features"):
        MLP(SIZES)(np.zeros((2, 3)))
    with pytest.raises(TypeError, match="params"):
        mlp_forward(X, [], "relu")
    with pytest.raises(ValueError, match="loss"):
        MLP(SIZES).loss_and_grads(X, np.zeros(6, int), "hinge")
    with pytest.raises(ValueError, match="labels"):
        MLP(SIZES).loss_and_grads(X, np.full(6, 2), "softmax_cross_entropy")
    _, cache = MLP(SIZES).forward(X)
    with pytest.raises(ValueError, match="grad_a"):
        mlp_backward(np.zeros((6, 3)), cache)
    with pytest.raises(ValueError, match="batch_size"):
        list(iterate_minibatches(5, 0))
    assert set(ACTIVATIONS) >= {"relu", "tanh"}
