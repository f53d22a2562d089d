"""syllabus_code.ml.exercises: every checker accepts the right answer and rejects wrong ones."""

from __future__ import annotations

import numpy as np
import pytest

from syllabus_code.ml import exercises as ex


def test_check_metrics():
    assert ex.check_metrics((0.6, 0.75, 2 / 3)).startswith("Correct")
    assert ex.check_metrics((0.75, 0.6, 2 / 3)).startswith("Not yet")
    with pytest.raises(ValueError, match="answer"):
        ex.check_metrics((0.6, 0.75))


def test_check_expected_risk():
    assert ex.check_expected_risk(1.5).startswith("Correct")
    assert ex.check_expected_risk(1.25).startswith("Not yet")
    with pytest.raises(TypeError, match="answer"):
        ex.check_expected_risk("one")


def test_check_bias_variance():
    right = lambda p, f: (np.mean((p.mean(0) - f) ** 2), np.mean(p.var(0)))  # noqa: E731
    assert ex.check_bias_variance(right).startswith("Correct")
    ddof1 = lambda p, f: (np.mean((p.mean(0) - f) ** 2), np.mean(p.var(0, ddof=1)))  # noqa: E731
    assert "ddof" in ex.check_bias_variance(ddof1)
    assert ex.check_bias_variance(lambda p, f: (0.0, 0.0)).startswith("Not yet")
    with pytest.raises(TypeError, match="fn"):
        ex.check_bias_variance(3)


def test_check_nand_unit():
    assert ex.check_nand_unit((-1, -1), -1).startswith("Correct")
    assert ex.check_nand_unit((-2, -2), -3).startswith("Correct")
    assert ex.check_nand_unit((1, 1), 2).startswith("Not yet")  # AND
    with pytest.raises(ValueError, match="weights"):
        ex.check_nand_unit((1,), 1)


def test_check_perceptron_step():
    assert ex.check_perceptron_step((1.0, 0.0), 0.5).startswith("Correct")
    assert ex.check_perceptron_step((0.5, -1.0), 0.0).startswith("Not yet")
    with pytest.raises(ValueError, match="b"):
        ex.check_perceptron_step((1.0, 0.0), (0.5, 1.0))


def test_check_novikoff_bound():
    assert ex.check_novikoff_bound(2.5).startswith("Correct")
    assert "augment" in ex.check_novikoff_bound(2.0)
    assert ex.check_novikoff_bound(3.0).startswith("Not yet")
