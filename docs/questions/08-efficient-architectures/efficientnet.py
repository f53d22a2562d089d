"""Self-check questions for docs/08-efficient-architectures/efficientnet.md.

From ``models.efficientnet``: one ``MBConv`` block built on a CPU, ``make_divisible``,
``flops_factor``, ``VARIANTS``, ``B0_STAGES`` and ``stochastic_depth`` on a small tensor.
"""

from __future__ import annotations

import inspect

import torch

from syllabus_code.models.efficientnet import (
    B0_STAGES,
    VARIANTS,
    MBConv,
    SqueezeExcitation,
    compound_scaling,
    flops_factor,
    make_divisible,
    stochastic_depth,
)
from syllabus_code.selfcheck import Choice, Mistake, Numeric


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _se_params() -> Numeric:
    t, k, s, c_in, c_out, _ = B0_STAGES[2]  # stage 3 of B0: 24 -> 40, expansion 6, 5x5
    block = MBConv(c_in, c_out, t, k, s)
    se = next(m for m in block.modules() if isinstance(m, SqueezeExcitation))
    answer = sum(p.numel() for p in se.parameters())
    c, cs = se.fc1.in_channels, se.fc1.out_channels
    from_expanded = sum(p.numel() for p in SqueezeExcitation(c, c // 4).parameters())
    no_bias = 2 * c * cs
    return Numeric(
        id="se-params",
        prompt=(
            f"In B0's third MBConv stage (`features.3`; stage 4 in the paper's Table 1, which "
            f"counts the stem as stage 1), the first block takes \\(C_\\text{{in}} = {c_in}\\) "
            f"channels and expands them by \\(t = {t}\\). Squeeze-and-excitation gates the "
            f"expanded channels, with middle width \\(C_s = \\lfloor C_\\text{{in}}/4 \\rfloor\\)."
            f"\n\nHow many parameters does the SE module have?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"SE acts on the \\(C = {t}\\cdot{c_in} = {c}\\) expanded channels and squeezes to "
            f"\\(C_s = \\lfloor {c_in}/4 \\rfloor = {cs}\\) (a quarter of the block's *input*). "
            f"Two 1×1 convolutions with biases: \\(2 C C_s + C_s + C = 2\\cdot{c}\\cdot{cs} + {cs} + {c} "
            f"= {_m(answer)}\\)."
        ),
        hint="\\(2 C C_s + C_s + C\\), with \\(C\\) the expanded width and \\(C_s\\) a quarter of the input width.",
        mistakes=(
            Mistake(
                from_expanded,
                f"\\(C_s\\) is a quarter of the block's input channels ({c_in}), "
                "not of the expanded ones.",
            ),
            Mistake(
                no_bias,
                "The two 1×1 convolutions of SE have biases: add \\(C_s + C\\).",
            ),
        ),
    )


ORDINAL = {
    1: "first",
    2: "second",
    3: "third",
    4: "fourth",
    5: "fifth",
    6: "sixth",
    7: "seventh",
}


def _divisible() -> Numeric:
    name = "b2"
    width = VARIANTS[name].width
    stage = 5  # features.5: B0's fifth MBConv stage, 80 -> 112
    b0 = B0_STAGES[stage - 1][4]
    scaled = round(b0 * width, 6)  # 123.2, not 123.20000000000002
    answer = make_divisible(scaled)
    up = (int(scaled) // 8 + 1) * 8  # the next multiple of 8 above, a likely slip
    return Numeric(
        id="make-divisible",
        prompt=(
            f"EfficientNet-{name.upper()} scales B0's widths by \\(w = {width}\\). B0's "
            f"{ORDINAL[stage]} MBConv stage (`features.{stage}`) outputs {b0} channels. How many does "
            f"it output in {name.upper()}, after `make_divisible` (round to the nearest multiple "
            f"of 8, never more than 10% down)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"\\({b0}\\cdot{width} = {scaled:g}\\); the nearest multiple of 8 is {answer} "
            f"(\\(\\lfloor ({scaled:g} + 4)/8 \\rfloor\\cdot 8\\)), which is not below "
            f"\\(0.9\\cdot{scaled:g} = {0.9 * scaled:.2f}\\), so it stands."
        ),
        hint="Multiply by the width coefficient, then round to the nearest multiple of 8.",
        mistakes=(
            Mistake(
                scaled,
                "Channel counts are rounded to a multiple of 8 by `make_divisible`.",
            ),
            Mistake(b0, "The width coefficient scales every stage's channels."),
            Mistake(
                up,
                f"`make_divisible` rounds to the *nearest* multiple of 8; {scaled:g} is "
                f"closer to {answer} than to {up}.",
            ),
        ),
    )


def _compound() -> Numeric:
    phi = 3
    defaults = inspect.signature(compound_scaling).parameters
    a, b, g = (defaults[n].default for n in ("alpha", "beta", "gamma"))
    f = flops_factor(a, b, g)
    answer = f**phi
    return Numeric(
        id="compound-flops",
        prompt=(
            f"With compound scaling \\(d = \\alpha^\\phi, w = \\beta^\\phi, r = \\gamma^\\phi\\) "
            f"(\\(\\alpha = {a}, \\beta = {b}, \\gamma = {g}\\)), by what factor do the FLOPs grow "
            f"at \\(\\phi = {phi}\\), in the cost model FLOPs \\(\\propto d\\,w^2 r^2\\)? Two decimals."
        ),
        answer=answer,
        tolerance=0.005,
        solution=(
            f"\\(d\\,w^2 r^2 = (\\alpha\\beta^2\\gamma^2)^\\phi = {f:.4f}^{phi} = {answer:.2f}\\), a "
            f"little under \\(2^{phi} = {2**phi}\\) because \\(\\alpha\\beta^2\\gamma^2 \\approx 2\\) "
            f"only roughly."
        ),
        hint="Width and resolution enter the cost squared, depth once: \\((\\alpha\\beta^2\\gamma^2)^\\phi\\).",
        mistakes=(
            Mistake(
                float(2**phi),
                "\\(\\alpha\\beta^2\\gamma^2\\) is about 2, not exactly: compute it.",
            ),
            Mistake(
                (a * b * g) ** phi,
                "Width and resolution enter the cost squared: "
                "\\(\\alpha\\beta^2\\gamma^2\\), not \\(\\alpha\\beta\\gamma\\).",
            ),
            Mistake(
                f * phi,
                "The factor is raised to the power \\(\\phi\\), not multiplied by it.",
            ),
        ),
    )


def _stochastic_depth() -> Numeric:
    p = 0.2
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        out = stochastic_depth(torch.ones(64, 1, dtype=torch.float64), p, training=True)
    answer = out.max().item()
    return Numeric(
        id="stochastic-depth-scale",
        prompt=(
            f"In training, EfficientNet's stochastic depth drops a block's residual branch for a "
            f"sample with probability \\(p = {p}\\). By what factor is the branch multiplied for a "
            f"sample that keeps it? Give two decimals."
        ),
        answer=answer,
        tolerance=0.005,
        solution=(
            f"Survivors are scaled by \\(1/(1-p) = 1/{1 - p:g} = {answer:g}\\), so the expected "
            f"branch, \\((1-p)\\cdot{answer:g}\\,F(x) = F(x)\\), is what evaluation uses unscaled "
            f"(as in inverted dropout)."
        ),
        hint="The expected output over the random drop must equal the branch itself.",
        mistakes=(
            Mistake(
                1 - p,
                "Scaling by the survival probability at test time is Huang et al.'s original "
                "rule; here the survivors are scaled up during training instead.",
            ),
            Mistake(
                1.0,
                "Without scaling, the expected branch in training would be \\((1-p)F(x)\\), not \\(F(x)\\).",
            ),
        ),
    )


def questions() -> list[Numeric | Choice]:
    return [_se_params(), _divisible(), _compound(), _stochastic_depth()]
