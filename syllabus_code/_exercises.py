"""Helpers shared by the exercise checkers (``check_exN(answer) -> str``) of every module."""

from __future__ import annotations


def verdict(ok: bool, good: str, bad: str) -> str:
    """``"Correct: ..."`` or ``"Not yet: ..."``: the string every checker returns."""
    return f"Correct: {good}" if ok else f"Not yet: {bad}"


def as_int(answer, name: str = "answer") -> int:
    """The answer as an int (``True``/``False`` are refused: they are not counts)."""
    if isinstance(answer, bool) or not isinstance(answer, int):
        raise TypeError(f"{name} must be an int, got {type(answer).__name__}")
    return answer


def as_float(answer, name: str = "answer") -> float:
    """The answer as a float (ints accepted, booleans refused)."""
    if isinstance(answer, bool) or not isinstance(answer, (int, float)):
        raise TypeError(f"{name} must be a number, got {type(answer).__name__}")
    return float(answer)


def call_answer(fn, *args):
    """Call the learner's function, refusing anything that is not callable with a clear message."""
    if not callable(fn):
        raise TypeError(f"answer must be a function, got {type(fn).__name__}")
    return fn(*args)
