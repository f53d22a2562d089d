"""1-D convolution and cross-correlation from scratch, for Module 5's convolution page.

What deep-learning libraries call "convolution" is **cross-correlation**: the kernel is *not*
flipped. A true convolution flips the kernel; the two agree once the kernel is flipped. The
2-D layers are in :mod:`syllabus_code.numpy_nn.conv`, which re-exports these two functions.
"""

from __future__ import annotations

import numpy as np

from syllabus_code._checks import as_float_array, check_work

__all__ = ["convolve1d", "correlate1d"]


def _check_1d(f, g, loop_steps, fast: str):
    """Non-empty 1-D arrays, and a loop of ``loop_steps(len f, len g)`` steps that ends soon."""
    f = as_float_array(f, "f", ndim=1)
    g = as_float_array(g, "g", ndim=1)
    if f.size == 0 or g.size == 0:
        raise ValueError(
            f"f and g must be non-empty, got lengths {f.size} and {g.size}"
        )
    check_work(loop_steps(f.size, g.size), 2e6, f"lengths {f.size} and {g.size}", fast)
    return f, g


# --8<-- [start:one_d]
def _convolve1d(f, g) -> np.ndarray:
    """True (full) convolution (f * g)[n] = sum_k f[k] g[n - k], for n = 0 .. len(f)+len(g)-2.

    Same result as ``np.convolve(f, g)``: as n grows, g slides along f *reversed* (the flip).

    ``convolve1d`` checks the arguments, then calls this.
    """
    out = np.zeros(f.size + g.size - 1)
    for n in range(out.size):
        for k in range(f.size):
            if 0 <= n - k < g.size:
                out[n] += f[k] * g[n - k]
    return out


def _correlate1d(f, g) -> np.ndarray:
    """Valid cross-correlation (f ⋆ g)[n] = sum_k f[n + k] g[k]: the kernel g is NOT flipped.

    Output length len(f) - len(g) + 1 (g must fit inside f); equals ``np.correlate(f, g, "valid")``.
    This is the operation CNN layers compute.

    ``correlate1d`` checks the arguments, then calls this.
    """
    out = np.zeros(f.size - g.size + 1)
    for n in range(out.size):
        for k in range(g.size):
            out[n] += f[n + k] * g[k]
    return out


# --8<-- [end:one_d]


def convolve1d(f, g) -> np.ndarray:
    """True (full) convolution (f * g)[n] = sum_k f[k] g[n - k], for n = 0 .. len(f)+len(g)-2.

    Same result as ``np.convolve(f, g)``: as n grows, g slides along f *reversed* (the flip).
    """
    f, g = _check_1d(f, g, lambda m, k: (m + k - 1) * m, "np.convolve(f, g)")
    return _convolve1d(f, g)


def correlate1d(f, g) -> np.ndarray:
    """Valid cross-correlation (f ⋆ g)[n] = sum_k f[n + k] g[k]: the kernel g is NOT flipped.

    Output length len(f) - len(g) + 1 (g must fit inside f); equals ``np.correlate(f, g, "valid")``.
    This is the operation CNN layers compute.
    """
    f, g = _check_1d(
        f, g, lambda m, k: max(m - k + 1, 0) * k, 'np.correlate(f, g, "valid")'
    )
    if g.size > f.size:
        raise ValueError(
            f"kernel g (length {g.size}) is longer than the signal f (length {f.size})"
        )
    return _correlate1d(f, g)
