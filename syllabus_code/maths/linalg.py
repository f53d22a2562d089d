"""Linear algebra for Module 0, written out so that each formula on the page is visible in code.

NumPy already has all of these (``@``, ``np.linalg.norm``, ``np.linalg.eigh``); the loops here
exist to be read and to be checked against NumPy in ``tests/test_maths_linalg.py``.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_float_array, check_int, check_work

__all__ = [
    "affine", "dot", "cosine_similarity", "matmul", "l1_norm", "l2_norm", "frobenius_norm",
    "symmetric_eigen", "PCAResult", "pca", "pca_svd",
]


# --8<-- [start:affine]
def _affine(W, x, b) -> np.ndarray:
    """The layer \\(y = Wx + b\\): ``W`` (m, n), ``x`` (n,), ``b`` (m,) -> ``y`` (m,).

    ``affine`` checks the arguments, then calls this.
    """
    return W @ x + b
# --8<-- [end:affine]


def affine(W, x, b) -> np.ndarray:
    """The layer \\(y = Wx + b\\): ``W`` (m, n), ``x`` (n,), ``b`` (m,) -> ``y`` (m,)."""
    W = as_float_array(W, "W", ndim=2)
    x = as_float_array(x, "x", ndim=1)
    b = as_float_array(b, "b", ndim=1)
    m, n = W.shape
    if x.shape != (n,):
        raise ValueError(f"x must have shape ({n},) to match W of shape {W.shape}, got {x.shape}")
    if b.shape != (m,):
        raise ValueError(f"b must have shape ({m},) to match W of shape {W.shape}, got {b.shape}")
    return _affine(W, x, b)


# --8<-- [start:dot]
def _dot(x, y) -> float:
    """\\(x \\cdot y = \\sum_i x_i y_i\\) for two vectors of the same length.

    ``dot`` checks the arguments, then calls this.
    """
    total = 0.0
    for xi, yi in zip(x, y):
        total += xi * yi
    return float(total)


def _cosine_similarity(x, y) -> float:
    """\\(\\cos\\theta = x \\cdot y / (\\|x\\|_2 \\|y\\|_2)\\); undefined (ValueError) for a zero vector.

    Each vector is divided by its largest entry first: the angle does not change, and
    neither the products nor the norms can overflow (1e200 squared) or underflow (1e-200).

    ``cosine_similarity`` checks the arguments, then calls this.
    """
    x, y = x / np.max(np.abs(x)), y / np.max(np.abs(y))
    return min(1.0, max(-1.0, dot(x, y) / (l2_norm(x) * l2_norm(y))))
# --8<-- [end:dot]


def dot(x, y) -> float:
    """\\(x \\cdot y = \\sum_i x_i y_i\\) for two vectors of the same length."""
    x = as_float_array(x, "x", ndim=1)
    y = as_float_array(y, "y", ndim=1)
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same length, got {x.shape[0]} and {y.shape[0]}")
    return _dot(x, y)


def cosine_similarity(x, y) -> float:
    """\\(\\cos\\theta = x \\cdot y / (\\|x\\|_2 \\|y\\|_2)\\); undefined (ValueError) for a zero vector.

    Each vector is divided by its largest entry first: the angle does not change, and
    neither the products nor the norms can overflow (1e200 squared) or underflow (1e-200).
    """
    x = as_float_array(x, "x", ndim=1)
    y = as_float_array(y, "y", ndim=1)
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same length, got {x.shape[0]} and {y.shape[0]}")
    if not (np.any(x) and np.any(y)):
        raise ValueError("x and y must be non-zero vectors: the angle to a zero vector is undefined")
    return _cosine_similarity(x, y)


# --8<-- [start:matmul]
def _matmul(A, B) -> np.ndarray:
    """\\(C = AB\\) with \\(C_{ij} = \\sum_k A_{ik} B_{kj}\\): ``A`` (m, k), ``B`` (k, n) -> (m, n).

    ``matmul`` checks the arguments, then calls this.
    """
    m, k = A.shape
    _, n = B.shape
    C = np.zeros((m, n))
    for i in range(m):
        for j in range(n):
            for p in range(k):
                C[i, j] += A[i, p] * B[p, j]
    return C
# --8<-- [end:matmul]


def matmul(A, B) -> np.ndarray:
    """\\(C = AB\\) with \\(C_{ij} = \\sum_k A_{ik} B_{kj}\\): ``A`` (m, k), ``B`` (k, n) -> (m, n)."""
    A = as_float_array(A, "A", ndim=2)
    B = as_float_array(B, "B", ndim=2)
    m, k = A.shape
    k2, n = B.shape
    if k != k2:
        raise ValueError(f"A's columns must equal B's rows, got A {A.shape} and B {B.shape}")
    check_work(m * n * k, 1e6, f"matmul of {A.shape} by {B.shape}", "A @ B")
    return _matmul(A, B)


# --8<-- [start:norms]
def _l1_norm(x) -> float:
    """\\(\\|x\\|_1 = \\sum_i |x_i|\\).

    ``l1_norm`` checks the arguments, then calls this.
    """
    return float(np.sum(np.abs(x)))


def _l2_norm(x) -> float:
    """\\(\\|x\\|_2 = \\sqrt{\\sum_i x_i^2}\\), computed as \\(s \\sqrt{\\sum_i (x_i/s)^2}\\) with
    \\(s = \\max_i |x_i|\\) so that squaring cannot overflow (1e200) or underflow (1e-200).

    ``l2_norm`` checks the arguments, then calls this.
    """
    return _scaled_norm(x)


def _frobenius_norm(A) -> float:
    """\\(\\|A\\|_F = \\sqrt{\\sum_{ij} A_{ij}^2}\\) for a matrix (scaled like ``l2_norm``).

    ``frobenius_norm`` checks the arguments, then calls this.
    """
    return _scaled_norm(A)


def _scaled_norm(x: np.ndarray) -> float:
    s = float(np.max(np.abs(x))) if x.size else 0.0
    if s == 0.0:
        return 0.0
    return s * float(np.sqrt(np.sum((x / s) ** 2)))
# --8<-- [end:norms]


def l1_norm(x) -> float:
    """\\(\\|x\\|_1 = \\sum_i |x_i|\\)."""
    x = as_float_array(x, "x", ndim=1)
    return _l1_norm(x)


def l2_norm(x) -> float:
    """\\(\\|x\\|_2 = \\sqrt{\\sum_i x_i^2}\\), computed as \\(s \\sqrt{\\sum_i (x_i/s)^2}\\) with
    \\(s = \\max_i |x_i|\\) so that squaring cannot overflow (1e200) or underflow (1e-200)."""
    x = as_float_array(x, "x", ndim=1)
    return _l2_norm(x)


def frobenius_norm(A) -> float:
    """\\(\\|A\\|_F = \\sqrt{\\sum_{ij} A_{ij}^2}\\) for a matrix (scaled like ``l2_norm``)."""
    A = as_float_array(A, "A", ndim=2)
    return _frobenius_norm(A)


# --8<-- [start:eigen]
def _symmetric_eigen(A) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (descending) and unit eigenvectors (columns) of a symmetric matrix.

    Returns ``(lam, V)`` with ``A @ V[:, i] == lam[i] * V[:, i]``. Each eigenvector's sign is
    fixed so that its largest-magnitude entry is positive, which makes the output reproducible.

    ``symmetric_eigen`` checks the arguments, then calls this.
    """
    lam, V = np.linalg.eigh(A)              # ascending
    lam, V = lam[::-1], V[:, ::-1]          # descending: largest variance first
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
        raise ValueError("A must be symmetric (A == A.T); use np.linalg.eig for a general matrix")
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
            raise ValueError(f"X must have {self.mean.shape[0]} columns, got {X.shape[1]}")
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
    Xc = X - mean                               # (N, d)
    S = Xc.T @ Xc / (N - 1)                     # (d, d)
    lam, V = symmetric_eigen(S)
    lam = np.clip(lam, 0.0, None)               # round-off can make tiny eigenvalues negative
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
        raise ValueError(f"X must have at least 2 rows (samples) to estimate a covariance, got {N}")
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
    Vt = Vt * np.sign(Vt[np.arange(Vt.shape[0]), idx])[:, None]   # same sign rule as symmetric_eigen
    return PCAResult(mean, Vt[:k], var[:k], var[:k] / var.sum())
# --8<-- [end:pca_svd]


def pca_svd(X, k: int) -> PCAResult:
    """The same PCA from the SVD \\(\\tilde X = U \\Sigma V^\\top\\): components are the rows of
    \\(V^\\top\\) and the variances are \\(\\sigma_i^2 / (N - 1)\\). No (d, d) matrix is formed,
    which is faster and more accurate when d is large."""
    X = as_float_array(X, "X", ndim=2)
    N, d = X.shape
    if N < 2:
        raise ValueError(f"X must have at least 2 rows (samples) to estimate a covariance, got {N}")
    k = _check_k(k, d)
    return _pca_svd(X, k)
