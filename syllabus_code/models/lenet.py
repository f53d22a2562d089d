"""LeNet-5 in its modern form, and the arithmetic of the 1998 original [LeCun et al., 1998].

The modern form (what tutorials and this course train) keeps the paper's layer sizes —
conv 5×5 with 6 maps, pool, conv 5×5 with 16 maps, pool, 120, 84, 10 — and simplifies the
rest: C3 sees all 6 maps of S2 (the paper used a partial connection table), pooling has no
trainable coefficient, the activation is plain tanh or ReLU (the paper used 1.7159·tanh(2a/3)),
and the output is a linear layer for a softmax cross-entropy (the paper used 10 Euclidean RBF
units with fixed ±1 prototypes).
"""

from __future__ import annotations

import torch
from torch import nn

from .common import check_input


def _check_lenet_args(activation, acts, pool, pools, input_size) -> None:
    if activation not in acts:
        raise ValueError(
            f"activation must be one of {sorted(acts)}, got {activation!r}"
        )
    if pool not in pools:
        raise ValueError(f"pool must be one of {sorted(pools)}, got {pool!r}")
    if input_size not in (28, 32):
        raise ValueError(
            f"input_size must be 32 (the paper's) or 28 (MNIST, padded by 2), got {input_size!r}"
        )


# --8<-- [start:lenet]
class LeNet5(nn.Module):
    """LeNet-5 for 32×32 images, or 28×28 (MNIST) with ``input_size=28`` (conv1 then pads by 2)."""

    def __init__(
        self,
        num_classes: int = 10,
        in_channels: int = 1,
        activation: str = "tanh",
        pool: str = "avg",
        input_size: int = 32,
    ) -> None:
        super().__init__()
        acts = {"tanh": nn.Tanh, "relu": nn.ReLU}
        pools = {"avg": nn.AvgPool2d, "max": nn.MaxPool2d}
        _check_lenet_args(activation, acts, pool, pools, input_size)
        self.in_channels, self.input_size = in_channels, input_size
        act, pool_cls = acts[activation], pools[pool]
        self.features = nn.Sequential(
            nn.Conv2d(
                in_channels, 6, kernel_size=5, padding=2 if input_size == 28 else 0
            ),  # C1: (N, 6, 28, 28)
            act(),
            pool_cls(kernel_size=2, stride=2),  # S2: (N, 6, 14, 14)
            nn.Conv2d(6, 16, kernel_size=5),  # C3: (N, 16, 10, 10)
            act(),
            pool_cls(kernel_size=2, stride=2),  # S4: (N, 16, 5, 5)
        )
        self.classifier = nn.Sequential(
            nn.Linear(16 * 5 * 5, 120),
            act(),  # C5 (a 5×5 convolution on a 5×5 map = fully connected)
            nn.Linear(120, 84),
            act(),  # F6
            nn.Linear(84, num_classes),  # output (the paper: RBF units)
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        check_input(
            x,
            "LeNet5",
            channels=self.in_channels,
            exact_size=self.input_size,
            module=self,
        )
        return self.classifier(torch.flatten(self.features(x), 1))  # (N, num_classes)


# --8<-- [end:lenet]


def lenet5(**kwargs) -> LeNet5:
    return LeNet5(**kwargs)


# --8<-- [start:paper]
# The paper's Table I: which of S2's 6 maps (rows) each of C3's 16 maps (columns) reads.
C3_TABLE = [
    "X   XXX  XXXX XX",
    "XX   XXX  XXXX X",
    "XXX   XXX  X XXX",
    " XXX  XXXX  X XX",
    "  XXX  XXXX XX X",
    "   XXX  XXXX XXX",
]


def paper_parameter_counts() -> dict[str, int]:
    """Trainable parameters of each layer of the 1998 LeNet-5, computed from its description.

    Subsampling layers S2/S4 have one trainable coefficient and one bias per map; C3 has one
    5×5 kernel per connection in ``C3_TABLE`` plus one bias per map; the RBF output layer's
    84×10 prototypes were set by hand and kept fixed, so they are not counted.
    """
    c3_inputs = [sum(row[j] == "X" for row in C3_TABLE) for j in range(16)]
    return {
        "C1": 6 * (1 * 5 * 5 + 1),
        "S2": 6 * 2,
        "C3": sum(25 * n + 1 for n in c3_inputs),
        "S4": 16 * 2,
        "C5": 120 * (16 * 5 * 5 + 1),
        "F6": 84 * (120 + 1),
    }


# --8<-- [end:paper]
