"""PyTorch models of the landmark CNNs, one family per file, with torchvision-compatible state_dicts.

``get_model("resnet50")`` builds a model by name; ``list_models()`` gives the valid names.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from torch import nn

from .alexnet import AlexNet, alexnet, alexnet_paper
from .common import check_input
from .densenet import DenseNet, densenet121, densenet169, densenet201
from .googlenet import GoogLeNet, googlenet
from .lenet import LeNet5, lenet5
from .resnet import (
    BasicBlock,
    Bottleneck,
    ResNet,
    resnet18,
    resnet34,
    resnet50,
    resnet101,
    resnet152,
)
from .vgg import VGG, vgg11, vgg11_bn, vgg13, vgg13_bn, vgg16, vgg16_bn, vgg19, vgg19_bn

MODELS: dict[str, Callable[..., nn.Module]] = {
    "lenet5": lenet5,
    "alexnet": alexnet,
    "alexnet_paper": alexnet_paper,
    "vgg11": vgg11,
    "vgg11_bn": vgg11_bn,
    "vgg13": vgg13,
    "vgg13_bn": vgg13_bn,
    "vgg16": vgg16,
    "vgg16_bn": vgg16_bn,
    "vgg19": vgg19,
    "vgg19_bn": vgg19_bn,
    "googlenet": googlenet,
    "resnet18": resnet18,
    "resnet34": resnet34,
    "resnet50": resnet50,
    "resnet101": resnet101,
    "resnet152": resnet152,
    "densenet121": densenet121,
    "densenet169": densenet169,
    "densenet201": densenet201,
}
# Modules 8-9's models, imported on first use: name -> file in this package defining that factory.
LATER_MODELS: dict[str, str] = {
    "mobilenet_v1": "mobilenet",
    **{f"efficientnet_b{i}": "efficientnet" for i in range(8)},
    "vit_b_16": "vit",
    "vit_b_32": "vit",
    "vit_mini": "vit",
}


def list_models() -> list[str]:
    """The names ``get_model`` accepts, sorted."""
    return sorted({*MODELS, *LATER_MODELS})


def get_model(name: str, **kwargs) -> nn.Module:
    """Build the model called ``name`` (e.g. ``"resnet50"``); keyword arguments go to its constructor."""
    if not isinstance(name, str):
        raise TypeError(f"name must be a string, got {type(name).__name__}")
    key = name.lower()
    if key in MODELS:
        return MODELS[key](**kwargs)
    if key in LATER_MODELS:
        module = importlib.import_module(f"{__name__}.{LATER_MODELS[key]}")
        return getattr(module, key)(**kwargs)
    raise ValueError(
        f"unknown model name {name!r}; valid names: {', '.join(list_models())}"
    )


__all__ = [
    "AlexNet",
    "BasicBlock",
    "Bottleneck",
    "DenseNet",
    "GoogLeNet",
    "LATER_MODELS",
    "LeNet5",
    "MODELS",
    "ResNet",
    "VGG",
    "alexnet",
    "alexnet_paper",
    "check_input",
    "densenet121",
    "densenet169",
    "densenet201",
    "get_model",
    "googlenet",
    "lenet5",
    "list_models",
    "resnet18",
    "resnet34",
    "resnet50",
    "resnet101",
    "resnet152",
    "vgg11",
    "vgg11_bn",
    "vgg13",
    "vgg13_bn",
    "vgg16",
    "vgg16_bn",
    "vgg19",
    "vgg19_bn",
]
