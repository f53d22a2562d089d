import pytest
import torch

from syllabus_code import models


def test_every_name_builds():
    for name in models.list_models():
        with torch.device("meta"):
            model = models.get_model(name, num_classes=7)
        assert isinstance(model, torch.nn.Module)


def test_names_are_case_insensitive_and_kwargs_pass_through():
    model = models.get_model("LeNet5", num_classes=3)
    assert model(torch.zeros(1, 1, 32, 32)).shape == (1, 3)


def test_unknown_name_lists_valid_names():
    with pytest.raises(ValueError, match=r"unknown model name 'resnet9'; valid names: alexnet, .*resnet50"):
        models.get_model("resnet9")


def test_name_must_be_string():
    with pytest.raises(TypeError, match="name must be a string"):
        models.get_model(50)
