import math

import numpy as np
import pytest

from syllabus_code.models import attention_exercises as ex


def test_right_answers_pass_and_wrong_answers_fail():
    p = 4 * 768 * 768 + 4 * 768
    assert ex.check_ex1([p, p, p]).startswith("Correct")
    assert ex.check_ex1([p, 12 * p, 16 * p]).startswith("Not yet")
    assert ex.check_ex2((197, 577)).startswith("Correct")
    assert ex.check_ex2((196, 576)).startswith("Not yet")
    scores = np.array(ex.Q3) @ np.array(ex.K3).T / math.sqrt(2)  # independent NumPy softmax
    w = np.exp(scores) / np.exp(scores).sum(1, keepdims=True)
    assert ex.check_ex3(w.round(3)).startswith("Correct")
    assert ex.check_ex3(np.full((2, 3), 1 / 3)).startswith("Not yet")
    assert ex.check_ex4(3 * 16 * 16 * 768 + 768).startswith("Correct")
    assert ex.check_ex4(3 * 16 * 16 * 768).startswith("Not yet")


def test_bad_answers_raise():
    with pytest.raises(TypeError, match="3 ints"):
        ex.check_ex1(5)
    with pytest.raises(TypeError, match="pair"):
        ex.check_ex2([1])
    with pytest.raises(ValueError, match=r"shape \(2, 3\)"):
        ex.check_ex3([[1.0, 0.0]])
    with pytest.raises(TypeError, match="int"):
        ex.check_ex4("590592")
