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
# # Lab 9 — Attention and patch embeddings
#
# Compute scaled dot-product attention by hand and check it against PyTorch's fused kernel, look
# at an attention-weight matrix, measure why the scores are divided by $\sqrt{d_k}$, and verify on
# a real CIFAR-10 image that a ViT's patch embedding is exactly a convolution whose kernel size
# equals its stride.

# %%
import math
import time

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

from syllabus_code.data import load_cifar10_sample
from syllabus_code.models import get_model
from syllabus_code.models.attention import scaled_dot_product_attention
from syllabus_code.models.vit import patch_embed_linear, patchify

torch.set_num_threads(1)
start = time.perf_counter()

# %% [markdown]
# ## 1. Attention by hand
#
# For queries $Q \in \mathbb{R}^{L\times d_k}$, keys $K \in \mathbb{R}^{S\times d_k}$ and values
# $V \in \mathbb{R}^{S\times d_v}$,
#
# $$\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{QK^\top}{\sqrt{d_k}}\right)V,$$
#
# with the softmax taken over the keys, so each of the $L$ rows of weights sums to 1.

# %%
torch.manual_seed(0)
L, S, d_k, d_v = 5, 7, 16, 8
q, k, v = torch.randn(L, d_k), torch.randn(S, d_k), torch.randn(S, d_v)

scores = q @ k.T / math.sqrt(d_k)  # (L, S)
weights = torch.softmax(scores, dim=-1)  # each row sums to 1
out_by_hand = weights @ v  # (L, d_v)

out_torch = F.scaled_dot_product_attention(q[None], k[None], v[None])[0]
out_pkg, w_pkg = scaled_dot_product_attention(q, k, v)
print("row sums of the weights:", weights.sum(-1).numpy().round(6))
print(f"max |by hand - torch SDPA|   = {(out_by_hand - out_torch).abs().max():.1e}")
print(f"max |by hand - syllabus_code| = {(out_by_hand - out_pkg).abs().max():.1e}")

# causal masking: query i may only look at keys 0..i
x = torch.randn(6, d_k)
causal_torch = F.scaled_dot_product_attention(
    x[None], x[None], x[None], is_causal=True
)[0]
causal_pkg, causal_w = scaled_dot_product_attention(x, x, x, is_causal=True)
print(
    f"causal: max |torch - syllabus_code| = {(causal_torch - causal_pkg).abs().max():.1e}"
)

# %% [markdown]
# ## 2. An attention map you can read
#
# Six "words" get hand-made 4-dimensional embeddings: two animals, two colours and two verbs,
# with similar words pointing in similar directions. Using the embeddings themselves as queries
# and keys (no learned projections), each word attends mostly to itself and to its partner.

# %%
words = ["cat", "dog", "red", "blue", "runs", "jumps"]
emb = torch.tensor(
    [
        # animals: cat, dog
        [3.0, 0.3, 0.0, 0.2],
        [2.7, 0.6, 0.1, 0.0],
        # colours: red, blue
        [0.1, 3.0, 0.4, 0.0],
        [0.0, 2.8, 0.8, 0.1],
        # verbs: runs, jumps
        [0.2, 0.0, 0.4, 3.0],
        [0.0, 0.3, 0.1, 2.9],
    ]
)
_, w_words = scaled_dot_product_attention(emb, emb, emb)
# Figure: A 6 by 6 heat map of attention weights, queries in rows and keys in columns,
#   for cat, dog, red, blue, runs and jumps: each word puts almost all its
#   weight on itself and the other word of its group (animals, colours, verbs),
#   about 0.4 to 0.6 each, and about 0.01 on every other word.
fig, ax = plt.subplots(figsize=(4.2, 3.6))
im = ax.imshow(w_words, cmap="viridis", vmin=0, vmax=1)
ax.set_xticks(range(6), words, rotation=45)
ax.set_yticks(range(6), words)
ax.set_xlabel("key")
ax.set_ylabel("query")
for i in range(6):
    for j in range(6):
        ax.text(
            j,
            i,
            f"{w_words[i, j]:.2f}",
            ha="center",
            va="center",
            fontsize=7,
            color="white" if w_words[i, j] < 0.5 else "black",
        )
fig.colorbar(im, ax=ax, fraction=0.046)
fig.tight_layout()

# %% [markdown]
# ## 3. Why divide by $\sqrt{d_k}$?
#
# If the entries of $q$ and $k$ are independent with mean 0 and variance 1, the dot product
# $q\cdot k = \sum_{i=1}^{d_k} q_i k_i$ has variance $d_k$. Without scaling, the scores spread
# further apart as $d_k$ grows, the softmax puts almost all of its weight on one key, and its
# gradient, $\partial p_i/\partial s_j = p_i(\delta_{ij} - p_j)$, vanishes. Dividing by
# $\sqrt{d_k}$ brings the variance back to 1 whatever the width.

# %%
torch.manual_seed(0)
dims = [4, 16, 64, 256, 1024]
n_q, n_k = 200, 32
rows = []
for d in dims:
    qd, kd = torch.randn(n_q, d), torch.randn(n_k, d)
    raw = qd @ kd.T
    for scaled in (False, True):
        s = raw / math.sqrt(d) if scaled else raw
        p = torch.softmax(s, dim=-1)
        # ∂p/∂s for each query
        jac = torch.diag_embed(p) - p[:, :, None] * p[:, None, :]
        rows.append(
            (
                d,
                scaled,
                s.var().item(),
                p.max(-1).values.mean().item(),
                jac.abs().sum((-2, -1)).mean().item(),
            )
        )

