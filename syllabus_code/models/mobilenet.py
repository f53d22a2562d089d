"""MobileNet v1 [Howard et al., 2017]: a stack of depthwise separable convolutions.

torchvision has no MobileNet v1 (only v2 and v3), so there is no state_dict to match; the
layer table follows Table 1 of the paper, with BatchNorm and ReLU after every convolution. At
width multiplier α = 1 and 224×224 inputs it has 4,231,976 parameters and 568.7 M
multiply-accumulates (the paper: 4.2 M and 569 M).

The width multiplier α thins every layer to α·C channels (cost ≈ α²); the paper's resolution
multiplier ρ is not a parameter of the model: feed ρ·224 pixel images (cost ∝ ρ²), since the
network ends with a global average pool and accepts any size.
"""

from __future__ import annotations

import torch
from torch import nn

from syllabus_code._checks import check_int, check_number

from .common import check_input


# --8<-- [start:cost]
def standard_conv_params(c_in: int, c_out: int, k: int) -> int:
    """Weights of a k×k convolution from c_in to c_out channels (no bias): C_in·k²·C_out."""
    return c_in * k * k * c_out


def separable_conv_params(c_in: int, c_out: int, k: int) -> int:
    """Weights of a depthwise k×k (one filter per input channel) + pointwise 1×1 pair: C_in·k² + C_in·C_out."""
    return c_in * k * k + c_in * c_out


def _separable_cost_ratio(c_out: int, k: int) -> float:
    """separable / standard = (C_in·k² + C_in·C_out) / (C_in·k²·C_out) = 1/C_out + 1/k² (C_in cancels).

    ``separable_cost_ratio`` checks the arguments, then calls this.
    """
    return 1 / c_out + 1 / k**2


# --8<-- [end:cost]


def separable_cost_ratio(c_out: int, k: int) -> float:
    """separable / standard = (C_in·k² + C_in·C_out) / (C_in·k²·C_out) = 1/C_out + 1/k² (C_in cancels)."""
    c_out, k = check_int(c_out, "c_out", min=1), check_int(k, "k", min=1)
    return _separable_cost_ratio(c_out, k)


# --8<-- [start:block]
def _conv_bn_relu(
    c_in: int, c_out: int, kernel: int, stride: int = 1, groups: int = 1
) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(
            c_in, c_out, kernel, stride, padding=kernel // 2, groups=groups, bias=False
        ),
        nn.BatchNorm2d(c_out),
        nn.ReLU(inplace=True),
    )


class DepthwiseSeparable(nn.Module):
    """3×3 depthwise convolution (groups = C_in: each channel filtered alone), then 1×1 pointwise."""

    def __init__(self, c_in: int, c_out: int, stride: int = 1) -> None:
        super().__init__()
        # spatial filtering
        self.depthwise = _conv_bn_relu(c_in, c_in, 3, stride, groups=c_in)
        self.pointwise = _conv_bn_relu(c_in, c_out, 1)  # channel mixing

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.pointwise(self.depthwise(x))


# --8<-- [end:block]


# --8<-- [start:mobilenet]
# (output channels, stride) of the 13 depthwise separable layers of Table 1
CFG = [
    (64, 1),
    (128, 2),
    (128, 1),
    (256, 2),
    (256, 1),
    (512, 2),
    (512, 1),
    (512, 1),
    (512, 1),
    (512, 1),
    (512, 1),
    (1024, 2),
    (1024, 1),
]


class MobileNetV1(nn.Module):
    """Stem 3×3/2 conv to 32 channels, 13 depthwise separable layers, global average pool, linear head."""

    min_size = 1  # every layer pads; the paper's ρ multiplier just means smaller images

    def __init__(
        self, width_mult: float = 1.0, num_classes: int = 1000, dropout: float = 0.0
    ) -> None:
        super().__init__()
        check_number(width_mult, "width_mult (the paper's α)", 0.0, 4.0, min_open=True)
        self.width_mult = width_mult

        def width(c: int) -> int:  # α·C channels, at least 8
            return max(8, int(c * width_mult))

        c = width(32)
        layers: list[nn.Module] = [_conv_bn_relu(3, c, 3, stride=2)]
        for c_out, stride in CFG:
            layers.append(DepthwiseSeparable(c, width(c_out), stride))
            c = width(c_out)
        self.features = nn.Sequential(*layers)  # (N, α·1024, H/32, W/32)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(nn.Dropout(dropout), nn.Linear(c, num_classes))
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_input(x, "MobileNetV1", channels=3, min_size=self.min_size, module=self)
        x = self.features(x)
        return self.classifier(torch.flatten(self.avgpool(x), 1))


def mobilenet_v1(**kwargs) -> MobileNetV1:
    """MobileNet v1; ``width_mult`` is α (1.0, 0.75, 0.5 and 0.25 in the paper)."""
    return MobileNetV1(**kwargs)


# --8<-- [end:mobilenet]
