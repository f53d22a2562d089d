"""The Module 0 exercise checkers accept the right answers and reject typical wrong ones."""

import numpy as np
import pytest

from syllabus_code.maths.exercises import check_ex1, check_ex2, check_ex3, check_ex4, check_ex5


def test_right_answers():
    assert check_ex1(7850).startswith("Correct")
    assert check_ex2(lambda A, b, x: 2 * A.T @ (A @ x - b)).startswith("Correct")
    assert check_ex3(0.98 * 0.005 / (0.98 * 0.005 + 0.03 * 0.995)).startswith("Correct")
    assert check_ex4(0.25).startswith("Correct")
    assert check_ex5(0.2).startswith("Correct")


def test_wrong_answers_give_hints():
    with pytest.raises(AssertionError, match="bias"):
        check_ex1(7840)
    with pytest.raises(AssertionError, match="transpose"):
        check_ex2(lambda A, b, x: A.T @ (A @ x - b))
    with pytest.raises(AssertionError, match="shape"):
        check_ex2(lambda A, b, x: A @ x - b)
    with pytest.raises(AssertionError, match="sensitivity"):
        check_ex3(0.98)
    with pytest.raises(AssertionError, match="nats"):
        check_ex4(0.25 * np.log(2))
    with pytest.raises(AssertionError, match="curvature"):
        check_ex5(2.0)
    with pytest.raises(AssertionError):
        check_ex5(0.1)


def test_bad_types():
    with pytest.raises(TypeError, match="n_params"):
        check_ex1("7850")
    with pytest.raises(TypeError, match="grad_fn"):
        check_ex2(3)
    with pytest.raises(TypeError, match="kl_bits"):
        check_ex4(None)
