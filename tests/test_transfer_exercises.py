"""The Module 7 exercise checkers accept the right answers and reject wrong ones."""

from __future__ import annotations

import pytest

from syllabus_code import transfer_exercises as E


def test_ex1():
    assert E.check_ex1(512 * 10 + 10).startswith("Correct")
    assert E.check_ex1(11_181_642).startswith("Not yet")
    with pytest.raises(TypeError, match="answer"):
        E.check_ex1(5130.0)


def test_ex2():
    assert E.check_ex2(1 - 100 / 1024).startswith("Correct")
    assert E.check_ex2(0.75).startswith("Not yet")
    with pytest.raises(TypeError, match="answer"):
        E.check_ex2("0.9")


def test_ex3():
    assert E.check_ex3(lambda x, t, lam, p: (lam * x + (1 - lam) * x[p], lam * t + (1 - lam) * t[p])).startswith("Correct")
    assert E.check_ex3(lambda x, t, lam, p: (lam * x + (1 - lam) * x[p], t)).startswith("Not yet")
    with pytest.raises(TypeError, match="fn"):
        E.check_ex3(3)


def test_ex4():
    assert E.check_ex4({"a": "feature-extraction", "b": "fine-tuning", "c": "full"}).startswith("Correct")
    assert "c" in E.check_ex4({"a": "feature-extraction", "b": "fine-tuning", "c": "feature-extraction"})
    with pytest.raises(TypeError, match="answer"):
        E.check_ex4(["full"])
