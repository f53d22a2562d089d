"""EfficientNet-B0…B7 [Tan and Le, 2019], written to match torchvision's ``efficientnet.py``.

The building block is MBConv [Sandler et al., 2018]: 1×1 expansion, depthwise k×k convolution,
squeeze-and-excitation [Hu et al., 2018], 1×1 linear projection, and a residual connection
dropped at random per sample during training (stochastic depth). Parameter names and shapes
equal torchvision's, so ``efficientnet_b0().load_state_dict(torchvision.models.efficientnet_b0()
.state_dict())`` works with ``strict=True``. The block and its parts are in
:mod:`syllabus_code.models.mbconv` (re-exported here).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import torch
from torch import nn

from syllabus_code._checks import check_number, check_positive

from .common import check_input
from .mbconv import (
    ConvBNAct,
    MBConv,
    SqueezeExcitation,
    StochasticDepth,
    make_divisible,
    stochastic_depth,
)

__all__ = [
    "make_divisible",
    "ConvBNAct",
    "SqueezeExcitation",
    "StochasticDepth",
    "stochastic_depth",
    "MBConv",
    "B0_STAGES",
    "EfficientNet",
    "Variant",
    "VARIANTS",
    "efficientnet_b0",
    "efficientnet_b1",
    "efficientnet_b2",
    "efficientnet_b3",
    "efficientnet_b4",
    "efficientnet_b5",
    "efficientnet_b6",
    "efficientnet_b7",
    "Scaling",
    "flops_factor",
    "compound_scaling",
]


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

    def __init__(
        self,
        width_mult: float = 1.0,
        depth_mult: float = 1.0,
        dropout: float = 0.2,
        stochastic_depth_prob: float = 0.2,
        num_classes: int = 1000,
        bn_eps: float = 1e-5,
    ) -> None:
        super().__init__()
        check_positive(width_mult, "width_mult")
        check_positive(depth_mult, "depth_mult")
        stages = [
            (
                t,
                k,
                s,
                make_divisible(ci * width_mult),
                make_divisible(co * width_mult),
                int(math.ceil(n * depth_mult)),
            )
            for t, k, s, ci, co, n in B0_STAGES
        ]
        layers: list[nn.Module] = [
            ConvBNAct(3, stages[0][3], 3, stride=2, bn_eps=bn_eps)
        ]
        total_blocks = sum(st[-1] for st in stages)
        block_id = 0
        for t, k, s, c_in, c_out, n in stages:
            blocks = []
            for i in range(n):  # the first block of a stage changes channels and stride
                # grows linearly with depth
                sd = stochastic_depth_prob * block_id / total_blocks
                blocks.append(
                    MBConv(
                        c_in if i == 0 else c_out,
                        c_out,
                        t,
                        k,
                        s if i == 0 else 1,
                        sd,
                        bn_eps,
                    )
                )
                block_id += 1
            layers.append(nn.Sequential(*blocks))
        last_in = stages[-1][4]
        layers.append(ConvBNAct(last_in, 4 * last_in, 1, bn_eps=bn_eps))
        self.features = nn.Sequential(*layers)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Sequential(
            nn.Dropout(dropout, inplace=True), nn.Linear(4 * last_in, num_classes)
        )

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
    "b0": Variant(1.0, 1.0, 224, 0.2),
    "b1": Variant(1.0, 1.1, 240, 0.2),
    "b2": Variant(1.1, 1.2, 260, 0.3),
    "b3": Variant(1.2, 1.4, 300, 0.3),
    "b4": Variant(1.4, 1.8, 380, 0.4),
    "b5": Variant(1.6, 2.2, 456, 0.4),
    "b6": Variant(1.8, 2.6, 528, 0.5),
    "b7": Variant(2.0, 3.1, 600, 0.5),
}


def _efficientnet(name: str, **kwargs) -> EfficientNet:
    v = VARIANTS[name]
    kwargs.setdefault("dropout", v.dropout)
    # torchvision uses BatchNorm eps 1e-3 for the largest three
    if name in (
        "b5",
        "b6",
        "b7",
    ):
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
    depth: float  # multiplier of the number of layers per stage
    width: float  # multiplier of the number of channels
    resolution: float  # multiplier of the input side
    image_size: int  # base_resolution · resolution, rounded


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


def compound_scaling(
    phi: float,
    alpha: float = 1.2,
    beta: float = 1.1,
    gamma: float = 1.15,
    base_resolution: int = 224,
) -> Scaling:
    """Depth α^φ, width β^φ, resolution γ^φ: FLOPs grow by (α·β²·γ²)^φ ≈ 2^φ."""
    check_number(phi, "phi", min=0.0)
    return _compound_scaling(phi, alpha, beta, gamma, base_resolution)
