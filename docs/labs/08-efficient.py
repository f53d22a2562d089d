# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Lab 8 — What efficient architectures save
#
# Count, with real PyTorch layers, how much a depthwise separable convolution saves over a
# standard one, see the MobileNet width multiplier at work, and lay out EfficientNet's compound
# scaling next to the released B0–B7 models. Big models are built on the `meta` device (shapes,
# no storage), so nothing here trains or allocates more than a few megabytes.

# %%
import time

import matplotlib.pyplot as plt
import torch
from torch import nn

from syllabus_code.models import get_model
from syllabus_code.models.efficientnet import VARIANTS, compound_scaling, flops_factor
from syllabus_code.models.mobilenet import (
    separable_conv_params,
    separable_cost_ratio,
    standard_conv_params,
)
from syllabus_code.models.summary import count_macs, count_parameters

torch.set_num_threads(1)
start = time.perf_counter()

# %% [markdown]
# ## 1. Standard versus depthwise separable convolution
#
# A standard $k\times k$ convolution from $C_\text{in}$ to $C_\text{out}$ channels has
# $C_\text{in}k^2C_\text{out}$ weights. The separable version filters each input channel alone
# (depthwise, $C_\text{in}k^2$ weights) and then mixes channels with a $1\times 1$ convolution
# (pointwise, $C_\text{in}C_\text{out}$ weights). The ratio is
#
# $$\frac{C_\text{in}k^2 + C_\text{in}C_\text{out}}{C_\text{in}k^2C_\text{out}} = \frac{1}{C_\text{out}} + \frac{1}{k^2}.$$
#
# With "same" padding and stride 1 both layers visit each of the $H\times W$ output positions once
# per weight, so the MAC ratio is the same number. Check both on real layers (no bias, as in
# MobileNet, where BatchNorm follows every convolution), on a $14\times 14$ input.


