"""Tests for the Module 5 exercise checkers: right answers pass, typical wrong answers fail with a hint."""

import numpy as np
import pytest

from syllabus_code.numpy_nn.conv_exercises import (
    EX1_INPUT,
    EX1_KERNEL,
    WrongAnswer,
    check_ex1,
    check_ex2,
    check_ex3,
    check_ex4,
)


def test_ex1():
    right = np.array([[1 * 1 + 2 * -1 + 3 * 2 + -1 * 0, 0 - (-1) + 2 * 2 + 0],
                      [0 - 1 + 2 * -2 + 0, 1 - 0 + 2 * 3 + 0]])
    assert check_ex1(right).startswith("Correct")
    flipped = np.array([[-1 * 1 + 3 * -1 + 2 * 2 + 1 * 0, 2 * 1 + 2 * -1 + -1 * 2 + 0],
                        [4 - (-2) + 1 * 2 + 0, 1 - 3 + 0 * 2 + 1 * 0]], dtype=float)
    assert EX1_INPUT.shape == (4, 4) and EX1_KERNEL.shape == (2, 2)
    with pytest.raises(WrongAnswer, match="flipped the kernel"):
        check_ex1(flipped)
    with pytest.raises(WrongAnswer, match="2x2 map"):
        check_ex1(np.zeros((3, 3)))
    with pytest.raises(WrongAnswer, match=r"positions \[\[0, 0\]\]"):
        check_ex1(right + np.array([[1, 0], [0, 0]]))


def test_ex2():
    assert check_ex2((16, 16, 16), 1216).startswith("Correct")
    with pytest.raises(WrongAnswer, match="forget the biases"):
        check_ex2((16, 16, 16), 1200)
    with pytest.raises(WrongAnswer, match="shape"):
        check_ex2((16, 14, 14), 1216)


def test_ex3():
    assert check_ex3(17).startswith("Correct")
    with pytest.raises(WrongAnswer, match="ignores the strides"):
        check_ex3(9)
    with pytest.raises(WrongAnswer):
        check_ex3(15)


def test_ex4():
    def right(x, delta):
        k = x.shape[0] - delta.shape[0] + 1
        return np.array([[np.sum(delta * x[s:s + delta.shape[0], t:t + delta.shape[1]]) for t in range(k)]
                         for s in range(k)])

    assert check_ex4(right).startswith("Correct")
    with pytest.raises(WrongAnswer, match="wrong values"):
        check_ex4(lambda x, d: right(x, d)[::-1, ::-1])
    with pytest.raises(WrongAnswer, match="must be"):
        check_ex4(lambda x, d: np.zeros((2, 2)))
