"""The eigendecomposition of a symmetric matrix and principal component analysis built on it
(and, the same PCA, on the SVD), for Module 0's linear-algebra page.

``np.linalg.eigh`` and ``np.linalg.svd`` do the decompositions; the code here fixes the order
and signs and writes out the PCA recipe, checked against scikit-learn in
``tests/test_maths_eigen.py``. :mod:`syllabus_code.maths.linalg` re-exports all of it.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_float_array, check_int

__all__ = ["symmetric_eigen", "PCAResult", "pca", "pca_svd"]


# --8<-- [start:eigen]
def _symmetric_eigen(A) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (descending) and unit eigenvectors (columns) of a symmetric matrix.

    Returns ``(lam, V)`` with ``A @ V[:, i] == lam[i] * V[:, i]``. Each eigenvector's sign is
    fixed so that its largest-magnitude entry is positive, which makes the output reproducible.

    ``symmetric_eigen`` checks the arguments, then calls this.
    """
    lam, V = np.linalg.eigh(A)  # ascending
    lam, V = lam[::-1], V[:, ::-1]  # descending: largest variance first
    idx = np.argmax(np.abs(V), axis=0)
    V = V * np.sign(V[idx, np.arange(V.shape[1])])
    return lam, V


# --8<-- [end:eigen]


def symmetric_eigen(A, atol: float = 1e-10) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (descending) and unit eigenvectors (columns) of a symmetric matrix.

    Returns ``(lam, V)`` with ``A @ V[:, i] == lam[i] * V[:, i]``. Each eigenvector's sign is
    fixed so that its largest-magnitude entry is positive, which makes the output reproducible.
    """
    A = as_float_array(A, "A", ndim=2)
    if A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be a square matrix, got shape {A.shape}")
    if not np.allclose(A, A.T, atol=atol, rtol=0):
        raise ValueError(
            "A must be symmetric (A == A.T); use np.linalg.eig for a general matrix"
        )
    return _symmetric_eigen(A)


class PCAResult:
    """What :func:`pca` returns: ``mean`` (d,), ``components`` (k, d) as rows, ``variance`` (k,)
    (the eigenvalues of the covariance) and ``explained_ratio`` (k,) (each over the total variance)."""

    def __init__(self, mean, components, variance, explained_ratio):
        self.mean = mean
        self.components = components
        self.variance = variance
        self.explained_ratio = explained_ratio

    def transform(self, X) -> np.ndarray:
        """Coordinates of the rows of ``X`` (N, d) along the components: (N, k)."""
        X = as_float_array(X, "X", ndim=2)
        if X.shape[1] != self.mean.shape[0]:
            raise ValueError(
                f"X must have {self.mean.shape[0]} columns, got {X.shape[1]}"
            )
        return (X - self.mean) @ self.components.T

    def inverse_transform(self, Z) -> np.ndarray:
        """Back from coordinates (N, k) to data space (N, d): the reconstruction."""
        Z = as_float_array(Z, "Z", ndim=2)
        return Z @ self.components + self.mean


def _check_k(k, d: int) -> int:
    return check_int(k, "k (at most the number of features)", min=1, max=d)


# --8<-- [start:pca]
def _pca(X, k: int) -> PCAResult:
    """Principal component analysis of the rows of ``X`` (N samples, d features).

    1. centre: \\(\\tilde X = X - \\bar x\\);
    2. covariance: \\(S = \\tilde X^\\top \\tilde X / (N - 1)\\), a symmetric (d, d) matrix;
    3. eigen-decompose \\(S = V \\Lambda V^\\top\\); the top-k eigenvectors are the components and
       the eigenvalues are the variances of the data along them.

    ``pca`` checks the arguments, then calls this.
    """
    N, _ = X.shape
    mean = X.mean(axis=0)
    Xc = X - mean  # (N, d)
    S = Xc.T @ Xc / (N - 1)  # (d, d)
    lam, V = symmetric_eigen(S)
    lam = np.clip(lam, 0.0, None)  # round-off can make tiny eigenvalues negative
    return PCAResult(mean, V[:, :k].T, lam[:k], lam[:k] / lam.sum())


# --8<-- [end:pca]


def pca(X, k: int) -> PCAResult:
    """Principal component analysis of the rows of ``X`` (N samples, d features).

    1. centre: \\(\\tilde X = X - \\bar x\\);
    2. covariance: \\(S = \\tilde X^\\top \\tilde X / (N - 1)\\), a symmetric (d, d) matrix;
    3. eigen-decompose \\(S = V \\Lambda V^\\top\\); the top-k eigenvectors are the components and
       the eigenvalues are the variances of the data along them.
    """
    X = as_float_array(X, "X", ndim=2)
    N, d = X.shape
    if N < 2:
        raise ValueError(
            f"X must have at least 2 rows (samples) to estimate a covariance, got {N}"
        )
    k = _check_k(k, d)
    return _pca(X, k)


# --8<-- [start:pca_svd]
def _pca_svd(X, k: int) -> PCAResult:
    """The same PCA from the SVD \\(\\tilde X = U \\Sigma V^\\top\\): components are the rows of
    \\(V^\\top\\) and the variances are \\(\\sigma_i^2 / (N - 1)\\). No (d, d) matrix is formed,
    which is faster and more accurate when d is large.

    ``pca_svd`` checks the arguments, then calls this.
    """
    N, _ = X.shape
    mean = X.mean(axis=0)
    _, s, Vt = np.linalg.svd(X - mean, full_matrices=False)
    var = s**2 / (N - 1)
    idx = np.argmax(np.abs(Vt), axis=1)
    # same sign rule as symmetric_eigen
    Vt = Vt * np.sign(Vt[np.arange(Vt.shape[0]), idx])[:, None]
    return PCAResult(mean, Vt[:k], var[:k], var[:k] / var.sum())


# --8<-- [end:pca_svd]


def pca_svd(X, k: int) -> PCAResult:
    """The same PCA from the SVD \\(\\tilde X = U \\Sigma V^\\top\\): components are the rows of
    \\(V^\\top\\) and the variances are \\(\\sigma_i^2 / (N - 1)\\). No (d, d) matrix is formed,
    which is faster and more accurate when d is large."""
    X = as_float_array(X, "X", ndim=2)
    N, d = X.shape
    if N < 2:
        raise ValueError(
            f"X must have at least 2 rows (samples) to estimate a covariance, got {N}"
        )
    k = _check_k(k, d)
    return _pca_svd(X, k)
