import pytest
import torch
import torchvision

from syllabus_code import models

# torchvision's builder for each registry name it also has (LeNet-5 and the paper's AlexNet are ours only)
TORCHVISION_KWARGS = {"googlenet": {"aux_logits": True, "init_weights": False}}


def _last_linear(model: torch.nn.Module) -> torch.nn.Linear:
    return [m for m in model.modules() if isinstance(m, torch.nn.Linear)][-1]


@pytest.mark.parametrize("name", sorted(models.MODELS))
def test_every_module6_name_builds_the_model_of_that_name(name):
    """Each name builds a model whose head has num_classes outputs and, where torchvision has a
    model of that name, the same state_dict keys and shapes as torchvision's."""
    with torch.device("meta"):
        model = models.get_model(name, num_classes=7)
    assert _last_linear(model).out_features == 7
    if name in ("lenet5", "alexnet_paper"):
        return
    with torch.device("meta"):
        theirs = getattr(torchvision.models, name)(
            weights=None, num_classes=7, **TORCHVISION_KWARGS.get(name, {})
        )
    ours_shapes = {k: tuple(v.shape) for k, v in model.state_dict().items()}
    assert ours_shapes == {k: tuple(v.shape) for k, v in theirs.state_dict().items()}


def test_registry_names_match_their_factories():
    """A name builds the family it names: resnet50 a ResNet with 50 layers' worth of blocks."""
    with torch.device("meta"):
        assert type(models.get_model("lenet5")).__name__ == "LeNet5"
        assert models.get_model("alexnet").variant == "torchvision"
        assert models.get_model("alexnet_paper").variant == "paper"
        assert [
            len(getattr(models.get_model("resnet50"), f"layer{i}")) for i in range(1, 5)
        ] == [3, 4, 6, 3]
        assert (
            sum(
                isinstance(m, torch.nn.BatchNorm2d)
                for m in models.get_model("vgg16_bn").modules()
            )
            == 13
        )


def test_later_modules_models_are_listed_and_build():
    names = models.list_models()
    for name in (
        "mobilenet_v1",
        "efficientnet_b0",
        "efficientnet_b7",
        "vit_b_16",
        "vit_mini",
    ):
        assert name in names
    with torch.device("meta"):
        assert (
            type(models.get_model("efficientnet_b0", num_classes=3)).__name__
            == "EfficientNet"
        )


def test_names_are_case_insensitive_and_kwargs_pass_through():
    model = models.get_model("LeNet5", num_classes=3)
    assert model(torch.zeros(1, 1, 32, 32)).shape == (1, 3)


def test_unknown_name_lists_valid_names():
    with pytest.raises(
        ValueError,
        match=r"unknown model name 'resnet9'; valid names: alexnet, .*resnet50",
    ):
        models.get_model("resnet9")


def test_name_must_be_string():
    with pytest.raises(TypeError, match="name must be a string"):
        models.get_model(50)
