"""The shared verdict and answer checks of syllabus_code.exercises."""

import numpy as np
import pytest

from syllabus_code.exercises import _verdict as v


def test_verdict_text():
    assert v.verdict(True, "yes.", "no.") == "Correct: yes."
    assert v.verdict(False, "yes.", "no.") == "Not yet: no."
    assert v.not_yet("hint.") == "Not yet: hint."


def test_numbers_are_accepted_with_numpy_scalars():
    assert v.as_int(np.int64(3)) == 3 and type(v.as_int(np.int64(3))) is int
    assert v.as_float(np.float32(0.5)) == 0.5 and v.as_float(2) == 2.0
    assert v.as_numbers(1.5, 1).tolist() == [1.5]
    assert v.as_sequence(np.array([1, 2]), 2, "a pair") == (1, 2)
    assert v.as_array([[1, 2]], (1, 2)).dtype == np.float64


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: v.as_int(True), "answer must be an int, got bool"),
        (lambda: v.as_int(2.0, "n"), "n must be an int, got float"),
        (lambda: v.as_float("0.5"), "must be a number, got str"),
        (lambda: v.as_float(np.bool_(True)), "must be a number"),
        (lambda: v.as_numbers("1.5", 1), "1 number"),
        (lambda: v.as_numbers([1, 2], 3), "3 number"),
        (lambda: v.as_sequence(5, 2, "a pair"), "must be a pair, got 5"),
        (lambda: v.as_array("ab"), "array of numbers"),
        (lambda: v.as_array([1, 2], (2, 3)), r"shape \(2, 3\)"),
        (lambda: v.as_function(3, "fn"), "fn must be a function, got int"),
    ],
)
def test_malformed_answers_raise_type_error(call, match):
    with pytest.raises(TypeError, match=match):
        call()
