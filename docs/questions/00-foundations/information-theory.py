"""Self-check questions for docs/00-foundations/information-theory.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.maths.information import entropy, kl_divergence
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def questions():
    p = [0.5, 0.25, 0.25]
    h_bits = float(entropy(p, base=2))
    h_nats = float(entropy(p))
    P, Q = [0.5, 0.5], [0.75, 0.25]
    kl = float(kl_divergence(P, Q, base=2))
    kl_rev = float(kl_divergence(Q, P, base=2))
    kl_nats = float(kl_divergence(P, Q))
    return [
        Numeric(
            id="entropy-bits",
            prompt=(
                "What is the entropy of \\(P = (0.5, 0.25, 0.25)\\) in bits? "
                "Give 2 decimals."
            ),
            answer=h_bits,
            tolerance=0.005,
            solution=(
                f"\\(H(P) = -(0.5\\log_2 0.5 + 2\\times 0.25\\log_2 0.25) = 0.5 + 2\\times "
                f"0.5 = {h_bits:g}\\) bits."
            ),
            hint="\\(H(P) = -\\sum_x P(x)\\log_2 P(x)\\): bits means logarithms to base 2.",
            mistakes=(
                Mistake(
                    h_nats,
                    "That is the entropy in nats (natural log): bits use "
                    "\\(\\log_2\\).",
                ),
                Mistake(
                    float(-np.sum(np.log2(p))),
                    "Weight each \\(\\log_2 P(x)\\) by \\(P(x)\\).",
                ),
            ),
        ),
        Numeric(
            id="kl-bits",
            prompt=(
                "What is \\(D_{\\mathrm{KL}}(P\\,\\|\\,Q)\\) in bits for \\(P = (0.5, 0.5)\\) "
                "and \\(Q = (0.75, 0.25)\\)? Give 3 decimals."
            ),
            answer=kl,
            tolerance=0.0005,
            solution=(
                f"\\(0.5\\log_2\\frac{{0.5}}{{0.75}} + 0.5\\log_2\\frac{{0.5}}{{0.25}} "
                f"\\approx 0.5\\times({np.log2(0.5 / 0.75):.4f}) + 0.5\\times 1 "
                f"\\approx {kl:.3f}\\) bits."
            ),
            hint="\\(D_{\\mathrm{KL}}(P\\|Q) = \\sum_x P(x)\\log_2\\frac{P(x)}{Q(x)}\\), "
            "weighted by \\(P\\).",
            mistakes=(
                Mistake(
                    kl_rev,
                    "That is \\(D_{\\mathrm{KL}}(Q\\|P)\\): KL is not symmetric; "
                    "weight by \\(P\\) and put \\(P\\) on top.",
                ),
                Mistake(kl_nats, "That is in nats: bits use \\(\\log_2\\)."),
            ),
        ),
        Choice(
            id="logsumexp",
            prompt=(
                "Why does the library compute \\(\\log\\sum_j e^{z_j}\\) as "
                "\\(m + \\log\\sum_j e^{z_j - m}\\) with \\(m = \\max_j z_j\\)?"
            ),
            options=(
                Option(
                    "Because it gives a different, more accurate value of the loss",
                    False,
                    "The two expressions are equal in exact arithmetic; the second only "
                    "avoids overflow in floating point.",
                ),
                Option(
                    "To avoid overflow: every exponent is then at most 0",
                    True,
                    "Right: \\(e^{z_j - m} \\le 1\\), so nothing overflows, and the largest "
                    "term is exactly 1, so the sum cannot underflow to 0.",
                ),
                Option(
                    "To make the softmax outputs sum to 1",
                    False,
                    "The softmax sums to 1 either way; the shift by \\(m\\) is for "
                    "floating-point safety.",
                ),
            ),
            solution=(
                "\\(\\log\\sum_j e^{z_j} = \\log\\big(e^m\\sum_j e^{z_j-m}\\big) = "
                "m + \\log\\sum_j e^{z_j - m}\\): the same number, computed without "
                "\\(e^{1000}\\) overflowing."
            ),
        ),
    ]
