"""Self-check questions for docs/05-cnns/receptive-field.md."""

from __future__ import annotations

from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option
from syllabus_code.shapes import receptive_field, stacked_kernel_params

STACK = [
    {"k": 3, "s": 1},
    {"k": 3, "s": 2},
    {"type": "pool", "k": 2},
    {"k": 3, "s": 1},
    {"k": 3, "s": 1},
]
C = 32
BIG = 9  # one 9x9 layer against a stack of 3x3 layers
# the architecture playground's LeNet-5 preset up to its second max pool, first kernel changed
LENET = [{"k": 5}, {"type": "pool", "k": 2}, {"k": 5}, {"type": "pool", "k": 2}]
NEW_K = 3


def _n(x: int) -> str:
    """An integer with thousands separators that KaTeX spaces correctly."""
    return f"{x:,}".replace(",", "{,}")


def _describe(layer: dict) -> str:
    if layer.get("type") == "pool":
        return (
            f"a {layer['k']}×{layer['k']} pool with stride {layer.get('s', layer['k'])}"
        )
    return f"a {layer['k']}×{layer['k']} conv with stride {layer.get('s', 1)}"


def _rf_without_strides(layers) -> int:
    return 1 + sum(layer["k"] - 1 for layer in layers)


def _rf_with_own_stride(layers) -> int:
    """A likely slip: multiplying each layer's (k - 1) by the strides *including its own*."""
    rf, jump = 1, 1
    for layer in layers:
        jump *= layer.get("s", layer["k"] if layer.get("type") == "pool" else 1)
        rf += (layer["k"] - 1) * jump
    return rf


def _stack() -> Numeric:
    rfs = receptive_field(STACK)
    answer = rfs[-1]
    jumps, j = [], 1
    for layer in STACK:
        jumps.append(j)
        j *= layer.get("s", layer["k"] if layer.get("type") == "pool" else 1)
    steps = " + ".join(
        f"{layer['k'] - 1}\\cdot{jump}" for layer, jump in zip(STACK, jumps)
    )
    return Numeric(
        id="stack-receptive-field",
        prompt=(
            "What is the receptive field (side length, in input pixels) of a unit after this "
            "stack: " + ", then ".join(_describe(layer) for layer in STACK) + "?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"\\(\\mathrm{{RF}}_l = \\mathrm{{RF}}_{{l-1}} + (k_l - 1)\\prod_{{i<l}} s_i\\), "
            f"from \\(\\mathrm{{RF}}_0 = 1\\): \\(1 + {steps} = {answer}\\) (after each layer: "
            f"{', '.join(map(str, rfs))})."
        ),
        hint=r"Each layer adds \((k_l - 1)\) times the product of the strides of the layers **below** it.",
        mistakes=(
            Mistake(
                float(_rf_without_strides(STACK)),
                "You left out the strides: after a "
                "stride-2 layer, neighbouring units are 2 input pixels apart, so every later "
                "kernel tap spans more pixels.",
            ),
            Mistake(
                float(_rf_with_own_stride(STACK)),
                "You included each layer's own stride; "
                "only the strides of the layers below it spread its taps apart.",
            ),
        ),
    )


