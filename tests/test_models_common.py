import sys

import pytest
import torch

from syllabus_code.models import get_model
from syllabus_code.models.common import check_input


def test_accepts_exactly_the_limits():
    # returns None for a valid input, at the boundary, and checks each side separately
    assert (
        check_input(torch.zeros(2, 3, 63, 63), "AlexNet", channels=3, min_size=63)
        is None
    )
    assert (
        check_input(torch.zeros(1, 3, 63, 500), "AlexNet", channels=3, min_size=63)
        is None
    )
    assert (
        check_input(torch.zeros(1, 1, 32, 32), "LeNet5", channels=1, exact_size=32)
        is None
    )
    for h, w in ((62, 63), (63, 62)):
        with pytest.raises(ValueError, match=f"got {h}x{w}"):
            check_input(torch.zeros(1, 3, h, w), "AlexNet", channels=3, min_size=63)


@pytest.mark.parametrize(
    "name", ["alexnet", "alexnet_paper", "vgg11", "googlenet", "densenet121"]
)
def test_each_models_min_size_is_the_smallest_input_its_layers_take(name, monkeypatch):
    """At min_size the model runs; one pixel less, its own layers fail (with the check switched
    off), so the check only refuses inputs the network cannot take."""
    # skip the (slow) weight initialisation: only shapes matter here
    with torch.device("meta"):
        model = get_model(name, num_classes=5)
    model = model.to_empty(device="cpu").eval()
    size = model.min_size
    with torch.no_grad():
        assert model(torch.zeros(1, 3, size, size)).shape == (1, 5)
        with pytest.raises(ValueError, match=f"at least {size}x{size}"):
            model(torch.zeros(1, 3, size - 1, size - 1))
    monkeypatch.setattr(
        sys.modules[type(model).__module__], "check_input", lambda *a, **k: None
    )
    with torch.no_grad(), pytest.raises(RuntimeError):
        model(torch.zeros(1, 3, size - 1, size - 1))


def test_not_a_tensor():
    with pytest.raises(TypeError, match="x must be a torch.Tensor"):
        check_input([[1.0]], "AlexNet", channels=3)


def test_wrong_rank_suggests_batch_axis():
    with pytest.raises(ValueError, match=r"4-D \(N, C, H, W\).*unsqueeze"):
        check_input(torch.zeros(3, 224, 224), "AlexNet", channels=3)


def test_wrong_channels():
    with pytest.raises(ValueError, match="expects 3 input channel"):
        check_input(torch.zeros(1, 1, 224, 224), "AlexNet", channels=3)


def test_too_small_names_minimum():
    with pytest.raises(ValueError, match="at least 63x63 pixels, got 28x28"):
        check_input(torch.zeros(1, 3, 28, 28), "AlexNet", channels=3, min_size=63)


def test_exact_size_names_expected():
    with pytest.raises(ValueError, match="expects 32x32 images, got 28x28"):
        check_input(torch.zeros(1, 1, 28, 28), "LeNet5", channels=1, exact_size=32)
