"""Regularisation: L2 and L1 penalties, weight decay, the L1 proximal step, early stopping.

Penalties take one weight array or a list/dict of them (biases are usually left out) and a
strength \\(\\lambda \\ge 0\\):

* L2: \\(\\Omega(w) = \\frac\\lambda2\\sum w^2\\), gradient \\(\\lambda w\\);
* L1: \\(\\Omega(w) = \\lambda\\sum|w|\\), subgradient \\(\\lambda\\,\\mathrm{sign}(w)\\) (0 at w = 0).

With plain SGD, adding the L2 gradient is exactly weight decay:
\\(w - \\alpha(\\nabla L + \\lambda w) = w(1-\\alpha\\lambda) - \\alpha\\nabla L\\).
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_array, check_int, check_number, check_positive

__all__ = [
    "l2_penalty",
    "l2_grad",
    "l1_penalty",
    "l1_subgrad",
    "weight_decay_update",
    "soft_threshold",
    "l1_proximal_update",
    "EarlyStopping",
]


def _check_lam(lam, name: str = "lam") -> float:
    return check_number(lam, name, min=0.0)


def _arrays(weights) -> list[np.ndarray]:
    if isinstance(weights, dict):
        return [as_array(v, f"weights[{k!r}]") for k, v in weights.items()]
    if isinstance(weights, (list, tuple)):
        return [as_array(v, f"weights[{i}]") for i, v in enumerate(weights)]
    return [as_array(weights, "weights")]


# --8<-- [start:penalties]
def _l2_penalty(weights, lam: float) -> float:
    """(λ/2) Σ w² over every array in ``weights``.

    ``l2_penalty`` checks the arguments, then calls this.
    """
    return 0.5 * lam * sum(float(np.sum(w * w)) for w in _arrays(weights))


def _l2_grad(w, lam: float):
    """Gradient of (λ/2) Σ w² with respect to w: λ w.

    ``l2_grad`` checks the arguments, then calls this.
    """
    return lam * w


def _l1_penalty(weights, lam: float) -> float:
    """λ Σ |w| over every array in ``weights``.

    ``l1_penalty`` checks the arguments, then calls this.
    """
    return lam * sum(float(np.sum(np.abs(w))) for w in _arrays(weights))


def _l1_subgrad(w, lam: float):
    """A subgradient of λ Σ |w|: λ sign(w), taking 0 where w = 0.

    ``l1_subgrad`` checks the arguments, then calls this.
    """
    return lam * np.sign(w)


# --8<-- [end:penalties]


def l2_grad(w, lam: float):
    """Gradient of (λ/2) Σ w² with respect to w: λ w."""
    lam, w = _check_lam(lam), as_array(w, "w")
    return _l2_grad(w, lam)


def l1_subgrad(w, lam: float):
    """A subgradient of λ Σ |w|: λ sign(w), taking 0 where w = 0."""
    lam, w = _check_lam(lam), as_array(w, "w")
    return _l1_subgrad(w, lam)


def l2_penalty(weights, lam: float) -> float:
    """(λ/2) Σ w² over every array in ``weights``."""
    lam = _check_lam(lam)
    return _l2_penalty(weights, lam)


def l1_penalty(weights, lam: float) -> float:
    """λ Σ |w| over every array in ``weights``."""
    lam = _check_lam(lam)
    return _l1_penalty(weights, lam)


def _check_pair(w, dw):
    w, dw = as_array(w, "w"), as_array(dw, "dw")
    if dw.shape != w.shape:
        raise ValueError(f"dw must have the shape of w {w.shape}, got {dw.shape}")
    return w, dw


# --8<-- [start:weight_decay]
def _weight_decay_update(w, dw, lr: float, lam):
    """One SGD step with weight decay: w ← w(1 − αλ) − α dw, dw the gradient of the *data* loss.

    ``weight_decay_update`` checks the arguments, then calls this.
    """
    return w * (1 - lr * lam) - lr * dw


# --8<-- [end:weight_decay]


def weight_decay_update(w, dw, lr: float, weight_decay: float):
    """One SGD step with weight decay: w ← w(1 − αλ) − α dw, dw the gradient of the *data* loss."""
    w, dw = _check_pair(w, dw)
    lr = check_positive(lr, "lr")
    lam = _check_lam(weight_decay, "weight_decay")
    return _weight_decay_update(w, dw, lr, lam)


# --8<-- [start:proximal]
def _soft_threshold(w, t: float):
    """The proximal operator of t·|w|: sign(w) · max(|w| − t, 0). Sets every |w| ≤ t to exactly 0.

    ``soft_threshold`` checks the arguments, then calls this.
    """
    return np.sign(w) * np.maximum(np.abs(w) - t, 0.0)


def _l1_proximal_update(w, dw, lr: float, lam: float):
    """Proximal gradient (ISTA) step for L + λ Σ|w|: a plain step on L, then soft-threshold by αλ.

    ``l1_proximal_update`` checks the arguments, then calls this.
    """
    return soft_threshold(w - lr * dw, lr * lam)


# --8<-- [end:proximal]


def l1_proximal_update(w, dw, lr: float, lam: float):
    """Proximal gradient (ISTA) step for L + λ Σ|w|: a plain step on L, then soft-threshold by αλ."""
    w, dw = _check_pair(w, dw)
    lr = check_positive(lr, "lr")
    lam = _check_lam(lam)
    return _l1_proximal_update(w, dw, lr, lam)


def soft_threshold(w, t: float):
    """The proximal operator of t·|w|: sign(w) · max(|w| − t, 0). Sets every |w| ≤ t to exactly 0."""
    w = as_array(w, "w")
    t = _check_lam(t, "t")
    return _soft_threshold(w, t)


# --8<-- [start:early_stopping]
class EarlyStopping:
    """Stop when the validation loss has not improved by more than ``min_delta`` for ``patience`` epochs.

    Call :meth:`step` once per epoch with that epoch's validation loss; it returns True when
    training should stop. ``best_epoch`` (0-based) and ``best_loss`` say which epoch's weights
    to keep (save them whenever ``improved`` is True).
    """

    def __init__(self, patience: int = 10, min_delta: float = 0.0):
        self.patience = check_int(patience, "patience", min=1)
        self.min_delta = _check_lam(min_delta, "min_delta")
        self.best_loss, self.best_epoch, self.epoch, self.improved = (
            np.inf,
            -1,
            -1,
            False,
        )

    def step(self, val_loss: float) -> bool:
        check_number(val_loss, "val_loss")
        self.epoch += 1
        self.improved = val_loss < self.best_loss - self.min_delta
        if self.improved:
            self.best_loss, self.best_epoch = float(val_loss), self.epoch
        return self.epoch - self.best_epoch >= self.patience


# --8<-- [end:early_stopping]
