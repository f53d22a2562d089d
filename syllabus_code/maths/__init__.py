"""Foundation mathematics (Module 0): numeric derivatives, linear algebra, probability,
information theory and optimisation, each checked against closed forms and PyTorch in the tests.

Submodules: :mod:`~syllabus_code.maths.derivatives`, :mod:`~syllabus_code.maths.linalg`,
:mod:`~syllabus_code.maths.eigen` (eigendecomposition and PCA), :mod:`~syllabus_code.maths.probability`, :mod:`~syllabus_code.maths.information`,
and :mod:`~syllabus_code.maths.optimize`. The Module 0 exercise checkers are in
:mod:`syllabus_code.exercises.m00_foundations`.
"""

from syllabus_code.maths.derivatives import (
    central_difference,
    forward_difference,
    gradient,
    hessian,
    jacobian,
)
from syllabus_code.maths.eigen import PCAResult, pca, pca_svd, symmetric_eigen
from syllabus_code.maths.information import (
    cross_entropy,
    cross_entropy_from_logits,
    entropy,
    kl_divergence,
    log_softmax,
    logsumexp,
)
from syllabus_code.maths.linalg import (
    affine,
    cosine_similarity,
    dot,
    frobenius_norm,
    l1_norm,
    l2_norm,
    matmul,
)
from syllabus_code.maths.optimize import (
    convexity_gap,
    gradient_descent,
    min_convexity_gap,
)
from syllabus_code.maths.probability import (
    bayes_posterior,
    bernoulli_log_likelihood,
    bernoulli_mle,
    diagnostic_test_posterior,
    expectation,
    gaussian_log_likelihood,
    gaussian_log_pdf,
    gaussian_mle,
    gaussian_pdf,
    variance,
)

__all__ = [
    # derivatives
    "forward_difference",
    "central_difference",
    "gradient",
    "jacobian",
    "hessian",
    # linear algebra
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
    # probability
    "expectation",
    "variance",
    "bayes_posterior",
    "diagnostic_test_posterior",
    "gaussian_pdf",
    "gaussian_log_pdf",
    "bernoulli_log_likelihood",
    "bernoulli_mle",
    "gaussian_log_likelihood",
    "gaussian_mle",
    # information theory
    "entropy",
    "cross_entropy",
    "kl_divergence",
    "logsumexp",
    "log_softmax",
    "cross_entropy_from_logits",
    # optimisation
    "gradient_descent",
    "convexity_gap",
    "min_convexity_gap",
]
