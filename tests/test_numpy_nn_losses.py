"""Losses: values against the formulas and torch, gradient checks, stability at ±1000, bad input."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from syllabus_code.numpy_nn import losses as L
from syllabus_code.numpy_nn.activations import sigmoid, softmax
from syllabus_code.numpy_nn.gradcheck import check_gradient

RNG = np.random.default_rng(1)
N, C = 5, 4


def test_mse_formula_gradient_and_torch():
    pred, target = RNG.standard_normal((N, C)), RNG.standard_normal((N, C))
    loss, grad = L.mse(pred, target)
    assert loss == pytest.approx(np.mean((target - pred) ** 2))
    assert check_gradient(lambda p: L.mse(p, target)[0], pred, grad) < 1e-6
    t = torch.tensor(pred, requires_grad=True)
    tl = F.mse_loss(t, torch.tensor(target))
    tl.backward()
    assert loss == pytest.approx(tl.item(), rel=1e-12)
    np.testing.assert_allclose(grad, t.grad.numpy(), rtol=1e-12)


def test_bce_formula_gradient_and_torch():
    p = RNG.uniform(0.05, 0.95, (N, 1))
    y = (RNG.uniform(size=(N, 1)) > 0.5).astype(float)
    loss, grad = L.bce(p, y)
    assert loss == pytest.approx(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    assert check_gradient(lambda q: L.bce(q, y)[0], p, grad) < 1e-6
    t = torch.tensor(p, requires_grad=True)
    tl = F.binary_cross_entropy(t, torch.tensor(y))
    tl.backward()
    assert loss == pytest.approx(tl.item(), rel=1e-12)
    np.testing.assert_allclose(grad, t.grad.numpy(), rtol=1e-10)


def test_bce_with_logits_equals_bce_of_sigmoid_and_torch():
    z = RNG.standard_normal((N, 3)) * 3
    y = RNG.uniform(size=(N, 3))  # soft targets are allowed
    loss, grad = L.bce_with_logits(z, y)
    assert loss == pytest.approx(L.bce(sigmoid(z), y)[0], rel=1e-10)
    assert check_gradient(lambda q: L.bce_with_logits(q, y)[0], z, grad) < 1e-6
    t = torch.tensor(z, requires_grad=True)
    tl = F.binary_cross_entropy_with_logits(t, torch.tensor(y))
    tl.backward()
    assert loss == pytest.approx(tl.item(), rel=1e-12)
    np.testing.assert_allclose(grad, t.grad.numpy(), rtol=1e-10)


def test_softmax_cross_entropy_gradient_and_torch():
    z = RNG.standard_normal((N, C)) * 2
    y = RNG.integers(0, C, N)
    loss, grad = L.softmax_cross_entropy(z, y)
    onehot = np.eye(C)[y]
    assert loss == pytest.approx(L.cross_entropy(softmax(z), onehot)[0], rel=1e-10)
    np.testing.assert_allclose(grad, (softmax(z) - onehot) / N)
    assert check_gradient(lambda q: L.softmax_cross_entropy(q, y)[0], z, grad) < 1e-6
    t = torch.tensor(z, requires_grad=True)
    tl = F.cross_entropy(t, torch.tensor(y))
    tl.backward()
    assert loss == pytest.approx(tl.item(), rel=1e-12)
    np.testing.assert_allclose(grad, t.grad.numpy(), rtol=1e-10, atol=1e-15)


def test_cross_entropy_from_probabilities_gradient():
    p = softmax(RNG.standard_normal((N, C)))
    y = np.eye(C)[RNG.integers(0, C, N)]
    loss, grad = L.cross_entropy(p, y)
    assert loss == pytest.approx(-np.sum(y * np.log(p)) / N)
    assert check_gradient(lambda q: L.cross_entropy(q, y)[0], p, grad) < 1e-6


def test_logsumexp_and_log_softmax():
    z = RNG.standard_normal((3, 6))
    np.testing.assert_allclose(L.logsumexp(z, axis=1), np.log(np.exp(z).sum(axis=1)))
    np.testing.assert_allclose(
        L.log_softmax(z), torch.log_softmax(torch.tensor(z), -1).numpy()
    )
    np.testing.assert_allclose(
        L.logsumexp(np.array([1000.0, 1000.0])), 1000 + np.log(2)
    )


def test_finite_at_plus_minus_1000():
    z = np.array([[-1000.0, 0.0, 1000.0], [1000.0, -1000.0, 0.0]])
    loss, grad = L.softmax_cross_entropy(z, np.array([0, 0]))
    # row 1: 1000 - (-1000) = 2000; row 2: 0 -> mean 1000
    assert loss == pytest.approx(1000.0)
    assert np.all(np.isfinite(grad))
    zl = np.array([[-1000.0], [1000.0]])
    loss, grad = L.bce_with_logits(zl, np.array([[1.0], [0.0]]))
    assert loss == pytest.approx(1000.0) and np.all(np.isfinite(grad))
    # clipped: large but finite
    loss, grad = L.bce(np.array([[0.0], [1.0]]), np.array([[1.0], [0.0]]))
    assert np.isfinite(loss) and np.all(np.isfinite(grad))
    assert L.cross_entropy(np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]]))[0] < np.inf


def test_bad_input():
    with pytest.raises(ValueError, match="target"):
        L.mse(np.zeros((2, 3)), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="p must hold probabilities"):
        L.bce(np.array([1.5, 0.2]), np.array([1.0, 0.0]))
    with pytest.raises(ValueError, match="y must hold targets"):
        L.bce(np.array([0.5, 0.2]), np.array([2.0, 0.0]))
    with pytest.raises(ValueError, match="y must hold targets"):
        L.bce_with_logits(np.array([0.5, 0.2]), np.array([-1.0, 0.0]))
    with pytest.raises(ValueError, match="labels"):
        L.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 3]))
    with pytest.raises(ValueError, match="labels"):
        L.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, -1]))
    with pytest.raises(ValueError, match="labels"):
        L.softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 1, 2]))
    with pytest.raises(TypeError, match="labels"):
        L.softmax_cross_entropy(np.zeros((2, 3)), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match="logits"):
        L.softmax_cross_entropy(np.zeros(3), np.array([0]))
    with pytest.raises(ValueError, match="p must hold probabilities"):
        L.cross_entropy(np.array([[-0.1, 1.1]]), np.array([[0.0, 1.0]]))
    with pytest.raises(TypeError, match="pred"):
        L.mse("x", np.zeros(2))


def test_bce_in_float32_stays_finite_when_p_is_exactly_0_or_1():
    # eps = 1e-12 would round 1 - eps to 1 in float32 and log(0) = -inf; eps follows the dtype.
    loss, grad = L.bce(
        np.array([1.0, 0.0], np.float32), np.array([0.0, 1.0], np.float32)
    )
    assert np.isfinite(loss) and np.all(np.isfinite(grad))
    assert loss == pytest.approx(-np.log(np.finfo(np.float32).eps), rel=1e-3)


def test_cross_entropy_refuses_rows_that_are_not_distributions():
    with pytest.raises(ValueError, match=r"p \(each row\) must sum to 1"):
        L.cross_entropy(np.array([[0.5, 0.9]]), np.array([[1.0, 0.0]]))
    with pytest.raises(ValueError, match=r"y \(each row\) must sum to 1"):
        L.cross_entropy(np.array([[0.5, 0.5]]), np.array([[1.0, 1.0]]))
    with pytest.raises(ValueError, match="eps"):
        L.cross_entropy(np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]]), eps=0.0)
