"""Self-check questions for docs/05-cnns/full-cnn.md."""

from __future__ import annotations

from syllabus_code.numpy_nn.conv_net import init_params
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option
from syllabus_code.shapes import conv_output_size, conv_params, pool_output_size

CHANNELS = (8, 16)
ODD_SIZE = (16, 32), 30


def _n(x: int) -> str:
    """An integer with thousands separators that KaTeX spaces correctly."""
    return f"{x:,}".replace(",", "{,}")


def _total() -> Numeric:
    params = init_params(CHANNELS)
    answer = sum(v.size for v in params.values())
    bn = sum(v.size for k, v in params.items() if k.startswith("bn"))
    biases = sum(v.size for k, v in params.items() if k.endswith("_b"))
    parts = {k: v.size for k, v in params.items()}
    conv = [parts[f"conv{i}_w"] + parts[f"conv{i}_b"] for i in range(len(CHANNELS))]
    fc = parts["fc_w"] + parts["fc_b"]
    return Numeric(
        id="total-parameters",
        prompt=(
            f"Build the page's network with `channels={CHANNELS}` for 1×28×28 inputs: two "
            f"blocks [3×3 conv, padding 1 → batch norm → ReLU → 2×2 max pool], then one fully "
            f"connected layer to 10 logits. How many learnable parameters does it have?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"Convolutions: \\((9\\cdot{params['conv0_w'].shape[1]} + 1)\\cdot{CHANNELS[0]} "
            f"= {conv[0]}\\) and "
            f"\\((9\\cdot{CHANNELS[0]} + 1)\\cdot{CHANNELS[1]} = {_n(conv[1])}\\); batch norm: "
            f"\\(2\\cdot({CHANNELS[0]} + {CHANNELS[1]}) = {bn}\\) (\\(\\gamma\\) and \\(\\beta\\)); "
            f"the maps are {CHANNELS[1]}×7×7 after two pools, so the head has "
            f"\\({CHANNELS[1] * 49}\\cdot10 + 10 = {_n(fc)}\\). Total \\({_n(answer)}\\)."
        ),
        hint=r"Add \((9 C_\text{in} + 1) C_\text{out}\) per conv, \(2C\) per batch norm, and the head's weights and biases.",
        mistakes=(
            Mistake(
                float(answer - bn),
                r"Batch norm learns two parameters per channel, "
                r"\(\gamma\) and \(\beta\).",
            ),
            Mistake(
                float(answer + bn),
                "The running mean and variance are statistics, not "
                "learnable parameters: batch norm adds 2 per channel, not 4.",
            ),
            Mistake(
                float(answer - biases),
                "The convolutions and the fully connected layer have "
                "biases too (the convolutions' are redundant before batch norm, but they are "
                "still parameters).",
            ),
        ),
    )


def _fc_inputs() -> Numeric:
    channels, size = ODD_SIZE
    answer = init_params(channels, image_size=size)["fc_w"].shape[0]
    sizes, h = [size], size
    for _ in channels:
        h = pool_output_size(conv_output_size(h, 3, 1, 1), 2)
        sizes.append(h)
    ceil = size
    for _ in channels:
        ceil = -(-ceil // 2)
    return Numeric(
        id="head-inputs-odd-size",
        prompt=(
            f"The same design with `channels={channels}` is given {size}×{size} images. How "
            f"many inputs does the fully connected layer receive after the flatten?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"The padded 3×3 convolutions keep the size; each 2×2 pool takes "
            f"\\(\\lfloor n/2 \\rfloor\\): {' → '.join(map(str, sizes))}. The last map is "
            f"{channels[-1]}×{h}×{h}, so the head gets \\({channels[-1]}\\cdot{h}\\cdot{h} = "
            f"{_n(answer)}\\) inputs."
        ),
        hint=r"Follow the height through each block: same-padded conv, then \(\lfloor n/2\rfloor\).",
        mistakes=(
            Mistake(
                float(channels[-1] * ceil * ceil),
                f"The pool rounds down: "
                f"\\(\\lfloor {sizes[1]}/2 \\rfloor = {sizes[2]}\\); the last odd row and "
                f"column are dropped.",
            ),
            Mistake(
                float(h * h),
                "Flattening keeps every channel: multiply by the number of maps.",
            ),
        ),
    )


def _mult_adds() -> Numeric:
    h = pool_output_size(conv_output_size(28, 3, 1, 1), 2)  # the second conv's input
    positions = conv_output_size(h, 3, 1, 1) ** 2
    per_position = conv_params(3, 3, CHANNELS[0], CHANNELS[1], bias=False)
    answer = positions * per_position
    return Numeric(
        id="second-conv-mult-adds",
        prompt=(
            f"In the `channels={CHANNELS}` network on 28×28 inputs, how many multiply-adds "
            f"does the second convolution perform per image (biases ignored)?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"It sees the pooled 14×14 maps and keeps that size (padding 1): "
            f"\\({positions}\\) positions × \\({CHANNELS[1]}\\) filters × "
            f"\\((9\\cdot{CHANNELS[0]})\\) = \\({_n(answer)}\\). Every weight is used at every "
            f"position."
        ),
        hint=r"Positions × filters × \(k^2 C_\text{in}\): every weight is reused at every output position.",
        mistakes=(
            Mistake(
                float(per_position),
                "That is its weight count; each weight is used once per "
                "output position.",
            ),
            Mistake(
                float(conv_output_size(28, 3, 1, 1) ** 2 * per_position),
                "The first block's pool halves the size: the second convolution runs on "
                "14×14 maps, not 28×28.",
            ),
        ),
    )


def _bias() -> Choice:
    return Choice(
        id="conv-bias-before-batch-norm",
        prompt=(
            "In this network each convolution's output goes straight into batch "
            "normalisation (training mode). What is the gradient of the loss with respect to "
            "the convolution's bias?"
        ),
        options=(
            Option(
                "Exactly zero.",
                True,
                "Right: batch norm subtracts the channel's batch mean, "
                r"which removes any constant added to the channel, so the bias has no effect; "
                r"\(\beta\) plays its role.",
            ),
            Option(
                "A non-zero sum of the incoming gradients over the batch and positions, as for a conv layer followed by a ReLU.",
                False,
                r"The formula \(\sum \delta\) still holds, but here \(\delta\) is batch "
                "norm's input gradient, which sums to exactly zero over each channel in "
                "training mode.",
            ),
            Option(
                "The same as the gradient of batch norm's \\(\\beta\\).",
                False,
                "\\(\\beta\\) is added after the normalisation and does change the output; the "
                "bias is added before and is cancelled by the mean subtraction.",
            ),
        ),
        solution=(
            r"\(\sum_j \partial L/\partial x_j = 0\) for batch norm in training mode, and the "
            r"bias's gradient is exactly that sum."
        ),
    )


def questions():
    return [_total(), _fc_inputs(), _mult_adds(), _bias()]