def _stacked_weights() -> Numeric:
    # how many stride-1 3x3 layers see what one BIG x BIG layer sees, and their weights
    n = next(n for n in range(1, BIG) if receptive_field([{"k": 3}] * n)[-1] == BIG)
    answer = stacked_kernel_params(C, 3, n)
    big = stacked_kernel_params(C, BIG, 1)
    return Numeric(
        id="stacked-3x3-weights",
        prompt=(
            f"A stack of stride-1 3×3 conv layers, \\(C = {C}\\) channels in and out, is "
            f"to see the same {BIG}×{BIG} pixels as one {BIG}×{BIG} layer. How many weights "
            f"(biases ignored) does the shortest such stack have?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"Each stride-1 3×3 layer adds 2 to the receptive field, \\(\\mathrm{{RF}} = 1 + 2n\\), "
            f"so \\(1 + 2n = {BIG}\\) gives \\(n = {n}\\) layers. Each has \\(9C^2\\) "
            f"weights: \\({n}\\cdot 9\\cdot {C}^2 = {_n(answer)}\\), against "
            f"\\({BIG * BIG}C^2 = {_n(big)}\\) for one {BIG}×{BIG} layer, "
            f"{100 * (1 - answer / big):.0f}% fewer."
        ),
        hint=(
            r"Find how many 3×3 layers give the receptive field first (each adds \(k - 1 = 2\)), "
            r"then count \(k^2 C^2\) weights per layer."
        ),
        mistakes=(
            Mistake(
                float(stacked_kernel_params(C, 3, n - 1)),
                f"{n - 1} layers see only "
                f"{receptive_field([{'k': 3}] * (n - 1))[-1]}×"
                f"{receptive_field([{'k': 3}] * (n - 1))[-1]} pixels: each layer adds 2.",
            ),
            Mistake(float(big), f"That is the single {BIG}×{BIG} layer."),
            Mistake(
                float(n * 9 * C),
                r"Each kernel spans all \(C\) input channels, and there are "
                r"\(C\) of them: \(9C^2\) per layer, not \(9C\).",
            ),
        ),
    )


def _widget() -> Numeric:
    changed = [dict(LENET[0], k=NEW_K)] + LENET[1:]
    answer = receptive_field(changed)[-1]
    return Numeric(
        id="widget-lenet-receptive-field",
        prompt=(
            f"In the architecture playground above, load the LeNet-5 preset and change the "
            f"first convolution's kernel from 5 to {NEW_K} (keep the rest). What receptive "
            f"field does the playground now show after the second max pool?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"Conv {NEW_K}×{NEW_K}: \\(1 + {NEW_K - 1} = {receptive_field(changed[:1])[-1]}\\); "
            f"pool 2, stride 2: \\(+1\\cdot1 = {receptive_field(changed[:2])[-1]}\\); conv 5×5, "
            f"taps now 2 apart: \\(+4\\cdot2 = {receptive_field(changed[:3])[-1]}\\); pool 2, "
            f"taps still 2 apart: \\(+1\\cdot2 = {answer}\\) (a layer's own stride "
            f"spreads only the layers above it). The ReLUs add nothing."
        ),
        hint="Apply the recurrence layer by layer; ReLUs do not change the receptive field.",
        mistakes=(
            Mistake(
                float(receptive_field(LENET)[-1]),
                "That is the preset's value with the 5×5 "
                "kernel; change the first convolution's kernel size.",
            ),
            Mistake(
                float(_rf_without_strides(changed)),
                "The pools have stride 2, which spreads "
                "the taps of every later layer apart.",
            ),
        ),
        widget="architecture-playground",
    )


def _padding() -> Choice:
    return Choice(
        id="padding-and-receptive-field",
        prompt="Adding padding 1 to every 3×3 convolution of a stack changes a unit's receptive field how?",
        options=(
            Option(
                "Its size stays the same; only where it sits changes, and near the border part of it falls on zeros.",
                True,
                "Right: the recurrence has no \\(p\\); padding shifts the windows and "
                "keeps the map's size.",
            ),
            Option(
                "It grows by 2 per layer.",
                False,
                "Padding adds zeros around the input, "
                "not taps to the kernel: each layer still adds \\((k - 1)\\) jumps.",
            ),
            Option(
                "It shrinks, because the padding zeros carry no information.",
                False,
                "The zeros only replace image pixels near the border; the field's size is "
                "set by kernels and strides.",
            ),
        ),
        solution=r"\(\mathrm{RF}_l = \mathrm{RF}_{l-1} + (k_l - 1)\prod_{i<l} s_i\) involves no padding.",
    )


def questions():
    return [_stack(), _stacked_weights(), _widget(), _padding()]
