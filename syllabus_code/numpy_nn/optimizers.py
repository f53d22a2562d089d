"""Optimisers with one contract: ``update(w, dw, state, **hparams) -> (w, state)``.

``w`` is one parameter array, ``dw`` the gradient of the loss with respect to it, ``state`` the
optimiser's memory for that array (``None`` on the first step). The update returns a new array
and a new state; nothing is modified in place. :class:`Optimizer` applies one update rule to
every array of a parameter dict (``.step(params, grads)``).

Batch gradient descent, stochastic gradient descent and mini-batch gradient descent share one
update, :func:`sgd_update`; they differ only in how many samples the gradient averages over
(all n, one, or a batch of B - see :func:`syllabus_code.numpy_nn.network.iterate_minibatches`).

:func:`clip_grad_norm` and :func:`clip_grad_value` act on a whole gradient dict before the
update (Module 4, exploding gradients).
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_array, check_number, check_positive

__all__ = [
    "sgd_update",
    "momentum_update",
    "adam_update",
    "Optimizer",
    "UPDATES",
    "clip_grad_norm",
    "clip_grad_value",
]


def _check(w, dw):
    w = as_array(w, "w")
    dw = as_array(dw, "dw")
    if dw.shape != w.shape:
        raise ValueError(f"dw must have the shape of w {w.shape}, got {dw.shape}")
    return w, dw


def _check_beta(beta, name):
    check_number(beta, name, 0.0, 1.0, max_open=True)


def _finite_update(core, w, dw, state, lr, *args):
    """``core``'s update, refused when it overflows: a huge ``lr`` or ``dw`` would otherwise
    give inf or NaN weights, or (Adam's dw² overflowing) a step of 0 that looks fine."""
    with np.errstate(over="ignore", invalid="ignore"):
        new_w, new_state = core(w, dw, state, lr, *args)
    arrays = [
        new_w,
        *(v for v in (new_state or {}).values() if isinstance(v, np.ndarray)),
    ]
    if not all(np.isfinite(a).all() for a in arrays):
        raise ValueError(
            f"the update overflows {new_w.dtype}: lr={lr:.3g} with |dw| up to "
            f"{np.abs(dw).max():.3g} gives non-finite values; use a smaller lr or rescale dw"
        )
    return new_w, new_state


# --8<-- [start:sgd]
def _sgd_update(w, dw, state, lr: float):
    """θ ← θ − α ∇L. Stateless (state is returned unchanged).

    ``sgd_update`` checks the arguments, then calls this.
    """
    return w - lr * dw, state


# --8<-- [end:sgd]


def sgd_update(w, dw, state=None, lr: float = 0.01):
    """θ ← θ − α ∇L. Stateless (state is returned unchanged)."""
    w, dw = _check(w, dw)
    lr = check_positive(lr, "lr")
    return _finite_update(_sgd_update, w, dw, state, lr)


# --8<-- [start:momentum]
def _momentum_update(w, dw, state, lr: float, beta: float):
    """Heavy-ball momentum in the page's form: v ← βv − α∇L; θ ← θ + v (v starts at 0).

    ``momentum_update`` checks the arguments, then calls this.
    """
    v = np.zeros_like(w) if state is None else state["v"]
    v = beta * v - lr * dw
    return w + v, {"v": v}


# --8<-- [end:momentum]


def momentum_update(w, dw, state=None, lr: float = 0.01, beta: float = 0.9):
    """Heavy-ball momentum in the page's form: v ← βv − α∇L; θ ← θ + v (v starts at 0)."""
    w, dw = _check(w, dw)
    lr = check_positive(lr, "lr")
    _check_beta(beta, "beta")
    return _finite_update(_momentum_update, w, dw, state, lr, beta)


# --8<-- [start:adam]
def _adam_update(w, dw, state, lr: float, beta1: float, beta2: float, eps: float):
    """Adam (Kingma & Ba, Algorithm 1) with bias correction.

    m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;  m̂ = m/(1−β1^t);  v̂ = v/(1−β2^t);
    θ ← θ − α m̂ / (√v̂ + ε).  ``state`` holds m, v and the step count t.

    ``adam_update`` checks the arguments, then calls this.
    """
    if state is None:
        state = {"m": np.zeros_like(w), "v": np.zeros_like(w), "t": 0}
    t = state["t"] + 1
    m = beta1 * state["m"] + (1 - beta1) * dw
    v = beta2 * state["v"] + (1 - beta2) * dw * dw
    m_hat = m / (1 - beta1**t)  # at t = 1 this undoes the (1 - β1) shrink towards 0
    v_hat = v / (1 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), {"m": m, "v": v, "t": t}


# --8<-- [end:adam]


def adam_update(
    w,
    dw,
    state=None,
    lr: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
):
    """Adam (Kingma & Ba, Algorithm 1) with bias correction.

    m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;  m̂ = m/(1−β1^t);  v̂ = v/(1−β2^t);
    θ ← θ − α m̂ / (√v̂ + ε).  ``state`` holds m, v and the step count t.
    """
    w, dw = _check(w, dw)
    lr = check_positive(lr, "lr")
    eps = check_positive(eps, "eps")
    _check_beta(beta1, "beta1")
    _check_beta(beta2, "beta2")
    return _finite_update(_adam_update, w, dw, state, lr, beta1, beta2, eps)


UPDATES = {"sgd": sgd_update, "momentum": momentum_update, "adam": adam_update}


def _check_rule(rule: str, hparams: dict) -> None:
    if rule not in UPDATES:
        raise ValueError(f"rule must be one of {sorted(UPDATES)}, got {rule!r}")
    # reject bad hyper-parameters now
    UPDATES[rule](np.zeros(1), np.zeros(1), None, **hparams)


def _check_keys(params: dict, grads: dict) -> None:
    missing = set(params) - set(grads)
    if missing:
        raise ValueError(
            f"grads must have a gradient for every parameter; missing {sorted(missing)}"
        )


# --8<-- [start:optimizer]
class Optimizer:
    """Applies one update rule to every array of a parameter dict, keeping a state per key.

    >>> opt = Optimizer("adam", lr=1e-3)
    >>> params = opt.step(params, grads)      # doctest: +SKIP
    """

    def __init__(self, rule: str = "sgd", **hparams):
        _check_rule(rule, hparams)
        self.update, self.hparams, self.state = UPDATES[rule], hparams, {}

    def step(self, params: dict, grads: dict) -> dict:
        """Updated parameters (also written back into ``params``) after one step."""
        _check_keys(params, grads)
        for key in params:
            params[key], self.state[key] = self.update(
                params[key], grads[key], self.state.get(key), **self.hparams
            )
        return params


# --8<-- [end:optimizer]


def _check_grads(grads) -> dict:
    if isinstance(grads, dict):
        return {k: as_array(v, f"grads[{k!r}]") for k, v in grads.items()}
    if isinstance(grads, (list, tuple)):
        return {i: as_array(v, f"grads[{i}]") for i, v in enumerate(grads)}
    raise TypeError(
        f"grads must be a dict or list of gradient arrays, got {type(grads).__name__}"
    )


def _same_kind(grads, arrays: dict):
    return (
        arrays if isinstance(grads, dict) else [arrays[i] for i in range(len(arrays))]
    )


# --8<-- [start:clip]
def _clip_grad_norm(grads, arrays, max_norm: float):
    """Clip by global norm: g ← g · min(1, c / ‖g‖), with ‖g‖ the L2 norm of all the arrays
    in ``grads`` (a dict or list) read as one long vector, and c = ``max_norm``.

    Returns (clipped gradients, ‖g‖ before clipping). Every array is scaled by the same
    factor, so the direction of the whole gradient is kept. ``torch.nn.utils.clip_grad_norm_``
    does the same in place, with c / (‖g‖ + 1e-6) as the factor.

    ``clip_grad_norm`` checks the arguments, then calls this.
    """
    flat = [g.ravel() for g in arrays.values()]
    biggest = max((float(np.max(np.abs(f))) for f in flat if f.size), default=0.0)
    total = 0.0
    if biggest > 0:  # scale first so the sum of squares cannot overflow
        total = biggest * float(np.sqrt(sum(np.sum((f / biggest) ** 2) for f in flat)))
    scale = min(1.0, max_norm / total) if total > 0 else 1.0
    return _same_kind(grads, {k: g * scale for k, g in arrays.items()}), total


def _clip_grad_value(grads, arrays, c: float):
    """Clip every entry to [-c, c], c = ``clip_value``. Entries are clipped independently, so
    a gradient with entries of different sizes changes direction.

    ``clip_grad_value`` checks the arguments, then calls this.
    """
    return _same_kind(grads, {k: np.clip(g, -c, c) for k, g in arrays.items()})


# --8<-- [end:clip]


def clip_grad_norm(grads, max_norm: float):
    """Clip by global norm: g ← g · min(1, c / ‖g‖), with ‖g‖ the L2 norm of all the arrays
    in ``grads`` (a dict or list) read as one long vector, and c = ``max_norm``.

    Returns (clipped gradients, ‖g‖ before clipping). Every array is scaled by the same
    factor, so the direction of the whole gradient is kept. ``torch.nn.utils.clip_grad_norm_``
    does the same in place, with c / (‖g‖ + 1e-6) as the factor.
    """
    arrays = _check_grads(grads)
    max_norm = check_positive(max_norm, "max_norm")
    return _clip_grad_norm(grads, arrays, max_norm)


def clip_grad_value(grads, clip_value: float):
    """Clip every entry to [-c, c], c = ``clip_value``. Entries are clipped independently, so
    a gradient with entries of different sizes changes direction."""
    arrays = _check_grads(grads)
    c = check_positive(clip_value, "clip_value")
    return _clip_grad_value(grads, arrays, c)
