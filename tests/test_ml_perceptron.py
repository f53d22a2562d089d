"""syllabus_code.ml.perceptron: logic gates, the learning rule, Novikoff's bound, XOR."""

from __future__ import annotations

import numpy as np
import pytest

from syllabus_code.ml.perceptron import (
    LOGIC_GATES,
    augment,
    margin,
    mcculloch_pitts,
    novikoff_bound,
    perceptron_predict,
    separable_data,
    train_perceptron,
    truth_table,
    xor_data,
)


@pytest.mark.parametrize(
    "gate, want", [("AND", [0, 0, 0, 1]), ("OR", [0, 1, 1, 1]), ("NOT", [1, 0])]
)
def test_mcculloch_pitts_gates(gate, want):
    inputs, out = truth_table(*LOGIC_GATES[gate])
    assert out.tolist() == want
    assert inputs.shape == (len(want), len(LOGIC_GATES[gate][0]))


def test_mcculloch_pitts_single_input_and_threshold_is_inclusive():
    assert mcculloch_pitts([1, 1], [1, 1], 2).item() == 1  # sum == threshold fires
    assert mcculloch_pitts([1, 0], [1, 1], 2).item() == 0


def test_learning_rule_one_step_by_hand():
    # the first example is always a mistake from w = 0 (score 0), so w = lr*y*x, b = lr*y
    r = train_perceptron([[2.0, -1.0]], [-1.0], lr=0.5, max_epochs=1)
    np.testing.assert_allclose(r.w, [-1.0, 0.5])
    assert r.b == -0.5 and r.mistakes == 1 and not r.converged
    r = train_perceptron([[2.0, -1.0]], [-1.0], lr=0.5, max_epochs=5)
    assert r.converged and r.errors_per_epoch == [1, 0]


def test_rule_equals_augmented_update(rng):
    X, y = separable_data(30, rng)
    r = train_perceptron(X, y, lr=0.3, max_epochs=1)
    # replay the augmented form w̃ <- w̃ + lr y x̃ and compare
    wt = np.zeros(3)
    for xt, yi in zip(augment(X), y):
        if yi * (wt @ xt) <= 0:
            wt += 0.3 * yi * xt
    np.testing.assert_allclose(np.append(r.w, r.b), wt, atol=1e-12)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("min_margin", [0.02, 0.1])
def test_converges_within_novikoff_bound(seed, min_margin):
    X, y = separable_data(
        150, np.random.default_rng(seed), w=(1.0, -1.0), b=0.2, min_margin=min_margin
    )
    gamma = margin(X, y, [1.0, -1.0], 0.2)
    assert gamma >= min_margin - 1e-12
    bound = novikoff_bound(X, y, [1.0, -1.0], 0.2)
    R = np.max(np.linalg.norm(np.hstack([X, np.ones((len(X), 1))]), axis=1))
    assert bound == pytest.approx((R / gamma) ** 2)
    r = train_perceptron(X, y, lr=1.0, max_epochs=10_000)
    assert r.converged
    assert r.mistakes <= bound
    np.testing.assert_array_equal(perceptron_predict(X, r.w, r.b), y)
    assert margin(X, y, r.w, r.b) > 0


@pytest.mark.parametrize("scale", [1e-300, 1e300])
def test_separable_data_depends_on_the_separator_not_its_scale(scale):
    """(w, b) and (c w, c b) are one separator: the same points and labels, without an
    overflow in the norm on the way (found by tests/test_api_contract.py)."""
    want = separable_data(40, np.random.default_rng(3), w=(1.0, -1.0), b=0.2)
    with np.errstate(all="raise"):
        got = separable_data(
            40, np.random.default_rng(3), w=(scale, -scale), b=0.2 * scale
        )
    np.testing.assert_array_equal(got[0], want[0])
    np.testing.assert_array_equal(got[1], want[1])


def test_mistakes_do_not_depend_on_lr_from_zero(rng):
    X, y = separable_data(80, rng)
    a, b = train_perceptron(X, y, lr=1.0), train_perceptron(X, y, lr=0.01)
    assert a.errors_per_epoch == b.errors_per_epoch
    np.testing.assert_allclose(b.w, 0.01 * a.w)


def test_margin_with_bias_counts_bias_in_norm():
    X, y = [[1.0, 0.0], [-1.0, 0.0]], [1.0, -1.0]
    # separator x1 + 0 = 0 (w=(1,0), b=0): margin 1, R = ||(1, 0, 1)|| = sqrt(2), bound 2
    assert margin(X, y, [1.0, 0.0], 0.0) == pytest.approx(1.0)
    assert novikoff_bound(X, y, [1.0, 0.0], 0.0) == pytest.approx(2.0)
    # shifted separator x1 - 0.5 = 0: margin min(0.5, 1.5)/sqrt(1.25)
    assert margin(X, y, [1.0, 0.0], -0.5) == pytest.approx(0.5 / np.sqrt(1.25))


def test_xor_never_reaches_zero_errors():
    X, y = xor_data()
    for lr in (1.0, 0.1):
        r = train_perceptron(X, y, lr=lr, max_epochs=1000)
        assert not r.converged and r.epochs == 1000
        assert min(r.errors_per_epoch) >= 1
        assert np.any(perceptron_predict(X, r.w, r.b) != y)


def test_bad_input(rng):
    X, y = xor_data()
    with pytest.raises(ValueError, match="y must hold labels"):
        train_perceptron(X, (y + 1) / 2)
    with pytest.raises(ValueError, match="lr"):
        train_perceptron(X, y, lr=0.0)
    with pytest.raises(ValueError, match="lr"):
        train_perceptron(X, y, lr=-1.0)
    with pytest.raises(ValueError, match="max_epochs"):
        train_perceptron(X, y, max_epochs=0)
    with pytest.raises(ValueError, match="X and y"):
        train_perceptron(X, y[:3])
    with pytest.raises(ValueError, match="X must be 2-D"):
        train_perceptron(X[0], y[:1])
    with pytest.raises(TypeError, match="X"):
        train_perceptron([["a", "b"]], [1.0])
    with pytest.raises(ValueError, match="w must have 2"):
        perceptron_predict(X, [1.0], 0.0)
    with pytest.raises(ValueError, match="positive margin"):
        novikoff_bound(X, y, [1.0, 1.0], -1.0)
    with pytest.raises(ValueError, match="w and b"):
        margin(X, y, [0.0, 0.0], 0.0)
    with pytest.raises(ValueError, match="binary"):
        mcculloch_pitts([0.5, 1.0], [1, 1], 1)
    with pytest.raises(ValueError, match="x must have 2 inputs"):
        mcculloch_pitts([1, 0, 1], [1, 1], 1)
    with pytest.raises(TypeError, match="threshold"):
        mcculloch_pitts([1, 0], [1, 1], "1")
    with pytest.raises(ValueError, match="min_margin"):
        separable_data(5, rng, min_margin=0)
    with pytest.raises(ValueError, match="n must"):
        separable_data(0, rng)
