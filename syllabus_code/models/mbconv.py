"""MBConv, the building block of EfficientNet [Tan and Le, 2019] (from MobileNetV2 [Sandler et
al., 2018]), and its parts, with torchvision's parameter names: the conv-BN-SiLU unit,
squeeze-and-excitation [Hu et al., 2018] and stochastic depth. The network itself is in
:mod:`syllabus_code.models.efficientnet`, which re-exports all of these.
"""

from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "make_divisible",
    "ConvBNAct",
    "SqueezeExcitation",
    "StochasticDepth",
    "stochastic_depth",
    "MBConv",
]


# --8<-- [start:helpers]
def make_divisible(v: float, divisor: int = 8) -> int:
    """Round a channel count to the nearest multiple of ``divisor``, never going more than 10% down."""
    new_v = max(divisor, int(v + divisor / 2) // divisor * divisor)
    return new_v + divisor if new_v < 0.9 * v else new_v


class ConvBNAct(nn.Sequential):
    """Conv (no bias, 'same' padding) → BatchNorm → SiLU (or no activation): keys 0, 1, 2."""

    def __init__(
        self,
        c_in: int,
        c_out: int,
        kernel: int = 1,
        stride: int = 1,
        groups: int = 1,
        activation: bool = True,
        bn_eps: float = 1e-5,
    ) -> None:
        layers: list[nn.Module] = [
            nn.Conv2d(
                c_in,
                c_out,
                kernel,
                stride,
                padding=(kernel - 1) // 2,
                groups=groups,
                bias=False,
            ),
            nn.BatchNorm2d(c_out, eps=bn_eps),
        ]
        if activation:
            layers.append(nn.SiLU(inplace=True))  # SiLU (swish): x·sigmoid(x)
        super().__init__(*layers)


# --8<-- [end:helpers]


# --8<-- [start:se]
class SqueezeExcitation(nn.Module):
    """Rescale each channel by a gate in (0, 1) computed from the whole feature map.

    squeeze: global average pool (N, C, H, W) → (N, C, 1, 1); excitation: 1×1 conv C → C_s,
    SiLU, 1×1 conv C_s → C, sigmoid; output = gate · input (broadcast over H, W).
    """

    def __init__(self, channels: int, squeeze_channels: int) -> None:
        super().__init__()
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        # 1×1 convs = linear layers on (C,) vectors
        self.fc1 = nn.Conv2d(channels, squeeze_channels, 1)
        self.fc2 = nn.Conv2d(squeeze_channels, channels, 1)
        self.activation = nn.SiLU(inplace=True)
        self.scale_activation = nn.Sigmoid()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        gate = self.scale_activation(
            self.fc2(self.activation(self.fc1(self.avgpool(x))))
        )
        return gate * x


# --8<-- [end:se]


# --8<-- [start:stochastic_depth]
def _stochastic_depth(x: torch.Tensor, p: float, training: bool) -> torch.Tensor:
    """Zero the whole residual branch of each sample with probability p; scale survivors by 1/(1-p).

    The expectation over the random mask is x itself, so at evaluation the branch is kept as is.

    ``stochastic_depth`` checks the arguments, then calls this.
    """
    if not training or p == 0.0:
        return x
    keep = 1.0 - p
    mask = torch.empty(
        (x.shape[0],) + (1,) * (x.ndim - 1), dtype=x.dtype, device=x.device
    ).bernoulli_(keep)
    if keep > 0:
        mask = mask / keep
    return x * mask


class StochasticDepth(nn.Module):
    def __init__(self, p: float) -> None:
        super().__init__()
        self.p = p

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return stochastic_depth(x, self.p, self.training)


# --8<-- [end:stochastic_depth]


def stochastic_depth(x: torch.Tensor, p: float, training: bool) -> torch.Tensor:
    """Zero the whole residual branch of each sample with probability p; scale survivors by 1/(1-p).

    The expectation over the random mask is x itself, so at evaluation the branch is kept as is.
    """
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be a probability in [0, 1], got {p}")
    return _stochastic_depth(x, p, training)


# --8<-- [start:mbconv]
class MBConv(nn.Module):
    """Inverted residual: 1×1 expand (×t) → depthwise k×k → SE → 1×1 project (no activation).

    The shortcut is used when the shape is unchanged (stride 1, C_in = C_out); the residual
    branch then goes through stochastic depth.
    """

    def __init__(
        self,
        c_in: int,
        c_out: int,
        expand_ratio: int,
        kernel: int,
        stride: int,
        sd_prob: float = 0.0,
        bn_eps: float = 1e-5,
    ) -> None:
        super().__init__()
        if stride not in (1, 2):
            raise ValueError(f"stride must be 1 or 2, got {stride}")
        self.use_res_connect = stride == 1 and c_in == c_out
        expanded = make_divisible(c_in * expand_ratio)
        layers: list[nn.Module] = []
        if expanded != c_in:  # expand_ratio 1 (first stage) has no expansion conv
            layers.append(ConvBNAct(c_in, expanded, 1, bn_eps=bn_eps))
        layers += [
            ConvBNAct(
                expanded, expanded, kernel, stride, groups=expanded, bn_eps=bn_eps
            ),  # depthwise
            SqueezeExcitation(
                expanded, max(1, c_in // 4)
            ),  # squeeze ratio 0.25 of the block's input
            ConvBNAct(
                expanded, c_out, 1, activation=False, bn_eps=bn_eps
            ),  # linear bottleneck
        ]
        self.block = nn.Sequential(*layers)
        self.stochastic_depth = StochasticDepth(sd_prob)
        self.out_channels = c_out

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.block(x)
        if self.use_res_connect:
            out = self.stochastic_depth(out) + x
        return out


# --8<-- [end:mbconv]
