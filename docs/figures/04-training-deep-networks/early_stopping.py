"""Training and validation loss of a small MLP over-fitting 100 handwritten digits (scikit-learn's 8×8 set)."""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from threadpoolctl import threadpool_limits

from syllabus_code.numpy_nn import MLP, Optimizer, softmax_cross_entropy
from syllabus_code.numpy_nn.regularization import EarlyStopping


def curves(epochs: int = 400, patience: int = 20):
    x, y = load_digits(return_X_y=True)
    x = x / 16.0  # pixels 0..16 -> [0, 1]
    idx = np.random.default_rng(0).permutation(len(x))
    tr, va = idx[:100], idx[100:700]  # 100 to train on, 600 to validate
    net = MLP([64, 128, 10], activation="relu", seed=0)
    opt = Optimizer("adam", lr=1e-2)
    stopper, stop = EarlyStopping(patience=patience), None
    train, val = [], []
    for epoch in range(epochs):
        loss, grads = net.loss_and_grads(x[tr], y[tr])  # full batch: one step per epoch
        opt.step(net.params, grads)
        train.append(loss)
        val.append(softmax_cross_entropy(net(x[va]), y[va])[0])
        if stopper.step(val[-1]) and stop is None:
            stop = epoch
    return np.array(train), np.array(val), stopper.best_epoch, stop


def make_figure():
    with threadpool_limits(1):  # tiny matrices: threads only add overhead
        train, val, best, stop = curves()
    epochs = np.arange(1, len(train) + 1)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.semilogy(epochs, train, color="tab:blue", label="training loss (100 digits)")
    ax.semilogy(epochs, val, color="tab:orange", label="validation loss (600 digits)")
    ax.axvline(
        best + 1,
        color="tab:green",
        ls="--",
        lw=1,
        label=f"best validation loss, epoch {best + 1}",
    )
    ax.axvline(
        stop + 1,
        color="tab:red",
        ls=":",
        lw=1,
        label=f"stop (patience 20), epoch {stop + 1}",
    )
    ax.set_xlabel("epoch (one full-batch Adam step)")
    ax.set_ylabel("cross-entropy")
    ax.set_title("MLP 64-128-10 over-fitting a small training set")
    ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    return fig
