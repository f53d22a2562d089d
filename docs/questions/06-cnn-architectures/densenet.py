"""Self-check questions for docs/06-cnn-architectures/densenet.md.

Channel counts from ``block_channels`` and from one dense block built on a CPU; parameter
counts from one ``DenseLayer`` (no whole DenseNet is built).
"""

from __future__ import annotations

import inspect

from syllabus_code.models.densenet import (
    DenseBlock,
    DenseLayer,
    DenseNet,
    block_channels,
)
from syllabus_code.selfcheck import Choice, Mistake, Numeric


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


# DenseNet-121
_DEFAULTS = {n: p.default for n, p in inspect.signature(DenseNet).parameters.items()}
K, C0, BN_SIZE = (
    _DEFAULTS["growth_rate"],
    _DEFAULTS["num_init_features"],
    _DEFAULTS["bn_size"],
)
D121 = _DEFAULTS["block_config"]
D169 = (6, 12, 32, 32)  # the paper's Table 1 (densenet169 in the package)


def _layer_input() -> Numeric:
    block, layer = 2, 10
    c_in = block_channels(C0, K, D121)[block - 1][0]
    dense = DenseBlock(D121[block - 1], c_in, BN_SIZE, K, 0.0)
    answer = getattr(dense, f"denselayer{layer}").norm1.num_features
    off_by_one = c_in + layer * K
    from_stem = C0 + (layer - 1) * K
    return Numeric(
        id="layer-input",
        prompt=(
            f"In DenseNet-121 (growth rate \\(k = {K}\\), {C0} channels after the stem, blocks of "
            f"{', '.join(map(str, D121))} layers, transitions halving the channels), how many "
            f"channels does layer {layer} of dense block {block} read?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Block 1 ends with \\({C0} + {D121[0]}\\cdot{K} = {block_channels(C0, K, D121)[0][1]}\\) "
            f"channels; the transition halves them to \\(c_0 = {c_in}\\) for block {block}. Layer "
            f"\\(\\ell\\) reads \\(c_0 + (\\ell - 1)k = {c_in} + {layer - 1}\\cdot{K} = {answer}\\)."
        ),
        hint="Find the block's \\(c_0\\) first (block 1's output, halved), then add \\((\\ell - 1)k\\).",
        mistakes=(
            Mistake(
                off_by_one,
                "Layer \\(\\ell\\) sees the block input and the \\(\\ell - 1\\) earlier "
                "layers, not \\(\\ell\\) of them: its own \\(k\\) channels are its output.",
            ),
            Mistake(
                from_stem,
                "Block 2 does not start from the stem's 64 channels: block 1 grew them, "
                "and the transition halved the result.",
            ),
        ),
    )


def _block_out() -> Numeric:
    channels = block_channels(C0, K, D169)
    c_in, answer = channels[2]
    c, uncompressed = C0, None
    for i, n in enumerate(D169):  # the same walk without the transitions' halving
        c = c + n * K
        if i == 2:
            uncompressed = c
    walk = " \\to ".join(f"{a}\\to{b}" for a, b in channels[:3])
    return Numeric(
        id="block-out-169",
        prompt=(
            f"DenseNet-169 has the same stem (\\(c_0 = {C0}\\)) and growth rate \\(k = {K}\\) as "
            f"DenseNet-121, blocks of {', '.join(map(str, D169))} layers and compression "
            f"\\(\\theta = 0.5\\). How many channels leave its **third** dense block?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Each block adds \\(L k\\), each transition halves: \\({walk}\\) (block in \\(\\to\\) "
            f"block out). Block 3: \\({c_in} + {D169[2]}\\cdot{K} = {answer}\\)."
        ),
        hint="A block maps \\(c\\) to \\(c + Lk\\); a transition maps \\(c\\) to \\(\\lfloor c/2 \\rfloor\\).",
        mistakes=(
            Mistake(
                uncompressed,
                "You forgot the transitions: each one halves the channel count (compression 0.5).",
            ),
            Mistake(
                answer // 2,
                "That is after the third transition, i.e. what block 4 receives.",
            ),
        ),
    )


def _layer_params(c_in: int) -> Numeric:
    layer = DenseLayer(c_in, K, BN_SIZE, 0.0)
    answer = sum(p.numel() for p in layer.parameters())
    w1, w2 = layer.conv1.weight.numel(), layer.conv2.weight.numel()
    bn = answer - w1 - w2
    no_bottleneck = 2 * c_in + 9 * c_in * K
    return Numeric(
        id="dense-layer-params",
        prompt=(
            f"How many parameters has a DenseNet-BC layer that reads {c_in} channels, with "
            f"\\(k = {K}\\) and bottleneck width \\({BN_SIZE}k\\)? It is BN → ReLU → 1×1 conv "
            f"(to \\({BN_SIZE}k\\)) → BN → ReLU → 3×3 conv (to \\(k\\)), convolutions without bias."
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"BN on {c_in} and on {BN_SIZE * K} channels: \\(2\\cdot({c_in} + {BN_SIZE * K}) = {bn}\\). "
            f"1×1 conv: \\({c_in}\\cdot{BN_SIZE * K} = {_m(w1)}\\). 3×3 conv: "
            f"\\(9\\cdot{BN_SIZE * K}\\cdot{K} = {_m(w2)}\\). Total \\({_m(answer)}\\)."
        ),
        hint="Two BatchNorms (2 per channel), a 1×1 convolution to \\(4k\\) channels, a 3×3 convolution to \\(k\\).",
        mistakes=(
            Mistake(
                w1 + w2,
                "You left out the two BatchNorms (a scale and a shift per channel).",
            ),
            Mistake(
                no_bottleneck,
                "DenseNet-BC has a 1×1 bottleneck to \\(4k\\) channels before the 3×3 "
                f"convolution; the 3×3 does not read all {c_in} channels.",
            ),
            Mistake(
                answer + bn, "Running means and variances are buffers, not parameters."
            ),
        ),
    )


def questions() -> list[Numeric | Choice]:
    first = _layer_input()
    return [first, _block_out(), _layer_params(int(first.answer))]
