"""The Module 0 checkers accept the right answers and reject typical wrong ones with a hint."""

import numpy as np
import pytest

from syllabus_code.exercises.m00_foundations import (
    check_ex1,
    check_ex2,
    check_ex3,
    check_ex4,
    check_ex5,
)


def test_right_answers():
    assert (
        check_ex1(7850)
        == "Correct: W has 10 x 784 = 7840 entries and b has 10, so 7850 parameters."
    )
    assert check_ex2(lambda A, b, x: 2 * A.T @ (A @ x - b)).startswith("Correct: ")
    assert "0.1410" in check_ex3(0.98 * 0.005 / (0.98 * 0.005 + 0.03 * 0.995))
    assert check_ex4(np.float64(0.25)).startswith("Correct: ")
    assert check_ex5(0.2).startswith("Correct: ")


@pytest.mark.parametrize(
    "check, answer, hint",
    [
        (check_ex1, 7840, "bias"),
        (check_ex1, 100, "shape (outputs, inputs)"),
        (check_ex2, lambda A, b, x: A.T @ (A @ x - b), "transpose"),
        (check_ex2, lambda A, b, x: A @ x - b, "shape"),
        (check_ex3, 0.98, "sensitivity"),
        (check_ex3, 0.5, "P(D | +)"),
        (check_ex4, 0.25 * np.log(2), "nats"),
        (check_ex5, 2.0, "curvature"),
        (check_ex5, 0.1, "|1 - lr * lambda|"),
    ],
)
def test_wrong_answers_give_hints(check, answer, hint):
    got = check(answer)
    assert got.startswith("Not yet: ") and hint in got


@pytest.mark.parametrize(
    "check, answer",
    [
        (check_ex1, "7850"),
        (check_ex2, 3),
        (check_ex3, None),
        (check_ex4, None),
        (check_ex5, True),
    ],
)
def test_malformed_answers_raise_type_error(check, answer):
    with pytest.raises(TypeError, match="answer"):
        check(answer)
