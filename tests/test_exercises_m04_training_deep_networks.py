"""The Module 4 checkers accept the reference answers and reject typical mistakes with a hint."""

import numpy as np
import pytest

from syllabus_code.exercises import m04_training_deep_networks as ex


def test_ex1():
    def good(fi, fo, rng):
        a = np.sqrt(6 / (fi + fo))
        return rng.uniform(-a, a, (fi, fo))

    assert ex.check_ex1(good).startswith("Correct: ")
    assert "a²/3" in ex.check_ex1(
        lambda fi, fo, rng: rng.uniform(-1, 1, (fi, fo)) * np.sqrt(2 / (fi + fo))
    )
    normal = lambda fi, fo, rng: rng.standard_normal((fi, fo)) * np.sqrt(2 / (fi + fo))  # noqa: E731
    assert "exceed" in ex.check_ex1(normal)
    assert "shape" in ex.check_ex1(lambda fi, fo, rng: good(fo, fi, rng))
    assert ex.check_ex1(lambda fi, fo, rng: good(fi, fo, rng) * 2).startswith(
        "Not yet: "
    )
    with pytest.raises(TypeError, match="function"):
        ex.check_ex1(None)


def test_ex2():
    def good(dout, x, gamma, eps):
        m = x.shape[0]
        xhat = (x - x.mean(0)) / np.sqrt(x.var(0) + eps)
        g = dout * gamma
        return (m * g - g.sum(0) - xhat * (g * xhat).sum(0)) / (
            m * np.sqrt(x.var(0) + eps)
        )

    assert ex.check_ex2(good).startswith("Correct: ")
    assert "evaluation-mode" in ex.check_ex2(
        lambda d, x, g, e: d * g / np.sqrt(x.var(0) + e)
    )
    assert ex.check_ex2(lambda d, x, g, e: d).startswith("Not yet: ")
    assert "shape" in ex.check_ex2(lambda d, x, g, e: d[0])
    with pytest.raises(TypeError, match="function"):
        ex.check_ex2("dx")


def test_ex3():
    def good(x, p, rng):
        return x * (rng.random(x.shape) >= p) / (1 - p)

    assert ex.check_ex3(good).startswith("Correct: ")
    assert "(1 - p)" in ex.check_ex3(lambda x, p, rng: x * (rng.random(x.shape) >= p))
    assert "1 - p" in ex.check_ex3(
        lambda x, p, rng: x * (rng.random(x.shape) < p) / (1 - p)
    )
    assert ex.check_ex3(lambda x, p, rng: x * 3).startswith("Not yet: ")


def test_ex4():
    assert ex.check_ex4((1 - 0.1 * 5e-4) ** 1000) == "Correct: (1 − αλ)^1000 = 0.9512."
    assert "learning rate" in ex.check_ex4((1 - 5e-4) ** 1000)
    assert "compounds" in ex.check_ex4(1 - 1000 * 0.1 * 5e-4)
    assert ex.check_ex4(0.5).startswith("Not yet: ")
    with pytest.raises(TypeError, match="answer must be a number"):
        ex.check_ex4("0.95")
