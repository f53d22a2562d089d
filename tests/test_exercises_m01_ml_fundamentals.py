"""The Module 1 checkers accept the right answers and reject wrong ones with a hint."""

import numpy as np
import pytest

from syllabus_code.exercises import m01_ml_fundamentals as ex


def test_ex1_metrics():
    assert ex.EX1_Y_TRUE == [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
    assert ex.check_ex1((0.6, 0.75, 2 / 3)).startswith("Correct: ")
    got = ex.check_ex1((0.75, 0.6, 2 / 3))
    assert got == "Not yet: check precision, recall; count TP, FP and FN first."
    with pytest.raises(TypeError, match="3 number"):
        ex.check_ex1((0.6, 0.75))


def test_ex2_expected_risk():
    assert ex.check_ex2(1.5) == "Correct: (1.5 - 2)² + (0 - 0.5)² + 1 = 1.5."
    assert ex.check_ex2(1.25).startswith("Not yet: ")
    with pytest.raises(TypeError, match="answer"):
        ex.check_ex2("one")


def test_ex3_bias_variance():
    right = lambda p, f: (np.mean((p.mean(0) - f) ** 2), np.mean(p.var(0)))  # noqa: E731
    assert ex.check_ex3(right).startswith("Correct: ")
    ddof1 = lambda p, f: (np.mean((p.mean(0) - f) ** 2), np.mean(p.var(0, ddof=1)))  # noqa: E731
    assert "ddof" in ex.check_ex3(ddof1) and ex.check_ex3(ddof1).startswith("Not yet: ")
    assert ex.check_ex3(lambda p, f: (0.0, 0.0)).startswith("Not yet: ")
    with pytest.raises(TypeError, match="function"):
        ex.check_ex3(3)
    with pytest.raises(TypeError, match="2 number"):
        ex.check_ex3(lambda p, f: 0.0)
