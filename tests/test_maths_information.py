"""syllabus_code.maths.information against scipy.stats.entropy, scipy.special and torch."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from scipy import special, stats

from syllabus_code.maths.information import (
    cross_entropy,
    cross_entropy_from_logits,
    entropy,
    kl_divergence,
    log_softmax,
    logsumexp,
)

rng = np.random.default_rng(0)


def rand_probs(*shape):
    p = rng.random(shape)
    return p / p.sum(axis=-1, keepdims=True)


def test_entropy_known_values_and_scipy():
    assert entropy([0.5, 0.5], base=2) == pytest.approx(1.0)
    assert entropy(np.full(8, 1 / 8), base=2) == pytest.approx(3.0)
    assert entropy([1.0, 0.0, 0.0]) == 0.0  # 0 log 0 = 0, no NaN
    p = rand_probs(6)
    assert entropy(p) == pytest.approx(stats.entropy(p), rel=1e-12)
    assert entropy(p, base=2) == pytest.approx(stats.entropy(p, base=2), rel=1e-12)
    batch = rand_probs(4, 5)
    np.testing.assert_allclose(entropy(batch), stats.entropy(batch, axis=1), rtol=1e-12)


def test_kl_and_cross_entropy_against_scipy_and_torch():
    p, q = rand_probs(7), rand_probs(7)
    assert kl_divergence(p, q) == pytest.approx(stats.entropy(p, q), rel=1e-12)
    assert kl_divergence(p, q) == pytest.approx(special.rel_entr(p, q).sum(), rel=1e-12)
    torch_kl = F.kl_div(
        torch.tensor(np.log(q)), torch.tensor(p), reduction="sum"
    ).item()
    assert kl_divergence(p, q) == pytest.approx(torch_kl, rel=1e-12)
    torch_ce = F.cross_entropy(
        torch.tensor(np.log(q))[None], torch.tensor(p)[None]
    ).item()
    assert cross_entropy(p, q) == pytest.approx(torch_ce, rel=1e-12)


def test_decomposition_and_properties():
    P, Q = rand_probs(10, 5), rand_probs(10, 5)
    np.testing.assert_allclose(
        cross_entropy(P, Q), entropy(P) + kl_divergence(P, Q), rtol=1e-12
    )
    assert np.all(kl_divergence(P, Q) >= 0)
    np.testing.assert_allclose(kl_divergence(P, P), 0.0, atol=1e-15)
    # not symmetric
    assert kl_divergence(P[0], Q[0]) != pytest.approx(kl_divergence(Q[0], P[0]))


def test_zeros_conventions():
    p = np.array([0.5, 0.5, 0.0])
    q = np.array([0.25, 0.25, 0.5])
    # P(x) = 0 terms vanish
    assert kl_divergence(p, q) == pytest.approx(np.log(2))
    assert cross_entropy(p, q) == pytest.approx(np.log(4))
    # Q(x) = 0 where P(x) > 0: infinite, without warnings
    with np.errstate(all="raise"):
        assert kl_divergence(q, p) == np.inf
        assert cross_entropy(q, p) == np.inf
    assert stats.entropy(q, p) == np.inf


def test_logsumexp_and_log_softmax_stable():
    z = np.array([[1000.0, 1001.0, 999.0], [-1000.0, -1002.0, -1001.0]])
    np.testing.assert_allclose(logsumexp(z), special.logsumexp(z, axis=1), rtol=1e-14)
    np.testing.assert_allclose(
        log_softmax(z), special.log_softmax(z, axis=1), atol=1e-12
    )
    assert np.all(np.isfinite(log_softmax(z)))
    np.testing.assert_allclose(
        logsumexp(z, axis=0), special.logsumexp(z, axis=0), rtol=1e-14
    )


def test_cross_entropy_from_logits_matches_torch():
    logits = rng.normal(size=(8, 5)) * 10
    targets = rng.integers(0, 5, size=8)
    ref = F.cross_entropy(torch.tensor(logits), torch.tensor(targets)).item()
    assert cross_entropy_from_logits(logits, targets) == pytest.approx(ref, rel=1e-12)
    huge = np.array([[1e4, 0.0], [0.0, 1e4]])
    # finite, exact
    assert cross_entropy_from_logits(huge, np.array([1, 1])) == pytest.approx(5e3)


def test_bad_inputs():
    with pytest.raises(ValueError, match="p must sum to 1"):
        entropy([0.5, 0.6])
    with pytest.raises(ValueError, match="q must have entries in"):
        kl_divergence([0.5, 0.5], [1.5, -0.5])
    with pytest.raises(ValueError, match="same shape"):
        cross_entropy([0.5, 0.5], [0.2, 0.3, 0.5])
    with pytest.raises(ValueError, match="base"):
        entropy([0.5, 0.5], base=0)
    with pytest.raises(TypeError, match="targets"):
        cross_entropy_from_logits(np.zeros((2, 3)), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match="targets"):
        cross_entropy_from_logits(np.zeros((2, 3)), np.array([0, 3]))
    with pytest.raises(ValueError, match="targets"):
        cross_entropy_from_logits(np.zeros((2, 3)), np.array([0]))
    with pytest.raises(ValueError, match="logits"):
        cross_entropy_from_logits(np.zeros(3), np.array([0]))
    with pytest.raises(ValueError, match="z"):
        logsumexp(3.0)
