"""syllabus_code.ml.metrics against scikit-learn: random inputs and the documented edge cases."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from sklearn import metrics as skm

from syllabus_code.ml import metrics as m


@pytest.mark.parametrize("seed", range(5))
def test_classification_metrics_match_sklearn_on_random_labels(seed):
    rng = np.random.default_rng(seed)
    yt, yp = rng.integers(0, 2, 50), rng.integers(0, 2, 50)
    assert m.accuracy(yt, yp) == pytest.approx(skm.accuracy_score(yt, yp), abs=1e-12)
    assert m.precision(yt, yp) == pytest.approx(skm.precision_score(yt, yp), abs=1e-12)
    assert m.recall(yt, yp) == pytest.approx(skm.recall_score(yt, yp), abs=1e-12)
    assert m.f1_score(yt, yp) == pytest.approx(skm.f1_score(yt, yp), abs=1e-12)
    np.testing.assert_array_equal(
        m.confusion_matrix(yt, yp), skm.confusion_matrix(yt, yp)
    )


def test_multiclass_confusion_matrix_and_string_labels(rng):
    yt, yp = rng.integers(0, 4, 80), rng.integers(0, 4, 80)
    np.testing.assert_array_equal(
        m.confusion_matrix(yt, yp), skm.confusion_matrix(yt, yp)
    )
    labels = [3, 1]  # a subset, in a chosen order
    np.testing.assert_array_equal(
        m.confusion_matrix(yt, yp, labels=labels),
        skm.confusion_matrix(yt, yp, labels=labels),
    )
    st, sp = np.array(["cat", "dog", "dog"]), np.array(["dog", "dog", "cat"])
    np.testing.assert_array_equal(
        m.confusion_matrix(st, sp), skm.confusion_matrix(st, sp)
    )
    assert m.precision(st, sp, pos_label="dog") == skm.precision_score(
        st, sp, pos_label="dog"
    )


def test_binary_confusion_layout_is_tn_fp_fn_tp():
    yt, yp = [1, 1, 1, 0, 0], [1, 0, 1, 1, 0]
    assert m.confusion_matrix(yt, yp).tolist() == [[1, 1], [1, 2]]
    assert m.binary_counts(yt, yp) == (2, 1, 1, 1)


def test_precision_with_no_positive_predictions_is_zero_division():
    yt, yp = [1, 0, 1, 0], [0, 0, 0, 0]
    assert m.precision(yt, yp) == 0.0 == skm.precision_score(yt, yp, zero_division=0)
    assert (
        m.precision(yt, yp, zero_division=1.0)
        == 1.0
        == skm.precision_score(yt, yp, zero_division=1)
    )
    assert m.f1_score(yt, yp) == 0.0 == skm.f1_score(yt, yp, zero_division=0)
    # F1 is 0 (not zero_division) when TP = 0 but FN > 0: sklearn agrees
    assert (
        m.f1_score(yt, yp, zero_division=1.0)
        == skm.f1_score(yt, yp, zero_division=1)
        == 0.0
    )


def test_no_positives_anywhere():
    yt = yp = [0, 0, 0]
    for ours, theirs in (
        (m.recall, skm.recall_score),
        (m.f1_score, skm.f1_score),
        (m.precision, skm.precision_score),
    ):
        for zd in (0.0, 1.0):
            assert (
                ours(yt, yp, zero_division=zd) == theirs(yt, yp, zero_division=zd) == zd
            )


def test_f1_is_the_harmonic_mean_when_defined(rng):
    yt, yp = rng.integers(0, 2, 40), rng.integers(0, 2, 40)
    p, r = m.precision(yt, yp), m.recall(yt, yp)
    assert m.f1_score(yt, yp) == pytest.approx(2 * p * r / (p + r), rel=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_regression_metrics_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    yt, yp = rng.normal(size=30), rng.normal(size=30)
    assert m.mean_squared_error(yt, yp) == pytest.approx(
        skm.mean_squared_error(yt, yp), rel=1e-12
    )
    assert m.mean_absolute_error(yt, yp) == pytest.approx(
        skm.mean_absolute_error(yt, yp), rel=1e-12
    )
    assert m.r2_score(yt, yp) == pytest.approx(skm.r2_score(yt, yp), rel=1e-12)


def test_r2_perfect_and_mean_predictor():
    y = np.array([1.0, 2.0, 4.0])
    assert m.r2_score(y, y) == 1.0
    assert m.r2_score(y, np.full(3, y.mean())) == pytest.approx(0.0, abs=1e-15)


def test_r2_constant_targets_raises_or_follows_sklearn():
    y = np.full(4, 2.0)
    with pytest.raises(ValueError, match="constant"):
        m.r2_score(y, y + 1)
    for yp in (y, y + 1):
        # 1.0, then 0.0
        assert m.r2_score(y, yp, force_finite=True) == skm.r2_score(y, yp)
    # without force_finite sklearn divides by SS_tot = 0: -inf (imperfect) or nan (0/0, perfect)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert skm.r2_score(y, y + 1, force_finite=False) == -np.inf
        assert np.isnan(skm.r2_score(y, y, force_finite=False))


def test_r2_constant_targets_detected_on_values_not_on_ss_tot():
    y = np.full(3, 0.1)
    assert y.mean() != 0.1  # so SS_tot is about 6e-34, not 0
    with pytest.raises(ValueError, match="constant"):
        m.r2_score(y, y + 1)
    assert m.r2_score(y, y + 1, force_finite=True) == 0.0
    # sklearn divides by the rounding error (documented on the page)
    assert skm.r2_score(y, y + 1) < -1e30


@pytest.mark.parametrize(
    "fn", [m.accuracy, m.precision, m.recall, m.f1_score, m.confusion_matrix]
)
def test_classification_bad_input(fn):
    with pytest.raises(ValueError, match="y_true and y_pred"):
        fn([0, 1, 1], [0, 1])
    with pytest.raises(ValueError, match="y_true"):
        fn([[0, 1]], [[0, 1]])
    with pytest.raises(ValueError, match="y_true"):
        fn([], [])
    with pytest.raises(TypeError, match="y_true"):
        fn([0.5, 1.0], [0, 1])


def test_zero_division_and_labels_bad_input():
    with pytest.raises(TypeError, match="zero_division must be a number"):
        m.precision([0, 1], [0, 1], zero_division="warn")
    with pytest.raises(ValueError, match="zero_division"):
        m.precision([0, 1], [0, 1], zero_division=2)
    with pytest.raises(ValueError, match="labels"):
        m.confusion_matrix([0, 1], [0, 1], labels=[1, 1])


@pytest.mark.parametrize(
    "fn", [m.mean_squared_error, m.mean_absolute_error, m.r2_score]
)
def test_regression_bad_input(fn):
    with pytest.raises(ValueError, match="y_true and y_pred"):
        fn([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="y_pred"):
        fn([1.0, 2.0], [1.0, np.nan])
    with pytest.raises(TypeError, match="y_true"):
        fn(["a", "b"], [1.0, 2.0])
    with pytest.raises(ValueError, match="y_true"):
        fn([], [])


def test_a_pos_label_that_never_occurs_is_refused_as_scikit_learn_does():
    with pytest.raises(ValueError, match=r"pos_label=2 is not a label .*\[0, 1\]"):
        m.precision([0, 1, 1], [0, 1, 0], pos_label=2)
    with pytest.raises(ValueError):
        skm.precision_score([0, 1, 1], [0, 1, 0], pos_label=2)
    # one class only: no positives, no typo
    assert m.precision([0, 0], [0, 0], pos_label=1) == 0.0


def test_labels_of_different_kinds_are_refused_not_counted_wrong():
    with pytest.raises(TypeError, match="same kind of labels"):
        m.accuracy([1, 0, 1], ["1", "0", "1"])


def test_ragged_labels_are_refused_with_the_argument_named():
    with pytest.raises(TypeError, match="y_true must be a rectangular array of labels"):
        m.accuracy([[1, 2], [3]], [0, 1])
