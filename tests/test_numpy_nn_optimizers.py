"""Optimisers: step-by-step parity with torch.optim; torch's momentum = the page's, rescaled; bad input."""

import numpy as np
import pytest
import torch

from syllabus_code.numpy_nn.optimizers import (
    Optimizer,
    adam_update,
    clip_grad_norm,
    clip_grad_value,
    momentum_update,
    sgd_update,
)

RNG = np.random.default_rng(5)
A = RNG.standard_normal((6, 4))
A = A.T @ A + 0.5 * np.eye(4)  # a convex quadratic, L(w) = ½ wᵀAw - cᵀw
C = RNG.standard_normal(4)
W0 = RNG.standard_normal(4)


def grad(w):
    return A @ w - C


def torch_trajectory(make_opt, steps=20):
    w = torch.tensor(W0, requires_grad=True)
    opt = make_opt([w])
    out = []
    for _ in range(steps):
        opt.zero_grad()
        loss = 0.5 * w @ torch.tensor(A) @ w - torch.tensor(C) @ w
        loss.backward()
        opt.step()
        out.append(w.detach().numpy().copy())
    return np.array(out)


def numpy_trajectory(update, steps=20, **hp):
    w, state, out = W0.copy(), None, []
    for _ in range(steps):
        w, state = update(w, grad(w), state, **hp)
        out.append(w.copy())
    return np.array(out)


def test_sgd_matches_torch():
    np.testing.assert_allclose(
        numpy_trajectory(sgd_update, lr=0.05),
        torch_trajectory(lambda p: torch.optim.SGD(p, lr=0.05)),
        rtol=1e-12,
    )


def test_momentum_matches_torch_and_velocities_differ_by_minus_lr():
    lr, beta = 0.02, 0.9
    ours = numpy_trajectory(momentum_update, lr=lr, beta=beta)
    theirs = torch_trajectory(lambda p: torch.optim.SGD(p, lr=lr, momentum=beta))
    np.testing.assert_allclose(ours, theirs, rtol=1e-11, atol=1e-13)
    # velocities: page v = -lr * torch's buffer
    w = torch.tensor(W0, requires_grad=True)
    opt = torch.optim.SGD([w], lr=lr, momentum=beta)
    wn, state = W0.copy(), None
    for _ in range(5):
        opt.zero_grad()
        (0.5 * w @ torch.tensor(A) @ w - torch.tensor(C) @ w).backward()
        opt.step()
        wn, state = momentum_update(wn, grad(wn), state, lr=lr, beta=beta)
        buf = opt.state[w]["momentum_buffer"].numpy()
        np.testing.assert_allclose(state["v"], -lr * buf, rtol=1e-11, atol=1e-14)


def test_adam_matches_torch_including_bias_correction():
    hp = dict(lr=0.1, beta1=0.9, beta2=0.999, eps=1e-8)
    ours = numpy_trajectory(adam_update, **hp)
    theirs = torch_trajectory(
        lambda p: torch.optim.Adam(p, lr=0.1, betas=(0.9, 0.999), eps=1e-8)
    )
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)
    # first step: bias correction makes the step lr * sign(g) (up to eps)
    w1, _ = adam_update(W0, grad(W0), None, **hp)
    np.testing.assert_allclose(W0 - w1, 0.1 * np.sign(grad(W0)), rtol=1e-6)


def test_optimizer_class_steps_every_parameter_with_its_own_state():
    params = {"a": W0.copy(), "b": np.ones(2)}
    opt = Optimizer("momentum", lr=0.1, beta=0.5)
    opt.step(params, {"a": grad(W0), "b": np.ones(2)})
    opt.step(params, {"a": np.zeros(4), "b": np.ones(2)})
    np.testing.assert_allclose(params["b"], 1 - 0.1 - (0.5 * 0.1 + 0.1))
    assert set(opt.state) == {"a", "b"}


def test_float32_kept():
    w, state = adam_update(np.ones(3, np.float32), np.ones(3, np.float32))
    assert w.dtype == np.float32 and state["m"].dtype == np.float32


def test_bad_input():
    with pytest.raises(ValueError, match="lr"):
        sgd_update(W0, grad(W0), lr=0)
    with pytest.raises(ValueError, match="lr"):
        adam_update(W0, grad(W0), lr=-1e-3)
    with pytest.raises(TypeError, match="lr"):
        momentum_update(W0, grad(W0), lr="0.1")
    with pytest.raises(ValueError, match="beta"):
        momentum_update(W0, grad(W0), beta=1.0)
    with pytest.raises(ValueError, match="beta2"):
        adam_update(W0, grad(W0), beta2=-0.1)
    with pytest.raises(ValueError, match="dw"):
        sgd_update(W0, np.zeros(3))
    with pytest.raises(ValueError, match="rule"):
        Optimizer("rmsprop")
    with pytest.raises(ValueError, match="lr"):
        Optimizer("sgd", lr=0)
    with pytest.raises(ValueError, match="missing"):
        Optimizer("sgd", lr=0.1).step({"a": W0}, {})