print(
    f"{'d_k':>5} {'scaled':>6} {'var(score)':>10} {'mean max weight':>15} {'mean |dp/ds|':>12}"
)
for d, scaled, var, pmax, g in rows:
    print(f"{d:>5} {str(scaled):>6} {var:>10.1f} {pmax:>15.3f} {g:>12.3f}")

# Figure: Two plots against the key dimension d_k from 4 to 1024, unscaled scores
#   against scores divided by √d_k. Left: without scaling the largest softmax
#   weight climbs towards 1 as d_k grows; with scaling it stays low and level.
#   Right: the size of the softmax gradient falls towards 0 without scaling and
#   stays level with it.
fig, axes = plt.subplots(1, 2, figsize=(8, 3))
for scaled, style in ((False, "o-"), (True, "s-")):
    sel = [r for r in rows if r[1] == scaled]
    label = "QKᵀ/√d_k" if scaled else "QKᵀ (unscaled)"
    axes[0].semilogx(
        [r[0] for r in sel], [r[3] for r in sel], style, base=2, label=label
    )
    axes[1].semilogx(
        [r[0] for r in sel], [r[4] for r in sel], style, base=2, label=label
    )
axes[0].set_ylabel("mean largest weight (of 32 keys)")
axes[1].set_ylabel("mean Σ|∂p/∂s| (softmax gradient)")
for ax in axes:
    ax.set_xlabel("d_k")
    ax.legend(fontsize=8)
fig.tight_layout()

# %% [markdown]
# Unscaled, the score variance grows like $d_k$: by $d_k = 256$ the softmax is nearly one-hot
# (largest weight above 0.9) and its Jacobian has shrunk several-fold, so the layer would barely
# learn. Scaled, the variance stays near 1 and both curves stay flat.
#
# ## 4. Patch embedding is a strided convolution
#
# A ViT cuts the image into $p\times p$ patches, flattens each to a vector of $Cp^2$ numbers and
# maps it to $d$ dimensions with one shared matrix $W \in \mathbb{R}^{d\times Cp^2}$ and bias $b$,
# stored output × input as `nn.Linear` and `F.linear` store it, so a row of patches is
# multiplied by $W^\top$.
# A convolution with kernel size $p$ and stride $p$ sees each patch exactly once with the same
# weights, so it computes the same thing. `vit_mini` takes $32\times 32$ RGB images in $8\times 8$
# patches: $16$ tokens of dimension $d = 64$, plus the class token.

# %%
images, labels, names = load_cifar10_sample(train=False)
img = torch.from_numpy(images[:1])  # (1, 3, 32, 32)
torch.manual_seed(0)
vit = get_model("vit_mini", num_classes=10).eval()
conv = vit.conv_proj  # Conv2d(3, 64, kernel_size=8, stride=8)

via_conv = conv(img).flatten(2).transpose(1, 2)  # (1, 16, 64)
patches = patchify(img, 8)  # (1, 16, 3·8·8)
# one linear map per patch
via_matmul = patches @ conv.weight.reshape(64, -1).T + conv.bias
print("patches:", tuple(patches.shape), " tokens:", tuple(via_conv.shape))
print(f"max |conv - patches @ Wᵀ + b|     = {(via_conv - via_matmul).abs().max():.1e}")
print(
    f"max |conv - patch_embed_linear|   = {(via_conv - patch_embed_linear(img, conv)).abs().max():.1e}"
)
with torch.no_grad():
    tokens = vit.tokens(img)
    logits = vit(img)
print("tokens with class token:", tuple(tokens.shape), " logits:", tuple(logits.shape))

# %%
# Figure: Left: a 32 by 32 CIFAR-10 image cut by white lines into a 4 by 4 grid of 8
#   by 8 patches, numbered 0 to 15. Right: the 16 patch tokens as a heat map,
#   one row per patch and 64 columns for the embedding dimensions, from the
#   untrained linear projection.
fig, axes = plt.subplots(1, 2, figsize=(7, 3.3), gridspec_kw={"width_ratios": [1, 1.4]})
axes[0].imshow(img[0].permute(1, 2, 0))
for t in range(8, 32, 8):
    axes[0].axhline(t - 0.5, color="white", linewidth=1)
    axes[0].axvline(t - 0.5, color="white", linewidth=1)
for i in range(16):
    axes[0].text(
        (i % 4) * 8 + 1, (i // 4) * 8 + 2.5, str(i), color="yellow", fontsize=7
    )
axes[0].set_title(f"CIFAR-10 '{names[labels[0]]}', 16 patches", fontsize=9)
axes[0].axis("off")
axes[1].imshow(via_conv[0].detach(), aspect="auto", cmap="coolwarm")
axes[1].set_xlabel("embedding dimension (D = 64)")
axes[1].set_ylabel("patch index")
axes[1].set_title("patch tokens (untrained projection)", fontsize=9)
fig.tight_layout()
print(f"lab ran in {time.perf_counter() - start:.1f} s")
