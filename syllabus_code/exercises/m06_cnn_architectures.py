"""Checkers for the Module 6 exercises (``docs/06-cnn-architectures/exercises.md``).

The expected answers are computed from the model code, not typed in, so they stay right if
the code changes.
"""

from __future__ import annotations

from syllabus_code.exercises._verdict import as_int, as_sequence, verdict
from syllabus_code.models.densenet import block_channels
from syllabus_code.models.resnet import Bottleneck
from syllabus_code.models.summary import count_parameters
from syllabus_code.models.vgg import CFGS

__all__ = ["check_ex1", "check_ex2", "check_ex3", "check_ex4"]


# --8<-- [start:checks]
def check_ex1(answer) -> str:
    """Parameters (weights + biases) of VGG-16's first fully connected layer."""
    answer = as_int(answer)
    last_channels = [v for v in CFGS["D"] if v != "M"][-1]
    expected = last_channels * 7 * 7 * 4096 + 4096
    return verdict(
        answer == expected,
        f"{expected:,} parameters, about 74% of VGG-16's total.",
        "the input is the flattened 7×7 map of the last conv stage; "
        "count weights and biases.",
    )


def check_ex2(answer) -> str:
    """Channels leaving each of DenseNet-121's four dense blocks
    (k = 32, c_0 = 64, layers 6-12-24-16)."""
    answer = [as_int(a) for a in as_sequence(answer, 4, "a list of 4 ints")]
    expected = [out for _, out in block_channels(64, 32, (6, 12, 24, 16))]
    return verdict(
        answer == expected,
        f"{expected}.",
        "each block adds L·k channels and each transition halves the count.",
    )


def check_ex3(answer) -> str:
    """Parameters of one ResNet-50 stage-3 bottleneck block that is not the first
    (1024 → 256 → 1024)."""
    answer = as_int(answer)
    expected = count_parameters(Bottleneck(1024, 256))
    return verdict(
        answer == expected,
        f"{expected:,} (three convolutions without bias, "
        "three BNs with 2 per channel).",
        "the block is 1×1 1024→256, 3×3 256→256, 1×1 256→1024, "
        "each followed by a BatchNorm.",
    )


def check_ex4(answer) -> str:
    """Output width of the 2012 AlexNet's conv1 (11×11, stride 4, no padding)
    on 224 and on 227 inputs."""
    pair = as_sequence(answer, 2, "a pair (size at 224, size at 227)")
    answer = [as_int(a) for a in pair]
    expected = [(n - 11) // 4 + 1 for n in (224, 227)]
    return verdict(
        answer == expected,
        f"{tuple(expected)}: only 227 gives the paper's 55.",
        "use floor((n + 2p - k) / s) + 1 with p = 0.",
    )


# --8<-- [end:checks]
