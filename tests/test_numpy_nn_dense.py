"""Dense layer: forward formula, gradient checks of all three gradients, torch parity, bad input."""

import numpy as np
import pytest
import torch

from syllabus_code.numpy_nn.dense import dense_backward, dense_forward, init_dense
from syllabus_code.numpy_nn.gradcheck import check_gradient

RNG = np.random.default_rng(2)
X, W, B = (
    RNG.standard_normal((4, 5)),
    RNG.standard_normal((5, 3)),
    RNG.standard_normal(3),
)
DOUT = RNG.standard_normal((4, 3))


def test_forward_is_page_formula_per_row():
    out, _ = dense_forward(X, W, B)
    for i in range(4):  # page: z = W a + b with W = w.T, one column per sample
        np.testing.assert_allclose(out[i], W.T @ X[i] + B)


def test_backward_gradient_check():
    _, cache = dense_forward(X, W, B)
    dx, dw, db = dense_backward(DOUT, cache)
    assert (
        check_gradient(lambda x: np.sum(dense_forward(x, W, B)[0] * DOUT), X, dx) < 1e-6
    )
    assert (
        check_gradient(lambda w: np.sum(dense_forward(X, w, B)[0] * DOUT), W, dw) < 1e-6
    )
    assert (
        check_gradient(lambda b: np.sum(dense_forward(X, W, b)[0] * DOUT), B, db) < 1e-6
    )


def test_matches_torch_linear():
    _, cache = dense_forward(X, W, B)
    dx, dw, db = dense_backward(DOUT, cache)
    lin = torch.nn.Linear(5, 3).double()
    with torch.no_grad():
        lin.weight.copy_(torch.tensor(W.T))  # torch stores (out, in): the page's W
        lin.bias.copy_(torch.tensor(B))
    tx = torch.tensor(X, requires_grad=True)
    out = lin(tx)
    out.backward(torch.tensor(DOUT))
    np.testing.assert_allclose(
        dense_forward(X, W, B)[0], out.detach().numpy(), rtol=1e-12
    )
    np.testing.assert_allclose(dx, tx.grad.numpy(), rtol=1e-12)
    np.testing.assert_allclose(dw, lin.weight.grad.numpy().T, rtol=1e-12)
    np.testing.assert_allclose(db, lin.bias.grad.numpy(), rtol=1e-12)


def test_init_variances_and_dtype():
    rng = np.random.default_rng(0)
    w, b = init_dense(400, 300, rng, "he")
    assert w.shape == (400, 300) and np.all(b == 0)
    assert w.var() == pytest.approx(2 / 400, rel=0.02)
    w, _ = init_dense(400, 300, rng, "xavier", dtype=np.float32)
    assert w.dtype == np.float32 and w.var() == pytest.approx(2 / 700, rel=0.02)


def test_bad_input():
    with pytest.raises(ValueError, match="w must have 5 rows"):
        dense_forward(X, np.zeros((4, 3)), B)
    with pytest.raises(ValueError, match="b must have 3"):
        dense_forward(X, W, np.zeros(2))
    with pytest.raises(ValueError, match="x must be 2-D"):
        dense_forward(X[0], W, B)
    with pytest.raises(TypeError, match="x"):
        dense_forward("abc", W, B)
    _, cache = dense_forward(X, W, B)
    with pytest.raises(ValueError, match="dout"):
        dense_backward(np.zeros((4, 2)), cache)
    with pytest.raises(ValueError, match="fan_in"):
        init_dense(0, 3, np.random.default_rng(0))
    with pytest.raises(ValueError, match="scheme"):
        init_dense(2, 3, np.random.default_rng(0), "zeros")
