"""L2/L1 penalties and gradients, weight decay = L2 for SGD (not for Adam), soft-thresholding, early stopping."""

import numpy as np
import pytest
import torch

from syllabus_code.numpy_nn import regularization as reg
from syllabus_code.numpy_nn.gradcheck import check_gradient
from syllabus_code.numpy_nn.optimizers import adam_update, sgd_update


def test_penalties_and_gradients():
    rng = np.random.default_rng(0)
    w = rng.standard_normal((4, 3))
    assert reg.l2_penalty(w, 0.3) == pytest.approx(0.15 * np.sum(w**2))
    assert reg.l1_penalty(w, 0.3) == pytest.approx(0.3 * np.sum(np.abs(w)))
    assert (
        check_gradient(lambda v: reg.l2_penalty(v, 0.3), w, reg.l2_grad(w, 0.3)) < 1e-6
    )
    # no zero entries
    assert (
        check_gradient(lambda v: reg.l1_penalty(v, 0.3), w, reg.l1_subgrad(w, 0.3))
        < 1e-6
    )
    assert reg.l1_subgrad(np.zeros(2), 1.0).tolist() == [0.0, 0.0]
    both = {"W1": w, "W2": 2 * w}
    assert reg.l2_penalty(both, 1.0) == pytest.approx(2.5 * np.sum(w**2))
    assert reg.l1_penalty([w, w], 1.0) == pytest.approx(2 * np.sum(np.abs(w)))


def test_l2_on_sgd_is_weight_decay():
    rng = np.random.default_rng(1)
    w = rng.standard_normal(10)
    target = rng.standard_normal(10)
    lr, lam = 0.1, 0.05
    a = b = w
    for _ in range(50):
        # L2 in the loss
        a, _ = sgd_update(a, (a - target) + reg.l2_grad(a, lam), lr=lr)
        # decoupled decay
        b = reg.weight_decay_update(b, b - target, lr=lr, weight_decay=lam)
    np.testing.assert_allclose(a, b, rtol=1e-13)
    # torch.optim.SGD's weight_decay is the same update
    wt = torch.tensor(w, requires_grad=True)
    opt = torch.optim.SGD([wt], lr=lr, weight_decay=lam)
    tt = torch.tensor(target)
    for _ in range(50):
        opt.zero_grad()
        (0.5 * ((wt - tt) ** 2).sum()).backward()
        opt.step()
    np.testing.assert_allclose(b, wt.detach().numpy(), rtol=1e-12)


def test_l2_on_adam_is_not_weight_decay():
    rng = np.random.default_rng(2)
    w = rng.standard_normal(10) * np.logspace(-2, 1, 10)
    lr, lam = 0.01, 0.1
    a, st = w, None
    for _ in range(20):
        a, st = adam_update(a, a**3 + lam * a, st, lr=lr)  # L2 through Adam
    b, st = w, None
    for _ in range(20):
        # crude decoupled decay
        b, st = adam_update(b * (1 - lr * lam), b**3, st, lr=lr)
    assert np.max(np.abs(a - b)) > 1e-3


def test_soft_threshold_and_proximal_sparsity():
    np.testing.assert_allclose(
        reg.soft_threshold(np.array([-2.0, -0.5, 0.0, 0.3, 1.5]), 0.5),
        [-1.5, 0.0, 0.0, 0.0, 1.0],
    )
    # lasso on a noisy sparse regression: proximal steps give exact zeros, subgradient steps do not
    rng = np.random.default_rng(3)
    x = rng.standard_normal((100, 20))
    w_true = np.zeros(20)
    w_true[:3] = [2.0, -1.5, 1.0]
    y = x @ w_true + 0.1 * rng.standard_normal(100)
    lam, lr = 0.1, 0.1
    wp = ws = np.zeros(20)
    for _ in range(500):
        wp = reg.l1_proximal_update(wp, x.T @ (x @ wp - y) / 100, lr, lam)
        ws = ws - lr * (x.T @ (x @ ws - y) / 100 + reg.l1_subgrad(ws, lam))
    assert np.sum(wp == 0) >= 15 and np.all(wp[:3] != 0)
    assert np.sum(ws == 0) == 0 and np.sum(np.abs(ws) < 1e-2) >= 10


def test_early_stopping():
    losses = [1.0, 0.8, 0.7, 0.72, 0.69, 0.75, 0.8, 0.9, 1.0]
    es = reg.EarlyStopping(patience=3)
    stopped_at = next(i for i, v in enumerate(losses) if es.step(v))
    assert (es.best_epoch, es.best_loss, stopped_at) == (4, 0.69, 7)
    es = reg.EarlyStopping(patience=2, min_delta=0.05)
    flags = [es.step(v) for v in [1.0, 0.97, 0.96]]
    assert flags == [False, False, True] and es.best_epoch == 0


def test_bad_input():
    w = np.ones(3)
    for f in (reg.l2_penalty, reg.l1_penalty, reg.l2_grad, reg.l1_subgrad):
        with pytest.raises(ValueError, match="lam"):
            f(w, -0.1)
    with pytest.raises(TypeError, match="lam"):
        reg.l2_penalty(w, "0.1")
    with pytest.raises(ValueError, match="weight_decay"):
        reg.weight_decay_update(w, w, 0.1, -1.0)
    with pytest.raises(ValueError, match="lr"):
        reg.weight_decay_update(w, w, 0.0, 0.1)
    with pytest.raises(ValueError, match="dw"):
        reg.weight_decay_update(w, np.ones(2), 0.1, 0.1)
    with pytest.raises(ValueError, match="t must be"):
        reg.soft_threshold(w, -1.0)
    with pytest.raises(ValueError, match="lam"):
        reg.l1_proximal_update(w, w, 0.1, -1.0)
    with pytest.raises(ValueError, match="patience"):
        reg.EarlyStopping(patience=0)
    with pytest.raises(ValueError, match="min_delta"):
        reg.EarlyStopping(min_delta=-1.0)
    with pytest.raises(ValueError, match="val_loss"):
        reg.EarlyStopping().step(float("nan"))
