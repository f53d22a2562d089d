"""The Module 9 checkers, against answers computed independently (NumPy, torch.nn)."""

import math

import numpy as np
import pytest
import torch

from syllabus_code.exercises import m09_vision_transformers as ex


def test_right_answers_pass_and_wrong_answers_fail():
    p = sum(t.numel() for t in torch.nn.MultiheadAttention(768, 12).parameters())
    assert p == 4 * 768 * 768 + 4 * 768
    assert ex.check_ex1([p, p, p]).startswith("Correct: 2,362,368 for every h")
    assert ex.check_ex1([p, 12 * p, 16 * p]).startswith("Not yet: ")
    assert ex.check_ex2((197, 577)).startswith("Correct: (197, 577)")
    assert ex.check_ex2((196, 576)).startswith("Not yet: ")
    # independent NumPy softmax
    scores = np.array(ex.EX3_Q) @ np.array(ex.EX3_K).T / math.sqrt(2)
    w = np.exp(scores) / np.exp(scores).sum(1, keepdims=True)
    assert ex.check_ex3(w.round(3)) == f"Correct: {w.round(3).tolist()}."
    assert ex.check_ex3(np.full((2, 3), 1 / 3)).startswith("Not yet: ")
    assert ex.check_ex4(3 * 16 * 16 * 768 + 768).startswith("Correct: 590,592")
    assert ex.check_ex4(3 * 16 * 16 * 768).startswith("Not yet: ")


@pytest.mark.parametrize(
    "check, answer, match",
    [
        (ex.check_ex1, 5, "3 ints"),
        (ex.check_ex2, [1], "pair"),
        (ex.check_ex3, [[1.0, 0.0]], r"shape \(2, 3\)"),
        (ex.check_ex4, "590592", "int"),
    ],
)
def test_bad_answers_raise(check, answer, match):
    with pytest.raises(TypeError, match=match):
        check(answer)
