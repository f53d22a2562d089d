"""EfficientNet-B0…B7 [Tan and Le, 2019], written to match torchvision's ``efficientnet.py``.

The building block is MBConv [Sandler et al., 2018]: 1×1 expansion, depthwise k×k convolution,
squeeze-and-excitation [Hu et al., 2018], 1×1 linear projection, and a residual connection
dropped at random per sample during training (stochastic depth). Parameter names and shapes
equal torchvision's, so ``efficientnet_b0().load_state_dict(torchvision.models.efficientnet_b0()
.state_dict())`` works with ``strict=True``.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import torch
from torch import nn

from syllabus_code._checks import check_number, check_positive

from .common import check_input


# --8<-- [start:helpers]
def make_divisible(v: float, divisor: int = 8) -> int:
    """Round a channel count to the nearest multiple of ``divisor``, never going more than 10% down."""
    new_v = max(divisor, int(v + divisor / 2) // divisor * divisor)
    return new_v + divisor if new_v < 0.9 * v else new_v


class ConvBNAct(nn.Sequential):
    """Conv (no bias, 'same' padding) → BatchNorm → SiLU (or no activation): keys 0, 1, 2."""

    def __init__(self, c_in: int, c_out: int, kernel: int = 1, stride: int = 1, groups: int = 1,
                 activation: bool = True, bn_eps: float = 1e-5) -> None:
        layers: list[nn.Module] = [
            nn.Conv2d(c_in, c_out, kernel, stride, padding=(kernel - 1) // 2, groups=groups, bias=False),
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
        self.fc1 = nn.Conv2d(channels, squeeze_channels, 1)  # 1×1 convs = linear layers on (C,) vectors
        self.fc2 = nn.Conv2d(squeeze_channels, channels, 1)
        self.activation = nn.SiLU(inplace=True)
        self.scale_activation = nn.Sigmoid()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        gate = self.scale_activation(self.fc2(self.activation(self.fc1(self.avgpool(x)))))
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
    mask = torch.empty((x.shape[0],) + (1,) * (x.ndim - 1), dtype=x.dtype, device=x.device).bernoulli_(keep)
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

    def __init__(self, c_in: int, c_out: int, expand_ratio: int, kernel: int, stride: int,
                 sd_prob: float = 0.0, bn_eps: float = 1e-5) -> None:
        super().__init__()
        if stride not in (1, 2):
            raise ValueError(f"stride must be 1 or 2, got {stride}")
        self.use_res_connect = stride == 1 and c_in == c_out
        expanded = make_divisible(c_in * expand_ratio)
        layers: list[nn.Module] = []
        if expanded != c_in:  # expand_ratio 1 (first stage) has no expansion conv
            layers.append(ConvBNAct(c_in, expanded, 1, bn_eps=bn_eps))
        layers += [
            ConvBNAct(expanded, expanded, kernel, stride, groups=expanded, bn_eps=bn_eps),  # depthwise
            SqueezeExcitation(expanded, max(1, c_in // 4)),  # squeeze ratio 0.25 of the block's input
            ConvBNAct(expanded, c_out, 1, activation=False, bn_eps=bn_eps),  # linear bottleneck
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


# --8<-- [start:efficientnet]
# EfficientNet-B0 (Table 1 of the paper): expand ratio t, kernel k, stride s, C_in, C_out, layers
B0_STAGES = [
    (1, 3, 1, 32, 16, 1),
    (6, 3, 2, 16, 24, 2),
    (6, 5, 2, 24, 40, 2),
    (6, 3, 2, 40, 80, 3),
    (6, 5, 1, 80, 112, 3),
    (6, 5, 2, 112, 192, 4),
    (6, 3, 1, 192, 320, 1),
]


class EfficientNet(nn.Module):
    """Stem 3×3/2 conv, seven MBConv stages scaled by (width_mult, depth_mult), 1×1 conv to 4·C, pool, head."""

    min_size = 1  # every layer pads

    def __init__(self, width_mult: float = 1.0, depth_mult: float = 1.0, dropout: float = 0.2,
                 stochastic_depth_prob: float = 0.2, num_classes: int = 1000, bn_eps: float = 1e-5) -> None:
        super().__init__()
        check_positive(width_mult, "width_mult")
        check_positive(depth_mult, "depth_mult")
        stages = [(t, k, s, make_divisible(ci * width_mult), make_divisible(co * width_mult),
                   int(math.ceil(n * depth_mult))) for t, k, s, ci, co, n in B0_STAGES]
        layers: list[nn.Module] = [ConvBNAct(3, stages[0][3], 3, stride=2, bn_eps=bn_eps)]
        total_blocks = sum(st[-1] for st in stages)
        block_id = 0
        for t, k, s, c_in, c_out, n in stages:
            blocks = []
            for i in range(n):  # the first block of a stage changes channels and stride
                sd = stochastic_depth_prob * block_id / total_blocks  # grows linearly with depth
                blocks.append(MBConv(c_in if i == 0 else c_out, c_out, t, k, s if i == 0 else 1, sd, bn_eps))
                block_id += 1
            layers.append(nn.Sequential(*blocks))
        last_in = stages[-1][4]
        layers.append(ConvBNAct(last_in, 4 * last_in, 1, bn_eps=bn_eps))
        self.features = nn.Sequential(*layers)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(nn.Dropout(dropout, inplace=True), nn.Linear(4 * last_in, num_classes))

        for m in self.modules():  # torchvision's initialisation
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.Linear):
                r = 1.0 / math.sqrt(m.out_features)
                nn.init.uniform_(m.weight, -r, r)
                nn.init.zeros_(m.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_input(x, "EfficientNet", channels=3, min_size=self.min_size, module=self)
        x = self.features(x)  # (N, 4·C_last, H/32, W/32)
        return self.classifier(torch.flatten(self.avgpool(x), 1))
# --8<-- [end:efficientnet]


# --8<-- [start:variants]
class Variant(NamedTuple):
    width: float
    depth: float
    resolution: int
    dropout: float


# torchvision's (and the official release's) hand-chosen coefficients
VARIANTS = {
    "b0": Variant(1.0, 1.0, 224, 0.2), "b1": Variant(1.0, 1.1, 240, 0.2),
    "b2": Variant(1.1, 1.2, 260, 0.3), "b3": Variant(1.2, 1.4, 300, 0.3),
    "b4": Variant(1.4, 1.8, 380, 0.4), "b5": Variant(1.6, 2.2, 456, 0.4),
    "b6": Variant(1.8, 2.6, 528, 0.5), "b7": Variant(2.0, 3.1, 600, 0.5),
}


def _efficientnet(name: str, **kwargs) -> EfficientNet:
    v = VARIANTS[name]
    kwargs.setdefault("dropout", v.dropout)
    if name in ("b5", "b6", "b7"):  # torchvision uses BatchNorm eps 1e-3 for the largest three
        kwargs.setdefault("bn_eps", 1e-3)
    return EfficientNet(width_mult=v.width, depth_mult=v.depth, **kwargs)
# --8<-- [end:variants]


def efficientnet_b0(**kwargs) -> EfficientNet:
    return _efficientnet("b0", **kwargs)


def efficientnet_b1(**kwargs) -> EfficientNet:
    return _efficientnet("b1", **kwargs)


def efficientnet_b2(**kwargs) -> EfficientNet:
    return _efficientnet("b2", **kwargs)


def efficientnet_b3(**kwargs) -> EfficientNet:
    return _efficientnet("b3", **kwargs)


def efficientnet_b4(**kwargs) -> EfficientNet:
    return _efficientnet("b4", **kwargs)


def efficientnet_b5(**kwargs) -> EfficientNet:
    return _efficientnet("b5", **kwargs)


def efficientnet_b6(**kwargs) -> EfficientNet:
    return _efficientnet("b6", **kwargs)


def efficientnet_b7(**kwargs) -> EfficientNet:
    return _efficientnet("b7", **kwargs)


# --8<-- [start:compound]
class Scaling(NamedTuple):
    depth: float       # multiplier of the number of layers per stage
    width: float       # multiplier of the number of channels
    resolution: float  # multiplier of the input side
    image_size: int    # base_resolution · resolution, rounded


def _compound_scaling(phi, alpha, beta, gamma, base_resolution) -> Scaling:
    """Depth α^φ, width β^φ, resolution γ^φ: FLOPs grow by (α·β²·γ²)^φ ≈ 2^φ.

    ``compound_scaling`` checks the arguments, then calls this.
    """
    for value, name in ((alpha, "alpha"), (beta, "beta"), (gamma, "gamma")):
        if check_number(value, name) < 1:
            raise ValueError(f"{name} must be a number >= 1, got {value!r}")
    d, w, r = alpha**phi, beta**phi, gamma**phi
    return Scaling(d, w, r, round(base_resolution * r))


def flops_factor(alpha: float = 1.2, beta: float = 1.1, gamma: float = 1.15) -> float:
    """FLOPs multiplier per unit of φ: α·β²·γ² (depth counts once, width and resolution twice)."""
    return alpha * beta**2 * gamma**2
# --8<-- [end:compound]


def compound_scaling(phi: float, alpha: float = 1.2, beta: float = 1.1, gamma: float = 1.15,
                     base_resolution: int = 224) -> Scaling:
    """Depth α^φ, width β^φ, resolution γ^φ: FLOPs grow by (α·β²·γ²)^φ ≈ 2^φ."""
    check_number(phi, "phi", min=0.0)
    return _compound_scaling(phi, alpha, beta, gamma, base_resolution)
