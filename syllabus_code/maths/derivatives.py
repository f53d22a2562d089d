"""Numeric derivatives by central differences, in float64.

For a scalar function \\(f\\) and a step \\(h\\), the central difference

.. math:: \\frac{\\partial f}{\\partial x_i} \\approx \\frac{f(x + h e_i) - f(x - h e_i)}{2h}

has truncation error of order \\(h^2\\) (the \\(h\\)-term of the Taylor series cancels), against
order \\(h\\) for the one-sided difference. Round-off grows like \\(\\varepsilon / h\\), so the
best step for float64 (\\(\\varepsilon \\approx 2.2\\times 10^{-16}\\)) is near
\\(\\varepsilon^{1/3} \\approx 10^{-5}\\) for first derivatives and near
\\(\\varepsilon^{1/4} \\approx 10^{-4}\\) for second derivatives.

These functions are slow (two evaluations of ``f`` per coordinate) and are meant for checking
analytic gradients, never for training.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from syllabus_code._checks import as_float_array, check_positive

__all__ = [
    "forward_difference",
    "central_difference",
    "gradient",
    "jacobian",
    "hessian",
]


def _check_callable(f, name: str = "f") -> None:
    if not callable(f):
        raise TypeError(f"{name} must be callable, got {type(f).__name__}")


def _scalar(value, name: str = "f") -> float:
    arr = np.asarray(value, dtype=np.float64)
    if arr.size != 1:
        raise ValueError(
            f"{name} must return a scalar, got an array of shape {arr.shape}"
        )
    return float(arr.reshape(()))


# --8<-- [start:one_d]
def _forward_difference(f: Callable[[float], float], x: float, h: float) -> float:
    """One-sided estimate \\((f(x+h) - f(x)) / h\\) of \\(f'(x)\\); error of order \\(h\\).

    ``forward_difference`` checks the arguments, then calls this.
    """
    return (_scalar(f(x + h)) - _scalar(f(x))) / h


def _central_difference(f: Callable[[float], float], x: float, h: float) -> float:
    """Symmetric estimate \\((f(x+h) - f(x-h)) / 2h\\) of \\(f'(x)\\); error of order \\(h^2\\).

    ``central_difference`` checks the arguments, then calls this.
    """
    return (_scalar(f(x + h)) - _scalar(f(x - h))) / (2 * h)


# --8<-- [end:one_d]


def forward_difference(f: Callable[[float], float], x: float, h: float = 1e-5) -> float:
    """One-sided estimate \\((f(x+h) - f(x)) / h\\) of \\(f'(x)\\); error of order \\(h\\)."""
    _check_callable(f)
    h = check_positive(h, "h")
    return _forward_difference(f, x, h)


def central_difference(f: Callable[[float], float], x: float, h: float = 1e-5) -> float:
    """Symmetric estimate \\((f(x+h) - f(x-h)) / 2h\\) of \\(f'(x)\\); error of order \\(h^2\\)."""
    _check_callable(f)
    h = check_positive(h, "h")
    return _central_difference(f, x, h)


# --8<-- [start:gradient]
def _gradient(f: Callable[[np.ndarray], float], x, h: float) -> np.ndarray:
    """Central-difference gradient of a scalar function ``f`` at ``x`` (any shape).

    Parameters
    ----------
    f : callable
        Maps an array shaped like ``x`` to a scalar.
    x : array_like
        The point; converted to a float64 copy, so the caller's array is never modified.
    h : float
        The step, > 0.

    Returns
    -------
    numpy.ndarray
        float64 array of ``x``'s shape: entry ``i`` is \\((f(x + h e_i) - f(x - h e_i)) / 2h\\).

    ``gradient`` checks the arguments, then calls this.
    """
    grad = np.zeros_like(x)
    # views: writing them writes x and grad
    flat_x, flat_g = (x.reshape(-1), grad.reshape(-1))
    for i in range(flat_x.size):
        old = flat_x[i]
        flat_x[i] = old + h
        f_plus = _scalar(f(x))
        flat_x[i] = old - h
        f_minus = _scalar(f(x))
        flat_x[i] = old  # restore before the next coordinate
        flat_g[i] = (f_plus - f_minus) / (2 * h)
    return grad


# --8<-- [end:gradient]


def gradient(f: Callable[[np.ndarray], float], x, h: float = 1e-5) -> np.ndarray:
    """Central-difference gradient of a scalar function ``f`` at ``x`` (any shape).

    Parameters
    ----------
    f : callable
        Maps an array shaped like ``x`` to a scalar.
    x : array_like
        The point; converted to a float64 copy, so the caller's array is never modified.
    h : float
        The step, > 0.

    Returns
    -------
    numpy.ndarray
        float64 array of ``x``'s shape: entry ``i`` is \\((f(x + h e_i) - f(x - h e_i)) / 2h\\).
    """
    _check_callable(f)
    h = check_positive(h, "h")
    x = as_float_array(x, "x").copy()
    return _gradient(f, x, h)


# --8<-- [start:jacobian]
def _jacobian(f: Callable[[np.ndarray], np.ndarray], x, h: float) -> np.ndarray:
    """Central-difference Jacobian of ``f: R^n -> R^m`` at a vector ``x`` of length n.

    Returns the (m, n) matrix \\(J_{ij} = \\partial f_i / \\partial x_j\\); column ``j`` is
    \\((f(x + h e_j) - f(x - h e_j)) / 2h\\). A scalar output counts as m = 1.

    ``jacobian`` checks the arguments, then calls this.
    """
    m = np.asarray(f(x), dtype=np.float64).reshape(-1).size
    jac = np.zeros((m, x.size))
    for j in range(x.size):
        old = x[j]
        x[j] = old + h
        f_plus = np.asarray(f(x), dtype=np.float64).reshape(-1)
        x[j] = old - h
        f_minus = np.asarray(f(x), dtype=np.float64).reshape(-1)
        x[j] = old
        if f_plus.size != m or f_minus.size != m:
            raise ValueError(
                f"f must return the same number of outputs everywhere (expected {m})"
            )
        jac[:, j] = (f_plus - f_minus) / (2 * h)
    return jac


# --8<-- [end:jacobian]


def jacobian(f: Callable[[np.ndarray], np.ndarray], x, h: float = 1e-5) -> np.ndarray:
    """Central-difference Jacobian of ``f: R^n -> R^m`` at a vector ``x`` of length n.

    Returns the (m, n) matrix \\(J_{ij} = \\partial f_i / \\partial x_j\\); column ``j`` is
    \\((f(x + h e_j) - f(x - h e_j)) / 2h\\). A scalar output counts as m = 1.
    """
    _check_callable(f)
    h = check_positive(h, "h")
    x = as_float_array(x, "x", ndim=1).copy()
    return _jacobian(f, x, h)


# --8<-- [start:hessian]
def _hessian(f: Callable[[np.ndarray], float], x, h: float) -> np.ndarray:
    """Central-difference Hessian of a scalar ``f`` at a vector ``x``: an (n, n) symmetric matrix.

    Off-diagonal entries use the four-point formula

    .. math:: H_{ij} \\approx \\frac{f(x+he_i+he_j) - f(x+he_i-he_j) - f(x-he_i+he_j) + f(x-he_i-he_j)}{4h^2},

    the diagonal uses \\((f(x+he_i) - 2f(x) + f(x-he_i)) / h^2\\); the result is symmetrised.

    ``hessian`` checks the arguments, then calls this.
    """
    n = x.size

    def at(steps: dict[int, float]) -> float:
        y = x.copy()
        for k, s in steps.items():
            y[k] += s
        return _scalar(f(y))

    f0 = at({})
    hess = np.zeros((n, n))
    for i in range(n):
        hess[i, i] = (at({i: h}) - 2 * f0 + at({i: -h})) / h**2
        for j in range(i + 1, n):
            val = (
                at({i: h, j: h})
                - at({i: h, j: -h})
                - at({i: -h, j: h})
                + at({i: -h, j: -h})
            ) / (4 * h**2)
            hess[i, j] = hess[j, i] = val
    return hess


# --8<-- [end:hessian]


def hessian(f: Callable[[np.ndarray], float], x, h: float = 1e-4) -> np.ndarray:
    """Central-difference Hessian of a scalar ``f`` at a vector ``x``: an (n, n) symmetric matrix.

    Off-diagonal entries use the four-point formula

    .. math:: H_{ij} \\approx \\frac{f(x+he_i+he_j) - f(x+he_i-he_j) - f(x-he_i+he_j) + f(x-he_i-he_j)}{4h^2},

    the diagonal uses \\((f(x+he_i) - 2f(x) + f(x-he_i)) / h^2\\); the result is symmetrised.
    """
    _check_callable(f)
    h = check_positive(h, "h")
    x = as_float_array(x, "x", ndim=1).copy()
    return _hessian(f, x, h)
