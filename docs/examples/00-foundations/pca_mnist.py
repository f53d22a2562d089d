"""PCA of 2,000 MNIST test digits two ways: eigen-decomposition of the covariance, and SVD."""

import numpy as np

from syllabus_code import data
from syllabus_code.maths.linalg import pca, pca_svd

# --8<-- [start:load]
images, labels = data.load_arrays("mnist", train=False)  # (10000, 1, 28, 28) float32
X = images[:2000].reshape(2000, -1).astype(np.float64)  # (2000, 784): one image per row
# --8<-- [end:load]

# --8<-- [start:compare]
by_eigen = pca(X, 50)  # eigenvectors of the (784, 784) covariance
by_svd = pca_svd(X, 50)  # right singular vectors of the centred (2000, 784) data
assert np.allclose(by_eigen.variance, by_svd.variance, rtol=1e-8)
assert np.allclose(by_eigen.components, by_svd.components, atol=1e-6)

cum = np.cumsum(by_eigen.explained_ratio)
print(f"first component explains {by_eigen.explained_ratio[0]:.1%} of the variance")
print(f"50 components explain {cum[-1]:.1%}")

Z = by_eigen.transform(X)  # (2000, 50): 50 numbers per image instead of 784
X_hat = by_eigen.inverse_transform(Z)  # (2000, 784)
print(f"mean squared reconstruction error: {np.mean((X - X_hat) ** 2):.4f}")
# --8<-- [end:compare]
