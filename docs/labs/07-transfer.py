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
# # Lab 7 — Transfer learning and mixing augmentations
#
# A small version of the Module 7 experiment that runs in well under a minute on one core:
# pretrain LeNet-5 on 3,000 MNIST digits, move it to Fashion-MNIST with 30 labels per class,
# and compare feature extraction, fine-tuning, full retraining and training from scratch.
# Then look at mixup and CutMix on real digits. The full-size run is
# `benchmarks/transfer_fashion.py`; its measured table is on the transfer-learning page.

# %%
import time

import matplotlib.pyplot as plt
import torch

from syllabus_code.augment import cutmix, mixup
from syllabus_code.models import get_model
from syllabus_code.train import ArrayDataset, TrainConfig, fit, prepare_data
from syllabus_code.transfer import compare_strategies

torch.set_num_threads(1)
start = time.perf_counter()


def lenet():
    return get_model("lenet5", activation="relu", pool="max", input_size=28)


# %% [markdown]
# ## 1. Pretrain on MNIST

# %%
mnist = prepare_data("mnist", True, limit=3000)
mnist_test = prepare_data("mnist", False)
mnist_test = ArrayDataset(mnist_test.images[:2000], mnist_test.labels[:2000])
torch.manual_seed(0)
backbone = lenet()
h = fit(
    TrainConfig(epochs=3, lr=3e-3, progress=False, device="cpu"),
    model=backbone,
    train_set=mnist,
    test_set=mnist_test,
)
print(
    f"MNIST test accuracy after pretraining on 3,000 digits: {h['epochs'][-1]['test_acc']:.3f}"
)

# %% [markdown]
# ## 2. Transfer to Fashion-MNIST with 30 labels per class

# %%
fashion = prepare_data("fashion-mnist", True)
picked = torch.cat([torch.nonzero(fashion.labels == k)[:30, 0] for k in range(10)])
few = ArrayDataset(fashion.images[picked], fashion.labels[picked])
test = prepare_data("fashion-mnist", False)
test = ArrayDataset(test.images[:2000], test.labels[:2000])
results = compare_strategies(
    backbone, few, test, epochs=15, lr=3e-3, batch_size=32, make_scratch=lenet
)
for name, r in results.items():
    print(f"{name:<19} accuracy {r['test_acc']:.3f}  trainable {r['trainable']:>6,}")

# %%
# Figure: Horizontal bars of Fashion-MNIST test accuracy, on a scale from 0 to 1, for
#   the four strategies: feature extraction, fine-tuning, full training from the
#   pretrained weights and training from scratch (the table above gives the
#   values).
fig, ax = plt.subplots(figsize=(6, 2.8))
ax.barh(list(results), [r["test_acc"] for r in results.values()], color="tab:blue")
ax.set_xlabel("Fashion-MNIST accuracy (2,000 test images)")
ax.set_xlim(0, 1)
ax.invert_yaxis()
fig.tight_layout()

# %% [markdown]
# With 300 labels the differences are noisy (change the seed and see), but the pattern of the
# benchmark usually shows: frozen digit features are a weak basis for clothes.
#
# ## 3. Mixup and CutMix on real digits

# %%
x, y = mnist.images[:4], mnist.labels[:4]
g = torch.Generator().manual_seed(1)
mx, my, lam = mixup(x, y, 10, alpha=1.0, generator=g)
cx, cy, lam_kept, box = cutmix(x, y, 10, alpha=1.0, generator=g)
# Figure: A grid of digits: the top row shows four original images with their labels,
#   the middle row their mixup blends (two images overlaid, titled with the two
#   classes' weights) and the bottom row their CutMix versions (a rectangle
#   pasted from another image, titled the same way).
fig, axes = plt.subplots(3, 4, figsize=(6, 4.8))
for i in range(4):
    for row, (imgs, labels, name) in enumerate(
        [(x, None, "original"), (mx, my, "mixup"), (cx, cy, "CutMix")]
    ):
        ax = axes[row, i]
        ax.imshow(imgs[i, 0], cmap="gray")
        ax.set_xticks([])
        ax.set_yticks([])
        if labels is None:
            ax.set_title(f"label {y[i].item()}", fontsize=8)
        else:
            top = labels[i].topk(2)
            ax.set_title(
                " + ".join(
                    f"{w:.2f}·{k}"
                    for w, k in zip(top.values.tolist(), top.indices.tolist())
                ),
                fontsize=8,
            )
        if i == 0:
            ax.set_ylabel(name, fontsize=8)
fig.tight_layout()
print(f"mixup lambda {lam:.3f}; CutMix lambda' {lam_kept:.3f} with box {box}")
print(f"lab ran in {time.perf_counter() - start:.0f} s")
