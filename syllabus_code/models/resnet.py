"""ResNet-18/34/50/101/152 [He et al., 2016], written to match torchvision's ``resnet.py``.

Parameter names, shapes and the forward pass equal torchvision's, so ``model.load_state_dict(
torchvision.models.resnet50().state_dict())`` works with ``strict=True``. The one option
torchvision lacks is ``variant``: ``"v1.5"`` (torchvision's default) puts a bottleneck block's
stride on its 3×3 convolution; ``"v1"`` puts it on the first 1×1 convolution, as in the paper.
"""

from __future__ import annotations

import torch
from torch import nn

from .common import check_input

VARIANTS = ("v1", "v1.5")


# --8<-- [start:helpers]
def conv3x3(in_planes: int, out_planes: int, stride: int = 1) -> nn.Conv2d:
    """3×3 convolution with padding 1 (keeps the size when stride is 1); no bias, a BN follows."""
    return nn.Conv2d(
        in_planes, out_planes, kernel_size=3, stride=stride, padding=1, bias=False
    )


def conv1x1(in_planes: int, out_planes: int, stride: int = 1) -> nn.Conv2d:
    """1×1 convolution: mixes channels only (used to shrink/expand and in projection shortcuts)."""
    return nn.Conv2d(in_planes, out_planes, kernel_size=1, stride=stride, bias=False)


# --8<-- [end:helpers]


# --8<-- [start:basic]
class BasicBlock(nn.Module):
    """Two 3×3 convolutions and a shortcut: y = relu(F(x) + shortcut(x)) (ResNet-18/34)."""

    expansion = 1  # output channels = planes * expansion

    def __init__(
        self,
        inplanes: int,
        planes: int,
        stride: int = 1,
        downsample: nn.Module | None = None,
        variant: str = "v1.5",
    ) -> None:
        super().__init__()
        # (N, planes, H/stride, W/stride)
        self.conv1 = conv3x3(inplanes, planes, stride)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(planes, planes)
        self.bn2 = nn.BatchNorm2d(planes)
        # None: identity shortcut; else 1×1 conv + BN (projection)
        self.downsample = downsample
        self.stride = stride

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))  # F(x)
        return self.relu(out + identity)


# --8<-- [end:basic]


# --8<-- [start:bottleneck]
class Bottleneck(nn.Module):
    """1×1 (shrink) → 3×3 → 1×1 (expand ×4) and a shortcut (ResNet-50/101/152).

    ``variant="v1.5"`` (torchvision) strides the 3×3 convolution; ``"v1"`` (the paper) strides
    the first 1×1 convolution, which then skips three of every four pixels.
    """

    expansion = 4

    def __init__(
        self,
        inplanes: int,
        planes: int,
        stride: int = 1,
        downsample: nn.Module | None = None,
        variant: str = "v1.5",
    ) -> None:
        super().__init__()
        s1, s3 = (stride, 1) if variant == "v1" else (1, stride)
        self.conv1 = conv1x1(inplanes, planes, s1)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = conv3x3(planes, planes, s3)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = conv1x1(planes, planes * self.expansion)
        self.bn3 = nn.BatchNorm2d(planes * self.expansion)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample
        self.stride = stride

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))  # (N, planes, ., .)
        out = self.relu(self.bn2(self.conv2(out)))  # (N, planes, H/stride, W/stride)
        out = self.bn3(self.conv3(out))  # (N, 4*planes, H/stride, W/stride) = F(x)
        return self.relu(out + identity)


# --8<-- [end:bottleneck]


def _check_resnet_args(layers, variant: str) -> None:
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, got {variant!r}")
    if len(layers) != 4 or any(not isinstance(n, int) or n < 1 for n in layers):
        raise ValueError(f"layers must be 4 positive block counts, got {layers!r}")


# --8<-- [start:resnet]
class ResNet(nn.Module):
    """Stem (7×7/2 conv, 3×3/2 max-pool), four stages of residual blocks, global pool, linear head."""

    # every layer pads, so any size works; ImageNet models are trained at 224
    min_size = 1

    def __init__(
        self,
        block: type[BasicBlock] | type[Bottleneck],
        layers: list[int],
        num_classes: int = 1000,
        zero_init_residual: bool = False,
        variant: str = "v1.5",
    ) -> None:
        super().__init__()
        _check_resnet_args(layers, variant)
        self.variant = variant
        self.inplanes = 64
        self.conv1 = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
        self.layer1 = self._make_layer(block, 64, layers[0])
        self.layer2 = self._make_layer(block, 128, layers[1], stride=2)
        self.layer3 = self._make_layer(block, 256, layers[2], stride=2)
        self.layer4 = self._make_layer(block, 512, layers[3], stride=2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(512 * block.expansion, num_classes)

        for m in self.modules():  # torchvision's initialisation
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)
        # each block starts as the identity: its last BN scale is 0
        if zero_init_residual:
            for m in self.modules():
                if isinstance(m, Bottleneck):
                    nn.init.constant_(m.bn3.weight, 0)
                elif isinstance(m, BasicBlock):
                    nn.init.constant_(m.bn2.weight, 0)

    def _make_layer(
        self, block, planes: int, blocks: int, stride: int = 1
    ) -> nn.Sequential:
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            # projection shortcut (option B of the paper) where the shape changes
            downsample = nn.Sequential(
                conv1x1(self.inplanes, planes * block.expansion, stride),
                nn.BatchNorm2d(planes * block.expansion),
            )
        layers = [block(self.inplanes, planes, stride, downsample, self.variant)]
        self.inplanes = planes * block.expansion
        layers += [
            block(self.inplanes, planes, variant=self.variant) for _ in range(1, blocks)
        ]
        return nn.Sequential(*layers)

    def forward_features(self, x: torch.Tensor) -> torch.Tensor:
        check_input(
            x, type(self).__name__, channels=3, min_size=self.min_size, module=self
        )
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))  # (N, 64, H/4, W/4)
        x = self.layer1(x)  # (N, 64·e, H/4, W/4)
        x = self.layer2(x)  # (N, 128·e, H/8, W/8)
        x = self.layer3(x)  # (N, 256·e, H/16, W/16)
        return self.layer4(x)  # (N, 512·e, H/32, W/32)

    def forward_head(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.flatten(self.avgpool(x), 1))  # (N, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.forward_head(self.forward_features(x))


# --8<-- [end:resnet]


# --8<-- [start:factories]
def resnet18(**kwargs) -> ResNet:
    return ResNet(BasicBlock, [2, 2, 2, 2], **kwargs)


def resnet34(**kwargs) -> ResNet:
    return ResNet(BasicBlock, [3, 4, 6, 3], **kwargs)


def resnet50(**kwargs) -> ResNet:
    return ResNet(Bottleneck, [3, 4, 6, 3], **kwargs)


def resnet101(**kwargs) -> ResNet:
    return ResNet(Bottleneck, [3, 4, 23, 3], **kwargs)


def resnet152(**kwargs) -> ResNet:
    return ResNet(Bottleneck, [3, 8, 36, 3], **kwargs)


# --8<-- [end:factories]
