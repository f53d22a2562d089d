"""VGG-11/13/16/19 [Simonyan & Zisserman, 2015] from one configuration table, as torchvision builds them.

Configurations A, B, D, E of the paper's Table 1: a number is a 3×3 convolution (padding 1)
with that many output channels followed by ReLU (and BatchNorm before it in the ``_bn``
variants); ``"M"`` is a 2×2 max-pool with stride 2. Five pools divide the size by 32, so the
smallest input is 32×32; an adaptive average pool then makes the map 7×7 for the classifier.
"""

from __future__ import annotations

import torch
from torch import nn

from .common import check_input

# The configurations read as the paper's Table 1, one per row: not reformatted.
# fmt: off
# --8<-- [start:config]
CFGS: dict[str, list[int | str]] = {
    # VGG-11
    "A": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    # VGG-13
    "B": [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    # VGG-16
    "D": [64, 64, "M", 128, 128, "M", 256, 256, 256, "M",
          512, 512, 512, "M", 512, 512, 512, "M"],
    # VGG-19
    "E": [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M",
          512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
}
DEPTH_TO_CFG = {11: "A", 13: "B", 16: "D", 19: "E"}


def make_layers(cfg: list[int | str], batch_norm: bool = False) -> nn.Sequential:
    """The convolutional part: conv3×3 [+ BN] + ReLU for a number, max-pool 2×2/2 for "M"."""
    layers: list[nn.Module] = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers.append(nn.MaxPool2d(kernel_size=2, stride=2))  # halves H and W
        else:
            # keeps H and W
            layers.append(nn.Conv2d(in_channels, v, kernel_size=3, padding=1))
            if batch_norm:
                layers.append(nn.BatchNorm2d(v))
            layers.append(nn.ReLU(inplace=True))
            in_channels = v
    return nn.Sequential(*layers)


# --8<-- [end:config]
# fmt: on


# --8<-- [start:vgg]
class VGG(nn.Module):
    min_size = 32  # five 2×2 pools: 32 → 1

    def __init__(
        self,
        features: nn.Sequential,
        num_classes: int = 1000,
        dropout: float = 0.5,
        init_weights: bool = True,
    ) -> None:
        super().__init__()
        self.features = features
        # (N, 512, 7, 7) whatever the input size
        self.avgpool = nn.AdaptiveAvgPool2d((7, 7))
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 4096),
            nn.ReLU(True),
            nn.Dropout(p=dropout),
            nn.Linear(4096, 4096),
            nn.ReLU(True),
            nn.Dropout(p=dropout),
            nn.Linear(4096, num_classes),
        )
        if init_weights:  # torchvision's initialisation
            for m in self.modules():
                if isinstance(m, nn.Conv2d):
                    nn.init.kaiming_normal_(
                        m.weight, mode="fan_out", nonlinearity="relu"
                    )
                    nn.init.constant_(m.bias, 0)
                elif isinstance(m, nn.BatchNorm2d):
                    nn.init.constant_(m.weight, 1)
                    nn.init.constant_(m.bias, 0)
                elif isinstance(m, nn.Linear):
                    nn.init.normal_(m.weight, 0, 0.01)
                    nn.init.constant_(m.bias, 0)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_input(
            x, type(self).__name__, channels=3, min_size=self.min_size, module=self
        )
        x = self.avgpool(self.features(x))  # (N, 512, 7, 7)
        return self.classifier(torch.flatten(x, 1))  # (N, num_classes)


def vgg(depth: int, batch_norm: bool = False, **kwargs) -> VGG:
    """VGG-``depth`` (11, 13, 16 or 19 weight layers), optionally with batch normalisation."""
    if depth not in DEPTH_TO_CFG:
        raise ValueError(f"depth must be one of {sorted(DEPTH_TO_CFG)}, got {depth!r}")
    return VGG(make_layers(CFGS[DEPTH_TO_CFG[depth]], batch_norm=batch_norm), **kwargs)


# --8<-- [end:vgg]


def vgg11(**kwargs) -> VGG:
    return vgg(11, **kwargs)


def vgg11_bn(**kwargs) -> VGG:
    return vgg(11, batch_norm=True, **kwargs)


def vgg13(**kwargs) -> VGG:
    return vgg(13, **kwargs)


def vgg13_bn(**kwargs) -> VGG:
    return vgg(13, batch_norm=True, **kwargs)


def vgg16(**kwargs) -> VGG:
    return vgg(16, **kwargs)


def vgg16_bn(**kwargs) -> VGG:
    return vgg(16, batch_norm=True, **kwargs)


def vgg19(**kwargs) -> VGG:
    return vgg(19, **kwargs)


def vgg19_bn(**kwargs) -> VGG:
    return vgg(19, batch_norm=True, **kwargs)
