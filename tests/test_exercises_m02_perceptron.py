"""The Module 2 checkers accept the right answers and reject wrong ones with a hint."""

import numpy as np
import pytest

from syllabus_code.exercises import m02_perceptron as ex
from syllabus_code.ml.perceptron import train_perceptron


def test_ex1_nand_unit():
    assert ex.check_ex1(((-1, -1), -1)).startswith("Correct: ")
    assert ex.check_ex1(((-2, -2), -3)).startswith("Correct: ")
    got = ex.check_ex1(((1, 1), 2))  # AND
    assert (
        got
        == "Not yet: your unit outputs [0, 0, 0, 1] on 00, 01, 10, 11; NAND is [1, 1, 1, 0]."
    )
    with pytest.raises(TypeError, match="weights"):
        ex.check_ex1(((1,), 1))
    with pytest.raises(TypeError, match="pair"):
        ex.check_ex1((-1, -1, -1))


def test_ex2_perceptron_step():
    assert ex.check_ex2(((1.0, 0.0), 0.5)).startswith("Correct: ")
    assert ex.check_ex2(((0.5, -1.0), 0.0)).startswith("Not yet: ")
    with pytest.raises(TypeError, match="b must be 1 number"):
        ex.check_ex2(((1.0, 0.0), (0.5, 1.0)))


def test_ex3_novikoff_bound():
    assert ex.check_ex3(2.5) == "Correct: R² = 5, γ² = 2, so the bound is 2.5 mistakes."
    assert "augment" in ex.check_ex3(2.0)
    assert ex.check_ex3(3.0).startswith("Not yet: ")
    # the bound holds for the data: the perceptron makes at most 2.5 mistakes
    assert train_perceptron(np.array(ex.EX3_X), np.array(ex.EX3_Y)).mistakes <= 2.5
