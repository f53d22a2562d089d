"""Argument checks shared by the package: each raises with the argument's name and what was expected."""

from __future__ import annotations

from typing import Any

import numpy as np


def as_float_array(value: Any, name: str, ndim: int | tuple[int, ...] | None = None) -> np.ndarray:
    """``value`` as a float64 array, checked to be numeric, finite and of the given rank."""
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be an array of numbers, got {type(value).__name__}") from exc
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else ndim
        if arr.ndim not in allowed:
            want = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{name} must be {want}, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    return arr


def check_positive(value: float, name: str) -> float:
    """A finite number > 0 (a step size, a scale, a tolerance)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {value}")
    return float(value)


def check_probabilities(p: np.ndarray, name: str, atol: float = 1e-8) -> np.ndarray:
    """A probability vector (last axis): entries in [0, 1] summing to 1 within ``atol``."""
    if np.any(p < 0) or np.any(p > 1):
        raise ValueError(f"{name} must have entries in [0, 1], got min {p.min():.4g}, max {p.max():.4g}")
    sums = p.sum(axis=-1)
    if not np.allclose(sums, 1.0, atol=atol, rtol=0):
        worst = np.max(np.abs(sums - 1.0))
        raise ValueError(f"{name} must sum to 1 along its last axis (off by up to {worst:.3g})")
    return p


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if a.shape != b.shape:
        raise ValueError(f"{name_a} and {name_b} must have the same shape, got {a.shape} and {b.shape}")
