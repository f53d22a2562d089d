"""The package's one vocabulary of argument checks.

Every public function validates its arguments with these, then calls the maths. Each check
raises ``TypeError`` (wrong kind of value) or ``ValueError`` (right kind, wrong value) with a
message that names the argument and says what was expected, so that bad input never turns into
a silent wrong answer, a NaN, or an error from deep inside NumPy.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

_NUMBER_TYPES = (int, float, np.integer, np.floating)


# --- arrays -----------------------------------------------------------------------------------


def as_array(
    value: Any,
    name: str,
    ndim: int | tuple[int, ...] | None = None,
    *,
    finite: bool = True,
) -> np.ndarray:
    """``value`` as a real floating array: a floating dtype is kept (float32 for speed, float64
    for gradient checks); integers and booleans become float64.

    Refused: strings, ``None``, ragged nesting, complex numbers (which NumPy would silently
    truncate to their real part), object arrays, and, unless ``finite=False``, NaN or inf.
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(
            f"{name} must be an array of numbers, got {type(value).__name__}"
        )
    try:
        # keeps ndarray subclasses (the FLOP counter of the backprop page)
        arr = np.asanyarray(value)
    except (TypeError, ValueError) as exc:  # ragged nesting
        raise TypeError(
            f"{name} must be a rectangular array of numbers ({exc})"
        ) from exc
    if isinstance(arr, np.matrix):
        arr = np.asarray(arr)
    kind = arr.dtype.kind
    if kind == "c":
        raise TypeError(
            f"{name} must be real, got complex dtype {arr.dtype} "
            "(the imaginary part would be dropped)"
        )
    if kind in "biu":
        arr = arr.astype(np.float64)
    elif kind != "f":
        raise TypeError(f"{name} must be an array of numbers, got dtype {arr.dtype}")
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else ndim
        if arr.ndim not in allowed:
            want = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{name} must be {want}, got shape {arr.shape}")
    if finite and not np.isfinite(arr).all():
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    return arr


def as_float_array(
    value: Any,
    name: str,
    ndim: int | tuple[int, ...] | None = None,
    *,
    finite: bool = True,
) -> np.ndarray:
    """Like :func:`as_array`, always as float64 (for the maths modules' exact teaching code)."""
    return np.asarray(as_array(value, name, ndim, finite=finite), dtype=np.float64)


def check_shape(
    arr: np.ndarray, shape: tuple[int, ...], name: str, why: str = ""
) -> np.ndarray:
    """``arr.shape == shape``, else a message with both shapes (and ``why``, e.g. "to match x")."""
    if arr.shape != tuple(shape):
        reason = f" {why}" if why else ""
        raise ValueError(
            f"{name} must have shape {tuple(shape)}{reason}, got {arr.shape}"
        )
    return arr


def check_dout(dout: Any, shape: tuple[int, ...], name: str = "dout") -> np.ndarray:
    """The upstream gradient of a ``*_backward``: a finite array shaped like the forward output."""
    return check_shape(
        as_array(dout, name), shape, name, "(the shape of the forward output)"
    )


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape, got {a.shape} and {b.shape}"
        )


def check_probabilities(p: np.ndarray, name: str, atol: float = 1e-8) -> np.ndarray:
    """A probability vector (last axis): entries in [0, 1] summing to 1 within ``atol``."""
    if np.any(p < 0) or np.any(p > 1):
        raise ValueError(
            f"{name} must have entries in [0, 1], got min {p.min():.4g}, max {p.max():.4g}"
        )
    sums = p.sum(axis=-1)
    if not np.allclose(sums, 1.0, atol=atol, rtol=0):
        worst = np.max(np.abs(sums - 1.0))
        raise ValueError(
            f"{name} must sum to 1 along its last axis (off by up to {worst:.3g})"
        )
    return p


def check_labels(y: Any, n: int, num_classes: int, name: str = "y") -> np.ndarray:
    """Integer class labels of shape (n,) with values in [0, num_classes)."""
    y = as_label_array(y, name)
    if y.dtype.kind not in "iu":
        raise TypeError(f"{name} must hold integer class labels, got dtype {y.dtype}")
    if y.shape != (n,):
        raise ValueError(
            f"{name} must have shape ({n},) to match the batch, got {y.shape}"
        )
    if n and (y.min() < 0 or y.max() >= num_classes):
        raise ValueError(
            f"{name} must hold labels in [0, {num_classes - 1}], "
            f"got values from {y.min()} to {y.max()}"
        )
    return y


