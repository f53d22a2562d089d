"""The Module 7 checkers accept the right answers and reject wrong ones."""

import pytest
import torch

from syllabus_code.exercises import m07_transfer_learning as ex


def test_ex1():
    assert ex.check_ex1(512 * 10 + 10).startswith("Correct: ")
    assert "5,130" in ex.check_ex1(5130)
    assert ex.check_ex1(11_181_642).startswith("Not yet: ")
    with pytest.raises(TypeError, match="answer"):
        ex.check_ex1(5130.0)


def test_ex2():
    assert ex.check_ex2(1 - 100 / 1024).startswith("Correct: the clipped box")
    assert ex.check_ex2(0.75).startswith("Not yet: ")
    with pytest.raises(TypeError, match="answer"):
        ex.check_ex2("0.9")


def test_ex3():
    def mix(x, t, lam, p):
        return lam * x + (1 - lam) * x[p], lam * t + (1 - lam) * t[p]

    assert ex.check_ex3(mix).startswith("Correct: ")
    got = ex.check_ex3(lambda x, t, lam, p: (mix(x, t, lam, p)[0], t))
    assert got.startswith("Not yet: with lam = 0.0")
    with pytest.raises(TypeError, match="function"):
        ex.check_ex3(torch.zeros(3))


def test_ex4():
    assert ex.check_ex4(
        {"a": "feature-extraction", "b": "fine-tuning", "c": "full"}
    ).startswith("Correct: ")
    got = ex.check_ex4(
        {"a": "feature-extraction", "b": "fine-tuning", "c": "feature-extraction"}
    )
    assert got.startswith("Not yet: reconsider scenario(s) c:")
    with pytest.raises(TypeError, match="answer"):
        ex.check_ex4(["full"])
