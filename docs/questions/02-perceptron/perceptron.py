"""Self-check questions for docs/02-perceptron/perceptron.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.ml.perceptron import augment, separable_data, train_perceptron
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def questions():
    X = np.array([[1.0, 2.0], [2.0, 0.0]])
    y = np.array([1, -1])
    one = train_perceptron(X, y, lr=1.0, max_epochs=1)
    first_only = train_perceptron(X[:1], y[:1], lr=1.0, max_epochs=1)

    x, label, lr = np.array([2.0, 1.0]), 1, 0.5
    w0, b0 = np.array([0.5, -2.0]), 0.0
    x_aug = augment(x[None, :])[0]
    before = label * (np.append(w0, b0) @ x_aug)
    after = label * (np.append(w0 + lr * label * x, b0 + lr * label) @ x_aug)
    gain = float(after - before)
    sq = float(x @ x)

    Xs, ys = separable_data(40, np.random.default_rng(1), min_margin=0.05)
    big, small = train_perceptron(Xs, ys, lr=1.0), train_perceptron(Xs, ys, lr=0.01)
    same = big.mistakes == small.mistakes and np.allclose(small.w, 0.01 * big.w)
    return [
        Numeric(
            id="one-epoch",
            prompt=(
                "Start at \\(w = (0, 0)\\), \\(b = 0\\), \\(\\alpha = 1\\), and make one pass "
                "over \\(x_1 = (1, 2), y_1 = +1\\) then \\(x_2 = (2, 0), y_2 = -1\\). What is "
                "\\(w_1\\), the first weight, after the pass?"
            ),
            answer=float(one.w[0]),
            tolerance=0,
            solution=(
                f"Example 1: score 0, a mistake (\\(y \\cdot 0 \\le 0\\)): "
                f"\\(w = {tuple(first_only.w.tolist())}\\), \\(b = {first_only.b:g}\\). "
                f"Example 2: score \\(1\\cdot2 + 2\\cdot0 + 1 = 3\\), label \\(-1\\): a "
                f"mistake, \\(w \\leftarrow w - x_2 = {tuple(one.w.tolist())}\\), "
                f"\\(b = {one.b:g}\\). So \\(w_1 = {one.w[0]:g}\\)."
            ),
            hint="Check \\(y(w^\\top x + b) \\le 0\\) for each example in turn; update only on a mistake.",
            mistakes=(
                Mistake(
                    0.0,
                    "A score of exactly 0 counts as a mistake: the first example "
                    "triggers an update.",
                ),
                Mistake(
                    float(first_only.w[0]),
                    "Check the second example with the *updated* "
                    "weights: its score is 3 with label −1, another mistake.",
                ),
            ),
        ),
        Numeric(
            id="score-gain",
            prompt=(
                f"An example \\(x = (2, 1)\\), \\(y = +1\\) is misclassified and updated with "
                f"\\(\\alpha = {lr}\\). By how much does \\(y(w^\\top x + b)\\) on this "
                "example increase?"
            ),
            answer=gain,
            tolerance=0.005,
            solution=(
                f"The increase is \\(\\alpha(\\|x\\|^2 + 1) = {lr}\\times({sq:g} + 1) = "
                f"{gain:g}\\), whatever \\(w\\) and \\(b\\) were."
            ),
            hint="Substitute the update into the score: the change is \\(\\alpha y^2(\\|x\\|^2 + 1)\\).",
            mistakes=(
                Mistake(
                    lr * sq,
                    "The bias moves too: the change includes \\(\\alpha\\cdot 1\\) "
                    "from \\(b\\).",
                ),
                Mistake(sq + 1, "Multiply by the learning rate \\(\\alpha\\)."),
            ),
        ),
        Choice(
            id="learning-rate",
            prompt=(
                "Both runs start from \\(w = 0, b = 0\\) on the same separable data in the "
                "same order; one uses \\(\\alpha = 1\\), the other \\(\\alpha = 0.01\\). "
                "What differs?"
            ),
            options=(
                Option(
                    "The small rate makes more mistakes but finds a better boundary",
                    not same,
                    "From a zero start the decisions are identical; the boundary "
                    "\\(w^\\top x + b = 0\\) does not change when \\((w, b)\\) is scaled.",
                ),
                Option(
                    "Only the scale: the same mistakes, and weights 100 times smaller",
                    same,
                    "Right: every weight vector of the second run is 0.01 times the first's, "
                    "so every sign, every mistake and the boundary are the same.",
                ),
                Option(
                    "The small rate never converges",
                    False,
                    "Novikoff's bound holds for any \\(\\alpha > 0\\); here both runs stop "
                    "after the same epoch.",
                ),
            ),
            solution=(
                f"On 40 separable points both runs make {big.mistakes} mistakes and "
                f"stop after {big.epochs} epochs; the weights are in ratio 0.01."
            ),
        ),
    ]
