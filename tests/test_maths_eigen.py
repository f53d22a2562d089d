"""syllabus_code.maths.eigen: the eigendecomposition against NumPy, PCA on MNIST against
scikit-learn."""

import numpy as np
import pytest

from syllabus_code.maths.eigen import PCAResult, pca, pca_svd, symmetric_eigen

rng = np.random.default_rng(0)


def test_symmetric_eigen():
    M = rng.normal(size=(5, 5))
    S = M + M.T
    lam, V = symmetric_eigen(S)
    assert np.all(np.diff(lam) <= 0)
    for i in range(5):
        np.testing.assert_allclose(S @ V[:, i], lam[i] * V[:, i], atol=1e-10)
    np.testing.assert_allclose(V.T @ V, np.eye(5), atol=1e-12)
    np.testing.assert_allclose(
        np.sort(lam), np.sort(np.linalg.eigvals(S).real), atol=1e-10
    )


def test_pca_matches_svd_and_sklearn_on_mnist():
    from threadpoolctl import threadpool_limits

    from syllabus_code import data

    images, _ = data.load_arrays("mnist", train=False)
    X = images[:500].reshape(500, -1).astype(np.float64)  # (500, 784)
    with threadpool_limits(1):  # shared CPU: no BLAS oversubscription
        _check_pca_on(X)


def _check_pca_on(X):
    from sklearn.decomposition import PCA

    ours, svd = pca(X, 10), pca_svd(X, 10)
    np.testing.assert_allclose(ours.variance, svd.variance, rtol=1e-8)
    np.testing.assert_allclose(ours.explained_ratio, svd.explained_ratio, rtol=1e-8)
    # same sign rule
    np.testing.assert_allclose(ours.components, svd.components, atol=1e-6)
    sk = PCA(10, svd_solver="full").fit(X)
    np.testing.assert_allclose(ours.variance, sk.explained_variance_, rtol=1e-8)
    np.testing.assert_allclose(
        ours.explained_ratio, sk.explained_variance_ratio_, rtol=1e-8
    )
    np.testing.assert_allclose(
        np.abs(ours.components @ sk.components_.T), np.eye(10), atol=1e-6
    )
    # reconstruction error falls as k grows
    big = pca_svd(X, 50)
    Z = big.transform(X)
    errs = [
        np.mean((X - big.mean - Z[:, :k] @ big.components[:k]) ** 2)
        for k in (5, 20, 50)
    ]
    assert errs[0] > errs[1] > errs[2]


def test_pca_variance_is_variance_along_component():
    X = rng.normal(size=(200, 3)) @ np.array([[3.0, 0, 0], [1.0, 1.0, 0], [0, 0, 0.1]])
    res = pca(X, 3)
    Z = res.transform(X)
    np.testing.assert_allclose(Z.var(axis=0, ddof=1), res.variance, rtol=1e-10)


def test_bad_inputs():
    with pytest.raises(ValueError, match="square"):
        symmetric_eigen(np.ones((2, 3)))
    with pytest.raises(ValueError, match="symmetric"):
        symmetric_eigen(np.array([[1.0, 2.0], [0.0, 1.0]]))
    with pytest.raises(ValueError, match="X"):
        pca(np.ones(5), 1)
    with pytest.raises(ValueError, match="k"):
        pca(np.ones((5, 3)), 4)
    with pytest.raises(TypeError, match="k"):
        pca_svd(np.ones((5, 3)), 1.5)
    with pytest.raises(ValueError, match="at least 2 rows"):
        pca(np.ones((1, 3)), 1)
    with pytest.raises(ValueError, match="columns"):
        pca(np.eye(3) + rng.normal(size=(3, 3)), 2).transform(np.ones((2, 4)))


def test_linalg_re_exports_them():
    from syllabus_code.maths import linalg

    assert (linalg.symmetric_eigen, linalg.pca, linalg.pca_svd, linalg.PCAResult) == (
        symmetric_eigen,
        pca,
        pca_svd,
        PCAResult,
    )
