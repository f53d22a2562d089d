"""Self-check questions for docs/09-vision-transformers/transformer-block.md.

Counts from ``models.vit.EncoderBlock`` with a small width (d = 32), and the layer
normalisation of one token through the block's own ``ln_1`` (on a CPU).
"""

from __future__ import annotations

import torch

from syllabus_code.models.vit import EncoderBlock
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _count(module: torch.nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def _block_params() -> Numeric:
    h, d, mlp = 4, 32, 128
    block = EncoderBlock(num_heads=h, hidden_dim=d, mlp_dim=mlp)
    answer = _count(block)
    parts = {name: _count(m) for name, m in block.named_children()}
    no_ln = answer - parts["ln_1"] - parts["ln_2"]
    per_head = answer + (h - 1) * parts["self_attention"]
    return Numeric(
        id="block-params",
        prompt=(
            f"How many parameters has a ViT encoder block with \\(d = {d}\\), {h} heads and an MLP "
            f"of width {mlp} (`EncoderBlock(num_heads={h}, hidden_dim={d}, mlp_dim={mlp})`: two "
            f"LayerNorms, multi-head self-attention, MLP \\(d \\to {mlp} \\to d\\), all with biases)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"LayerNorms: \\(2\\cdot 2d = {parts['ln_1'] + parts['ln_2']}\\) (a \\(\\gamma\\) and a "
            f"\\(\\beta\\) per feature each). Attention: \\(4d^2 + 4d = {_m(parts['self_attention'])}\\). "
            f"MLP: \\({d}\\cdot{mlp} + {mlp} + {mlp}\\cdot{d} + {d} = {_m(parts['mlp'])}\\). "
            f"Total \\({_m(answer)}\\)."
        ),
        hint="Add two LayerNorms (\\(2d\\) each), attention (\\(4d^2 + 4d\\)) and the MLP's two linear layers.",
        mistakes=(
            Mistake(
                no_ln,
                "Each LayerNorm has a learned scale and shift per feature: \\(2d\\) parameters.",
            ),
            Mistake(
                per_head,
                "The heads split \\(d\\); they do not each have their own \\(d\\times d\\) projections.",
            ),
        ),
    )


def _vec(v) -> str:
    return "(" + ", ".join(f"{x:g}" for x in v) + ")"


def _layer_norm() -> Numeric:
    tokens = [[2.0, 4.0, 4.0, 10.0], [0.0, 0.0, 0.0, 4.0]]  # two tokens of width d = 4
    d = len(tokens[0])
    block = EncoderBlock(num_heads=1, hidden_dim=d, mlp_dim=4)
    x = torch.tensor([tokens], dtype=torch.float32)  # (batch 1, 2 tokens, d)
    with torch.no_grad():
        answer = block.ln_1(x)[0, 0, -1].item()
    t = torch.tensor(tokens[0], dtype=torch.float64)
    mu, var = t.mean().item(), t.var(unbiased=False).item()
    unbiased = ((t[-1] - mu) / t.var(unbiased=True).sqrt()).item()
    by_var = ((t[-1] - mu) / var).item()
    # BN's view: one feature
    col = torch.tensor([row[-1] for row in tokens], dtype=torch.float64)
    over_tokens = ((col[0] - col.mean()) / col.var(unbiased=False).sqrt()).item()
    return Numeric(
        id="layer-norm",
        prompt=(
            f"Two tokens of width \\(d = {d}\\), \\(x_1 = {_vec(tokens[0])}\\) and "
            f"\\(x_2 = {_vec(tokens[1])}\\), go through layer normalisation "
            f"(\\(\\gamma = 1\\), \\(\\beta = 0\\), \\(\\epsilon\\) negligible). What is the last "
            f"feature of \\(x_1\\) afterwards? Three decimals."
        ),
        answer=answer,
        tolerance=0.0005,
        solution=(
            f"LayerNorm uses each token's own {d} features: for \\(x_1\\), \\(\\mu = {mu:g}\\) "
            f"and \\(\\sigma^2 = \\frac{{1}}{{{d}}}\\sum_i (x_i - \\mu)^2 = {var:g}\\) (the "
            f"population variance), so \\(({tokens[0][-1]:g} - {mu:g})/\\sqrt{{{var:g}}} = "
            f"{answer:.3f}\\). The other token plays no part."
        ),
        hint="Normalise over the token's own features: subtract their mean, divide by their standard deviation.",
        mistakes=(
            Mistake(
                over_tokens,
                "That normalises the last feature over the two tokens, as batch "
                "norm would; LayerNorm uses each token's own features.",
            ),
            Mistake(
                unbiased,
                "LayerNorm divides by the population variance (\\(1/d\\)), not the unbiased one (\\(1/(d-1)\\)).",
            ),
            Mistake(
                by_var,
                "Divide by the standard deviation \\(\\sqrt{\\sigma^2 + \\epsilon}\\), not by the variance.",
            ),
        ),
    )


def _permutation() -> Choice:
    return Choice(
        id="permutation",
        prompt=(
            "The input tokens of an encoder block (no position embeddings) are put in a different "
            "order. What happens to the output?"
        ),
        options=(
            Option(
                "The output tokens come out permuted in the same way, each with the same value as before.",
                True,
                "Right: LayerNorm and the MLP act on each token alone, and attention is a weighted "
                "average over all tokens whatever their order. That is why ViT adds position "
                "embeddings.",
            ),
            Option(
                "The output is unchanged, in the original order.",
                False,
                "Each output token belongs to its input token; permuting the inputs permutes the outputs.",
            ),
            Option(
                "The outputs change in value, because attention depends on where each token is.",
                False,
                "Without position embeddings nothing in the block knows where a token is.",
            ),
            Option(
                "The outputs come out permuted, but their values change, because each "
                "softmax now sums the keys in another order.",
                False,
                "A sum does not depend on the order of its terms: each query's weights are "
                "the same numbers, permuted with the keys (up to last-bit rounding in floating "
                "point).",
            ),
        ),
        solution="block(x[perm]) == block(x)[perm]: the page checks it on a random block.",
    )


def _pre_norm() -> Choice:
    return Choice(
        id="pre-norm",
        prompt="ViT's block computes \\(z' = z + \\mathrm{MSA}(\\mathrm{LN}(z))\\) (pre-norm). What does putting LN inside the branch give?",
        options=(
            Option(
                "The identity path from input to output passes no normalisation, and such "
                "transformers can be trained without a learning-rate warm-up.",
                True,
                "Right: the residual stream is only ever added to; Xiong et al. trace the need for "
                "warm-up in post-norm transformers to large gradients near the output at "
                "initialisation.",
            ),
            Option(
                "LN after each addition, as in the original transformer.",
                False,
                "That is post-norm, \\(\\mathrm{LN}(z + \\mathrm{MSA}(z))\\), the 2017 arrangement.",
            ),
            Option(
                "Each token is normalised with the batch's statistics.",
                False,
                "That would be batch normalisation; LN uses only the token's own features.",
            ),
            Option(
                "The encoder needs no normalisation at its end.",
                False,
                "With pre-norm the stream is never normalised inside the blocks, so the encoder ends "
                "with one final LayerNorm.",
            ),
        ),
        solution="Pre-norm: LN before each sub-layer, inside the residual branch, plus one final LN.",
    )


def questions() -> list[Numeric | Choice]:
    return [_block_params(), _layer_norm(), _permutation(), _pre_norm()]
