"""Linear algebra for Module 0, written out so that each formula on the page is visible in code.

NumPy already has all of these (``@``, ``np.linalg.norm``); the loops here exist to be read and
to be checked against NumPy in ``tests/test_maths_linalg.py``. The eigendecomposition of a
symmetric matrix and PCA are in :mod:`syllabus_code.maths.eigen` (re-exported here).
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_float_array, check_work
from syllabus_code.maths.eigen import PCAResult, pca, pca_svd, symmetric_eigen

__all__ = [
    "affine",
    "dot",
    "cosine_similarity",
    "matmul",
    "l1_norm",
    "l2_norm",
    "frobenius_norm",
    "symmetric_eigen",
    "PCAResult",
    "pca",
    "pca_svd",
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
        raise ValueError(
            f"x must have shape ({n},) to match W of shape {W.shape}, got {x.shape}"
        )
    if b.shape != (m,):
        raise ValueError(
            f"b must have shape ({m},) to match W of shape {W.shape}, got {b.shape}"
        )
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
        raise ValueError(
            f"x and y must have the same length, got {x.shape[0]} and {y.shape[0]}"
        )
    return _dot(x, y)


def cosine_similarity(x, y) -> float:
    """\\(\\cos\\theta = x \\cdot y / (\\|x\\|_2 \\|y\\|_2)\\); undefined (ValueError) for a zero vector.

    Each vector is divided by its largest entry first: the angle does not change, and
    neither the products nor the norms can overflow (1e200 squared) or underflow (1e-200).
    """
    x = as_float_array(x, "x", ndim=1)
    y = as_float_array(y, "y", ndim=1)
    if x.shape != y.shape:
        raise ValueError(
            f"x and y must have the same length, got {x.shape[0]} and {y.shape[0]}"
        )
    if not (np.any(x) and np.any(y)):
        raise ValueError(
            "x and y must be non-zero vectors: the angle to a zero vector is undefined"
        )
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
        raise ValueError(
            f"A's columns must equal B's rows, got A {A.shape} and B {B.shape}"
        )
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
