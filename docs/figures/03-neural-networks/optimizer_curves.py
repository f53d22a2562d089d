"""Training loss of one small MLP under five optimisers (same data, same initial weights)."""

import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.numpy_nn import MLP, Optimizer, iterate_minibatches


def spirals(n=64, seed=0):
    rng = np.random.default_rng(seed)
    t = rng.uniform(0.5, 3.5, n)
    label = rng.integers(0, 2, n)
    angle = t * 1.6 + np.pi * label
    x = np.stack(
        [t * np.cos(angle), t * np.sin(angle)], axis=1
    ) / 2 + 0.05 * rng.standard_normal((n, 2))
    return x, label


def curve(rule, hp, batch, epochs=25):
    x, y = spirals()
    net = MLP([2, 32, 32, 2], activation="tanh", seed=0)
    opt = Optimizer(rule, **hp)
    rng = np.random.default_rng(1)
    losses = []
    for _ in range(epochs):
        for idx in iterate_minibatches(len(x), batch, rng):
            _, grads = net.loss_and_grads(x[idx], y[idx], "softmax_cross_entropy")
            opt.step(net.params, grads)
        losses.append(net.loss_and_grads(x, y, "softmax_cross_entropy")[0])
    return losses


def make_figure():
    runs = [
        ("batch GD (B = 64), α = 0.1", "sgd", {"lr": 0.1}, 64),
        ("SGD (B = 1), α = 0.01", "sgd", {"lr": 0.01}, 1),
        ("mini-batch (B = 16), α = 0.1", "sgd", {"lr": 0.1}, 16),
        (
            "momentum (B = 16), α = 0.1, β = 0.9",
            "momentum",
            {"lr": 0.1, "beta": 0.9},
            16,
        ),
        ("Adam (B = 16), α = 0.01", "adam", {"lr": 0.01}, 16),
    ]
    fig, ax = plt.subplots(figsize=(6.8, 3.8))
    for label, rule, hp, batch in runs:
        ax.plot(np.arange(1, 26), curve(rule, hp, batch), label=label)
    ax.set_yscale("log")
    ax.set_xlabel("epoch (one pass over the 64 points)")
    ax.set_ylabel("training cross-entropy")
    ax.set_title("Two interleaved spirals, MLP 2-32-32-2 (tanh)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig
