import pytest
import torch
import torchvision.models as tvm
from models_parity import assert_forward_parity, n_params, on_meta, shapes

from syllabus_code.models import efficientnet as en
from syllabus_code.models.summary import count_macs

pytestmark = pytest.mark.usefixtures("one_torch_thread")


NAMES = [f"efficientnet_b{i}" for i in range(8)]


@pytest.mark.parametrize("name", NAMES)
def test_parameter_count_and_keys_equal_torchvision(name):
    ours, theirs = on_meta(getattr(en, name)), on_meta(getattr(tvm, name), weights=None)
    assert n_params(ours) == n_params(theirs)
    assert shapes(ours) == shapes(theirs)


def test_b0_counts_against_the_paper():
    m = on_meta(en.efficientnet_b0)
    assert n_params(m) == 5_288_548  # paper: 5.3 M
    macs = count_macs(m)
    assert macs == 385_814_752  # paper: 0.39 B "FLOPs", which are multiply-adds
    assert abs(macs / 0.39e9 - 1) < 0.02


def test_b0_loads_torchvision_state_dict_and_gives_same_outputs():
    # materialised from meta without initialisation; assert_forward_parity randomises every weight
    ours = on_meta(en.efficientnet_b0, num_classes=10).to_empty(device="cpu")
    theirs = on_meta(tvm.efficientnet_b0, weights=None, num_classes=10).to_empty(
        device="cpu"
    )
    assert_forward_parity(ours, theirs, size=32)


def test_b5_uses_torchvision_batchnorm_eps():
    m = on_meta(en.efficientnet_b5)
    t = on_meta(tvm.efficientnet_b5, weights=None)
    assert m.features[0][1].eps == t.features[0][1].eps == 1e-3


def test_stochastic_depth_probability_grows_linearly_to_0_2():
    m = on_meta(en.efficientnet_b0)
    probs = [b.stochastic_depth.p for stage in m.features[1:-1] for b in stage]
    assert len(probs) == 16 and probs[0] == 0
    assert probs[-1] == pytest.approx(0.2 * 15 / 16)


def test_compound_scaling_and_constraint():
    assert en.flops_factor() == pytest.approx(1.9203, abs=1e-4)  # α·β²·γ² ≈ 2
    s = en.compound_scaling(1)
    assert (s.depth, s.width, s.resolution) == pytest.approx((1.2, 1.1, 1.15))
    assert s.image_size == 258
    s0 = en.compound_scaling(0)
    assert (s0.depth, s0.width, s0.resolution, s0.image_size) == (1, 1, 1, 224)
    s3 = en.compound_scaling(3)
    assert s3.depth * s3.width**2 * s3.resolution**2 == pytest.approx(
        en.flops_factor() ** 3
    )


def test_released_variants_do_not_follow_alpha_to_the_phi():
    # B1's depth 1.1 is not 1.2^phi for any phi that also gives its width 1.0 (phi = 0)
    b1 = en.VARIANTS["b1"]
    assert b1.width == 1.0 and b1.depth == 1.1
    assert en.compound_scaling(1).width != b1.width
    assert [v.resolution for v in en.VARIANTS.values()] == [
        224,
        240,
        260,
        300,
        380,
        456,
        528,
        600,
    ]


def test_bad_input():
    with pytest.raises(ValueError, match="phi"):
        en.compound_scaling(-1)
    with pytest.raises(ValueError, match="alpha"):
        en.compound_scaling(1, alpha=0.9)
    with pytest.raises(ValueError, match="width_mult"):
        en.EfficientNet(width_mult=0)
    m = en.efficientnet_b0()
    with pytest.raises(ValueError, match="3 input channel"):
        m(torch.zeros(1, 1, 32, 32))
