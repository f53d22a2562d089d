"""Self-check questions for docs/06-cnn-architectures/resnet.md.

Single blocks are built on a CPU (tens of thousands of weights); no whole ResNet is built.
"""

from __future__ import annotations

from torch import nn

from syllabus_code.models.resnet import BasicBlock, Bottleneck, conv1x1
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def _bottleneck() -> Numeric:
    c, planes = 256, 64
    block = Bottleneck(c, planes)
    e = Bottleneck.expansion
    answer = _count(block)
    convs = [block.conv1, block.conv2, block.conv3]
    w = [cv.weight.numel() for cv in convs]
    bns = [block.bn1, block.bn2, block.bn3]
    bn_channels = [bn.num_features for bn in bns]
    bn_params = sum(_count(bn) for bn in bns)
    no_bn = sum(w)
    buffers = no_bn + 2 * bn_params  # gamma, beta, running mean, running variance
    no_expansion = (c * planes + 9 * planes * planes + planes * planes) + 2 * 3 * planes
    return Numeric(
        id="bottleneck-params",
        prompt=(
            f"A ResNet-50 bottleneck block with {c} channels in and out (`Bottleneck({c}, {planes})`, "
            f"identity shortcut): 1×1 to {planes}, 3×3 at {planes}, 1×1 back to "
            f"\\({planes}\\cdot{e} = {planes * e}\\), each convolution without bias and followed by a "
            f"BatchNorm. How many parameters does it have?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Convolutions: \\({c}\\cdot{planes} + 9\\cdot{planes}^2 + {planes}\\cdot{planes * e} "
            f"= {_m(w[0])} + {_m(w[1])} + {_m(w[2])} = {_m(no_bn)}\\). BatchNorms: 2 per channel on "
            f"\\({' + '.join(map(str, bn_channels))}\\) channels \\(= {bn_params}\\). "
            f"Total \\({_m(answer)}\\); two full-width 3×3 convolutions would have "
            f"\\(2\\cdot9\\cdot{c}^2 = {_m(2 * 9 * c * c)}\\)."
        ),
        hint="Three convolutions (\\(C_\\text{in} C_\\text{out} k^2\\), no bias) plus a scale and a shift "
        "per channel for each of the three BatchNorms.",
        mistakes=(
            Mistake(
                no_bn,
                "You counted the convolutions only; each BatchNorm learns a scale and a shift per channel.",
            ),
            Mistake(
                buffers,
                "The running mean and variance of BatchNorm are buffers, not parameters.",
            ),
            Mistake(
                no_expansion,
                "The last 1×1 convolution expands by 4, from 64 back to 256 channels.",
            ),
        ),
    )


def _projection() -> Numeric:
    c_in, planes, stride = 256, 128, 2  # the first block of layer2 in ResNet-50
    e = Bottleneck.expansion
    shortcut = nn.Sequential(
        conv1x1(c_in, planes * e, stride), nn.BatchNorm2d(planes * e)
    )
    answer = _count(shortcut)
    no_bn = shortcut[0].weight.numel()
    no_expansion = _count(
        nn.Sequential(conv1x1(c_in, planes, stride), nn.BatchNorm2d(planes))
    )
    return Numeric(
        id="projection-shortcut",
        prompt=(
            f"ResNet-50's `layer2` starts with a bottleneck block whose input has {c_in} channels "
            f"and whose 3×3 convolution has stride {stride} and {planes} channels. Its shortcut "
            f"cannot be the identity: it is a 1×1 convolution with stride {stride} (no bias) and a "
            f"BatchNorm (the paper's option B). How many parameters does this shortcut have?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"The shortcut must produce the block's output shape: \\({planes}\\cdot{e} = {planes * e}\\) "
            f"channels. 1×1 convolution: \\({c_in}\\cdot{planes * e} = {_m(no_bn)}\\) weights; "
            f"BatchNorm: \\(2\\cdot{planes * e} = {2 * planes * e}\\). Total \\({_m(answer)}\\)."
        ),
        hint="The shortcut's output must match the block's output: planes × expansion channels.",
        mistakes=(
            Mistake(
                no_expansion,
                "A bottleneck block outputs planes × 4 channels, not planes: the "
                "shortcut must match that.",
            ),
            Mistake(
                no_bn,
                "The projection is followed by a BatchNorm with a scale and a shift per channel.",
            ),
        ),
    )


def _gradient() -> Choice:
    return Choice(
        id="residual-gradient",
        prompt=(
            "A residual block computes \\(y = x + F(x)\\) for a vector \\(x\\). With \\(J_F = "
            "\\partial F/\\partial x\\) its Jacobian and \\(g = \\partial L/\\partial y\\) (a row), "
            "which statement is right?"
        ),
        options=(
            Option(
                "\\(\\partial L/\\partial x = g\\,(I + J_F)\\), so \\(g\\) itself reaches \\(x\\) "
                "through the identity path, whatever the weights of \\(F\\).",
                True,
                "Right: the chain rule gives \\(g\\,\\partial y/\\partial x = g\\,(I + J_F) = g + g J_F\\); "
                "the first term passes no weight layer.",
            ),
            Option(
                "\\(\\partial L/\\partial x = g\\,(1 + J_F)\\) with a scalar 1.",
                False,
                "For a vector \\(x\\), \\(J_F\\) is a matrix; the 1 must be the identity matrix "
                "\\(I\\), as the page's outline note says.",
            ),
            Option(
                "\\(\\|\\partial L/\\partial x\\| \\ge \\|g\\|\\) always: the shortcut can only make "
                "the gradient larger.",
                False,
                "Too strong: \\(g J_F\\) can point against \\(g\\) and cancel part of it. The "
                "identity guarantees a path no weight can switch off, not a larger norm.",
            ),
            Option(
                "\\(\\partial L/\\partial x = g\\,J_F\\), as for a plain block.",
                False,
                "That forgets the \\(+x\\): its derivative adds \\(g\\) itself.",
            ),
        ),
        solution=(
            "\\(\\partial y/\\partial x = I + J_F\\), so \\(\\partial L/\\partial x = g + g J_F\\). "
            "The page checks this with autograd on a tiny block: the gradient equals "
            "\\(g(I + J)\\) to \\(10^{-12}\\)."
        ),
    )


def questions() -> list[Numeric | Choice]:
    # the basic block keeps the width (used in the solutions' wording)
    assert BasicBlock.expansion == 1
    return [_bottleneck(), _projection(), _gradient()]
