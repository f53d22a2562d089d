"""GoogLeNet / Inception v1 [Szegedy et al., 2015] with its two auxiliary classifiers, as torchvision builds it.

Differences from the paper that torchvision made, and that we keep so its weights load:
every convolution is followed by batch normalisation (the paper predates BN), and the "5×5"
branch of each Inception module uses a 3×3 kernel (a known slip in the ported weights,
torchvision issue 906). ``branch3_kernel=5`` gives the paper's 5×5 kernel instead (the
state_dict then no longer matches torchvision's).
"""

from __future__ import annotations

from typing import NamedTuple

import torch
import torch.nn.functional as F
from torch import nn

from .common import check_input


class GoogLeNetOutputs(NamedTuple):
    """What the model returns in training mode with auxiliary heads (same order as torchvision)."""

    logits: torch.Tensor
    aux_logits2: torch.Tensor | None
    aux_logits1: torch.Tensor | None


# --8<-- [start:blocks]
class BasicConv2d(nn.Module):
    """Convolution (no bias) → BatchNorm (eps 0.001) → ReLU."""

    def __init__(self, in_channels: int, out_channels: int, **kwargs) -> None:
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, bias=False, **kwargs)
        self.bn = nn.BatchNorm2d(out_channels, eps=0.001)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.relu(self.bn(self.conv(x)), inplace=True)


class Inception(nn.Module):
    """Four parallel branches concatenated on the channel axis: 1×1 | 1×1→3×3 | 1×1→5×5 | pool→1×1."""

    def __init__(
        self,
        in_channels: int,
        ch1x1: int,
        ch3x3red: int,
        ch3x3: int,
        ch5x5red: int,
        ch5x5: int,
        pool_proj: int,
        branch3_kernel: int = 3,
    ) -> None:
        super().__init__()
        self.branch1 = BasicConv2d(in_channels, ch1x1, kernel_size=1)
        self.branch2 = nn.Sequential(
            BasicConv2d(
                in_channels, ch3x3red, kernel_size=1
            ),  # 1×1 "reduce": fewer channels first
            BasicConv2d(ch3x3red, ch3x3, kernel_size=3, padding=1),
        )
        self.branch3 = nn.Sequential(
            BasicConv2d(in_channels, ch5x5red, kernel_size=1),
            BasicConv2d(
                ch5x5red, ch5x5, kernel_size=branch3_kernel, padding=branch3_kernel // 2
            ),
        )
        self.branch4 = nn.Sequential(
            nn.MaxPool2d(kernel_size=3, stride=1, padding=1, ceil_mode=True),
            BasicConv2d(in_channels, pool_proj, kernel_size=1),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        branches = [self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)]
        return torch.cat(branches, 1)  # (N, ch1x1 + ch3x3 + ch5x5 + pool_proj, H, W)


class InceptionAux(nn.Module):
    """Auxiliary classifier: average pool to 4×4 → 1×1 conv (128) → FC 1024 → dropout → FC classes.

    The pool is *adaptive* (output 4×4 for any input size), as in torchvision; the paper uses a
    5×5 average pool with stride 3, which also gives 4×4 on the 14×14 maps of 4a and 4d but
    averages other windows (5 wide at 0, 3, 6, 9 instead of 4 wide at 0, 3, 7, 10).
    """

    def __init__(
        self, in_channels: int, num_classes: int, dropout: float = 0.7
    ) -> None:
        super().__init__()
        self.conv = BasicConv2d(in_channels, 128, kernel_size=1)
        self.fc1 = nn.Linear(2048, 1024)
        self.fc2 = nn.Linear(1024, num_classes)
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.conv(F.adaptive_avg_pool2d(x, (4, 4)))  # (N, 128, 4, 4)
        x = F.relu(self.fc1(torch.flatten(x, 1)), inplace=True)  # (N, 1024)
        return self.fc2(self.dropout(x))  # (N, num_classes)


# --8<-- [end:blocks]


