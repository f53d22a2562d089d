"""AlexNet in two forms: torchvision's single-column variant [Krizhevsky, 2014] and the 2012 paper's.

``variant="torchvision"`` (default) is the network of "One weird trick" that torchvision ships:
64-192-384-256-256 filters, no local response normalisation, conv1 with padding 2 so that a
224×224 input gives 55×55. ``variant="paper"`` is the two-GPU network of [Krizhevsky et al.,
2012]: 96-256-384-384-256 filters, LRN after conv1 and conv2, and the GPU split kept as
``groups=2`` in conv2, conv4 and conv5 (those layers see only their own GPU's half of the
channels); conv1 has no padding, so it needs a 227×227 input to give 55×55.
"""

from __future__ import annotations

import torch
from torch import nn

from .common import check_input

VARIANTS = ("torchvision", "paper")


# --8<-- [start:alexnet]
class AlexNet(nn.Module):
    def __init__(
        self,
        num_classes: int = 1000,
        dropout: float = 0.5,
        variant: str = "torchvision",
    ) -> None:
        super().__init__()
        if variant not in VARIANTS:
            raise ValueError(f"variant must be one of {VARIANTS}, got {variant!r}")
        self.variant = variant
        if variant == "torchvision":
            # smallest size for which the third max-pool still has an output
            self.min_size = 63
            self.features = nn.Sequential(
                nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2),  # 224 → 55
                nn.ReLU(inplace=True),
                nn.MaxPool2d(kernel_size=3, stride=2),  # 55 → 27
                nn.Conv2d(64, 192, kernel_size=5, padding=2),
                nn.ReLU(inplace=True),
                nn.MaxPool2d(kernel_size=3, stride=2),  # 27 → 13
                nn.Conv2d(192, 384, kernel_size=3, padding=1),
                nn.ReLU(inplace=True),
                nn.Conv2d(384, 256, kernel_size=3, padding=1),
                nn.ReLU(inplace=True),
                nn.Conv2d(256, 256, kernel_size=3, padding=1),
                nn.ReLU(inplace=True),
                nn.MaxPool2d(kernel_size=3, stride=2),  # 13 → 6
            )
        else:
            # no padding in conv1: 4 more pixels than the torchvision form
            self.min_size = 67
            # PyTorch's LRN divides alpha by size; the paper's alpha=1e-4 on a sum of 5 squares is 5e-4 here
            lrn = dict(size=5, alpha=5e-4, beta=0.75, k=2.0)
            self.features = nn.Sequential(
                nn.Conv2d(3, 96, kernel_size=11, stride=4),  # 227 → 55 (224 → 54)
                nn.ReLU(inplace=True),
                nn.LocalResponseNorm(**lrn),
                nn.MaxPool2d(kernel_size=3, stride=2),  # 55 → 27
                nn.Conv2d(96, 256, kernel_size=5, padding=2, groups=2),
                nn.ReLU(inplace=True),
                nn.LocalResponseNorm(**lrn),
                nn.MaxPool2d(kernel_size=3, stride=2),  # 27 → 13
                nn.Conv2d(
                    256, 384, kernel_size=3, padding=1
                ),  # the layer where the GPUs talk
                nn.ReLU(inplace=True),
                nn.Conv2d(384, 384, kernel_size=3, padding=1, groups=2),
                nn.ReLU(inplace=True),
                nn.Conv2d(384, 256, kernel_size=3, padding=1, groups=2),
                nn.ReLU(inplace=True),
                nn.MaxPool2d(kernel_size=3, stride=2),  # 13 → 6
            )
        # the identity at 224 (torchvision) / 227 (paper)
        self.avgpool = nn.AdaptiveAvgPool2d((6, 6))
        self.classifier = nn.Sequential(
            nn.Dropout(p=dropout),
            nn.Linear(256 * 6 * 6, 4096),
            nn.ReLU(inplace=True),
            nn.Dropout(p=dropout),
            nn.Linear(4096, 4096),
            nn.ReLU(inplace=True),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_input(
            x,
            f"AlexNet ({self.variant})",
            channels=3,
            min_size=self.min_size,
            module=self,
        )
        x = self.avgpool(self.features(x))  # (N, 256, 6, 6)
        return self.classifier(torch.flatten(x, 1))  # (N, 9216) → (N, num_classes)


# --8<-- [end:alexnet]


def alexnet(**kwargs) -> AlexNet:
    """torchvision's AlexNet (single column, 61,100,840 parameters with 1000 classes)."""
    return AlexNet(variant="torchvision", **kwargs)


def alexnet_paper(**kwargs) -> AlexNet:
    """The 2012 paper's two-column AlexNet, the columns expressed as grouped convolutions."""
    return AlexNet(variant="paper", **kwargs)
