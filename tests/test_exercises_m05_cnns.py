"""The Module 5 checkers: right answers pass, typical wrong answers get a hint, malformed ones raise."""

import numpy as np
import pytest

from syllabus_code.exercises.m05_cnns import (
    EX1_INPUT,
    EX1_KERNEL,
    check_ex1,
    check_ex2,
    check_ex3,
    check_ex4,
)


def test_ex1():
    right = np.array(
        [
            [1 * 1 + 2 * -1 + 3 * 2 + -1 * 0, 0 - (-1) + 2 * 2 + 0],
            [0 - 1 + 2 * -2 + 0, 1 - 0 + 2 * 3 + 0],
        ]
    )
    assert right.tolist() == [[5, 5], [-5, 7]]
    assert check_ex1(right).startswith("Correct: ")
    flipped = np.array(
        [
            [-1 * 1 + 3 * -1 + 2 * 2 + 1 * 0, 2 * 1 + 2 * -1 + -1 * 2 + 0],
            [4 - (-2) + 1 * 2 + 0, 1 - 3 + 0 * 2 + 1 * 0],
        ],
        dtype=float,
    )
    assert EX1_INPUT.shape == (4, 4) and EX1_KERNEL.shape == (2, 2)
    assert "flipped the kernel" in check_ex1(flipped)
    assert "2x2 map" in check_ex1(np.zeros((3, 3)))
    assert "positions [[0, 0]]" in check_ex1(right + np.array([[1, 0], [0, 0]]))
    with pytest.raises(TypeError, match="array of numbers"):
        check_ex1("5 5 -5 7")


def test_ex2():
    assert (
        check_ex2(((16, 16, 16), 1216))
        == "Correct: (16, 16, 16), 1,216 parameters ((5*5*3 + 1) * 16)."
    )
    assert "forget the biases" in check_ex2(((16, 16, 16), 1200))
    assert "shape (16, 14, 14)" in check_ex2(((16, 14, 14), 1216))
    with pytest.raises(TypeError, match="pair"):
        check_ex2((16, 16, 16))
    with pytest.raises(TypeError, match="parameters must be an int"):
        check_ex2(((16, 16, 16), 1216.0))


def test_ex3():
    assert check_ex3(17) == "Correct: 1 + 2*1 + 2*1 + 2*2 + 2*4 = 17."
    assert "ignores the strides" in check_ex3(9)
    assert check_ex3(15).startswith("Not yet: ")
    with pytest.raises(TypeError, match="int"):
        check_ex3("17")


def test_ex4():
    def right(x, delta):
        k = x.shape[0] - delta.shape[0] + 1
        return np.array(
            [
                [
                    np.sum(delta * x[s : s + delta.shape[0], t : t + delta.shape[1]])
                    for t in range(k)
                ]
                for s in range(k)
            ]
        )

    assert check_ex4(right).startswith("Correct: ")
    assert "wrong values" in check_ex4(lambda x, d: right(x, d)[::-1, ::-1])
    assert "must be (3, 3)" in check_ex4(lambda x, d: np.zeros((2, 2)))
    with pytest.raises(TypeError, match="function"):
        check_ex4(np.zeros((3, 3)))
