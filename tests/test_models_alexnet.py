import importlib

import pytest
import torch
import torchvision.models as tvm
from models_parity import assert_forward_parity, n_params, on_meta, shapes

# the module, not the function of that name
an = importlib.import_module("syllabus_code.models.alexnet")


def test_parameter_count_and_keys_equal_torchvision():
    ours, theirs = on_meta(an.alexnet), on_meta(tvm.alexnet, weights=None)
    assert n_params(ours) == n_params(theirs) == 61_100_840
    assert shapes(ours) == shapes(theirs)


@pytest.mark.parametrize("size", [63, 224])
def test_forward_parity_with_torchvision(size):
    torch.manual_seed(0)
    assert_forward_parity(
        an.alexnet(num_classes=10),
        tvm.alexnet(weights=None, num_classes=10),
        size=size,
        batch=1,
    )


def test_paper_variant_counts_and_sizes():
    model = an.alexnet_paper().eval()
    assert n_params(model) == 60_965_224  # grouped conv2/4/5: the two-GPU columns
    conv1 = model.features[0]
    with torch.no_grad():
        assert conv1(torch.zeros(1, 3, 227, 227)).shape[-1] == 55
        assert conv1(torch.zeros(1, 3, 224, 224)).shape[-1] == 54
        assert model.features(torch.zeros(1, 3, 227, 227)).shape == (1, 256, 6, 6)
    torchvision_conv1 = an.alexnet().features[0]
    assert torchvision_conv1(torch.zeros(1, 3, 224, 224)).shape[-1] == 55  # padding 2


def test_minimum_sizes_are_tight():
    for model in (
        an.alexnet(num_classes=2).eval(),
        an.alexnet_paper(num_classes=2).eval(),
    ):
        s = model.min_size
        with torch.no_grad():
            model(torch.zeros(1, 3, s, s))
            with pytest.raises(RuntimeError):
                # below: a pool has no output
                model.features(torch.zeros(1, 3, s - 1, s - 1))


def test_mnist_sized_input_names_minimum():
    with pytest.raises(ValueError, match="at least 63x63 pixels, got 28x28"):
        an.alexnet()(torch.zeros(1, 3, 28, 28))


def test_bad_variant():
    with pytest.raises(ValueError, match="variant must be one of"):
        an.AlexNet(variant="caffe")
