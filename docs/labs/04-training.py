# %% [markdown]
# # Lab — gradient norms and initialisation
#
# Module 4's lab. We measure how the gradient's size changes from layer to layer in deep
# networks, follow the activation statistics through 50 layers for several initialisations,
# and check the Xavier and He variances empirically. Everything uses
# `syllabus_code.numpy_nn.init`; the notebook runs in well under a minute on one CPU core.

# %%
import matplotlib.pyplot as plt
import numpy as np
from threadpoolctl import threadpool_limits

from syllabus_code.numpy_nn import init
from syllabus_code.numpy_nn.init import activation_stats, layer_gradient_norms

threadpool_limits(1)  # small matrices: one BLAS thread is fastest

# %% [markdown]
# ## 1. Gradient norms in a 20-layer network
#
# $\lVert \partial L/\partial W^{(l)} \rVert$ after one backward pass at initialisation. The
# sigmoid's derivative is at most 1/4, so its gradients shrink by orders of magnitude towards
# the input; ReLU with He initialisation keeps them level. Try other depths and widths.

# %%
depth = 20
# Figure: Gradient norm of each of 20 layers on a log scale: with sigmoid and Xavier
#   initialisation it shrinks by about twelve orders of magnitude from the last
#   layer back to the first (vanishing gradients), while tanh with Xavier and
#   ReLU with He stay level.
fig, ax = plt.subplots(figsize=(7, 4))
for act, scheme, std in [
    ("sigmoid", "xavier_normal", None),
    ("tanh", "xavier_normal", None),
    ("relu", "he_normal", None),
]:
    norms = layer_gradient_norms(depth, 64, act, scheme, std=std)
    label = f"{act}, {scheme if std is None else f'N(0, {std}²)'}"
    ax.semilogy(np.arange(1, depth + 1), norms, "o-", ms=3, label=label)
    print(f"{label:28s} first/last layer gradient norm: {norms[0] / norms[-1]:.2e}")
ax.set_xlabel("layer")
ax.set_ylabel("gradient norm")
ax.legend()
plt.show()

# %% [markdown]
# ## 2. The gradient ratio as depth grows
#
# For the sigmoid network the ratio first/last should fall roughly geometrically with depth,
# so its logarithm should be close to a straight line in the depth.

# %%
depths = [4, 8, 12, 16, 20, 24]
ratios = {act: [] for act in ("sigmoid", "relu")}
for d in depths:
    ratios["sigmoid"].append(
        layer_gradient_norms(d, 64, "sigmoid", "xavier_normal")[[0, -1]]
    )
    ratios["relu"].append(layer_gradient_norms(d, 64, "relu", "he_normal")[[0, -1]])
for act, pairs in ratios.items():
    r = np.array([a / b for a, b in pairs])
    slope = np.polyfit(depths, np.log10(r), 1)[0]
    print(f"{act:8s} log10(first/last) per extra layer: {slope:+.2f}")

# %% [markdown]
# ## 3. Activation statistics through 50 layers

# %%
# Figure: Standard deviation of the activations through 50 layers, log scale, for four
#   initialisations. Left, tanh: Xavier, He and N(0, 0.2²) stay within about an
#   order of magnitude of 1 (Xavier slowly shrinking), while N(0, 0.01²)
#   collapses towards 0. Right, ReLU: He stays near 1, Xavier shrinks steadily,
#   N(0, 0.2²) grows without bound and N(0, 0.01²) collapses.
fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
for ax, act, runs in [
    (
        axes[0],
        "tanh",
        [
            ("xavier_normal", None),
            ("he_normal", None),
            ("normal", 0.01),
            ("normal", 0.2),
        ],
    ),
    (
        axes[1],
        "relu",
        [
            ("he_normal", None),
            ("xavier_normal", None),
            ("normal", 0.01),
            ("normal", 0.2),
        ],
    ),
]:
    for scheme, std in runs:
        s = activation_stats(50, 128, act, scheme, std=std, n=200)
        ax.semilogy(
            np.arange(1, 51), s, label=scheme if std is None else f"N(0, {std}²)"
        )
    ax.set_title(act)
    ax.set_xlabel("layer")
    ax.set_ylim(1e-20, 1e20)
    ax.legend()
axes[0].set_ylabel("std of activations")
plt.show()

# %% [markdown]
# ## 4. The variances, checked empirically
#
# The sample variance of many draws should match $2/(n_\text{in}+n_\text{out})$ (Xavier) and
# $2/n_\text{in}$ (He) to about $\sqrt{2/n}$ relative error.

# %%
for fan_in, fan_out in [(784, 256), (256, 10), (64, 64)]:
    for scheme in ("xavier_uniform", "xavier_normal", "he_normal", "he_uniform"):
        w = init.initialize(scheme, fan_in, fan_out, rng=0)
        want = init.init_variance(scheme, fan_in, fan_out)
        assert abs(w.var() / want - 1) < 5 * np.sqrt(2 / w.size), scheme
    print(
        f"({fan_in}, {fan_out}): all four schemes within 5 standard errors of their formula"
    )

# %% [markdown]
# ## Things to try
#
# - Put the sigmoid network on He initialisation: does a larger weight scale rescue it?
# - Make the ReLU network 100 layers deep with He normal and with $\mathcal N(0, (1.1\sqrt{2/n})^2)$:
#   how far off can the scale be before the signal explodes?
# - Replace ReLU by leaky ReLU (`"leaky_relu"`) and check whether He's factor 2 is still right.
