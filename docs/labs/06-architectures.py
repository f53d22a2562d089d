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
# # Lab 6 — Landmark CNN architectures, layer by layer
#
# Build the Module 6 networks from `syllabus_code.models`, read their per-layer shape tables,
# and compare how many parameters and multiply-accumulates (MACs) each one needs. Then check
# numerically why a residual block keeps gradients alive: its Jacobian is $I + \partial F/\partial x$.
#
# The big models are built on PyTorch's `meta` device: tensors with a shape but no storage, so
# VGG-11's 133 million weights are never allocated and a 224×224 "forward pass" costs no arithmetic.

# %%
import time

import matplotlib.pyplot as plt
import torch
from torch import nn

from syllabus_code.models import get_model
from syllabus_code.models.summary import count_macs, count_parameters, layer_table

torch.set_num_threads(1)
start = time.perf_counter()

# %% [markdown]
# ## 1. LeNet-5: every shape, every parameter
#
# A convolution with $C_\text{in}$ input channels, $C_\text{out}$ filters of size $k\times k$ and a
# bias has $C_\text{out}(C_\text{in}k^2 + 1)$ parameters; a linear layer from $n$ to $m$ units has
# $m(n+1)$. Check the table against those formulas: conv1 has $6(1\cdot 25+1) = 156$.

# %%
lenet = get_model("lenet5")  # the paper's 32×32 input, tanh, average pooling
print(layer_table(lenet, (1, 1, 32, 32), depth=2, device="cpu"))

# %% [markdown]
# ## 2. ResNet-18 stage by stage
#
# At `depth=1` each row is a whole stage. The spatial size halves at the stem, the max-pool and
# the first block of `layer2`–`layer4`, while the channels double: $224 \to 7$ after a total
# stride of 32.

# %%
with torch.device("meta"):
    resnet18 = get_model("resnet18")
print(layer_table(resnet18, (1, 3, 224, 224), depth=1))

# %% [markdown]
# ## 3. Parameters and MACs side by side
#
# MACs are counted by `torch.utils.flop_counter` (convolutions and matrix products only; BN, ReLU,
# pooling and additions are free in this count). LeNet-5 runs on $32\times 32$ grey images, the
# others on $224\times 224$ RGB images.

# %%
specs = [
    ("LeNet-5", "lenet5", (1, 1, 32, 32)),
    ("AlexNet", "alexnet", (1, 3, 224, 224)),
    ("VGG-11", "vgg11", (1, 3, 224, 224)),
    ("ResNet-18", "resnet18", (1, 3, 224, 224)),
    ("DenseNet-121", "densenet121", (1, 3, 224, 224)),
]
rows = []
for label, name, size in specs:
    with torch.device("meta"):
        model = get_model(name)
    rows.append((label, count_parameters(model), count_macs(model, size)))

print(f"{'model':<13} {'params (M)':>11} {'MACs (M)':>9} {'MACs per param':>15}")
for label, p, m in rows:
    print(f"{label:<13} {p / 1e6:>11.2f} {m / 1e6:>9,.1f} {m / p:>15.1f}")

# %%
# Figure: Two bar charts on log scales for LeNet-5, AlexNet, VGG-11, ResNet-18 and
#   DenseNet-121: parameters (left) from under 0.1 million for LeNet-5 to over
#   100 million for VGG-11, and multiply-adds per image (right), where VGG-11
#   costs the most and LeNet-5 under a million.
fig, axes = plt.subplots(1, 2, figsize=(9, 3.2))
labels = [r[0] for r in rows]
axes[0].bar(labels, [r[1] / 1e6 for r in rows], color="tab:blue")
axes[0].set_ylabel("parameters (millions, log scale)")
axes[1].bar(labels, [r[2] / 1e6 for r in rows], color="tab:orange")
axes[1].set_ylabel("MACs per image (millions, log scale)")
for ax in axes:
    ax.set_yscale("log")
    ax.tick_params(axis="x", rotation=30)
fig.tight_layout()

# %% [markdown]
# Two different stories: VGG-11 has the most parameters *and* the most MACs (wide 3×3 convolutions
# at full resolution plus huge fully connected layers), AlexNet has many parameters (mostly in
# its classifier) but few MACs, and DenseNet-121 is the opposite — under 8 M parameters, yet
# more MACs than ResNet-18, because every layer re-reads the growing concatenated stack. The
# last column, MACs per parameter, is how often each weight is reused per image: it grows as
# the fully connected layers shrink and the convolutions take over.
#
# ## 4. The residual gradient, numerically
#
# For a block $y = x + F(x)$ the chain rule gives $\partial y/\partial x = I + \partial F/\partial x$.
# Take a tiny block on 4 features and compare the Jacobian autograd computes with $I + J_F$.

# %%
torch.manual_seed(0)
F = nn.Sequential(nn.Linear(4, 4), nn.Tanh(), nn.Linear(4, 4)).double()
x = torch.randn(4, dtype=torch.float64)
J_block = torch.autograd.functional.jacobian(lambda v: v + F(v), x)
J_F = torch.autograd.functional.jacobian(F, x)
print("dy/dx =\n", J_block.numpy().round(3))
print(
    "max |dy/dx - (I + dF/dx)| =",
    f"{(J_block - (torch.eye(4, dtype=torch.float64) + J_F)).abs().max():.1e}",
)

# %% [markdown]
# Now stack 30 such blocks with small weights (as at initialisation) and measure the norm of the
# gradient that reaches the input. Without the skip the product of 30 small Jacobians shrinks
# geometrically; with it each factor stays close to $I$ and the gradient survives.


# %%
def input_grad_norm(depth: int, residual: bool, scale: float = 0.3) -> float:
    torch.manual_seed(1)
    blocks = []
    for _ in range(depth):
        lin = nn.Linear(16, 16).double()
        nn.init.normal_(lin.weight, std=scale / 16**0.5)
        blocks.append(nn.Sequential(lin, nn.Tanh()))
    h = x0 = torch.randn(16, dtype=torch.float64, requires_grad=True)
    for block in blocks:
        h = h + block(h) if residual else block(h)
    h.sum().backward()
    return x0.grad.norm().item()


depths = [1, 5, 10, 20, 30]
plain = [input_grad_norm(d, False) for d in depths]
resid = [input_grad_norm(d, True) for d in depths]
for d, p, r in zip(depths, plain, resid):
    print(f"depth {d:>2}: plain {p:.2e}   residual {r:.2e}")

# Figure: Norm of the gradient reaching the input against the number of blocks, log
#   scale: through plain blocks it falls by over fifteen orders of magnitude by
#   30 blocks; through residual blocks it stays about constant.
fig, ax = plt.subplots(figsize=(5, 3))
ax.semilogy(depths, plain, "o-", label="plain: h = F(h)")
ax.semilogy(depths, resid, "s-", label="residual: h = h + F(h)")
ax.set_xlabel("number of blocks")
ax.set_ylabel("‖∂L/∂x‖")
ax.legend()
fig.tight_layout()
print(f"lab ran in {time.perf_counter() - start:.1f} s")
