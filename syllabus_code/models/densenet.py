"""DenseNet-121/169/201 [Huang et al., 2017] (DenseNet-BC: bottleneck layers and compression 0.5).

Module names follow torchvision's (``features.denseblock1.denselayer1.norm1`` …,
``features.transition1.conv``, ``features.norm5``, ``classifier``) so its state_dict loads
with ``strict=True``. Inside block b, layer l (1-based) receives c_b + (l - 1)·k channels and
adds k (the growth rate); the block ends with c_b + L_b·k channels, and each transition
halves that number (compression θ = 0.5) and the spatial size.
"""

from __future__ import annotations

from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn

from .common import check_input


# --8<-- [start:layers]
class DenseLayer(nn.Module):
    """BN-ReLU-conv1×1 (to bn_size·k channels) then BN-ReLU-conv3×3 (to k channels)."""

    def __init__(
        self, num_input_features: int, growth_rate: int, bn_size: int, drop_rate: float
    ) -> None:
        super().__init__()
        self.norm1 = nn.BatchNorm2d(num_input_features)
        self.relu1 = nn.ReLU(inplace=True)
        self.conv1 = nn.Conv2d(
            num_input_features, bn_size * growth_rate, kernel_size=1, bias=False
        )
        self.norm2 = nn.BatchNorm2d(bn_size * growth_rate)
        self.relu2 = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(
            bn_size * growth_rate, growth_rate, kernel_size=3, padding=1, bias=False
        )
        self.drop_rate = float(drop_rate)

    def forward(self, features: list[torch.Tensor]) -> torch.Tensor:
        x = torch.cat(features, 1)  # [x_0, x_1, ..., x_{l-1}] on the channel axis
        x = self.conv1(self.relu1(self.norm1(x)))  # (N, bn_size·k, H, W)
        new = self.conv2(self.relu2(self.norm2(x)))  # (N, k, H, W)
        if self.drop_rate > 0:
            new = F.dropout(new, p=self.drop_rate, training=self.training)
        return new


class DenseBlock(nn.ModuleDict):
    """``num_layers`` dense layers; each sees the concatenation of the input and all earlier outputs."""

    def __init__(
        self,
        num_layers: int,
        num_input_features: int,
        bn_size: int,
        growth_rate: int,
        drop_rate: float,
    ) -> None:
        super().__init__()
        for i in range(num_layers):
            layer = DenseLayer(
                num_input_features + i * growth_rate, growth_rate, bn_size, drop_rate
            )
            self.add_module(f"denselayer{i + 1}", layer)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        features = [x]
        for layer in self.values():
            features.append(layer(features))
        return torch.cat(features, 1)  # (N, c_0 + L·k, H, W)


class Transition(nn.Sequential):
    """BN-ReLU-conv1×1 (compress channels) then 2×2 average pool (halve H and W)."""

    def __init__(self, num_input_features: int, num_output_features: int) -> None:
        super().__init__()
        self.norm = nn.BatchNorm2d(num_input_features)
        self.relu = nn.ReLU(inplace=True)
        self.conv = nn.Conv2d(
            num_input_features, num_output_features, kernel_size=1, bias=False
        )
        self.pool = nn.AvgPool2d(kernel_size=2, stride=2)


# --8<-- [end:layers]


# --8<-- [start:densenet]
def block_channels(
    num_init_features: int, growth_rate: int, block_config: tuple[int, ...]
) -> list[tuple[int, int]]:
    """(channels into, channels out of) each dense block: out = in + L·k, next in = out // 2."""
    result, c = [], num_init_features
    for i, num_layers in enumerate(block_config):
        out = c + num_layers * growth_rate
        result.append((c, out))
        c = out // 2 if i != len(block_config) - 1 else out
    return result


class DenseNet(nn.Module):
    # stem /4 then three transitions /2: below 29 a pool has no input pixel left
    min_size = 29

    def __init__(
        self,
        growth_rate: int = 32,
        block_config: tuple[int, ...] = (6, 12, 24, 16),
        num_init_features: int = 64,
        bn_size: int = 4,
        drop_rate: float = 0.0,
        num_classes: int = 1000,
    ) -> None:
        super().__init__()
        self.features = nn.Sequential(
            OrderedDict(
                [
                    (
                        "conv0",
                        nn.Conv2d(
                            3,
                            num_init_features,
                            kernel_size=7,
                            stride=2,
                            padding=3,
                            bias=False,
                        ),
                    ),
                    ("norm0", nn.BatchNorm2d(num_init_features)),
                    ("relu0", nn.ReLU(inplace=True)),
                    ("pool0", nn.MaxPool2d(kernel_size=3, stride=2, padding=1)),
                ]
            )
        )
        channels = block_channels(num_init_features, growth_rate, block_config)
        for i, (num_layers, (c_in, c_out)) in enumerate(zip(block_config, channels)):
            block = DenseBlock(num_layers, c_in, bn_size, growth_rate, drop_rate)
            self.features.add_module(f"denseblock{i + 1}", block)
            if i != len(block_config) - 1:
                self.features.add_module(
                    f"transition{i + 1}", Transition(c_out, c_out // 2)
                )
        num_features = channels[-1][1]
        self.features.add_module("norm5", nn.BatchNorm2d(num_features))
        self.classifier = nn.Linear(num_features, num_classes)

        for m in self.modules():  # torchvision's initialisation
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.Linear):
                nn.init.constant_(m.bias, 0)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_input(x, "DenseNet", channels=3, min_size=self.min_size, module=self)
        x = F.relu(self.features(x))  # (N, C, H/32, W/32)
        x = torch.flatten(F.adaptive_avg_pool2d(x, (1, 1)), 1)  # (N, C)
        return self.classifier(x)  # (N, num_classes)


# --8<-- [end:densenet]


def densenet121(**kwargs) -> DenseNet:
    return DenseNet(32, (6, 12, 24, 16), 64, **kwargs)


def densenet169(**kwargs) -> DenseNet:
    return DenseNet(32, (6, 12, 32, 32), 64, **kwargs)


def densenet201(**kwargs) -> DenseNet:
    return DenseNet(32, (6, 12, 48, 32), 64, **kwargs)
