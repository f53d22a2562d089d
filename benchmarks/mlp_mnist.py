"""From-scratch NumPy MLP on the full MNIST training set, with the same model in PyTorch as a reference.

Prints test accuracy and wall-clock seconds for both, and their time ratio. Run on 2 cores:

    taskset -c 0,1 .venv/bin/python benchmarks/mlp_mnist.py

Model: 784-256-10 (Module 3's δ-form backprop; He init), ReLU, softmax cross-entropy from logits,
Adam (lr 1e-3, times 0.3 for the last 2 epochs), mini-batches of 128, float32, 6 epochs.
The two runs see the same batches in the same order; only the initial weights differ.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np


def load(npz: str | None):
    if npz:
        with np.load(npz) as z:
            return [z[k] for k in ("x_train", "y_train", "x_test", "y_test")]
    from syllabus_code.data import load_arrays

    xtr, ytr = load_arrays("mnist", train=True)
    xte, yte = load_arrays("mnist", train=False)
    return xtr, ytr, xte, yte


def prepare(x):
    x = np.asarray(x, dtype=np.float32).reshape(len(x), -1)
    if x.max() > 1.5:  # uint8 input
        x = x / np.float32(255.0)
    return (x - np.float32(0.1307)) / np.float32(0.3081)


def lr_at(epoch: int, epochs: int, lr: float) -> float:
    return lr if epoch < epochs - 2 else lr * 0.3


def train_numpy(xtr, ytr, xte, yte, hidden, epochs, batch, lr, seed):
    from syllabus_code.numpy_nn import MLP, Optimizer, iterate_minibatches

    net = MLP(
        [784, *hidden, 10],
        activation="relu",
        output="identity",
        seed=seed,
        dtype=np.float32,
    )
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()
    opt = Optimizer("adam", lr=lr)
    for epoch in range(epochs):
        opt.hparams["lr"] = lr_at(epoch, epochs, lr)
        for idx in iterate_minibatches(len(xtr), batch, rng):
            _, grads = net.loss_and_grads(xtr[idx], ytr[idx], "softmax_cross_entropy")
            opt.step(net.params, grads)
    seconds = time.perf_counter() - t0
    acc = float(np.mean(np.argmax(net(xte), axis=1) == yte))
    return acc, seconds


def train_torch(xtr, ytr, xte, yte, hidden, epochs, batch, lr, seed):
    import torch

    torch.manual_seed(seed)
    sizes = [784, *hidden, 10]
    layers = []
    for i in range(len(sizes) - 1):
        layers += [torch.nn.Linear(sizes[i], sizes[i + 1]), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    X, Y = torch.from_numpy(xtr), torch.from_numpy(ytr)
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()
    for epoch in range(epochs):
        for g in opt.param_groups:
            g["lr"] = lr_at(epoch, epochs, lr)
        order = torch.from_numpy(rng.permutation(len(xtr)))
        for start in range(0, len(xtr), batch):
            idx = order[start : start + batch]
            loss = torch.nn.functional.cross_entropy(model(X[idx]), Y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        acc = float((model(torch.from_numpy(xte)).argmax(1).numpy() == yte).mean())
    return acc, seconds


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--hidden", type=int, nargs="+", default=[256])
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--npz",
        default=None,
        help="MNIST as an npz (x_train, y_train, x_test, y_test) instead of torchvision",
    )
    p.add_argument("--skip-torch", action="store_true")
    p.add_argument(
        "--threads",
        type=int,
        default=None,
        help="BLAS/torch threads (default: the cores this process may use); 1 avoids "
        "thread contention on a machine that other jobs are loading",
    )
    a = p.parse_args(argv)
    import torch
    from threadpoolctl import threadpool_limits

    threads = a.threads or (
        len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count()
    )
    torch.set_num_threads(threads)
    threadpool_limits(threads)  # NumPy's BLAS gets the same number of threads as torch
    xtr, ytr, xte, yte = load(a.npz)
    xtr, xte = prepare(xtr), prepare(xte)
    ytr, yte = np.asarray(ytr, np.int64), np.asarray(yte, np.int64)
    cfg = dict(hidden=a.hidden, epochs=a.epochs, batch=a.batch, lr=a.lr, seed=a.seed)
    print(
        f"MNIST {len(xtr)} train / {len(xte)} test; MLP {[784, *a.hidden, 10]}; {threads} threads; load average {os.getloadavg()[0]:.1f}; "
        f"epochs {a.epochs}, batch {a.batch}, Adam lr {a.lr}"
    )
    acc, sec = train_numpy(xtr, ytr, xte, yte, **cfg)
    print(f"numpy_nn (from scratch): test accuracy {acc:.2%}, training {sec:.1f} s")
    if not a.skip_torch:
        tacc, tsec = train_torch(xtr, ytr, xte, yte, **cfg)
        print(
            f"PyTorch reference:       test accuracy {tacc:.2%}, training {tsec:.1f} s"
        )
        print(f"time ratio numpy_nn / PyTorch: {sec / tsec:.2f}")


if __name__ == "__main__":
    main()
