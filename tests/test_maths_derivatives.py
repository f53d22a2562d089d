"""syllabus_code.maths.derivatives against closed forms and torch.autograd.functional."""

import numpy as np
import pytest
import torch

from syllabus_code.maths.derivatives import (
    central_difference,
    forward_difference,
    gradient,
    hessian,
    jacobian,
)


def rel(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return np.max(np.abs(a - b)) / max(np.max(np.abs(a) + np.abs(b)), 1e-12)


def test_one_d_orders():
    # central difference error ~ h^2, forward ~ h: at h = 1e-3, exp'(0) = 1
    fwd = forward_difference(np.exp, 0.0, h=1e-3)
    cen = central_difference(np.exp, 0.0, h=1e-3)
    assert abs(fwd - 1) == pytest.approx(5e-4, rel=0.01)  # h/2 * f''
    assert abs(cen - 1) == pytest.approx(1e-3**2 / 6, rel=0.01)  # h^2/6 * f'''


def test_gradient_closed_form_any_shape():
    rng = np.random.default_rng(0)
    A = rng.normal(size=(3, 4))
    x = rng.normal(size=(3, 4))
    f = lambda z: np.sum(A * z**3) + np.sum(np.sin(z))
    g = gradient(f, x)
    assert g.shape == x.shape and g.dtype == np.float64
    assert rel(g, 3 * A * x**2 + np.cos(x)) < 1e-8


def test_gradient_does_not_modify_input_and_accepts_lists():
    x = np.array([1.0, 2.0, 3.0])
    before = x.copy()
    g = gradient(lambda z: z @ z, x)
    np.testing.assert_array_equal(x, before)
    assert rel(g, 2 * x) < 1e-10
    assert rel(gradient(lambda z: z @ z, [1.0, 2.0]), [2.0, 4.0]) < 1e-10


def test_gradient_matches_torch_autograd():
    rng = np.random.default_rng(1)
    W = rng.normal(size=(4, 5))
    x = rng.normal(size=5)
    f_np = lambda v: np.log(np.sum(np.exp(W @ v)))
    f_t = lambda v: torch.logsumexp(torch.tensor(W) @ v, 0)
    xt = torch.tensor(x, requires_grad=True)
    f_t(xt).backward()
    assert rel(gradient(f_np, x), xt.grad.numpy()) < 1e-8


def test_jacobian_closed_form_and_torch():
    rng = np.random.default_rng(2)
    W = rng.normal(size=(3, 4))
    b = rng.normal(size=3)
    x = rng.normal(size=4)
    J = jacobian(lambda v: W @ v + b, x)
    assert J.shape == (3, 4)
    assert rel(J, W) < 1e-9
    f_np = lambda v: np.tanh(W @ v)
    f_t = lambda v: torch.tanh(torch.tensor(W) @ v)
    J_t = torch.autograd.functional.jacobian(f_t, torch.tensor(x)).numpy()
    assert rel(jacobian(f_np, x), J_t) < 1e-8


def test_jacobian_scalar_output_is_one_row():
    J = jacobian(lambda v: v @ v, np.array([1.0, -2.0]))
    assert J.shape == (1, 2) and rel(J, [[2.0, -4.0]]) < 1e-9


def test_hessian_closed_form_and_torch():
    x = np.array([0.3, -1.2, 0.7])
    f_np = lambda v: v[0] ** 2 * v[1] + np.exp(v[1] * v[2]) + v[2] ** 4
    f_t = lambda v: v[0] ** 2 * v[1] + torch.exp(v[1] * v[2]) + v[2] ** 4
    H = hessian(f_np, x)
    assert H.shape == (3, 3)
    np.testing.assert_array_equal(H, H.T)
    H_t = torch.autograd.functional.hessian(f_t, torch.tensor(x)).numpy()
    assert rel(H, H_t) < 1e-6
    e = np.exp(x[1] * x[2])
    closed = np.array(
        [
            [2 * x[1], 2 * x[0], 0.0],
            [2 * x[0], x[2] ** 2 * e, e + x[1] * x[2] * e],
            [0.0, e + x[1] * x[2] * e, x[1] ** 2 * e + 12 * x[2] ** 2],
        ]
    )
    assert rel(H, closed) < 1e-6


def test_quadratic_hessian_is_matrix():
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    H = hessian(lambda v: 0.5 * v @ A @ v, np.array([0.5, -0.5]))
    assert rel(H, A) < 1e-7


@pytest.mark.parametrize("h", [0, -1e-3, float("nan")])
def test_bad_step(h):
    with pytest.raises(ValueError, match="h"):
        gradient(lambda z: z.sum(), np.ones(2), h=h)
    with pytest.raises(ValueError, match="h"):
        central_difference(np.sin, 0.0, h=h)


def test_bad_inputs():
    with pytest.raises(TypeError, match="h"):
        gradient(lambda z: z.sum(), np.ones(2), h="0.1")
    with pytest.raises(TypeError, match="f"):
        gradient("not a function", np.ones(2))
    with pytest.raises(ValueError, match="scalar"):
        gradient(lambda z: z, np.ones(2))
    with pytest.raises(TypeError, match="x"):
        gradient(lambda z: z.sum(), "abc")
    with pytest.raises(ValueError, match="x"):
        jacobian(lambda z: z, np.ones((2, 2)))
    with pytest.raises(ValueError, match="x"):
        hessian(lambda z: z.sum(), np.ones((2, 2)))
    with pytest.raises(ValueError, match="x"):
        gradient(lambda z: z.sum(), np.array([1.0, np.nan]))
