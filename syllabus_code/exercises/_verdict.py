"""The verdict every checker returns, and the checks that turn a malformed answer into ``TypeError``."""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import is_integer, is_number


def verdict(ok: bool, good: str, bad: str) -> str:
    """``"Correct: good"`` when ``ok``, else ``"Not yet: bad"``."""
    return f"Correct: {good}" if ok else f"Not yet: {bad}"


def not_yet(hint: str) -> str:
    """The verdict for a wrong answer whose hint is already known."""
    return f"Not yet: {hint}"


def as_int(answer, name: str = "answer") -> int:
    """The answer as an int (NumPy integers accepted; booleans and floats refused: they are not counts)."""
    if not is_integer(answer):
        raise TypeError(f"{name} must be an int, got {type(answer).__name__}")
    return int(answer)


def as_float(answer, name: str = "answer") -> float:
    """The answer as a float (ints and NumPy scalars accepted, booleans refused)."""
    if not is_number(answer):
        raise TypeError(f"{name} must be a number, got {type(answer).__name__}")
    return float(answer)


def as_sequence(answer, n: int, what: str, name: str = "answer") -> tuple:
    """The answer as a tuple of ``n`` items (a list, tuple or 1-D array), else ``TypeError``."""
    if isinstance(answer, np.ndarray) and answer.ndim == 1:
        answer = answer.tolist()
    if not isinstance(answer, (list, tuple)) or len(answer) != n:
        raise TypeError(f"{name} must be {what}, got {answer!r}")
    return tuple(answer)


def as_array(
    answer, shape: tuple[int, ...] | None = None, name: str = "answer"
) -> np.ndarray:
    """The answer as a float64 array, of ``shape`` when given, else ``TypeError``."""
    if isinstance(answer, (str, bytes)):
        raise TypeError(
            f"{name} must be an array of numbers, got {type(answer).__name__}"
        )
    try:
        arr = np.asarray(answer, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} must be an array of numbers, got {type(answer).__name__}"
        ) from exc
    if shape is not None and arr.shape != shape:
        raise TypeError(f"{name} must have shape {shape}, got {arr.shape}")
    return arr


def as_numbers(answer, n: int, name: str = "answer") -> np.ndarray:
    """``n`` numbers (a scalar when ``n`` is 1) as a flat float64 array, else ``TypeError``."""
    if isinstance(answer, (str, bytes)):
        raise TypeError(f"{name} must be {n} number(s), got {type(answer).__name__}")
    try:
        arr = np.asarray(answer, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"{name} must be {n} number(s), got {type(answer).__name__}"
        ) from exc
    if arr.size != n:
        raise TypeError(f"{name} must be {n} number(s), got {arr.size}")
    return arr


def as_function(answer, name: str = "answer"):
    """The learner's function, refusing anything that is not callable."""
    if not callable(answer):
        raise TypeError(f"{name} must be a function, got {type(answer).__name__}")
    return answer
