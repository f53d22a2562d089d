"""Fix the BLAS/OpenMP thread count from ``--threads N`` before NumPy or PyTorch start their pools.

Import and call :func:`pin_threads` at the top of a benchmark, before importing NumPy/torch.
"""

import os
import sys


def pin_threads(default: int) -> int:
    """Read ``--threads N`` from the command line (else ``default``) and export it to the thread pools."""
    threads = str(default)
    for i, arg in enumerate(sys.argv):
        if arg == "--threads" and i + 1 < len(sys.argv):
            threads = sys.argv[i + 1]
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = threads
    return int(threads)