@pytest.mark.parametrize(
    ("update", "kwargs", "dw"),
    [
        (sgd_update, {"lr": 1e308}, [2.0]),  # lr * dw overflows
        (momentum_update, {"lr": 1e308}, [2.0]),
        (adam_update, {"lr": 1e308}, [2.0]),  # lr * m_hat overflows
        # dw² overflows: v = inf, so the step m_hat / sqrt(v_hat) would be a silent 0
        (adam_update, {"lr": 1e-3}, [1e200]),
    ],
)
def test_an_update_that_overflows_is_refused_not_returned(update, kwargs, dw):
    with pytest.raises(ValueError, match=r"overflows float64: lr=.* with \|dw\| up to"):
        update(np.zeros(1), np.array(dw), **kwargs)


def _torch_clipped(grads, clip):
    """Run torch's in-place clipping on parameters whose .grad are the given arrays."""
    params = [
        torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads
    ]
    for p, g in zip(params, grads):
        p.grad = torch.tensor(g)
    out = clip(params)
    return [p.grad.numpy() for p in params], out


@pytest.mark.parametrize("max_norm", [0.5, 3.0, 1e3])
def test_clip_grad_norm_matches_torch(max_norm):
    rng = np.random.default_rng(0)
    grads = {
        "W1": rng.standard_normal((5, 4)),
        "b1": rng.standard_normal(4),
        "W2": 3 * rng.standard_normal((4, 2)),
    }
    clipped, total = clip_grad_norm(grads, max_norm)
    ref, ref_total = _torch_clipped(
        list(grads.values()), lambda ps: torch.nn.utils.clip_grad_norm_(ps, max_norm)
    )
    assert total == pytest.approx(ref_total.item(), rel=1e-12)
    for got, want in zip(clipped.values(), ref):
        np.testing.assert_allclose(got, want, rtol=1e-6)  # torch divides by ‖g‖ + 1e-6
    new_norm = np.sqrt(sum(np.sum(g**2) for g in clipped.values()))
    assert new_norm == pytest.approx(min(max_norm, total), rel=1e-12)
    if max_norm > total:  # below the threshold: untouched
        for k in grads:
            np.testing.assert_array_equal(clipped[k], grads[k])
    # one common factor: the direction of the whole gradient is kept
    flat = np.concatenate([g.ravel() for g in grads.values()])
    flat_c = np.concatenate([g.ravel() for g in clipped.values()])
    assert flat @ flat_c / (
        np.linalg.norm(flat) * np.linalg.norm(flat_c)
    ) == pytest.approx(1.0, rel=1e-12)


def test_clip_grad_value_matches_torch_and_turns_the_direction():
    grads = [np.array([100.0, 1.0]), np.array([[-0.5, -7.0]])]
    clipped = clip_grad_value(grads, 1.0)
    ref, _ = _torch_clipped(grads, lambda ps: torch.nn.utils.clip_grad_value_(ps, 1.0))
    for got, want in zip(clipped, ref):
        np.testing.assert_array_equal(got, want)
    # (100, 1) becomes (1, 1): 45 degrees
    np.testing.assert_array_equal(clipped[0], [1.0, 1.0])
    clipped_list, total = clip_grad_norm(grads, 1.0)
    assert isinstance(clipped_list, list) and total == pytest.approx(
        np.sqrt(100**2 + 1 + 0.25 + 49)
    )


def test_clip_grad_norm_edge_cases():
    # zero gradient: nothing to scale; huge entries: the norm does not overflow
    zero, total = clip_grad_norm({"w": np.zeros(3)}, 1.0)
    assert total == 0.0 and np.all(zero["w"] == 0)
    big, total = clip_grad_norm({"w": np.full(4, 1e200)}, 1.0)
    assert total == pytest.approx(2e200) and np.allclose(big["w"], 0.5)
    # float32 is kept
    out, _ = clip_grad_norm({"w": np.ones(3, np.float32)}, 0.1)
    assert out["w"].dtype == np.float32


def test_clip_bad_input():
    with pytest.raises(ValueError, match="max_norm"):
        clip_grad_norm({"w": np.ones(2)}, 0.0)
    with pytest.raises(TypeError, match="max_norm"):
        clip_grad_norm({"w": np.ones(2)}, "1")
    with pytest.raises(ValueError, match="clip_value"):
        clip_grad_value({"w": np.ones(2)}, -1.0)
    with pytest.raises(TypeError, match="grads must be a dict or list"):
        clip_grad_norm(np.ones(2), 1.0)
    with pytest.raises(TypeError, match="grads\\['w'\\]"):
        clip_grad_norm({"w": "abc"}, 1.0)
    with pytest.raises(
        ValueError, match=r"grads\['w'\] must contain only finite numbers"
    ):
        clip_grad_norm({"w": np.array([1.0, np.nan])}, 1.0)
