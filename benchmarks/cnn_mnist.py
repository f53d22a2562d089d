"""A whole CNN in NumPy, trained on MNIST: [Conv -> BatchNorm -> ReLU -> MaxPool] x 2 -> Flatten -> FC -> softmax.

Run (about 2-5 minutes on 2 cores):

    .venv/bin/python benchmarks/cnn_mnist.py [--epochs 3] [--threads 2]

Prints the test accuracy and the wall time. Goal: >= 98.5 % test accuracy. Every layer is the
course's own NumPy code: ``conv2d_forward``/``backward`` (im2col) and ``max_pool_*`` from Module 5,
``softmax_cross_entropy`` and ``adam_update`` from Module 3; batch normalisation is a short
per-channel version written out below (training-mode statistics; running averages for testing).
This is a benchmark script, not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

_threads = "2"
for i, arg in enumerate(sys.argv):
    if arg == "--threads" and i + 1 < len(sys.argv):
        _threads = sys.argv[i + 1]
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = _threads

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from syllabus_code.numpy_nn.conv import conv2d_backward, conv2d_forward  # noqa: E402
from syllabus_code.numpy_nn.losses import softmax_cross_entropy  # noqa: E402
from syllabus_code.numpy_nn.optimizers import adam_update  # noqa: E402
from syllabus_code.numpy_nn.pooling import max_pool_backward, max_pool_forward  # noqa: E402

CHANNELS = (16, 32)   # filters of the two conv blocks
EPS = 1e-5


def bn_forward(x, gamma, beta, running, training, momentum=0.1):
    """Per-channel batch norm of x (N, C, H, W); running = [mean, var] updated in training mode."""
    if training:
        mean, var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3))          # (C,)
        running[0] = (1 - momentum) * running[0] + momentum * mean
        running[1] = (1 - momentum) * running[1] + momentum * var
    else:
        mean, var = running
    inv = (1.0 / np.sqrt(var + EPS)).astype(x.dtype)
    x_hat = (x - mean[None, :, None, None]) * inv[None, :, None, None]
    return gamma[None, :, None, None] * x_hat + beta[None, :, None, None], (x_hat, gamma, inv)


def bn_backward(dout, cache):
    x_hat, gamma, inv = cache
    m = dout.size // dout.shape[1]
    dbeta = dout.sum(axis=(0, 2, 3))
    dgamma = (dout * x_hat).sum(axis=(0, 2, 3))
    g = dout * gamma[None, :, None, None]
    dx = inv[None, :, None, None] / m * (m * g - g.sum(axis=(0, 2, 3))[None, :, None, None]
                                         - x_hat * (g * x_hat).sum(axis=(0, 2, 3))[None, :, None, None])
    return dx, dgamma, dbeta


def init_params(rng):
    p, c_in = {}, 1
    for i, c in enumerate(CHANNELS):
        p[f"w{i}"] = (rng.normal(size=(c, c_in, 3, 3)) * np.sqrt(2.0 / (c_in * 9))).astype(np.float32)  # He
        p[f"b{i}"] = np.zeros(c, np.float32)
        p[f"g{i}"] = np.ones(c, np.float32)
        p[f"be{i}"] = np.zeros(c, np.float32)
        c_in = c
    n_flat = CHANNELS[-1] * 7 * 7
    p["wf"] = (rng.normal(size=(n_flat, 10)) * np.sqrt(1.0 / n_flat)).astype(np.float32)
    p["bf"] = np.zeros(10, np.float32)
    return p


def forward(p, x, running, training):
    caches = []
    h = x                                                        # (N, 1, 28, 28)
    for i in range(len(CHANNELS)):
        h, c_conv = conv2d_forward(h, p[f"w{i}"], p[f"b{i}"], 1, 1)     # (N, C_i, H, W)
        h, c_bn = bn_forward(h, p[f"g{i}"], p[f"be{i}"], running[i], training)
        mask = h > 0
        h = h * mask                                             # ReLU
        h, c_pool = max_pool_forward(h, 2)                       # (N, C_i, H/2, W/2)
        caches.append((c_conv, c_bn, mask, c_pool))
    flat = h.reshape(len(h), -1)                                 # (N, 32*7*7)
    logits = flat @ p["wf"] + p["bf"]                            # (N, 10)
    return logits, (caches, flat, h.shape)


def backward(p, dlogits, cache):
    caches, flat, shape = cache
    g = {"wf": flat.T @ dlogits, "bf": dlogits.sum(axis=0)}
    dh = (dlogits @ p["wf"].T).reshape(shape)
    for i in reversed(range(len(CHANNELS))):
        c_conv, c_bn, mask, c_pool = caches[i]
        dh = max_pool_backward(dh, c_pool) * mask
        dh, g[f"g{i}"], g[f"be{i}"] = bn_backward(dh, c_bn)
        dh, g[f"w{i}"], g[f"b{i}"] = conv2d_backward(dh, c_conv)
    return g


def load():
    from syllabus_code.data import load_arrays
    xtr, ytr = load_arrays("mnist", train=True)
    xte, yte = load_arrays("mnist", train=False)
    norm = lambda a: ((np.asarray(a, np.float32) - 0.1307) / 0.3081).reshape(-1, 1, 28, 28)  # noqa: E731
    return norm(xtr), np.asarray(ytr), norm(xte), np.asarray(yte)


def accuracy(p, x, y, running, batch=1000):
    correct = 0
    for i in range(0, len(x), batch):
        logits, _ = forward(p, x[i:i + batch], running, training=False)
        correct += int((logits.argmax(axis=1) == y[i:i + batch]).sum())
    return correct / len(x)


def train(epochs=3, batch=64, lr=2e-3, seed=0, limit=None, log=print):
    rng = np.random.default_rng(seed)
    xtr, ytr, xte, yte = load()
    if limit:
        xtr, ytr = xtr[:limit], ytr[:limit]
    p = init_params(rng)
    running = [[np.zeros(c, np.float32), np.ones(c, np.float32)] for c in CHANNELS]
    state = {k: None for k in p}
    steps_per_epoch = len(xtr) // batch
    t0 = time.perf_counter()
    for epoch in range(epochs):
        order = rng.permutation(len(xtr))
        step_lr = lr * (0.3 ** epoch)                           # simple step decay per epoch
        loss_sum = 0.0
        for s in range(steps_per_epoch):
            idx = order[s * batch:(s + 1) * batch]
            logits, cache = forward(p, xtr[idx], running, training=True)
            loss, dlogits = softmax_cross_entropy(logits, ytr[idx])
            grads = backward(p, dlogits.astype(np.float32), cache)
            for k in p:
                p[k], state[k] = adam_update(p[k], grads[k].astype(np.float32), state[k], lr=step_lr)
            loss_sum += loss
        log(f"epoch {epoch + 1}: train loss {loss_sum / steps_per_epoch:.4f}, "
            f"{time.perf_counter() - t0:.0f} s so far")
    wall = time.perf_counter() - t0
    return p, running, accuracy(p, xte, yte, running), wall


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N training images")
    args = parser.parse_args()
    print(f"NumPy CNN on MNIST: conv{CHANNELS[0]}-bn-relu-pool, conv{CHANNELS[1]}-bn-relu-pool, fc10; "
          f"{args.epochs} epochs, batch {args.batch}, Adam lr {args.lr}; {args.threads} thread(s), "
          f"{os.cpu_count()} CPUs visible")
    _, _, acc, wall = train(args.epochs, args.batch, args.lr, limit=args.limit)
    print(f"test accuracy: {100 * acc:.2f} %  (goal >= 98.5 %)")
    print(f"training wall time: {wall:.0f} s")


if __name__ == "__main__":
    main()
