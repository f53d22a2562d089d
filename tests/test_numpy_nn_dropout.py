"""Inverted dropout: expectation preserved (measured), identity at test time, backward, bad input."""

import numpy as np
import pytest
import torch

from syllabus_code.numpy_nn.dropout import dropout_backward, dropout_forward
from syllabus_code.numpy_nn.gradcheck import check_gradient


@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_expectation_is_preserved(p):
    x = np.linspace(-2, 3, 50).reshape(5, 10)
    rng = np.random.default_rng(0)
    trials = 20000
    total = np.zeros_like(x)
    for _ in range(trials):
        total += dropout_forward(x, p, rng)[0]
    mean = total / trials
    # each entry is x/(1-p) times a Bernoulli(1-p) mean: std of the average = |x| sqrt(p/(1-p)/trials)
    bound = 5 * np.abs(x) * np.sqrt(p / (1 - p) / trials) + 1e-12
    assert np.all(np.abs(mean - x) <= bound)


def test_mask_values_and_rate():
    rng = np.random.default_rng(1)
    out, mask = dropout_forward(np.ones((200, 500)), 0.3, rng)
    assert set(np.unique(mask)) == {0.0, 1 / 0.7}
    assert abs((mask == 0).mean() - 0.3) < 0.005
    np.testing.assert_array_equal(out, mask)


def test_eval_is_identity_and_p0_is_identity():
    x = np.random.default_rng(2).standard_normal((4, 3))
    out, cache = dropout_forward(x, 0.5, training=False)
    np.testing.assert_array_equal(out, x)
    np.testing.assert_array_equal(
        dropout_backward(np.ones_like(x), cache), np.ones_like(x)
    )
    np.testing.assert_array_equal(dropout_forward(x, 0.0, rng=3)[0], x)


def test_seeded_and_backward_uses_the_same_mask():
    x = np.random.default_rng(3).standard_normal((6, 7))
    a, mask = dropout_forward(x, 0.4, np.random.default_rng(5))
    b, _ = dropout_forward(x, 0.4, 5)
    np.testing.assert_array_equal(a, b)
    dout = np.random.default_rng(4).standard_normal(x.shape)
    dx = dropout_backward(dout, mask)
    assert check_gradient(lambda v: float(np.sum(v * mask * dout)), x, dx) < 1e-6


def test_same_scaling_as_torch():
    # torch draws its own mask; given that mask, the kept values are x / (1 - p) in both
    torch.manual_seed(0)
    x = torch.randn(100, 50, dtype=torch.float64)
    p = 0.3
    y = torch.nn.functional.dropout(x, p, training=True)
    kept = y != 0
    np.testing.assert_allclose(y[kept].numpy(), (x[kept] / (1 - p)).numpy(), rtol=1e-12)
    _, mask = dropout_forward(x.numpy(), p, 0)
    np.testing.assert_allclose(np.unique(mask), [0.0, 1 / (1 - p)])


def test_bad_input():
    x = np.ones((2, 3))
    for p in (1.0, -0.1, 1.5):
        with pytest.raises(
            ValueError,
            match=r"p \(the probability of dropping a unit\) must be a finite number in \[0, 1\)",
        ):
            dropout_forward(x, p, 0)
    with pytest.raises(
        TypeError, match=r"p \(the probability of dropping a unit\) must be a number"
    ):
        dropout_forward(x, "0.5", 0)
    with pytest.raises(TypeError, match="rng"):
        dropout_forward(x, 0.5, None)
    with pytest.raises(TypeError, match="x"):
        dropout_forward("abc", 0.5, 0)
    _, mask = dropout_forward(x, 0.5, 0)
    with pytest.raises(ValueError, match="dout"):
        dropout_backward(np.ones((3, 2)), mask)


def test_dropout_refuses_input_its_scaling_would_overflow():
    with pytest.raises(
        ValueError, match=r"x is too large for dropout in float64: .* 1/\(1 - p\) = 2"
    ):
        dropout_forward(np.full((2, 3), 1e308), p=0.5, rng=0)
    # identity: fine
    out, _ = dropout_forward(np.full((2, 3), 1e308), p=0.5, rng=0, training=False)
    assert np.all(out == 1e308)
