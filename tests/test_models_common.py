import pytest
import torch

from syllabus_code.models.common import check_input


def test_accepts_valid_input():
    check_input(torch.zeros(2, 3, 63, 63), "AlexNet", channels=3, min_size=63)
    check_input(torch.zeros(1, 1, 32, 32), "LeNet5", channels=1, exact_size=32)


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
