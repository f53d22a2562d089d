"""Self-check questions for docs/01-ml-fundamentals/metrics.md (numbers from syllabus_code)."""

import numpy as np

from syllabus_code.ml import metrics as m
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option


def _labels(tp, fp, fn, tn):
    """y_true, y_pred with the given confusion counts (positive class 1)."""
    y_true = [1] * tp + [0] * fp + [1] * fn + [0] * tn
    y_pred = [1] * tp + [1] * fp + [0] * fn + [0] * tn
    return np.array(y_true), np.array(y_pred)


def questions():
    tp, fp, fn, tn = 4, 1, 6, 9
    yt, yp = _labels(tp, fp, fn, tn)
    f1 = m.f1_score(yt, yp)
    prec, rec, acc = m.precision(yt, yp), m.recall(yt, yp), m.accuracy(yt, yp)

    yt2, yp2 = _labels(35, 10, 5, 50)
    cm = m.confusion_matrix(yt2, yp2)
    rec2 = m.recall(yt2, yp2)
    prec2 = m.precision(yt2, yp2)
    spec2 = m.recall(yt2, yp2, pos_label=0)

    y, y_hat = np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.0, 2.0, 4.0, 3.0])
    r2 = m.r2_score(y, y_hat)
    ss_res = float(((y - y_hat) ** 2).sum())
    ss_tot = float(((y - y.mean()) ** 2).sum())

    never = m.precision([1, 0, 1, 0, 0], [0, 0, 0, 0, 0])
    return [
        Numeric(
            id="f1",
            prompt=(
                f"A classifier has TP = {tp}, FP = {fp}, FN = {fn}, TN = {tn}. What is its "
                "\\(F_1\\) score? Give 2 decimals."
            ),
            answer=f1,
            tolerance=0.005,
            solution=(
                f"\\(F_1 = \\dfrac{{2\\,\\mathrm{{TP}}}}{{2\\,\\mathrm{{TP}} + \\mathrm{{FP}} "
                f"+ \\mathrm{{FN}}}} = \\dfrac{{{2 * tp}}}{{{2 * tp} + {fp} + {fn}}} "
                f"\\approx {f1:.3f}\\) (precision {prec:g}, recall {rec:g})."
            ),
            hint="\\(F_1\\) is the harmonic mean of precision and recall: "
            "\\(2\\mathrm{TP}/(2\\mathrm{TP} + \\mathrm{FP} + \\mathrm{FN})\\).",
            mistakes=(
                Mistake(
                    (prec + rec) / 2,
                    "That is the arithmetic mean of precision and recall; "
                    "\\(F_1\\) is their harmonic mean.",
                ),
                Mistake(
                    acc, "That is the accuracy, \\((\\mathrm{TP} + \\mathrm{TN})/n\\)."
                ),
                Mistake(prec, "That is the precision."),
            ),
        ),
        Numeric(
            id="recall-from-matrix",
            prompt=(
                f"For labels \\([0, 1]\\) the confusion matrix (rows: truth, columns: "
                f"prediction) is \\(\\begin{{bmatrix}} {cm[0, 0]} & {cm[0, 1]} \\\\ "
                f"{cm[1, 0]} & {cm[1, 1]} \\end{{bmatrix}}\\). What is the recall of class "
                "1? Give 3 decimals."
            ),
            answer=rec2,
            tolerance=0.0005,
            solution=(
                f"Row 1 holds the truly positive examples: FN = {cm[1, 0]}, "
                f"TP = {cm[1, 1]}. Recall \\(= {cm[1, 1]}/({cm[1, 1]} + {cm[1, 0]}) = "
                f"{rec2:.3f}\\)."
            ),
            hint="Recall divides TP by all the truly positive examples: a row of the matrix.",
            mistakes=(
                Mistake(
                    prec2,
                    "That is the precision: TP over the *predicted* positives (a "
                    "column).",
                ),
                Mistake(spec2, "That is the recall of class 0, from row 0."),
            ),
        ),
        Numeric(
            id="r2",
            prompt=(
                "Targets \\(y = (1, 2, 3, 4)\\), predictions \\(\\hat y = (1, 2, 4, 3)\\). "
                "What is \\(R^2\\)? Give 2 decimals."
            ),
            answer=r2,
            tolerance=0.005,
            solution=(
                f"\\(\\mathrm{{SS}}_\\text{{res}} = {ss_res:g}\\), \\(\\bar y = "
                f"{y.mean():g}\\), \\(\\mathrm{{SS}}_\\text{{tot}} = {ss_tot:g}\\), so "
                f"\\(R^2 = 1 - {ss_res:g}/{ss_tot:g} = {r2:g}\\)."
            ),
            hint="\\(R^2 = 1 - \\mathrm{SS}_\\text{res}/\\mathrm{SS}_\\text{tot}\\), "
            "with \\(\\mathrm{SS}_\\text{tot}\\) measured around the mean \\(\\bar y\\).",
            mistakes=(
                Mistake(
                    ss_res / ss_tot,
                    "That is \\(\\mathrm{SS}_\\text{res}/"
                    "\\mathrm{SS}_\\text{tot}\\): subtract it from 1.",
                ),
                Mistake(m.mean_squared_error(y, y_hat), "That is the MSE."),
            ),
        ),
        Choice(
            id="no-positives",
            prompt=(
                "A model never predicts the positive class, so TP + FP = 0 and precision "
                "is \\(0/0\\). What does `precision` in `syllabus_code.ml.metrics` return "
                "with its default arguments?"
            ),
            options=(
                Option("1", False, "Only if you pass `zero_division=1.0`."),
                Option(
                    "NaN",
                    False,
                    "The library does not return \\(0/0\\) as NaN; it uses "
                    "the `zero_division` rule.",
                ),
                Option(
                    f"{never:g}, the `zero_division` default",
                    True,
                    "Right: the rule returns `zero_division` (0.0 by default), as "
                    "scikit-learn does with `zero_division=0`.",
                ),
                Option(
                    "It raises ValueError",
                    False,
                    "That is its rule for \\(R^2\\) with "
                    "constant targets, not for precision.",
                ),
            ),
            solution="\\(\\mathrm{TP}+\\mathrm{FP} = 0\\): the function returns `zero_division`, 0.0 by default.",
        ),
    ]
