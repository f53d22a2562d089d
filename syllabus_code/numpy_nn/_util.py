"""Small argument checks for the layer library (dtype-preserving, unlike ``_checks.as_float_array``).

Layers keep the caller's floating dtype (float32 for speed on MNIST, float64 for gradient
checks); integer or boolean input is promoted to float64.
"""

from __future__ import annotations

import numpy as np


def as_array(value, name: str, ndim: int | tuple[int, ...] | None = None) -> np.ndarray:
    """``value`` as a floating array (dtype kept if already floating), checked for rank."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be an array of numbers, got {type(value).__name__}")
    try:
        arr = np.asanyarray(value)       # keeps ndarray subclasses (the FLOP counter of the backprop page)
        if isinstance(arr, np.matrix):
            arr = np.asarray(arr)
    except (TypeError, ValueError) as exc:  # pragma: no cover - ragged input
        raise TypeError(f"{name} must be an array of numbers, got {type(value).__name__}") from exc
    if arr.dtype.kind in "biu":
        arr = arr.astype(np.float64)
    elif arr.dtype.kind != "f":
        raise TypeError(f"{name} must be an array of numbers, got dtype {arr.dtype}")
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else ndim
        if arr.ndim not in allowed:
            want = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{name} must be {want}, got shape {arr.shape}")
    return arr


def check_labels(y, n: int, num_classes: int, name: str = "y") -> np.ndarray:
    """Integer class labels of shape (n,) with values in [0, num_classes)."""
    y = np.asarray(y)
    if y.dtype.kind not in "iu":
        raise TypeError(f"{name} must hold integer class labels, got dtype {y.dtype}")
    if y.shape != (n,):
        raise ValueError(f"{name} must have shape ({n},) to match the batch, got {y.shape}")
    if n and (y.min() < 0 or y.max() >= num_classes):
        raise ValueError(f"{name} must hold labels in [0, {num_classes - 1}], "
                         f"got values from {y.min()} to {y.max()}")
    return y