# %%
def standard(c_in, c_out, k):
    return nn.Conv2d(c_in, c_out, k, padding=k // 2, bias=False)


def separable(c_in, c_out, k):
    return nn.Sequential(
        nn.Conv2d(c_in, c_in, k, padding=k // 2, groups=c_in, bias=False),  # depthwise
        nn.Conv2d(c_in, c_out, 1, bias=False),  # pointwise
    )


print(
    f"{'C_in':>5} {'C_out':>5} {'k':>2} {'std params':>11} {'sep params':>10} {'std MACs':>11} "
    f"{'sep MACs':>10} {'param ratio':>11} {'MAC ratio':>9} {'1/C_out+1/k²':>12}"
)
for c_in, c_out, k in [
    (32, 64, 3),
    (64, 128, 3),
    (128, 128, 3),
    (256, 256, 3),
    (512, 512, 3),
    (128, 128, 5),
    (128, 128, 7),
]:
    std, sep = standard(c_in, c_out, k), separable(c_in, c_out, k)
    p_std, p_sep = count_parameters(std), count_parameters(sep)
    assert p_std == standard_conv_params(
        c_in, c_out, k
    ) and p_sep == separable_conv_params(c_in, c_out, k)
    m_std = count_macs(std, (1, c_in, 14, 14), device="cpu")
    m_sep = count_macs(sep, (1, c_in, 14, 14), device="cpu")
    print(
        f"{c_in:>5} {c_out:>5} {k:>2} {p_std:>11,} {p_sep:>10,} {m_std:>11,} {m_sep:>10,} "
        f"{p_sep / p_std:>11.4f} {m_sep / m_std:>9.4f} {separable_cost_ratio(c_out, k):>12.4f}"
    )

# %% [markdown]
# Once $C_\text{out}$ is more than a few dozen, the $1/k^2$ term dominates: a $3\times 3$ separable
# layer costs about $1/9$ of a standard one (8–9× cheaper), a $5\times 5$ one about $1/25$.

# %%
c_outs = [8, 16, 32, 64, 128, 256, 512, 1024]
# Figure: Log-log plot of the cost of a depthwise separable layer relative to a
#   standard one against the number of output channels, for kernel sizes 3, 5
#   and 7: the formula's lines and the counts from PyTorch layers (dots)
#   coincide, and each curve falls towards its floor 1/k² (dotted).
fig, ax = plt.subplots(figsize=(6, 3.4))
for k, colour in [(3, "tab:blue"), (5, "tab:orange"), (7, "tab:green")]:
    formula = [separable_cost_ratio(c, k) for c in c_outs]
    measured = [
        count_parameters(separable(16, c, k)) / count_parameters(standard(16, c, k))
        for c in c_outs
    ]
    ax.plot(c_outs, formula, "-", color=colour, label=f"k = {k}: 1/C_out + 1/k²")
    ax.plot(c_outs, measured, "o", color=colour, markersize=4)
    ax.axhline(1 / k**2, color=colour, linestyle=":", linewidth=1)
ax.set_xscale("log", base=2)
ax.set_yscale("log")
ax.set_xlabel("C_out")
ax.set_ylabel("separable / standard cost")
ax.set_title("lines: formula, dots: counted from torch layers (C_in = 16)", fontsize=9)
ax.legend(fontsize=8)
fig.tight_layout()

# %% [markdown]
# ## 2. MobileNet v1 and the width multiplier $\alpha$
#
# The width multiplier thins every layer to $\alpha C$ channels. The pointwise convolutions,
# which hold most of the cost, scale with $C_\text{in}C_\text{out}$, so MACs and parameters fall
# roughly as $\alpha^2$. The MobileNet paper reports 569, 325, 149 and 41 million MACs for
# $\alpha$ = 1, 0.75, 0.5, 0.25 at $224\times 224$.

# %%
print(
    f"{'alpha':>5} {'params (M)':>10} {'MACs (M)':>9} {'MACs / MACs(1.0)':>17} {'alpha²':>7}"
)
base = None
mobilenet_rows = []
for alpha in [1.0, 0.75, 0.5, 0.25]:
    with torch.device("meta"):
        m = get_model("mobilenet_v1", width_mult=alpha)
    p, macs = count_parameters(m), count_macs(m, (1, 3, 224, 224))
    base = base or macs
    mobilenet_rows.append((alpha, p, macs))
    print(
        f"{alpha:>5} {p / 1e6:>10.2f} {macs / 1e6:>9.1f} {macs / base:>17.3f} {alpha**2:>7.3f}"
    )

# %% [markdown]
# The MAC ratio tracks $\alpha^2$, a little above it at small $\alpha$ because the depthwise
# layers scale only with $\alpha$ (and the stem's input stays at 3 channels); the parameter count falls more slowly at small
# $\alpha$ because the final 1000-way classifier ($\alpha\cdot 1024 \times 1000$ weights) only
# shrinks linearly in $\alpha$.
#
# ## 3. EfficientNet compound scaling
#
# EfficientNet scales depth by $\alpha^\phi$, width by $\beta^\phi$ and resolution by
# $\gamma^\phi$, with $\alpha = 1.2$, $\beta = 1.1$, $\gamma = 1.15$ found by a small grid search
# on B0 under the constraint $\alpha\beta^2\gamma^2 \approx 2$: each step of $\phi$ roughly doubles
# the FLOPs. The released B1–B7 did not follow the formula exactly; their hand-picked coefficients
# are in `VARIANTS`. Compare both, with parameters and MACs counted from the models at their own
# resolution.

# %%
print(f"FLOPs factor per unit of phi: alpha·beta²·gamma² = {flops_factor():.3f}")
print(
    f"{'model':<6} {'phi':>3} | {'formula: d':>10} {'w':>5} {'res':>4} | {'released: d':>11} {'w':>4} "
    f"{'res':>4} | {'params (M)':>10} {'MACs (G)':>8}"
)
effnet_rows = []
for phi, (name, v) in enumerate(VARIANTS.items()):
    s = compound_scaling(phi)
    with torch.device("meta"):
        model = get_model(f"efficientnet_{name}")
    p, macs = (
        count_parameters(model),
        count_macs(model, (1, 3, v.resolution, v.resolution)),
    )
    effnet_rows.append((name.upper(), p, macs))
    print(
        f"{name.upper():<6} {phi:>3} | {s.depth:>10.2f} {s.width:>5.2f} {s.image_size:>4} | "
        f"{v.depth:>11.1f} {v.width:>4.1f} {v.resolution:>4} | {p / 1e6:>10.2f} {macs / 1e9:>8.2f}"
    )

# %%
# Figure: Log-log plot of multiply-adds per image against parameters: EfficientNet B0
#   to B7 climb from about 5 million parameters and 0.4 billion multiply-adds to
#   about 66 million and 37 billion; MobileNet v1 at the four width multipliers
#   lies below and to the left, from about 0.5 to 4 million parameters.
fig, ax = plt.subplots(figsize=(5.5, 3.4))
ax.loglog(
    [r[1] / 1e6 for r in effnet_rows],
    [r[2] / 1e9 for r in effnet_rows],
    "o-",
    label="EfficientNet B0–B7",
)
for name, p, macs in effnet_rows:
    ax.annotate(
        name,
        (p / 1e6, macs / 1e9),
        textcoords="offset points",
        xytext=(4, -10),
        fontsize=8,
    )
ax.loglog(
    [r[1] / 1e6 for r in mobilenet_rows],
    [r[2] / 1e9 for r in mobilenet_rows],
    "s--",
    label="MobileNet v1, α = 0.25…1",
)
ax.set_xlabel("parameters (millions)")
ax.set_ylabel("MACs per image (billions)")
ax.legend(fontsize=8)
fig.tight_layout()
print(f"lab ran in {time.perf_counter() - start:.1f} s")

# %% [markdown]
# From B0 to B7 the MACs grow about 100-fold while $\phi$ goes from 0 to 7. With the searched
# constants the formula predicts $(\alpha\beta^2\gamma^2)^7 = 1.92^7 \approx 96$, not the
# idealised $2^7 = 128$; the released depths sit below the formula's, their resolutions close to it.
