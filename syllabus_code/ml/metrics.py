"""Evaluation metrics written from their definitions.

Classification (binary, one positive class): accuracy, the confusion matrix, precision, recall
and F1. Regression: MSE, MAE and R². Each is a few lines of NumPy so that the formula on the
page and the code are the same thing; ``tests/test_ml_metrics.py`` compares every one with
scikit-learn on random inputs and on the edge cases below.

Edge cases, decided here once:

* **No positive predictions** (TP + FP = 0): precision is 0/0. We return ``zero_division``
  (default 0.0), which is what scikit-learn returns with ``zero_division=0``.
* **No positive labels** (TP + FN = 0): recall is 0/0, handled the same way.
* **F1** is computed as 2TP / (2TP + FP + FN), which equals the harmonic mean of precision and
  recall whenever both are defined and gives 0 (not 0/0) when TP = 0 but some prediction or
  label is positive. Only when there are no positives at all is it 0/0, and then
  ``zero_division`` is returned (scikit-learn's convention too).
* **Constant targets** in R²: SS_tot = 0, so 1 - SS_res/SS_tot is undefined. By default
  :func:`r2_score` raises ``ValueError``. With ``force_finite=True`` it returns scikit-learn's
  replacement value: 1.0 if the predictions are perfect (SS_res = 0), else 0.0.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import (
    as_float_array,
    as_label_array,
    check_number,
    check_same_shape,
)

__all__ = [
    "binary_counts",
    "accuracy",
    "confusion_matrix",
    "precision",
    "recall",
    "f1_score",
    "mean_squared_error",
    "mean_absolute_error",
    "r2_score",
]


def _labels_pair(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    yt, yp = as_label_array(y_true, "y_true"), as_label_array(y_pred, "y_pred")
    for arr, name in ((yt, "y_true"), (yp, "y_pred")):
        if arr.ndim != 1:
            raise ValueError(
                f"{name} must be a 1-D array of labels, got shape {arr.shape}"
            )
        if arr.size == 0:
            raise ValueError(f"{name} must not be empty")
        if arr.dtype.kind not in "biuUS":
            raise TypeError(
                f"{name} must hold integer, boolean or string labels, got dtype {arr.dtype}"
            )
    # 1 == "1" is False: all would count wrong
    if (yt.dtype.kind in "US") != (yp.dtype.kind in "US"):
        raise TypeError(
            f"y_true and y_pred must hold the same kind of labels (numbers or strings), "
            f"got {yt.dtype} and {yp.dtype}"
        )
    check_same_shape(yt, yp, "y_true", "y_pred")
    return yt, yp


def _zero_division(value) -> float:
    return check_number(value, "zero_division", 0.0, 1.0)


def _check_pos_label(
    yt: np.ndarray, yp: np.ndarray, t: np.ndarray, p: np.ndarray, pos_label
) -> None:
    """As scikit-learn: with two or more classes present, a ``pos_label`` that never occurs is a
    typo (``pos_label=2`` for labels 0/1), not a class with no positives."""
    if not (t.any() or p.any()) and np.unique(np.concatenate([yt, yp])).size >= 2:
        raise ValueError(
            f"pos_label={pos_label!r} is not a label of y_true or y_pred "
            f"(they hold {np.unique(np.concatenate([yt, yp])).tolist()})"
        )


# --8<-- [start:counts]
def binary_counts(y_true, y_pred, pos_label=1) -> tuple[int, int, int, int]:
    """(TP, FP, FN, TN) for the class ``pos_label`` against all others."""
    yt, yp = _labels_pair(y_true, y_pred)
    t, p = yt == pos_label, yp == pos_label
    _check_pos_label(yt, yp, t, p, pos_label)
    tp = int(np.sum(t & p))  # predicted positive, truly positive
    fp = int(np.sum(~t & p))  # predicted positive, truly negative
    fn = int(np.sum(t & ~p))  # predicted negative, truly positive
    tn = int(np.sum(~t & ~p))
    return tp, fp, fn, tn


# --8<-- [end:counts]


# --8<-- [start:classification]
def accuracy(y_true, y_pred) -> float:
    """Fraction of labels predicted exactly: (TP + TN) / n in the binary case."""
    yt, yp = _labels_pair(y_true, y_pred)
    return float(np.mean(yt == yp))


def _confusion_matrix(yt, yp, labels) -> np.ndarray:
    """C[i, j] = number of examples whose true label is labels[i] and predicted label labels[j].

    ``labels`` defaults to the sorted union of the labels seen (scikit-learn's layout: rows are
    truth, columns are predictions; for labels [0, 1] this is [[TN, FP], [FN, TP]]).

    ``confusion_matrix`` checks the arguments, then calls this.
    """
    if labels is None:
        labels = np.unique(np.concatenate([yt, yp]))
    index = {
        lab.item() if hasattr(lab, "item") else lab: i for i, lab in enumerate(labels)
    }
    cm = np.zeros((labels.size, labels.size), dtype=np.int64)
    for t, p in zip(yt.tolist(), yp.tolist()):
        # pairs outside ``labels`` are not counted (as in sklearn)
        if t in index and p in index:
            cm[index[t], index[p]] += 1
    return cm


def precision(y_true, y_pred, pos_label=1, zero_division: float = 0.0) -> float:
    """TP / (TP + FP): of the examples predicted positive, the fraction that are positive."""
    tp, fp, _, _ = binary_counts(y_true, y_pred, pos_label)
    zd = _zero_division(zero_division)
    return tp / (tp + fp) if tp + fp > 0 else zd


def recall(y_true, y_pred, pos_label=1, zero_division: float = 0.0) -> float:
    """TP / (TP + FN): of the positive examples, the fraction predicted positive."""
    tp, _, fn, _ = binary_counts(y_true, y_pred, pos_label)
    zd = _zero_division(zero_division)
    return tp / (tp + fn) if tp + fn > 0 else zd


def f1_score(y_true, y_pred, pos_label=1, zero_division: float = 0.0) -> float:
    """Harmonic mean of precision and recall, computed as 2TP / (2TP + FP + FN)."""
    tp, fp, fn, _ = binary_counts(y_true, y_pred, pos_label)
    zd = _zero_division(zero_division)
    denom = 2 * tp + fp + fn
    return 2 * tp / denom if denom > 0 else zd


# --8<-- [end:classification]


def confusion_matrix(y_true, y_pred, labels=None) -> np.ndarray:
    """C[i, j] = number of examples whose true label is labels[i] and predicted label labels[j].

    ``labels`` defaults to the sorted union of the labels seen (scikit-learn's layout: rows are
    truth, columns are predictions; for labels [0, 1] this is [[TN, FP], [FN, TP]])."""
    yt, yp = _labels_pair(y_true, y_pred)
    if labels is not None:
        labels = np.asarray(labels)
        if (
            labels.ndim != 1
            or labels.size == 0
            or np.unique(labels).size != labels.size
        ):
            raise ValueError(
                f"labels must be a non-empty 1-D list of distinct labels, got {labels!r}"
            )
    return _confusion_matrix(yt, yp, labels)


def _targets_pair(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    yt = as_float_array(y_true, "y_true", ndim=1)
    yp = as_float_array(y_pred, "y_pred", ndim=1)
    check_same_shape(yt, yp, "y_true", "y_pred")
    if yt.size == 0:
        raise ValueError("y_true must not be empty")
    return yt, yp


# --8<-- [start:regression]
def mean_squared_error(y_true, y_pred) -> float:
    """(1/n) Σ (y_i - ŷ_i)²."""
    yt, yp = _targets_pair(y_true, y_pred)
    return float(np.mean((yt - yp) ** 2))


def mean_absolute_error(y_true, y_pred) -> float:
    """(1/n) Σ |y_i - ŷ_i|."""
    yt, yp = _targets_pair(y_true, y_pred)
    return float(np.mean(np.abs(yt - yp)))


def r2_score(y_true, y_pred, force_finite: bool = False) -> float:
    """1 - SS_res / SS_tot, with SS_res = Σ (y_i - ŷ_i)² and SS_tot = Σ (y_i - ȳ)².

    Constant ``y_true`` makes SS_tot = 0 and R² undefined: a ValueError, unless
    ``force_finite=True``, which returns 1.0 for perfect predictions and 0.0 otherwise."""
    yt, yp = _targets_pair(y_true, y_pred)
    ss_res = float(np.sum((yt - yp) ** 2))
    # SS_tot = 0; test the values, since a float mean can be off by 1 ulp
    if np.all(yt == yt[0]):
        if not force_finite:
            raise ValueError(
                "y_true is constant, so SS_tot = 0 and R² is undefined "
                "(pass force_finite=True for scikit-learn's 1.0/0.0 convention)"
            )
        return 1.0 if ss_res == 0.0 else 0.0
    ss_tot = float(np.sum((yt - yt.mean()) ** 2))
    return 1.0 - ss_res / ss_tot


# --8<-- [end:regression]