def as_label_array(value: Any, name: str) -> np.ndarray:
    """``value`` as a NumPy array of labels; ragged nesting is refused with the argument named."""
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(
            f"{name} must be an array of labels, got {type(value).__name__}"
        )
    try:
        return np.asarray(value)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} must be a rectangular array of labels ({exc})"
        ) from exc


def check_float_dtype(dtype: Any, name: str = "dtype") -> np.dtype:
    """A real floating dtype (float16/32/64): weights drawn in an integer dtype would be zeros."""
    try:
        dt = np.dtype(dtype)
    except TypeError as exc:
        raise TypeError(f"{name} must be a NumPy dtype, got {dtype!r}") from exc
    if dt.kind != "f":
        raise TypeError(
            f"{name} must be a floating dtype such as np.float32 or np.float64, got {dt}"
        )
    return dt


# --- scalars ----------------------------------------------------------------------------------


def is_integer(value: Any) -> bool:
    """True for Python and NumPy integers; False for booleans, which are not counts."""
    return isinstance(value, (int, np.integer)) and not isinstance(
        value, (bool, np.bool_)
    )


def is_number(value: Any) -> bool:
    """True for Python and NumPy real numbers, integers included; False for booleans."""
    return isinstance(value, _NUMBER_TYPES) and not isinstance(value, (bool, np.bool_))


def check_int(
    value: Any, name: str, min: int | None = None, max: int | None = None
) -> int:
    """An integer (not a bool) in ``[min, max]`` (either bound may be omitted)."""
    if not is_integer(value):
        raise TypeError(f"{name} must be an integer, got {_describe(value)}")
    value = int(value)
    if (min is not None and value < min) or (max is not None and value > max):
        raise ValueError(
            f"{name} must be an integer {_range_text(min, max)}, got {value}"
        )
    return value


def check_number(
    value: Any,
    name: str,
    min: float | None = None,
    max: float | None = None,
    *,
    min_open: bool = False,
    max_open: bool = False,
) -> float:
    """A finite real number (not a bool) in the given range; ``*_open`` excludes that bound."""
    if not is_number(value):
        raise TypeError(f"{name} must be a number, got {_describe(value)}")
    given, value = value, float(value)
    low_bad = min is not None and (value <= min if min_open else value < min)
    high_bad = max is not None and (value >= max if max_open else value > max)
    if not math.isfinite(value) or low_bad or high_bad:
        limits = _range_text(min, max, min_open, max_open)
        raise ValueError(
            f"{name} must be a finite number{' ' + limits if limits else ''}, got {given}"
        )
    return value


def check_positive(value: Any, name: str) -> float:
    """A finite number > 0 (a step size, a scale, a tolerance)."""
    return check_number(value, name, min=0.0, min_open=True)


def check_bool(value: Any, name: str) -> bool:
    """A flag: ``True`` or ``False`` (not 0/1, not a string such as "no", which is truthy)."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return value


def check_choice(value: Any, name: str, choices: tuple) -> Any:
    """One of ``choices`` (compared with ==), else a message listing them."""
    if not (isinstance(value, str) or is_number(value)) or value not in choices:
        raise ValueError(
            f"{name} must be one of {', '.join(map(repr, choices))}; got {value!r}"
        )
    return value


def check_work(ops: float, limit: float, what: str, faster: str) -> None:
    """Refuse a loop-based teaching function a job so big it would seem to hang.

    ``ops`` is the number of Python-level loop steps the call would take; above ``limit`` the
    message names the size and the vectorised function that does the same job fast.
    """
    if ops > limit:
        raise ValueError(
            f"{what} would take {ops:.3g} Python loop steps (limit {limit:.0e}): this "
            f"loop version is written to be read, not run at scale; use {faster}"
        )


def _describe(value: Any) -> str:
    """A short description of a refused value: its repr if short, else its type."""
    text = repr(value)
    kind = type(value).__name__
    return f"{text} ({kind})" if len(text) <= 40 else kind


def _range_text(min, max, min_open: bool = False, max_open: bool = False) -> str:
    if min is not None and max is not None:
        return (
            f"in {'(' if min_open else '['}{min:g}, {max:g}{')' if max_open else ']'}"
        )
    if min is not None:
        return f"{'>' if min_open else '>='} {min:g}"
    if max is not None:
        return f"{'<' if max_open else '<='} {max:g}"
    return ""
