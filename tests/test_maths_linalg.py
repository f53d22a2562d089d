"""syllabus_code.maths.linalg: each formula against NumPy."""

import numpy as np
import pytest

from syllabus_code.maths.linalg import (
    affine,
    cosine_similarity,
    dot,
    frobenius_norm,
    l1_norm,
    l2_norm,
    matmul,
)

rng = np.random.default_rng(0)


def test_affine_shapes_and_values():
    W, x, b = rng.normal(size=(3, 5)), rng.normal(size=5), rng.normal(size=3)
    y = affine(W, x, b)
    assert y.shape == (3,)
    np.testing.assert_allclose(y, W @ x + b, rtol=1e-12)


def test_dot_and_cosine_identity():
    x, y = rng.normal(size=7), rng.normal(size=7)
    assert dot(x, y) == pytest.approx(float(x @ y), rel=1e-12)
    theta = np.arccos(cosine_similarity(x, y))
    assert dot(x, y) == pytest.approx(
        np.linalg.norm(x) * np.linalg.norm(y) * np.cos(theta), rel=1e-10
    )
    # a known angle: 45 degrees
    assert cosine_similarity([1.0, 0.0], [1.0, 1.0]) == pytest.approx(
        np.sqrt(0.5), rel=1e-12
    )


def test_matmul_and_transpose_rule():
    A, B = rng.normal(size=(3, 4)), rng.normal(size=(4, 2))
    C = matmul(A, B)
    assert C.shape == (3, 2)
    np.testing.assert_allclose(C, A @ B, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(matmul(A, B).T, matmul(B.T, A.T), rtol=1e-12, atol=1e-12)


def test_norms():
    x = np.array([3.0, -4.0, 0.0])
    assert l1_norm(x) == 7.0 and l2_norm(x) == 5.0
    A = rng.normal(size=(4, 3))
    assert frobenius_norm(A) == pytest.approx(np.linalg.norm(A, "fro"), rel=1e-12)
    assert l1_norm(x) == pytest.approx(np.linalg.norm(x, 1))


def test_bad_inputs():
    with pytest.raises(ValueError, match="columns"):
        matmul(np.ones((2, 3)), np.ones((2, 3)))
    with pytest.raises(ValueError, match="same length"):
        dot([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="x must have shape"):
        affine(np.ones((2, 3)), np.ones(2), np.ones(2))
    with pytest.raises(ValueError, match="b must have shape"):
        affine(np.ones((2, 3)), np.ones(3), np.ones(3))
    with pytest.raises(ValueError, match="non-zero"):
        cosine_similarity([0.0, 0.0], [1.0, 0.0])
    with pytest.raises(TypeError, match="A"):
        frobenius_norm("matrix")
    with pytest.raises(ValueError, match="A must be 2-D"):
        frobenius_norm(np.ones(3))
