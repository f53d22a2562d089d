import pytest
import torch
from models_parity import n_params, on_meta
from torch import nn

from syllabus_code.models import mobilenet as mn
from syllabus_code.models.summary import count_macs

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.mark.parametrize(
    "c_in,c_out,k", [(32, 64, 3), (128, 256, 3), (512, 512, 3), (16, 24, 5)]
)
def test_cost_formulas_equal_real_torch_layer_counts(c_in, c_out, k):
    standard = nn.Conv2d(c_in, c_out, k, bias=False)
    dw = nn.Conv2d(c_in, c_in, k, groups=c_in, bias=False)
    pw = nn.Conv2d(c_in, c_out, 1, bias=False)
    assert n_params(standard) == mn.standard_conv_params(c_in, c_out, k)
    assert n_params(dw) + n_params(pw) == mn.separable_conv_params(c_in, c_out, k)
    ratio = (n_params(dw) + n_params(pw)) / n_params(standard)
    assert ratio == pytest.approx(mn.separable_cost_ratio(c_out, k), rel=1e-12)
    assert ratio == pytest.approx(1 / c_out + 1 / k**2, rel=1e-12)


def test_ratio_tends_to_one_ninth_for_3x3():
    r = mn.separable_cost_ratio(1024, 3)
    assert 1 / 9 < r < 1 / 8.5  # "8-9 times fewer"
    assert 8 < 1 / mn.separable_cost_ratio(256, 3) < 9


def test_separable_block_output_equals_depthwise_then_pointwise():
    torch.manual_seed(0)
    block = mn.DepthwiseSeparable(8, 16, stride=2).eval()
    x = torch.randn(2, 8, 10, 10)
    with torch.no_grad():
        y = block(x)
        # depthwise: channel c of the output sees only channel c of the input
        single = block.depthwise[0].weight[3:4]  # (1, 1, 3, 3)
        ref = nn.functional.conv2d(x[:, 3:4], single, stride=2, padding=1)
        assert torch.allclose(block.depthwise[0](x)[:, 3:4], ref, atol=1e-6)
    assert y.shape == (2, 16, 5, 5)


def test_paper_parameter_and_mac_counts():
    m = on_meta(mn.mobilenet_v1)
    assert n_params(m) == 4_231_976  # paper: 4.2 M
    macs = count_macs(m)
    assert macs == 568_740_352  # paper: 569 M mult-adds
    assert abs(macs / 569e6 - 1) < 0.001


def test_width_and_resolution_multipliers_scale_cost_quadratically():
    full = count_macs(on_meta(mn.mobilenet_v1))
    half = count_macs(on_meta(mn.mobilenet_v1, width_mult=0.5))
    assert 0.24 < half / full < 0.30  # ≈ α² = 0.25 (the stem and head scale linearly)
    low = count_macs(on_meta(mn.mobilenet_v1), (1, 3, 160, 160))
    assert low / full == pytest.approx((160 / 224) ** 2, rel=0.01)
    # paper: 1.3 M
    assert n_params(on_meta(mn.mobilenet_v1, width_mult=0.5)) == 1_331_592


def test_forward_small_input_and_bad_input():
    torch.manual_seed(0)
    m = mn.mobilenet_v1(width_mult=0.25, num_classes=7).eval()
    with torch.no_grad():
        assert m(torch.randn(2, 3, 64, 64)).shape == (2, 7)
    with pytest.raises(ValueError, match="3 input channel"):
        m(torch.randn(1, 1, 64, 64))
    with pytest.raises(ValueError, match="width_mult"):
        mn.mobilenet_v1(width_mult=0)
    with pytest.raises(ValueError, match="c_out"):
        mn.separable_cost_ratio(0, 3)
