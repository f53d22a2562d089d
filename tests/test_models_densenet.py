import pytest
import torch
import torchvision.models as tvm
from models_parity import assert_forward_parity, n_params, on_meta, shapes

from syllabus_code.models import densenet as dn

CONFIGS = {
    "densenet121": (6, 12, 24, 16),
    "densenet169": (6, 12, 32, 32),
    "densenet201": (6, 12, 48, 32),
}


@pytest.mark.parametrize("name", list(CONFIGS))
def test_parameter_count_and_keys_equal_torchvision(name):
    ours = on_meta(getattr(dn, name))
    theirs = on_meta(getattr(tvm, name), weights=None)
    assert n_params(ours) == n_params(theirs)
    assert shapes(ours) == shapes(theirs)
    assert "features.denseblock1.denselayer1.norm1.weight" in shapes(ours)


def test_forward_parity_with_torchvision():
    torch.manual_seed(0)
    assert_forward_parity(
        dn.densenet121(num_classes=10),
        tvm.densenet121(weights=None, num_classes=10),
        size=32,
    )


@pytest.mark.parametrize("name", list(CONFIGS))
def test_channel_growth_c0_plus_l_times_k(name):
    model = on_meta(getattr(dn, name))
    c = 64
    for b, layers in enumerate(CONFIGS[name], start=1):
        block = getattr(model.features, f"denseblock{b}")
        for l in range(1, layers + 1):  # layer l receives c_b + (l - 1)·k channels
            assert (
                getattr(block, f"denselayer{l}").norm1.num_features == c + (l - 1) * 32
            )
        c_out = c + layers * 32
        if b < 4:
            trans = getattr(model.features, f"transition{b}")
            assert (trans.conv.in_channels, trans.conv.out_channels) == (
                c_out,
                c_out // 2,
            )
            c = c_out // 2
    assert model.features.norm5.num_features == c_out == model.classifier.in_features


def test_block_channels_measured_by_forward():
    model = dn.densenet121().eval()
    x = torch.zeros(1, 3, 32, 32)
    outs = []
    for b in range(1, 5):
        getattr(model.features, f"denseblock{b}").register_forward_hook(
            lambda m, i, o: outs.append(o.shape[1])
        )
    with torch.no_grad():
        model(x)
    assert (
        outs
        == [o for _, o in dn.block_channels(64, 32, (6, 12, 24, 16))]
        == [256, 512, 1024, 1024]
    )


def test_minimum_size():
    with pytest.raises(ValueError, match="at least 29x29"):
        dn.densenet121()(torch.zeros(1, 3, 28, 28))
