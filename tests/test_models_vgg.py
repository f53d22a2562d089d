import pytest
import torch
import torchvision.models as tvm
from models_parity import n_params, on_meta, randomise_, shapes

from syllabus_code.models import vgg

NAMES = [
    "vgg11",
    "vgg11_bn",
    "vgg13",
    "vgg13_bn",
    "vgg16",
    "vgg16_bn",
    "vgg19",
    "vgg19_bn",
]


@pytest.mark.parametrize("name", NAMES)
def test_parameter_count_and_state_dict_keys_equal_torchvision(name):
    ours = on_meta(getattr(vgg, name))
    theirs = on_meta(getattr(tvm, name), weights=None)
    assert n_params(ours) == n_params(theirs)
    assert shapes(ours) == shapes(theirs)


def test_known_counts_and_conv_layer_numbers():
    assert n_params(on_meta(vgg.vgg16)) == 138_357_544
    for depth, cfg in vgg.DEPTH_TO_CFG.items():
        convs = sum(v != "M" for v in vgg.CFGS[cfg])
        assert convs + 3 == depth  # the name counts weight layers: convolutions + 3 FC


def test_forward_parity_with_torchvision_bn():
    # Built on the meta device and filled by load_state_dict(assign=True): VGG's 133M weights are
    # never initialised twice, which keeps this test fast.
    theirs = on_meta(tvm.vgg11_bn, weights=None, num_classes=10).to_empty(device="cpu")
    ours = on_meta(vgg.vgg11_bn, num_classes=10)
    randomise_(theirs)
    ours.load_state_dict(theirs.state_dict(), strict=True, assign=True)
    x = torch.randn(2, 3, 32, 32, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        a, b = ours.eval()(x), theirs.eval()(x)
    assert torch.allclose(a, b, rtol=1e-5, atol=1e-6)


def test_minimum_size():
    model = on_meta(vgg.vgg11)
    with pytest.raises(ValueError, match="at least 32x32"):
        model(torch.empty(1, 3, 31, 31, device="meta"))


def test_bad_depth():
    with pytest.raises(ValueError, match=r"depth must be one of \[11, 13, 16, 19\]"):
        vgg.vgg(12)
