"""Gradient checking: compare an analytic gradient with central differences, in float64.

The numeric side is :func:`syllabus_code.maths.derivatives.gradient`; this module adds the
comparison used by every layer test: the relative error

.. math:: \\mathrm{rel}(a, b) = \\frac{\\max_i |a_i - b_i|}{\\max(\\max_i (|a_i| + |b_i|), 10^{-12})},

which is about 1e-10 for a correct float64 gradient and of order 1 for a wrong one.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from syllabus_code.maths.derivatives import gradient


# --8<-- [start:rel_error]
def _rel_error(a, b) -> float:
    """Largest absolute difference, relative to the size of the two arrays (0 when both are 0).

    ``rel_error`` checks the arguments, then calls this.
    """
    scale = max(float(np.max(np.abs(a) + np.abs(b), initial=0.0)), 1e-12)
    return float(np.max(np.abs(a - b), initial=0.0)) / scale


# --8<-- [end:rel_error]


def rel_error(a, b) -> float:
    """Largest absolute difference, relative to the size of the two arrays (0 when both are 0)."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(
            f"a and b must have the same shape, got {a.shape} and {b.shape}"
        )
    return _rel_error(a, b)


# --8<-- [start:check_gradient]
def check_gradient(
    f: Callable[[np.ndarray], float],
    x: np.ndarray,
    analytic: np.ndarray,
    h: float = 1e-6,
) -> float:
    """Relative error between ``analytic`` and the central-difference gradient of ``f`` at ``x``.

    ``f`` maps an array shaped like ``x`` to a scalar; ``x`` must be float64 (float32 central
    differences carry errors of about 1e-3 and would hide real mistakes).
    """
    x = np.asarray(x)
    if x.dtype != np.float64:
        raise TypeError(f"x must be float64 for a gradient check, got {x.dtype}")
    return rel_error(analytic, gradient(f, x, h=h))


# --8<-- [end:check_gradient]
