"""Self-check questions for docs/08-efficient-architectures/nas.md.

The page has no package code (the course implements no search); the one number, MnasNet's
objective, is computed here from the page's formula.
"""

from __future__ import annotations

from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def mnas_score(acc: float, latency: float, target: float, w: float = -0.07) -> float:
    """MnasNet's objective ACC(m) · (LAT(m) / T)^w."""
    return acc * (latency / target) ** w


def _score() -> Numeric:
    acc, ratio = 80.0, 2.0
    answer = mnas_score(acc, ratio, 1.0)
    return Numeric(
        id="mnas-score",
        prompt=(
            f"MnasNet scores a candidate by \\(\\text{{ACC}}(m)\\cdot[\\text{{LAT}}(m)/T]^{{w}}\\) with "
            f"\\(w = -0.07\\). A network with {acc:g}% accuracy runs {ratio:g} times slower than the "
            f"target \\(T\\). What is its score, in %? One decimal."
        ),
        answer=answer,
        tolerance=0.05,
        unit="%",
        solution=(
            f"\\({acc:g}\\cdot {ratio:g}^{{-0.07}} = {acc:g}\\cdot{ratio**-0.07:.4f} = {answer:.1f}\\). "
            f"To score {acc:g} at that latency it would need \\({acc:g}\\cdot{ratio:g}^{{0.07}} = "
            f"{mnas_score(acc, ratio, 1.0, 0.07):.1f}\\%\\) accuracy."
        ),
        hint="Raise the latency ratio to the power \\(w = -0.07\\) and multiply by the accuracy.",
        mistakes=(
            Mistake(
                mnas_score(acc, ratio, 1.0, 0.07),
                "The exponent is negative: a slower network's score goes down.",
            ),
            Mistake(
                acc,
                "The latency term is not 1 here: the network is twice as slow as the target.",
            ),
        ),
    )


def _space() -> Choice:
    return Choice(
        id="search-space",
        prompt="In the search that produced MnasNet and EfficientNet-B0, what is the **search space**?",
        options=(
            Option(
                "A fixed skeleton of seven stages, each choosing its block type, kernel size (3 or 5), "
                "expansion ratio, SE or not, and number of layers.",
                True,
                "Right: the space is the set of architectures the method may return; here sizes "
                "and choices inside a hand-designed family of MBConv blocks.",
            ),
            Option(
                "A recurrent controller trained with reinforcement learning.",
                False,
                "That is a search *strategy*, how candidates are proposed (Zoph and Le's).",
            ),
            Option(
                "Accuracy multiplied by a latency penalty.",
                False,
                "That is the *objective*, what a candidate is scored on.",
            ),
            Option(
                "Every possible network of convolutions, of any shape.",
                False,
                "No search could explore that; the space was narrow and designed by hand, which "
                "is why it does most of the work.",
            ),
        ),
        solution="A NAS method is a search space, a search strategy and an objective.",
    )


def _gpu() -> Choice:
    return Choice(
        id="flops-vs-latency",
        prompt="Why is a network found by minimising FLOPs not necessarily the fastest on a GPU?",
        options=(
            Option(
                "Depthwise convolutions do little arithmetic per byte read, so on GPUs they run far "
                "below peak speed: few FLOPs, but not proportionally little time.",
                True,
                "Right: the objective decides what 'efficient' means; a FLOP count ignores memory "
                "traffic, so latency on the target device is a different objective.",
            ),
            Option(
                "A GPU does every kind of layer at the same rate of FLOPs per second, so "
                "any difference is measurement noise.",
                False,
                "The achieved rate depends on how much arithmetic a layer does per byte it "
                "reads: large dense convolutions and matrix products run near peak, "
                "depthwise convolutions far below it.",
            ),
            Option(
                "GPUs cannot run depthwise convolutions.",
                False,
                "They can (`groups = C_in`); they are just memory-bound there.",
            ),
            Option(
                "A FLOP-optimal network always has more parameters.",
                False,
                "Parameters are not the issue; MobileNet-like networks have few parameters and few FLOPs.",
            ),
        ),
        solution="Minimising FLOPs, phone latency or GPU latency gives different networks.",
    )


def _scaling() -> Choice:
    return Choice(
        id="scaling-not-searched",
        prompt="How were the released EfficientNet-B1 to B7 obtained from B0?",
        options=(
            Option(
                "A small grid search fixed \\(\\alpha, \\beta, \\gamma\\) at \\(\\phi = 1\\); the "
                "released widths, depths and resolutions were then rounded by hand.",
                True,
                "Right: scaling was not searched by NAS, and the released triples are not exactly "
                "\\(\\alpha^\\phi, \\beta^\\phi, \\gamma^\\phi\\) (the page compares them).",
            ),
            Option(
                "By running the architecture search again for each size.",
                False,
                "Only B0 came from the search; the search is far too expensive to repeat per size.",
            ),
            Option(
                "Exactly \\(\\alpha^\\phi, \\beta^\\phi, \\gamma^\\phi\\) for \\(\\phi = 1, \\ldots, 7\\).",
                False,
                "The released coefficients differ from the formula, most at B1–B4 (e.g. B1 keeps width 1.0).",
            ),
            Option(
                "By scaling depth alone, which the paper found best.",
                False,
                "The paper found that scaling any one dimension alone saturates; it scales all three.",
            ),
        ),
        solution="Compound scaling is a rule with three numbers, found by grid search, then applied by hand.",
    )


def questions() -> list[Numeric | Choice]:
    return [_score(), _space(), _gpu(), _scaling()]
