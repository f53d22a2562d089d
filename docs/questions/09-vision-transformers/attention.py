"""Self-check questions for docs/09-vision-transformers/attention.md.

Attention weights from ``models.attention.scaled_dot_product_attention`` on a 1-query,
3-key example; parameter counts from ``MultiHeadAttention`` and ``attention_parameters``;
the MLP's weights from ``models.vit.MLPBlock`` (all small, on a CPU).
"""

from __future__ import annotations

import math

import torch

from syllabus_code.models.attention import (
    MultiHeadAttention,
    attention_parameters,
    scaled_dot_product_attention,
)
from syllabus_code.models.vit import MLPBlock
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


Q = [[2.0, 1.0]]
K = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]


def _weight() -> Numeric:
    q = torch.tensor(Q, dtype=torch.float64)
    k = torch.tensor(K, dtype=torch.float64)
    v = torch.eye(3, dtype=torch.float64)
    d_k = q.shape[-1]
    _, w = scaled_dot_product_attention(q, k, v)
    answer = w[0, 2].item()
    scores = (q @ k.T)[0]
    unscaled = torch.softmax(scores, -1)[2].item()
    by_d = torch.softmax(scores / d_k, -1)[2].item()
    s = [f"{x:g}" for x in scores.tolist()]
    keys = ", ".join(
        f"\\(k_{i + 1} = ({', '.join(f'{x:g}' for x in row)})\\)"
        for i, row in enumerate(K)
    )
    e = [math.exp(x / math.sqrt(d_k)) for x in scores.tolist()]
    return Numeric(
        id="attention-weight",
        prompt=(
            f"A query \\(q = ({', '.join(f'{x:g}' for x in Q[0])})\\) attends to three keys "
            f"{keys} (\\(d_k = {d_k}\\)). What "
            f"weight does it give \\(k_3\\) in \\(\\mathrm{{softmax}}(qK^\\top/\\sqrt{{d_k}})\\)? "
            f"Three decimals."
        ),
        answer=answer,
        tolerance=0.0005,
        solution=(
            f"Scores \\(qK^\\top = ({', '.join(s)})\\), divided by \\(\\sqrt{d_k}\\): "
            f"\\(({', '.join(f'{x / math.sqrt(d_k):.4f}' for x in scores.tolist())})\\). Softmax: "
            f"\\(e^{{{scores[2].item() / math.sqrt(d_k):.4f}}} / ({' + '.join(f'{x:.3f}' for x in e)}) "
            f"= {answer:.3f}\\)."
        ),
        hint="Dot products, divide by \\(\\sqrt{d_k}\\), then softmax over the three keys.",
        mistakes=(
            Mistake(
                unscaled,
                "You forgot to divide the scores by \\(\\sqrt{d_k}\\) before the softmax.",
            ),
            Mistake(by_d, "Divide by \\(\\sqrt{d_k}\\), not by \\(d_k\\)."),
            Mistake(
                scores[2].item() / scores.sum().item(),
                "The weights come from a softmax of the scaled "
                "scores, not from dividing the scores by their sum.",
            ),
        ),
    )


def _mha_params() -> Numeric:
    d, h = 48, 6
    mha = MultiHeadAttention(d, h)
    answer = sum(p.numel() for p in mha.parameters())
    no_bias = attention_parameters(d, bias=False)
    no_out = mha.in_proj_weight.numel() + mha.in_proj_bias.numel()
    return Numeric(
        id="mha-params",
        prompt=(
            f"How many parameters has multi-head self-attention with \\(d = {d}\\) and \\(h = {h}\\) "
            f"heads (`MultiHeadAttention({d}, {h})`: projections \\(W_Q, W_K, W_V, W_O\\) with biases)?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Each head uses a \\(d/h = {d // h}\\)-wide slice of one \\(d\\times d\\) projection per "
            f"kind, so the heads split the width and add nothing: \\(4d^2 + 4d = 4\\cdot{d}^2 + "
            f"4\\cdot{d} = {_m(answer)}\\), for any \\(h\\) dividing \\(d\\)."
        ),
        hint="\\(W_Q, W_K, W_V, W_O\\) are each \\(d\\times d\\) with \\(d\\) biases, whatever the number of heads.",
        mistakes=(
            Mistake(no_bias, "Each of the four projections has \\(d\\) biases too."),
            Mistake(
                no_out,
                "Don't forget the output projection \\(W_O\\) that mixes the concatenated heads.",
            ),
            Mistake(
                h * answer,
                "The heads do not each have full-size projections: they split \\(d\\) into \\(h\\) slices.",
            ),
        ),
    )


