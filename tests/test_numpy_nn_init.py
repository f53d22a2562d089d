"""Initialisers: shapes, bounds, empirical variances against the formulas and against torch.nn.init."""

import numpy as np
import pytest
import torch

from syllabus_code.numpy_nn import init


@pytest.mark.parametrize(
    "scheme", ["xavier_uniform", "xavier_normal", "he_normal", "he_uniform"]
)
@pytest.mark.parametrize("fans", [(300, 100), (64, 512)])
def test_empirical_variance_matches_formula(scheme, fans):
    fan_in, fan_out = fans
    w = init.initialize(scheme, fan_in, fan_out, rng=0)
    assert w.shape == (fan_in, fan_out)
    want = 2.0 / (fan_in + fan_out) if scheme.startswith("xavier") else 2.0 / fan_in
    assert init.init_variance(scheme, fan_in, fan_out) == pytest.approx(want)
    # sample variance of n = 30000+ draws: relative standard error sqrt(2/n) < 1 %; allow 4 %
    assert w.var() == pytest.approx(want, rel=0.04)
    assert abs(w.mean()) < 4 * np.sqrt(want / w.size)


def test_uniform_bounds():
    fan_in, fan_out = 200, 50
    a = np.sqrt(6 / (fan_in + fan_out))
    w = init.xavier_uniform(fan_in, fan_out, 1)
    assert w.min() >= -a and w.max() <= a and w.max() > 0.99 * a and w.min() < -0.99 * a
    b = np.sqrt(6 / fan_in)
    w = init.he_uniform(fan_in, fan_out, 1)
    assert w.min() >= -b and w.max() <= b and w.max() > 0.99 * b


@pytest.mark.parametrize(
    "ours,theirs",
    [
        ("xavier_uniform", lambda t: torch.nn.init.xavier_uniform_(t)),
        ("xavier_normal", lambda t: torch.nn.init.xavier_normal_(t)),
        ("he_normal", lambda t: torch.nn.init.kaiming_normal_(t, nonlinearity="relu")),
        (
            "he_uniform",
            lambda t: torch.nn.init.kaiming_uniform_(t, nonlinearity="relu"),
        ),
    ],
)
def test_same_law_as_torch(ours, theirs):
    fan_in, fan_out = 400, 100
    torch.manual_seed(0)
    # torch Linear weight: (out, in)
    t = theirs(torch.empty(fan_out, fan_in, dtype=torch.float64))
    w = init.initialize(ours, fan_in, fan_out, rng=0)
    assert w.var() == pytest.approx(float(t.var()), rel=0.05)
    assert np.abs(w).max() <= float(t.abs().max()) * 1.2 + 1e-12 or ours.endswith(
        "normal"
    )


def test_zeros_and_normal():
    assert not init.zeros(3, 4).any()
    w = init.normal(500, 200, rng=2, std=0.05)
    assert w.std() == pytest.approx(0.05, rel=0.02)
    assert init.init_variance("normal", 3, 4, std=0.5) == 0.25
    assert init.init_variance("zeros", 3, 4) == 0.0


def test_seeding_and_dtype():
    np.testing.assert_array_equal(
        init.he_normal(5, 6, 3), init.he_normal(5, 6, np.random.default_rng(3))
    )
    assert init.xavier_normal(5, 6, 0, dtype=np.float32).dtype == np.float32


def test_activation_stats_tell_the_story():
    tanh_xavier = init.activation_stats(50, 128, "tanh", "xavier_normal", n=200)
    relu_he = init.activation_stats(50, 128, "relu", "he_normal", n=200)
    relu_small = init.activation_stats(50, 128, "relu", "normal", std=0.01, n=200)
    relu_large = init.activation_stats(50, 128, "relu", "normal", std=0.3, n=200)
    assert tanh_xavier.shape == (50,)
    tanh_small = init.activation_stats(50, 128, "tanh", "normal", std=0.01, n=200)
    # shrinks slowly (not geometrically)
    assert 0.05 < tanh_xavier[-1] < tanh_xavier[0] < 1
    assert tanh_small[-1] < 1e-30  # shrinks geometrically
    assert 0.3 < relu_he[-1] / relu_he[0] < 3  # He keeps the scale over 50 layers
    assert relu_small[-1] < 1e-40  # vanishes
    assert relu_large[-1] > 1e10  # explodes


def test_layer_gradient_norms():
    sig = init.layer_gradient_norms(20, 64, "sigmoid", "xavier_normal")
    relu = init.layer_gradient_norms(20, 64, "relu", "he_normal")
    assert sig.shape == (20,)
    assert sig[0] / sig[-1] < 1e-6  # vanishing towards the input
    assert 0.05 < relu[0] / relu[-1] < 20  # roughly flat with He initialisation


def test_bad_input():
    with pytest.raises(ValueError, match="fan_in"):
        init.xavier_uniform(0, 3)
    with pytest.raises(TypeError, match="fan_out must be an integer"):
        init.he_normal(3, 2.5)
    with pytest.raises(TypeError, match="dtype must be a floating dtype"):
        init.he_normal(3, 2, dtype=np.int64)  # would be all zeros
    with pytest.raises(ValueError, match="std"):
        init.normal(3, 3, std=-1.0)
    with pytest.raises(ValueError, match="std must be given"):
        init.initialize("normal", 3, 3)
    with pytest.raises(ValueError, match="std is only used"):
        init.initialize("he_normal", 3, 3, std=0.1)
    with pytest.raises(ValueError, match="scheme"):
        init.initialize("glorot", 3, 3)
    with pytest.raises(TypeError, match="rng"):
        init.he_normal(3, 3, rng="seed")
    with pytest.raises(ValueError, match="activation"):
        init.activation_stats(activation="swish")
    with pytest.raises(ValueError, match="depth"):
        init.layer_gradient_norms(depth=1)
    with pytest.raises(ValueError, match="width"):
        init.activation_stats(width=0)
