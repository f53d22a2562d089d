"""The generic-numerics pass of `make test` really runs under other kernels and one thread.

`make test` runs the fast suite twice: with the machine's default numerics, then with generic
CPU kernels and one thread (``SYLLABUS_NUMERIC=generic``, set with the other variables by the
Makefile's ``GENERIC_ENV``). A page may pin only output that both runs print. This file checks
that the second run is not the first one again: each setting took effect in this process, and
the default configuration of the same machine (a subprocess without those variables) differs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

GENERIC_VARS = (
    "OPENBLAS_CORETYPE",
    "NPY_DISABLE_CPU_FEATURES",
    "ATEN_CPU_CAPABILITY",
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "SYLLABUS_NUMERIC",
)

PROBE = """
import json
import numpy, torch, threadpoolctl
from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
blas = [i for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
print(json.dumps({
    "numpy_simd": [f for f in __cpu_dispatch__ if __cpu_features__.get(f)],
    "blas": [(i["internal_api"], i.get("architecture"), i["num_threads"]) for i in blas],
    "torch_kernels": torch.backends.cpu.get_cpu_capability(),
    "torch_threads": torch.get_num_threads(),
}))
"""

generic_only = pytest.mark.skipif(
    os.environ.get("SYLLABUS_NUMERIC") != "generic",
    reason="checks the generic-numerics pass; `make test-generic` runs it with SYLLABUS_NUMERIC=generic",
)


def numerics(env: dict | None = None) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


@generic_only
def test_generic_settings_took_effect():
    now = numerics(dict(os.environ))
    print("generic:", now)
    assert now["numpy_simd"] == [], (
        "NumPy still dispatches to SIMD kernels beyond its baseline"
    )
    assert now["torch_kernels"] == "DEFAULT" and now["torch_threads"] == 1
    assert now["blas"] and all(threads == 1 for _, _, threads in now["blas"])


@generic_only
def test_generic_differs_from_this_machines_default():
    default_env = {k: v for k, v in os.environ.items() if k not in GENERIC_VARS}
    default, generic = numerics(default_env), numerics(dict(os.environ))
    print("default:", default, "\ngeneric:", generic)
    assert default != generic
    # a machine with SIMD kernels: the pass must avoid them
    if default["torch_kernels"] != "DEFAULT":
        assert generic["torch_kernels"] == "DEFAULT"
    if os.cpu_count() and os.cpu_count() > 1:
        assert default["torch_threads"] > 1 and generic["torch_threads"] == 1
    if default["numpy_simd"]:
        assert generic["numpy_simd"] == []
