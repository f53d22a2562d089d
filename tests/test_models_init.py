import pytest
import torch

from syllabus_code import models


def test_every_module6_name_builds():
    for name in models.MODELS:  # Modules 8-9's models are built by their own tests
        with torch.device("meta"):
            model = models.get_model(name, num_classes=7)
        assert isinstance(model, torch.nn.Module)


def test_later_modules_models_are_listed_and_build():
    names = models.list_models()
    for name in ("mobilenet_v1", "efficientnet_b0", "efficientnet_b7", "vit_b_16", "vit_mini"):
        assert name in names
    with torch.device("meta"):
        assert type(models.get_model("efficientnet_b0", num_classes=3)).__name__ == "EfficientNet"


def test_names_are_case_insensitive_and_kwargs_pass_through():
    model = models.get_model("LeNet5", num_classes=3)
    assert model(torch.zeros(1, 1, 32, 32)).shape == (1, 3)


def test_unknown_name_lists_valid_names():
    with pytest.raises(ValueError, match=r"unknown model name 'resnet9'; valid names: alexnet, .*resnet50"):
        models.get_model("resnet9")


def test_name_must_be_string():
    with pytest.raises(TypeError, match="name must be a string"):
        models.get_model(50)