def _crossover() -> Numeric:
    d = 384  # ViT-S
    proj = attention_parameters(d, bias=False)  # 4d^2 weights: MACs per token
    mlp = MLPBlock(d, 4 * d)
    mlp_w = sum(m.weight.numel() for m in mlp if isinstance(m, torch.nn.Linear))  # 8d^2
    answer = (proj + mlp_w) // (2 * d)  # 2 n^2 d = n (4d^2 + 8d^2)
    no_mlp = proj // (2 * d)
    no_two = (proj + mlp_w) // d
    return Numeric(
        id="quadratic-crossover",
        prompt=(
            f"In a transformer block with width \\(d = {d}\\) (ViT-S) and an MLP of width \\(4d\\), "
            f"at how many tokens \\(n\\) does the attention's quadratic part, \\(2n^2 d\\) "
            f"multiply-adds for \\(QK^\\top\\) and \\(AV\\), equal the per-token part (the four "
            f"projections and the MLP)?"
        ),
        answer=answer,
        tolerance=0,
        unit="tokens",
        solution=(
            f"Per token, the projections cost \\(4d^2 = {_m(proj)}\\) and the MLP \\(8d^2 = {_m(mlp_w)}\\) "
            f"multiply-adds, \\(12 n d^2\\) for \\(n\\) tokens. \\(2n^2 d = 12 n d^2\\) gives "
            f"\\(n = 6d = {answer}\\), that is \\({int(math.isqrt(answer))}^2\\) patches of 16×16: "
            f"images of {16 * math.isqrt(answer)}×{16 * math.isqrt(answer)} pixels."
        ),
        hint="Set \\(2n^2 d\\) equal to \\(n\\,(4d^2 + 8d^2)\\) and solve for \\(n\\).",
        mistakes=(
            Mistake(
                no_mlp,
                "You left out the MLP (\\(8d^2\\) per token), the larger per-token cost.",
            ),
            Mistake(
                no_two,
                "\\(QK^\\top\\) and \\(AV\\) each cost \\(n^2 d\\): \\(2n^2 d\\) together.",
            ),
        ),
    )


def _scale() -> Choice:
    return Choice(
        id="why-sqrt-dk",
        prompt="Why are the scores divided by \\(\\sqrt{d_k}\\) before the softmax?",
        options=(
            Option(
                "If query and key entries are independent with variance 1, \\(q\\cdot k\\) has "
                "variance \\(d_k\\); dividing by \\(\\sqrt{d_k}\\) brings it back to 1, so the softmax "
                "does not saturate as \\(d_k\\) grows.",
                True,
                "Right: without it, at \\(d_k = 64\\) the scores have standard deviation 8, the softmax "
                "puts nearly all its weight on one key and its gradient to the others vanishes.",
            ),
            Option(
                "So that each row of attention weights sums to 1.",
                False,
                "The softmax already makes every row sum to 1, whatever the scale of the scores.",
            ),
            Option(
                "To average over the \\(h\\) heads.",
                False,
                "\\(d_k\\) is the width of one head's queries and keys, not the number of heads; "
                "the heads are concatenated, not averaged.",
            ),
            Option(
                "Dividing by \\(d_k\\) would be the same; the square root is a convention.",
                False,
                "The variance of a sum of \\(d_k\\) unit-variance terms is \\(d_k\\), so its standard "
                "deviation is \\(\\sqrt{d_k}\\): dividing by \\(d_k\\) would shrink the scores towards "
                "a uniform softmax as \\(d_k\\) grows.",
            ),
        ),
        solution=(
            "\\(\\mathrm{Var}(q\\cdot k) = \\sum_{m=1}^{d_k} \\mathrm{Var}(q_m k_m) = d_k\\), so "
            "\\(\\mathrm{Var}(q\\cdot k/\\sqrt{d_k}) = 1\\); the page measures it for \\(d_k\\) "
            "from 4 to 256."
        ),
    )


def questions() -> list[Numeric | Choice]:
    return [_weight(), _mha_params(), _crossover(), _scale()]
