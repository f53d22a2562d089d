"""Self-check questions for docs/00-foundations/linear-algebra.md (numbers from syllabus_code)."""

import math

import numpy as np

from syllabus_code.maths.linalg import cosine_similarity, dot, l1_norm, l2_norm, matmul
from syllabus_code.selfcheck import Mistake, Numeric


def questions():
    x, y = np.array([1.0, 2.0, 2.0]), np.array([2.0, 0.0, 1.0])
    cos = cosine_similarity(x, y)
    xy, nx, ny = dot(x, y), l2_norm(x), l2_norm(y)

    m, k, n = 2, 3, 4
    C = matmul(np.ones((m, k)), np.ones((k, n)))
    mults = C.size * k  # each entry of C is a sum of k products

    v = np.array([3.0, -4.0, 1.0])
    l1 = l1_norm(v)
    return [
        Numeric(
            id="cosine",
            prompt=(
                "What is \\(\\cos\\theta\\) for the angle between \\(x = (1, 2, 2)\\) and "
                "\\(y = (2, 0, 1)\\)? Give 2 decimals."
            ),
            answer=cos,
            tolerance=0.005,
            solution=(
                f"\\(x\\cdot y = 1\\cdot 2 + 2\\cdot 0 + 2\\cdot 1 = {xy:g}\\), "
                f"\\(\\|x\\|_2 = {nx:g}\\), \\(\\|y\\|_2 = \\sqrt 5 \\approx {ny:.4f}\\), so "
                f"\\(\\cos\\theta = {xy:g}/({nx:g}\\times{ny:.4f}) \\approx {cos:.3f}\\)."
            ),
            hint="Use \\(\\cos\\theta = x\\cdot y / (\\|x\\|_2\\,\\|y\\|_2)\\).",
            mistakes=(
                Mistake(xy, "That is the dot product: divide it by both lengths."),
                Mistake(
                    math.acos(cos),
                    "That is the angle \\(\\theta\\) in radians; the "
                    "question asks for its cosine.",
                ),
                Mistake(
                    xy / nx**2,
                    "Divide by \\(\\|x\\|_2\\,\\|y\\|_2\\), not by \\(\\|x\\|_2^2\\).",
                ),
            ),
        ),
        Numeric(
            id="matmul-count",
            prompt=(
                f"\\(A \\in \\mathbb R^{{{m}\\times {k}}}\\) and "
                f"\\(B \\in \\mathbb R^{{{k}\\times {n}}}\\). How many scalar multiplications "
                "does computing \\(C = AB\\) with \\(C_{ij} = \\sum_p A_{ip}B_{pj}\\) take?"
            ),
            answer=mults,
            tolerance=0,
            solution=(
                f"\\(C\\) is \\({m}\\times{n}\\): {C.size} entries, each a sum of "
                f"\\({k}\\) products, so \\({C.size}\\times{k} = {mults}\\) multiplications."
            ),
            hint="Count the entries of \\(C\\), then the products in each entry's sum.",
            mistakes=(
                Mistake(
                    C.size,
                    f"{C.size} is the number of entries of \\(C\\); each entry "
                    f"takes {k} multiplications.",
                ),
                Mistake(
                    m * k + k * n,
                    "That counts the entries of \\(A\\) and \\(B\\), not the products.",
                ),
            ),
        ),
        Numeric(
            id="l1-norm",
            prompt="What is \\(\\|v\\|_1\\) for \\(v = (3, -4, 1)\\)?",
            answer=l1,
            tolerance=0,
            solution=(
                f"\\(\\|v\\|_1 = |3| + |-4| + |1| = {l1:g}\\) (the Euclidean norm would "
                f"be \\(\\sqrt{{26}} \\approx {l2_norm(v):.2f}\\))."
            ),
            hint="\\(\\|v\\|_1\\) adds the absolute values of the entries.",
            mistakes=(
                Mistake(
                    float(v.sum()), "The absolute values are added: \\(|-4| = 4\\)."
                ),
                Mistake(
                    l2_norm(v),
                    "That is \\(\\|v\\|_2\\); \\(\\|v\\|_1\\) adds absolute values.",
                ),
            ),
        ),
    ]
