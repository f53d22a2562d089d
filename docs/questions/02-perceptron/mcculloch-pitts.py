"""Self-check questions for docs/02-perceptron/mcculloch-pitts.md (numbers from syllabus_code)."""

import itertools

from syllabus_code.ml.perceptron import mcculloch_pitts, truth_table
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def questions():
    w, theta = (2, 1, 1), 3
    inputs, outputs = truth_table(w, theta)
    fires = int(sum(outputs))
    strict = sum(int(sum(a * b for a, b in zip(w, row)) > theta) for row in inputs)
    firing = ", ".join(
        "".join(str(v) for v in row) for row, o in zip(inputs, outputs) if o
    )

    patterns = list(itertools.product((0, 1), repeat=3))
    majority = [int(sum(p) >= 2) for p in patterns]
    thetas = [
        t
        for t in range(0, 5)
        if list(mcculloch_pitts(patterns, (1, 1, 1), t)) == majority
    ]
    maj_theta = thetas[0]

    nand = [1, 1, 1, 0]
    candidates = [((1, 1), 2), ((-1, -1), 0), ((-1, -1), -1), ((1, 1), 1)]
    is_nand = [list(truth_table(cw, ct)[1]) == nand for cw, ct in candidates]
    why = [
        "That is AND: it fires only when both inputs fire.",
        "That is NOR: the sum reaches 0 only when both inputs are silent.",
        "Right: the sum is 0 or −1 (≥ −1, fire) unless both inputs fire (−2, silent).",
        "That is OR: one active input is enough.",
    ]
    return [
        Numeric(
            id="count-firing",
            prompt=(
                f"A McCulloch–Pitts unit has weights \\(w = {w}\\) and threshold "
                f"\\(\\theta = {theta}\\), on three binary inputs. For how many of the 8 "
                "input patterns does it fire?"
            ),
            answer=fires,
            tolerance=0,
            solution=(
                f"It fires when \\(2x_1 + x_2 + x_3 \\ge {theta}\\): for the patterns "
                f"{firing} — {fires} of them."
            ),
            hint="List the 8 patterns, compute each weighted sum, compare with \\(\\theta\\).",
            mistakes=(
                Mistake(
                    strict,
                    "The unit fires when the sum *reaches* the threshold "
                    "(\\(\\ge\\theta\\)), not only when it exceeds it.",
                ),
            ),
        ),
        Numeric(
            id="majority",
            prompt=(
                "With weights \\(w = (1, 1, 1)\\), which threshold \\(\\theta\\) makes the "
                "unit compute *majority* (fire when at least two of the three inputs fire)?"
            ),
            answer=maj_theta,
            tolerance=0,
            solution=(
                f"The weighted sum counts the active inputs, so the unit fires when at "
                f"least \\(\\theta\\) inputs fire: \\(\\theta = {maj_theta}\\)."
            ),
            hint="With all weights 1 the sum is the number of active inputs.",
            mistakes=(
                Mistake(1, "\\(\\theta = 1\\) gives OR: one active input is enough."),
                Mistake(3, "\\(\\theta = 3\\) gives AND of the three inputs."),
            ),
        ),
        Choice(
            id="nand",
            prompt="Which weights and threshold make a two-input unit compute NAND (NOT AND)?",
            options=tuple(
                Option(f"\\(w = {cw}\\), \\(\\theta = {ct}\\)", ok, text)
                for (cw, ct), ok, text in zip(candidates, is_nand, why)
            ),
            solution=(
                "NAND is silent only for input (1, 1). With \\(w = (-1, -1)\\) the sum "
                "is 0, −1, −1, −2; a threshold of −1 fires on the first three only."
            ),
        ),
    ]
