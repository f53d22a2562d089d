"""syllabus_code.models.mbconv: squeeze-and-excitation, the MBConv shortcut and stochastic depth
(against torchvision's)."""

import pytest
import torch
from models_parity import n_params
from torchvision.ops import StochasticDepth as TVStochasticDepth

from syllabus_code.models import mbconv as mb

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_squeeze_excitation_is_a_channel_gate():
    torch.manual_seed(0)
    se = mb.SqueezeExcitation(8, 2)
    x = torch.randn(2, 8, 5, 5)
    gate = torch.sigmoid(
        se.fc2(torch.nn.functional.silu(se.fc1(x.mean((2, 3), keepdim=True))))
    )
    assert torch.allclose(se(x), gate * x, atol=1e-6)
    assert n_params(se) == 8 * 2 + 2 + 2 * 8 + 8


def test_mbconv_shortcut_and_shapes():
    torch.manual_seed(0)
    same = mb.MBConv(16, 16, expand_ratio=6, kernel=3, stride=1).eval()
    down = mb.MBConv(16, 24, expand_ratio=6, kernel=5, stride=2).eval()
    assert same.use_res_connect and not down.use_res_connect
    x = torch.randn(1, 16, 8, 8)
    with torch.no_grad():
        assert torch.allclose(same(x), same.block(x) + x)
        assert down(x).shape == (1, 24, 4, 4)
    # the depthwise conv works on the 6x expanded channels
    assert same.block[1][0].groups == 96
    with pytest.raises(ValueError, match="stride"):
        mb.MBConv(16, 16, 6, 3, stride=3)


def test_stochastic_depth_matches_torchvision_and_is_unbiased():
    x = torch.randn(4000, 3, 2, 2)
    torch.manual_seed(5)
    ours = mb.stochastic_depth(x, 0.3, training=True)
    torch.manual_seed(5)
    theirs = TVStochasticDepth(0.3, "row").train()(x)
    assert torch.equal(ours, theirs)
    kept = (ours.flatten(1).abs().sum(1) > 0).float().mean().item()
    assert abs(kept - 0.7) < 0.03
    assert torch.allclose(ours[ours != 0], (x / 0.7)[ours != 0])
    assert torch.equal(mb.stochastic_depth(x, 0.3, training=False), x)
    with pytest.raises(ValueError, match="probability"):
        mb.stochastic_depth(x, 1.5, training=True)


def test_efficientnet_re_exports_them():
    from syllabus_code.models import efficientnet as en

    assert (
        en.make_divisible,
        en.ConvBNAct,
        en.SqueezeExcitation,
        en.StochasticDepth,
        en.stochastic_depth,
        en.MBConv,
    ) == (
        mb.make_divisible,
        mb.ConvBNAct,
        mb.SqueezeExcitation,
        mb.StochasticDepth,
        mb.stochastic_depth,
        mb.MBConv,
    )
