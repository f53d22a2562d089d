"""Self-check questions for docs/04-training-deep-networks/universal-approximation.md."""

from __future__ import annotations

import math

import numpy as np

from syllabus_code.numpy_nn import sigmoid
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

EPS = 0.01


def _staircase_error(n: int, steepness: float = 40.0, points: int = 1201) -> float:
    """The page's construction with n sigmoid units for sin(2 pi x): its largest error on a grid."""
    grid = np.linspace(0, 1, n + 1)
    s = steepness * n
    x = np.linspace(0, 1, points)[:, None]
    f_grid = np.sin(2 * np.pi * grid)
    out = f_grid[0] + sigmoid(s * x - s * (grid[:-1] + grid[1:]) / 2) @ np.diff(f_grid)
    return float(np.max(np.abs(out - np.sin(2 * np.pi * x).ravel())))


def _units() -> Numeric:
    slope = 2 * math.pi  # the largest slope of sin(2 pi x)
    answer = math.ceil(slope / (2 * EPS))  # bound slope / (2N) <= eps
    err = _staircase_error(answer)
    return Numeric(
        id="units-for-epsilon",
        prompt=(
            f"The page's staircase construction approximates \\(f(x) = \\sin(2\\pi x)\\) on "
            f"\\([0, 1]\\) with \\(N\\) steep sigmoid units, with error at most "
            f"\\(\\omega_f(\\tfrac{{1}}{{2N}}) \\le \\pi/N\\). What is the smallest \\(N\\) for "
            f"which this bound guarantees an error of at most \\({EPS:g}\\)?"
        ),
        answer=float(answer),
        tolerance=0,
        solution=(
            f"\\(f\\) changes by at most \\(2\\pi \\cdot \\tfrac{{1}}{{2N}} = \\pi/N\\) over "
            f"half a grid spacing, so we need \\(\\pi/N \\le {EPS:g}\\), i.e. "
            f"\\(N \\ge {math.pi / EPS:.2f}\\): \\(N = {answer}\\). The bound is "
            f"a guarantee; the network built this way with {answer} units has a largest "
            f"error of about {err:.4f}."
        ),
        hint=r"Solve \(\pi/N \le \varepsilon\) for the smallest whole \(N\).",
        mistakes=(
            Mistake(
                float(math.ceil(slope / EPS)),
                r"The error is at most the change of \(f\) over "
                r"*half* a grid spacing, \(1/(2N)\), to the nearest grid point, not over a whole spacing.",
            ),
            Mistake(
                float(math.floor(slope / (2 * EPS))),
                r"Round up: with that \(N\), "
                r"\(\pi/N\) is just above \(\varepsilon\).",
            ),
        ),
    )


def _polynomial() -> Choice:
    return Choice(
        id="which-activation-fails",
        prompt=(
            "By the theorems on the page, with which activation can a one-hidden-layer network "
            "**not** approximate every continuous function on \\([0, 1]^n\\) uniformly?"
        ),
        options=(
            Option(
                r"\(g(t) = t^2\)",
                True,
                "Right: a polynomial activation; a layer of squares "
                "only ever gives polynomials of degree at most 2 (Leshno et al.: the condition "
                "is exactly *not a polynomial*).",
            ),
            Option(
                "ReLU",
                False,
                "ReLU is unbounded, so Hornik's theorem does not cover it, "
                "but Leshno et al.'s does: it is continuous and not a polynomial.",
            ),
            Option(
                "The unit step (Heaviside)",
                False,
                "Discontinuous at one point only, so "
                "Leshno et al.'s theorem covers it, and it is not a polynomial.",
            ),
            Option(
                "tanh",
                False,
                "Continuous, bounded and non-constant: covered by Hornik "
                "and by Leshno et al.",
            ),
        ),
        solution=(
            "Leshno et al.: for a locally bounded, almost everywhere continuous activation, "
            "uniform approximation on compact sets holds if and only if the activation is "
            "not a polynomial."
        ),
    )


def _guarantee() -> Choice:
    return Choice(
        id="what-it-guarantees",
        prompt="What does the universal approximation theorem guarantee?",
        options=(
            Option(
                "That for every continuous function on a compact set and every accuracy, suitable weights exist.",
                True,
                "Right: it is an existence statement, and says nothing about finding them.",
            ),
            Option(
                "That gradient descent from a random start finds such weights.",
                False,
                "Learnability is not part of it; on the page a trained 32-unit network did "
                "worse than a 16-unit one within the same number of steps.",
            ),
            Option(
                "That a modest number of hidden units suffices.",
                False,
                r"It gives no size; the grid construction needs of order \(\varepsilon^{-n}\) "
                r"units in \(n\) dimensions.",
            ),
            Option(
                r"Uniform approximation on all of \(\mathbb R^n\).",
                False,
                "Only on compact sets; neither all of the space nor a bounded open set is "
                "covered.",
            ),
        ),
        solution="Existence on compact sets, not learnability, size or generalisation.",
    )


def questions():
    return [_units(), _polynomial(), _guarantee()]
