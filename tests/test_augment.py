"""mixup and CutMix from their definitions, checked against torchvision's MixUp and CutMix."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from scipy import stats
from torchvision.transforms import v2

from syllabus_code import augment as A


def batch(n=6, c=3, h=12, w=10, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(n, c, h, w, generator=g), torch.randint(0, 5, (n,), generator=g)


def test_lambda_follows_beta_alpha_alpha():
    g = torch.Generator().manual_seed(0)
    for alpha in (0.2, 1.0, 4.0):
        draws = np.array([A.sample_lambda(alpha, g) for _ in range(3000)])
        assert stats.kstest(draws, stats.beta(alpha, alpha).cdf).pvalue > 1e-3


def test_lambda_is_a_seeded_beta_draw_and_a_generator_leaves_the_global_stream_alone():
    a = torch.tensor(0.4, dtype=torch.float64)
    torch.manual_seed(7)
    reference = float(torch.distributions.Beta(a, a).sample())
    torch.manual_seed(7)
    assert A.sample_lambda(0.4) == reference  # no generator: torch's global stream
    g1, g2 = torch.Generator().manual_seed(3), torch.Generator().manual_seed(3)
    first = [A.sample_lambda(0.4, g1) for _ in range(3)]
    # same seed, same draws
    assert first == [A.sample_lambda(0.4, g2) for _ in range(3)]
    assert len(set(first)) == 3  # the generator moves on between draws
    torch.manual_seed(0)
    expected = torch.rand(3)
    torch.manual_seed(0)
    A.sample_lambda(0.4, torch.Generator().manual_seed(3))
    assert torch.equal(torch.rand(3), expected)  # the global stream was not consumed


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_mixup_matches_torchvision_with_the_same_lambda(seed):
    x, y = batch()
    t = v2.MixUp(alpha=0.7, num_classes=5)
    torch.manual_seed(seed)
    lam = float(t._dist.sample(()))  # replay torchvision's draw
    torch.manual_seed(seed)
    tx, ty = t(x, y)
    ox, oy, olam = A.mixup(x, y, 5, lam=lam)
    assert olam == lam
    torch.testing.assert_close(ox, tx)
    torch.testing.assert_close(oy, ty)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5])
def test_cutmix_matches_torchvision_with_the_same_lambda_and_centre(seed):
    x, y = batch()
    h, w = x.shape[-2:]
    t = v2.CutMix(alpha=1.0, num_classes=5)
    torch.manual_seed(seed)
    lam = float(t._dist.sample(()))
    # torchvision draws x first
    cx, cy = (int(torch.randint(w, (1,))), int(torch.randint(h, (1,))))
    torch.manual_seed(seed)
    tx, ty = t(x, y)
    ox, oy, lam_kept, box = A.cutmix(x, y, 5, lam=lam, center=(cy, cx))
    torch.testing.assert_close(ox, tx, rtol=0, atol=0)
    torch.testing.assert_close(oy, ty)


def test_mixup_definition_and_soft_labels_sum_to_one():
    x, y = batch()
    perm = torch.tensor([3, 0, 5, 1, 2, 4])
    ox, oy, lam = A.mixup(x, y, 5, lam=0.3, partner=perm)
    torch.testing.assert_close(ox, 0.3 * x + 0.7 * x[perm])
    assert torch.allclose(oy.sum(1), torch.ones(6))
    assert oy[0, y[0]] >= 0.3 - 1e-6  # at least λ on its own class


def test_cutmix_label_weight_is_the_clipped_area():
    # centre in a corner: the box is clipped, so λ' differs from λ and equals the kept area
    x, y = batch(h=10, w=10)
    lam = 0.36  # unclipped box 8 x 8 (sqrt(0.64) = 0.8)
    ox, oy, lam_kept, (x1, y1, x2, y2) = A.cutmix(x, y, 5, lam=lam, center=(0, 0))
    assert (x1, y1, x2, y2) == (0, 0, 4, 4)
    assert lam_kept == pytest.approx(1 - 16 / 100)
    # pixels replaced by the partner's (rand images differ everywhere)
    changed = (ox != x).any(dim=1)
    assert changed.float().mean().item() == pytest.approx(16 / 100)
    # unclipped: the area fraction is 1 - λ up to pixel rounding
    *_, lam_mid, box = A.cutmix(x, y, 5, lam=lam, center=(5, 5))
    assert box == (1, 1, 9, 9) and lam_mid == pytest.approx(lam)


def test_cutmix_box_area_tracks_one_minus_lambda():
    for lam in np.linspace(0.05, 0.95, 10):
        x1, y1, x2, y2 = A.cutmix_box(float(lam), 224, 224, (112, 112))
        # half-sides rounded down
        assert abs((x2 - x1) * (y2 - y1) / 224**2 - (1 - lam)) < 0.02
        assert math.isclose((x2 - x1) / 224, math.sqrt(1 - lam), abs_tol=2 / 224)


def test_soft_cross_entropy_equals_hard_cross_entropy_on_one_hot():
    logits = torch.randn(5, 4, generator=torch.Generator().manual_seed(0))
    y = torch.tensor([0, 3, 1, 1, 2])
    torch.testing.assert_close(
        A.soft_cross_entropy(logits, A.one_hot(y, 4)),
        torch.nn.functional.cross_entropy(logits, y),
    )


def test_pipeline_keeps_shape_and_range():
    torch.manual_seed(0)
    for kind, shape in (("digits", (1, 28, 28)), ("photos", (3, 32, 32))):
        out = A.augmentation_pipeline(kind)(torch.rand(*shape))
        assert out.shape == shape and out.min() >= 0 and out.max() <= 1


def test_bad_input():
    x, y = batch()
    with pytest.raises(ValueError, match="alpha"):
        A.sample_lambda(0.0)
    with pytest.raises(ValueError, match="lam"):
        A.mixup(x, y, 5, lam=1.5)
    with pytest.raises(ValueError, match="x must be"):
        A.mixup(x[0], y, 5)
    with pytest.raises(ValueError, match="y must be"):
        A.cutmix(x, y[:2], 5)
    with pytest.raises(ValueError, match="num_classes"):
        A.mixup(x, y, 1)
    with pytest.raises(ValueError, match="kind"):
        A.augmentation_pipeline("audio")
    with pytest.raises(ValueError, match="erase_p"):
        A.augmentation_pipeline(erase_p=2)
    with pytest.raises(ValueError, match="same shape"):
        A.soft_cross_entropy(torch.zeros(2, 3), torch.zeros(2, 4))
