"""Gradient descent and a numeric check of convexity (Module 0, optimisation)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from syllabus_code._checks import as_float_array, check_int, check_positive, check_work

__all__ = ["gradient_descent", "convexity_gap", "min_convexity_gap"]


# --8<-- [start:gradient_descent]
def _gradient_descent(grad, x, lr, steps) -> np.ndarray:
    """Vanilla gradient descent \\(\\theta_{t+1} = \\theta_t - \\alpha \\nabla L(\\theta_t)\\).

    Parameters
    ----------
    grad : callable
        Returns \\(\\nabla L\\) at a point, an array of the point's shape.
    x0 : array_like
        Starting point \\(\\theta_0\\) (any shape; a scalar is treated as shape ``(1,)``).
    lr : float
        Learning rate \\(\\alpha > 0\\).
    steps : int
        Number of updates, >= 0.

    Returns
    -------
    numpy.ndarray
        The trajectory, shape ``(steps + 1, *x0.shape)``: row 0 is ``x0``, row t is \\(\\theta_t\\).
        A diverging run is returned as it is (it may contain ``inf``), not stopped or hidden.

    ``gradient_descent`` checks the arguments, then calls this.
    """
    path = np.empty((steps + 1, *x.shape))
    path[0] = x
    # a too-large lr may overflow: show it
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, steps + 1):
            g = np.asarray(grad(x), dtype=np.float64)
            if g.shape != x.shape:
                raise ValueError(
                    f"grad must return an array of shape {x.shape}, got {g.shape}"
                )
            x = x - lr * g
            path[t] = x
    return path


# --8<-- [end:gradient_descent]


def gradient_descent(
    grad: Callable[[np.ndarray], np.ndarray], x0, lr: float, steps: int
) -> np.ndarray:
    """Vanilla gradient descent \\(\\theta_{t+1} = \\theta_t - \\alpha \\nabla L(\\theta_t)\\).

    Parameters
    ----------
    grad : callable
        Returns \\(\\nabla L\\) at a point, an array of the point's shape.
    x0 : array_like
        Starting point \\(\\theta_0\\) (any shape; a scalar is treated as shape ``(1,)``).
    lr : float
        Learning rate \\(\\alpha > 0\\).
    steps : int
        Number of updates, >= 0.

    Returns
    -------
    numpy.ndarray
        The trajectory, shape ``(steps + 1, *x0.shape)``: row 0 is ``x0``, row t is \\(\\theta_t\\).
        A diverging run is returned as it is (it may contain ``inf``), not stopped or hidden.
    """
    if not callable(grad):
        raise TypeError(f"grad must be callable, got {type(grad).__name__}")
    lr = check_positive(lr, "lr")
    steps = check_int(steps, "steps (this loop keeps the whole path)", min=0, max=10**6)
    x = np.atleast_1d(as_float_array(x0, "x0")).copy()
    check_work(
        steps * x.size,
        1e7,
        f"gradient_descent with {steps} steps in {x.size} dimensions",
        "fewer steps, or torch.optim.SGD",
    )
    return _gradient_descent(grad, x, lr, steps)


# --8<-- [start:convexity]
def _convexity_gap(f: Callable[[np.ndarray], float], x, y, t: float) -> float:
    """\\(t f(x) + (1-t) f(y) - f(t x + (1-t) y)\\): the chord minus the function.

    A function is convex exactly when this is \\(\\ge 0\\) for all x, y and all t in [0, 1].

    ``convexity_gap`` checks the arguments, then calls this.
    """
    return float(t * f(x) + (1 - t) * f(y) - f(t * x + (1 - t) * y))


def _min_convexity_gap(f, low, high, dim, samples, seed) -> float:
    """Smallest :func:`convexity_gap` over random x, y in the box [low, high]^dim and t in [0, 1].

    A negative value proves that ``f`` is not convex (it is a counter-example); a value
    \\(\\ge 0\\) is evidence, not a proof, that it is.

    ``min_convexity_gap`` checks the arguments, then calls this.
    """
    rng = np.random.default_rng(seed)
    xs = rng.uniform(low, high, size=(samples, dim))
    ys = rng.uniform(low, high, size=(samples, dim))
    ts = rng.uniform(0, 1, size=samples)
    return min(convexity_gap(f, x, y, t) for x, y, t in zip(xs, ys, ts))


# --8<-- [end:convexity]


def convexity_gap(f: Callable[[np.ndarray], float], x, y, t: float) -> float:
    """\\(t f(x) + (1-t) f(y) - f(t x + (1-t) y)\\): the chord minus the function.

    A function is convex exactly when this is \\(\\ge 0\\) for all x, y and all t in [0, 1].
    """
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    x = as_float_array(x, "x")
    y = as_float_array(y, "y")
    if x.shape != y.shape:
        raise ValueError(
            f"x and y must have the same shape, got {x.shape} and {y.shape}"
        )
    if not 0 <= t <= 1:
        raise ValueError(f"t must be in [0, 1], got {t}")
    return _convexity_gap(f, x, y, t)


def min_convexity_gap(
    f: Callable[[np.ndarray], float],
    low: float,
    high: float,
    dim: int = 1,
    samples: int = 1000,
    seed: int = 0,
) -> float:
    """Smallest :func:`convexity_gap` over random x, y in the box [low, high]^dim and t in [0, 1].

    A negative value proves that ``f`` is not convex (it is a counter-example); a value
    \\(\\ge 0\\) is evidence, not a proof, that it is.
    """
    if not high > low:
        raise ValueError(f"high must be greater than low, got low={low}, high={high}")
    check_int(samples, "samples", min=1, max=10**7)
    return _min_convexity_gap(f, low, high, dim, samples, seed)
