"""Optimisers with one contract: ``update(w, dw, state, **hparams) -> (w, state)``.

``w`` is one parameter array, ``dw`` the gradient of the loss with respect to it, ``state`` the
optimiser's memory for that array (``None`` on the first step). The update returns a new array
and a new state; nothing is modified in place. :class:`Optimizer` applies one update rule to
every array of a parameter dict (``.step(params, grads)``).

Batch gradient descent, stochastic gradient descent and mini-batch gradient descent share one
update, :func:`sgd_update`; they differ only in how many samples the gradient averages over
(all n, one, or a batch of B - see :func:`syllabus_code.numpy_nn.network.iterate_minibatches`).
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import check_positive

from ._util import as_array

__all__ = ["sgd_update", "momentum_update", "adam_update", "Optimizer", "UPDATES"]


def _check(w, dw):
    w = as_array(w, "w")
    dw = as_array(dw, "dw")
    if dw.shape != w.shape:
        raise ValueError(f"dw must have the shape of w {w.shape}, got {dw.shape}")
    return w, dw


def _check_beta(beta, name):
    if isinstance(beta, bool) or not isinstance(beta, (int, float, np.floating)) or not 0 <= beta < 1:
        raise ValueError(f"{name} must be a number in [0, 1), got {beta!r}")


# --8<-- [start:sgd]
def sgd_update(w, dw, state=None, lr: float = 0.01):
    """θ ← θ − α ∇L. Stateless (state is returned unchanged)."""
    w, dw = _check(w, dw)
    lr = check_positive(lr, "lr")
    return w - lr * dw, state
# --8<-- [end:sgd]


# --8<-- [start:momentum]
def momentum_update(w, dw, state=None, lr: float = 0.01, beta: float = 0.9):
    """Heavy-ball momentum in the page's form: v ← βv − α∇L; θ ← θ + v (v starts at 0)."""
    w, dw = _check(w, dw)
    lr = check_positive(lr, "lr")
    _check_beta(beta, "beta")
    v = np.zeros_like(w) if state is None else state["v"]
    v = beta * v - lr * dw
    return w + v, {"v": v}
# --8<-- [end:momentum]


# --8<-- [start:adam]
def adam_update(w, dw, state=None, lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999,
                eps: float = 1e-8):
    """Adam (Kingma & Ba, Algorithm 1) with bias correction.

    m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;  m̂ = m/(1−β1^t);  v̂ = v/(1−β2^t);
    θ ← θ − α m̂ / (√v̂ + ε).  ``state`` holds m, v and the step count t.
    """
    w, dw = _check(w, dw)
    lr = check_positive(lr, "lr")
    eps = check_positive(eps, "eps")
    _check_beta(beta1, "beta1")
    _check_beta(beta2, "beta2")
    if state is None:
        state = {"m": np.zeros_like(w), "v": np.zeros_like(w), "t": 0}
    t = state["t"] + 1
    m = beta1 * state["m"] + (1 - beta1) * dw
    v = beta2 * state["v"] + (1 - beta2) * dw * dw
    m_hat = m / (1 - beta1 ** t)          # at t = 1 this undoes the (1 - β1) shrink towards 0
    v_hat = v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), {"m": m, "v": v, "t": t}
# --8<-- [end:adam]


UPDATES = {"sgd": sgd_update, "momentum": momentum_update, "adam": adam_update}


# --8<-- [start:optimizer]
class Optimizer:
    """Applies one update rule to every array of a parameter dict, keeping a state per key.

    >>> opt = Optimizer("adam", lr=1e-3)
    >>> params = opt.step(params, grads)      # doctest: +SKIP
    """

    def __init__(self, rule: str = "sgd", **hparams):
        if rule not in UPDATES:
            raise ValueError(f"rule must be one of {sorted(UPDATES)}, got {rule!r}")
        self.update, self.hparams, self.state = UPDATES[rule], hparams, {}
        UPDATES[rule](np.zeros(1), np.zeros(1), None, **hparams)   # reject bad hyper-parameters now

    def step(self, params: dict, grads: dict) -> dict:
        """Updated parameters (also written back into ``params``) after one step."""
        missing = set(params) - set(grads)
        if missing:
            raise ValueError(f"grads must have a gradient for every parameter; missing {sorted(missing)}")
        for key in params:
            params[key], self.state[key] = self.update(params[key], grads[key], self.state.get(key),
                                                       **self.hparams)
        return params
# --8<-- [end:optimizer]
