"""The Module 3 checkers accept the reference answers and reject typical mistakes with a hint."""

import numpy as np
import pytest

from syllabus_code.exercises import m03_neural_networks as ex
from syllabus_code.numpy_nn.activations import softmax


def good_delta(z, y):
    d = softmax(z)
    d[np.arange(len(y)), y] -= 1
    return d / len(y)


def test_ex1():
    assert ex.check_ex1(good_delta).startswith("Correct: ")
    assert "N times" in ex.check_ex1(lambda z, y: good_delta(z, y) * len(y))
    assert ex.check_ex1(lambda z, y: softmax(z)).startswith("Not yet: ")
    assert "shape" in ex.check_ex1(lambda z, y: np.zeros(3))
    with pytest.raises(TypeError, match="function"):
        ex.check_ex1(3)


def test_ex2():
    assert ex.check_ex2(lambda d, x, w: (d @ w.T, x.T @ d, d.sum(0))).startswith(
        "Correct: "
    )
    assert "db is wrong" in ex.check_ex2(lambda d, x, w: (d @ w.T, x.T @ d, d.mean(0)))
    assert "dw must have shape" in ex.check_ex2(
        lambda d, x, w: (d @ w.T, d.T @ x, d.sum(0))
    )
    assert ex.check_ex2(lambda d, x, w: d) == "Not yet: return a tuple (dx, dw, db)."


def test_ex3():
    assert ex.check_ex3(535818) == "Correct: 535,818 parameters."
    assert "bias" in ex.check_ex3(535040)
    assert ex.check_ex3(np.int64(1)).startswith("Not yet: ")
    with pytest.raises(TypeError, match="answer must be an int"):
        ex.check_ex3(535818.0)


def test_ex4():
    n, d, h = 64, 784, 512
    assert ex.check_ex4((2 * n * d * h, 4 * n * d * h)).startswith("Correct: ")
    assert "multiply-add as 2" in ex.check_ex4((n * d * h, 4 * n * d * h))
    assert "backward" in ex.check_ex4((2 * n * d * h, 2 * n * d * h))
    with pytest.raises(TypeError, match="backward_flops"):
        ex.check_ex4((1, "x"))
    with pytest.raises(TypeError, match="pair"):
        ex.check_ex4(1)
