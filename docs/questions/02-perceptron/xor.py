"""Self-check questions for docs/02-perceptron/xor.md (numbers from syllabus_code)."""

import itertools

from syllabus_code.ml.perceptron import mcculloch_pitts, train_perceptron, xor_data
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def questions():
    X, y = xor_data()
    epochs = 250
    run = train_perceptron(X, y, lr=1.0, max_epochs=epochs)

    patterns = [(0, 0), (0, 1), (1, 0), (1, 1)]
    tables = set()
    for w1, w2, t in itertools.product(range(-2, 3), range(-2, 3), range(-3, 4)):
        tables.add(tuple(mcculloch_pitts(patterns, (w1, w2), t).tolist()))
    n_single = len(tables)

    h_or = mcculloch_pitts(patterns, (1, 1), 1)
    h_nand = mcculloch_pitts(patterns, (-1, -1), -1)
    H = list(zip(h_or, h_nand))
    xor = [a ^ b for a, b in patterns]
    outs = {
        "OR: \\(w = (1, 1)\\), \\(\\theta = 1\\)": ((1, 1), 1),
        "AND: \\(w = (1, 1)\\), \\(\\theta = 2\\)": ((1, 1), 2),
        "NOR: \\(w = (-1, -1)\\), \\(\\theta = 0\\)": ((-1, -1), 0),
    }
    gives = {k: mcculloch_pitts(H, w, t).tolist() for k, (w, t) in outs.items()}
    return [
        Numeric(
            id="xor-mistakes",
            prompt=(
                f"The perceptron is trained on XOR from \\(w = 0, b = 0\\), in the order of "
                f"the table, for {epochs} epochs. How many updates does it make in total?"
            ),
            answer=run.mistakes,
            tolerance=0,
            solution=(
                f"All four points are mistakes in the first epoch, and the four updates "
                f"add up to 0, so the weights return to 0 and every epoch repeats: "
                f"\\(4\\times{epochs} = {run.mistakes}\\)."
            ),
            hint="Work through the first epoch: where are the weights at its end?",
            mistakes=(
                Mistake(
                    4,
                    "That is one epoch; the weights return to zero, so every epoch "
                    "makes the same four updates.",
                ),
                Mistake(epochs, "Every epoch makes four updates, not one."),
            ),
        ),
        Numeric(
            id="separable-count",
            prompt=(
                "There are 16 Boolean functions of two binary inputs. How many of them can a "
                "single threshold unit compute?"
            ),
            answer=n_single,
            tolerance=0,
            solution=(
                f"All but XOR and its complement XNOR (same diagonals, labels swapped): "
                f"\\(16 - 2 = {n_single}\\). Trying every \\(w_1, w_2 \\in "
                "\\{-2, \\dots, 2\\}\\) and \\(\\theta \\in \\{-3, \\dots, 3\\}\\) finds "
                f"exactly {n_single} truth tables."
            ),
            hint="Which functions put the two points of one diagonal on one side and the two "
            "of the other on the other side?",
            mistakes=(
                Mistake(
                    15,
                    "XNOR (equality) fails for the same reason as XOR: it is XOR with "
                    "the labels swapped.",
                ),
                Mistake(
                    16,
                    "XOR itself cannot be computed: the sums of the inequalities "
                    "contradict each other.",
                ),
            ),
        ),
        Choice(
            id="two-layers",
            prompt=(
                "Two hidden threshold units compute OR\\((x_1, x_2)\\) and "
                "NAND\\((x_1, x_2)\\). Which output unit on these two makes the network "
                "compute XOR?"
            ),
            options=tuple(
                Option(
                    k,
                    g == xor,
                    "Right: XOR is true exactly when at least one input fires (OR) and not "
                    "both (NAND)."
                    if g == xor
                    else f"On the hidden outputs it gives {g}, not XOR's {xor}.",
                )
                for k, g in gives.items()
            ),
            solution=(
                "The hidden pairs for (0,0), (0,1), (1,0), (1,1) are "
                f"{[tuple(int(v) for v in p) for p in H]}; AND of each pair gives "
                f"{[g for g in gives.values() if g == xor][0]} = XOR."
            ),
        ),
    ]