# --8<-- [start:googlenet]
class GoogLeNet(nn.Module):
    # 224 / 32 = 7 at the end; below 15 the ceil-mode pools run out of pixels
    min_size = 15

    def __init__(
        self,
        num_classes: int = 1000,
        aux_logits: bool = True,
        transform_input: bool = False,
        init_weights: bool = True,
        dropout: float = 0.2,
        dropout_aux: float = 0.7,
        branch3_kernel: int = 3,
    ) -> None:
        super().__init__()
        if branch3_kernel not in (3, 5):
            raise ValueError(
                f"branch3_kernel must be 3 (torchvision) or 5 (paper), got {branch3_kernel!r}"
            )
        self.aux_logits = aux_logits
        self.transform_input = transform_input
        inc = lambda *c: Inception(*c, branch3_kernel=branch3_kernel)  # noqa: E731
        self.conv1 = BasicConv2d(3, 64, kernel_size=7, stride=2, padding=3)
        self.maxpool1 = nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.conv2 = BasicConv2d(64, 64, kernel_size=1)
        self.conv3 = BasicConv2d(64, 192, kernel_size=3, padding=1)
        self.maxpool2 = nn.MaxPool2d(3, stride=2, ceil_mode=True)
        # in, #1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj  (the paper's Table 1)
        self.inception3a = inc(192, 64, 96, 128, 16, 32, 32)
        self.inception3b = inc(256, 128, 128, 192, 32, 96, 64)
        self.maxpool3 = nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.inception4a = inc(480, 192, 96, 208, 16, 48, 64)
        self.inception4b = inc(512, 160, 112, 224, 24, 64, 64)
        self.inception4c = inc(512, 128, 128, 256, 24, 64, 64)
        self.inception4d = inc(512, 112, 144, 288, 32, 64, 64)
        self.inception4e = inc(528, 256, 160, 320, 32, 128, 128)
        self.maxpool4 = nn.MaxPool2d(2, stride=2, ceil_mode=True)
        self.inception5a = inc(832, 256, 160, 320, 32, 128, 128)
        self.inception5b = inc(832, 384, 192, 384, 48, 128, 128)
        if aux_logits:
            # after inception4a
            self.aux1 = InceptionAux(512, num_classes, dropout=dropout_aux)
            # after inception4d
            self.aux2 = InceptionAux(528, num_classes, dropout=dropout_aux)
        else:
            self.aux1 = self.aux2 = None
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.dropout = nn.Dropout(p=dropout)
        self.fc = nn.Linear(1024, num_classes)
        if init_weights:  # torchvision's initialisation
            for m in self.modules():
                if isinstance(m, (nn.Conv2d, nn.Linear)):
                    nn.init.trunc_normal_(m.weight, mean=0.0, std=0.01, a=-2, b=2)
                elif isinstance(m, nn.BatchNorm2d):
                    nn.init.constant_(m.weight, 1)
                    nn.init.constant_(m.bias, 0)

    def _transform_input(self, x: torch.Tensor) -> torch.Tensor:
        """Re-normalise from ImageNet mean/std to the [-1, 1] scaling the ported weights expect."""
        if not self.transform_input:
            return x
        mean = torch.tensor([0.485, 0.456, 0.406], dtype=x.dtype, device=x.device).view(
            1, 3, 1, 1
        )
        std = torch.tensor([0.229, 0.224, 0.225], dtype=x.dtype, device=x.device).view(
            1, 3, 1, 1
        )
        return x * (std / 0.5) + (mean - 0.5) / 0.5

    def forward(self, x: torch.Tensor) -> torch.Tensor | GoogLeNetOutputs:
        check_input(x, "GoogLeNet", channels=3, min_size=self.min_size, module=self)
        x = self._transform_input(x)
        x = self.maxpool1(self.conv1(x))  # (N, 64, 56, 56) at 224
        x = self.maxpool2(self.conv3(self.conv2(x)))  # (N, 192, 28, 28)
        x = self.maxpool3(self.inception3b(self.inception3a(x)))  # (N, 480, 14, 14)
        x = self.inception4a(x)  # (N, 512, 14, 14)
        aux1 = self.aux1(x) if self.aux1 is not None and self.training else None
        x = self.inception4d(self.inception4c(self.inception4b(x)))  # (N, 528, 14, 14)
        aux2 = self.aux2(x) if self.aux2 is not None and self.training else None
        x = self.maxpool4(self.inception4e(x))  # (N, 832, 7, 7)
        x = self.inception5b(self.inception5a(x))  # (N, 1024, 7, 7)
        x = self.fc(self.dropout(torch.flatten(self.avgpool(x), 1)))  # (N, num_classes)
        if self.training and self.aux_logits:
            # train with loss + 0.3·(aux1 loss + aux2 loss)
            return GoogLeNetOutputs(x, aux2, aux1)
        return x


# --8<-- [end:googlenet]


def googlenet(**kwargs) -> GoogLeNet:
    return GoogLeNet(**kwargs)
