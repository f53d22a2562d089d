"""Convolution speed: naive loops vs im2col (NumPy) vs torch.nn.functional.conv2d, forward + backward.

Run:  .venv/bin/python benchmarks/conv_speed.py [--threads 1] [--repeats 5]

Prints measured times (median of ``--repeats`` runs) and the ratios fast/torch and naive/torch.
Both libraries use float32 and the same number of threads (OMP/OpenBLAS/MKL pinned before import,
and ``torch.set_num_threads``). The im2col and PyTorch steps are timed **alternately** in one loop,
so both see the same machine load, and each is timed twice: CPU time of this process
(``time.process_time``, which a busy shared machine inflates far less than wall time) and wall
time. The ratio column is the median over the repeats of the paired ratio im2col / PyTorch.
The naive loop version is far too slow for the CIFAR block, so it is timed on a slice of the
batch (``--naive-batch``; 0 skips it) and scaled linearly to the full batch; the table says so.
This is a benchmark script, not a test.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

from _threads import pin_threads  # this folder is on sys.path when run as a script

pin_threads(1)  # before NumPy / PyTorch start their thread pools

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from syllabus_code.numpy_nn.conv import (  # noqa: E402
    conv2d_backward,
    conv2d_forward,
    conv2d_naive_backward,
    conv2d_naive_forward,
)

CASES = {  # name: (N, C, H, W, F, k, stride, padding)
    "LeNet C1 (64x1x28x28, 6 filters 5x5)": (64, 1, 28, 28, 6, 5, 1, 0),
    "CIFAR block (32x64x32x32, 64 filters 3x3, pad 1)": (32, 64, 32, 32, 64, 3, 1, 1),
}


def paired_times(fns: dict, repeats: int) -> dict:
    """{name: (cpu_times, wall_times)} of the callables in ``fns``, run in turn in each repeat."""
    for fn in fns.values():
        fn()  # warm-up (allocations, thread pools, oneDNN primitive creation)
    times = {name: ([], []) for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            c0, t0 = time.process_time(), time.perf_counter()
            fn()
            times[name][0].append(time.process_time() - c0)
            times[name][1].append(time.perf_counter() - t0)
    return {name: (np.array(c), np.array(w)) for name, (c, w) in times.items()}


def numpy_step(forward, backward, x, w, b, s, p):
    def run():
        out, cache = forward(x, w, b, s, p)
        backward(np.ones_like(out), cache)

    return run


def torch_step(x, w, b, s, p):
    xt, wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, w, b))

    def run():
        for t in (xt, wt, bt):
            t.grad = None
        out = F.conv2d(xt, wt, bt, stride=s, padding=p)
        out.backward(torch.ones_like(out))

    return run


def cpu_name() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--naive-batch",
        type=int,
        default=1,
        help="images timed for the naive version (0: skip it)",
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"machine: {cpu_name()}, {os.cpu_count()} logical CPUs, load average {load:.1f} at start; "
        f"threads used: {args.threads}"
    )
    print(
        f"numpy {np.__version__}, torch {torch.__version__} (oneDNN: {torch.backends.mkldnn.is_available()}); "
        f"float32; forward + backward; median of {args.repeats} alternating runs"
    )
    print()
    header = (
        f"{'case':50s} {'clock':5s} {'naive (s)':>10s} {'fast (s)':>9s} {'torch (s)':>9s} "
        f"{'fast/torch':>10s} {'naive/torch':>11s}"
    )
    print(header)
    print("-" * len(header))
    rng = np.random.default_rng(0)
    for name, (N, C, H, W, Fn, k, s, p) in CASES.items():
        x = rng.normal(size=(N, C, H, W)).astype(np.float32)
        w = (rng.normal(size=(Fn, C, k, k)) / np.sqrt(C * k * k)).astype(np.float32)
        b = np.zeros(Fn, dtype=np.float32)
        times = paired_times(
            {
                "fast": numpy_step(conv2d_forward, conv2d_backward, x, w, b, s, p),
                "torch": torch_step(x, w, b, s, p),
            },
            args.repeats,
        )
        nb = min(args.naive_batch, N)
        naive = (
            paired_times(
                {
                    "naive": numpy_step(
                        conv2d_naive_forward, conv2d_naive_backward, x[:nb], w, b, s, p
                    )
                },
                1,
            )["naive"]
            if nb
            else None
        )
        for clock, i in (("cpu", 0), ("wall", 1)):
            fast, ref = times["fast"][i], times["torch"][i]
            t_naive = float(np.median(naive[i])) * N / nb if nb else float("nan")
            print(
                f"{name if i == 0 else '':50s} {clock:5s} {t_naive:10.3f} {np.median(fast):9.4f} "
                f"{np.median(ref):9.4f} {np.median(fast / ref):10.2f} {t_naive / np.median(ref):11.0f}"
            )
    print()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"naive timed on {args.naive_batch} image(s) and scaled linearly to the batch size; "
        f"load average {load:.1f} at the end."
    )


if __name__ == "__main__":
    main()
