"""Activations: values, derivatives (gradient-checked in float64), torch parity, stability, bad input."""

import numpy as np
import pytest
import torch

from syllabus_code.numpy_nn import activations as act
from syllabus_code.numpy_nn.gradcheck import check_gradient

RNG = np.random.default_rng(0)
# keep points away from the kinks of relu / leaky relu / elu at 0, where the derivative jumps
Z = RNG.standard_normal((4, 5)) * 2
Z[np.abs(Z) < 1e-2] = 0.5

TORCH = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": lambda t: torch.nn.functional.leaky_relu(t, 0.01),
    "elu": lambda t: torch.nn.functional.elu(t, 1.0),
    "identity": lambda t: t,
    "softmax": lambda t: torch.softmax(t, dim=-1),
}


@pytest.mark.parametrize("name", sorted(TORCH))
def test_backward_is_gradient_checked(name):
    upstream = RNG.standard_normal(Z.shape)
    a, cache = act.activation_forward(Z, name)
    dz = act.activation_backward(upstream, cache)
    f = lambda z: float(np.sum(act.activation_forward(z, name)[0] * upstream))
    assert check_gradient(f, Z, dz) < 1e-6


@pytest.mark.parametrize("name", sorted(TORCH))
def test_matches_torch_autograd(name):
    upstream = RNG.standard_normal(Z.shape)
    a, cache = act.activation_forward(Z, name)
    dz = act.activation_backward(upstream, cache)
    t = torch.tensor(Z, requires_grad=True)
    out = TORCH[name](t)
    out.backward(torch.tensor(upstream))
    np.testing.assert_allclose(a, out.detach().numpy(), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(dz, t.grad.numpy(), rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("name", sorted(act.ACTIVATIONS))
def test_derivative_matches_central_difference_pointwise(name):
    g, g_prime = act.ACTIVATIONS[name]
    h = 1e-6
    numeric = (g(Z + h) - g(Z - h)) / (2 * h)
    np.testing.assert_allclose(g_prime(Z), numeric, rtol=1e-6, atol=1e-9)


def test_formulas_from_the_page():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_allclose(act.sigmoid(z), 1 / (1 + np.exp(-z)))
    np.testing.assert_allclose(act.sigmoid_prime(0.0), 0.25)
    assert act.sigmoid_prime(np.linspace(-10, 10, 1001)).max() <= 0.25
    np.testing.assert_allclose(act.tanh_prime(z), 1 - np.tanh(z) ** 2)
    np.testing.assert_array_equal(act.relu(z), [0, 0, 3])
    np.testing.assert_array_equal(act.relu_prime(z), [0, 0, 1])  # ReLU'(0) = 0
    np.testing.assert_allclose(act.leaky_relu(z), [-0.02, 0, 3])
    # z <= 0 branch at 0
    np.testing.assert_allclose(act.leaky_relu_prime(z), [0.01, 0.01, 1])
    np.testing.assert_allclose(act.elu(z), [np.exp(-2) - 1, 0, 3])
    np.testing.assert_allclose(act.elu_prime(-2.0), act.elu(-2.0) + 1.0)
    s = act.softmax(np.array([[1.0, 2.0, 3.0]]))
    np.testing.assert_allclose(s.sum(), 1.0)
    np.testing.assert_allclose(s, np.exp([[1, 2, 3]]) / np.exp([1, 2, 3]).sum())


@pytest.mark.parametrize("name", sorted(TORCH))
def test_finite_at_plus_minus_1000(name):
    z = np.array([[-1000.0, 0.0, 1000.0]])
    a, cache = act.activation_forward(z, name)
    dz = act.activation_backward(np.ones_like(z), cache)
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(dz))
    if name == "sigmoid":
        np.testing.assert_allclose(a, [[0.0, 0.5, 1.0]])
    if name == "softmax":
        np.testing.assert_allclose(a, [[0.0, 0.0, 1.0]])


def test_keeps_float32():
    z = np.ones((2, 3), dtype=np.float32)
    for name in TORCH:
        a, cache = act.activation_forward(z, name)
        assert a.dtype == np.float32, name
        assert act.activation_backward(z, cache).dtype == np.float32, name


def test_bad_input():
    with pytest.raises(ValueError, match="name"):
        act.activation_forward(Z, "swish")
    with pytest.raises(TypeError, match="name"):
        act.activation_forward(Z, 3)
    with pytest.raises(TypeError, match="z"):
        act.sigmoid("abc")
    with pytest.raises(TypeError, match="z"):
        act.relu(np.array(["a"]))
    _, cache = act.activation_forward(Z, "relu")
    with pytest.raises(ValueError, match="da"):
        act.activation_backward(np.ones((2, 2)), cache)
