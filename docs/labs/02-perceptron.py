# %% [markdown]
# # Lab — the perceptron
#
# Module 2's lab. We watch the perceptron's decision boundary move with each update, compare
# the number of mistakes with Novikoff's bound $(R/\gamma)^2$ over many data sets, and watch
# it fail on XOR. Everything uses `syllabus_code.ml.perceptron`; the whole notebook runs in a
# few seconds on one CPU core.

# %%
import matplotlib.pyplot as plt
import numpy as np

from syllabus_code.ml.perceptron import (
    augment,
    margin,
    novikoff_bound,
    perceptron_predict,
    separable_data,
    train_perceptron,
    xor_data,
)

# %% [markdown]
# ## 1. The boundary after every update
#
# We replay the learning rule by hand on augmented vectors $\tilde x = (x, 1)$,
# $\tilde w = (w, b)$, keep a copy of the weights after each mistake, and check that we end
# exactly where `train_perceptron` ends.

# %%
w_star, b_star = np.array([1.0, -1.0]), 0.2
X, y = separable_data(60, np.random.default_rng(1), w=w_star, b=b_star, min_margin=0.1)
lr = 1.0
w_aug = np.zeros(3)
snapshots = []
for epoch in range(100):
    mistakes = 0
    for x_aug, yi in zip(augment(X), y):
        if yi * (w_aug @ x_aug) <= 0:
            w_aug = w_aug + lr * yi * x_aug
            snapshots.append(w_aug.copy())
            mistakes += 1
    if mistakes == 0:
        break
result = train_perceptron(X, y, lr=lr)
assert np.allclose(w_aug, np.append(result.w, result.b))
print(f"{len(snapshots)} updates; final w = {np.round(result.w, 3)}, b = {result.b}")


# %%
def draw_line(ax, w, b, **kw):
    t = np.linspace(-1.1, 1.1, 2)
    if abs(w[1]) > 1e-12:
        ax.plot(t, -(w[0] * t + b) / w[1], **kw)
    elif abs(w[0]) > 1e-12:
        ax.axvline(-b / w[0], **kw)


picks = np.unique(np.linspace(0, len(snapshots) - 1, 6).astype(int))
# Figure: Six snapshots of training on the 2-D data, one per panel: the perceptron's
#   boundary (red line), the line that labelled the data (dashed), the two
#   classes as plus signs and open circles, and the misclassified points
#   circled. After the first update most points are wrong; the count falls, not
#   always steadily, to none after the last update.
fig, axes = plt.subplots(1, len(picks), figsize=(3 * len(picks), 3.2), sharey=True)
for ax, k in zip(np.atleast_1d(axes), picks):
    w, b = snapshots[k][:2], snapshots[k][2]
    wrong = perceptron_predict(X, w, b) != y
    ax.scatter(*X[y > 0].T, marker="+", color="tab:blue")
    ax.scatter(*X[y < 0].T, marker="o", facecolor="none", edgecolor="tab:orange")
    ax.scatter(*X[wrong].T, s=120, facecolor="none", edgecolor="red", lw=1.5)
    draw_line(ax, w_star, b_star, color="black", ls="--", lw=1)
    draw_line(ax, w, b, color="tab:red", lw=2)
    ax.set(
        xlim=(-1.1, 1.1),
        ylim=(-1.1, 1.1),
        title=f"after update {k + 1}: {wrong.sum()} wrong",
    )
    ax.set_aspect("equal")
fig.suptitle(
    "Red line: the perceptron's boundary; dashed: the labelling line; circled: misclassified"
)
fig.tight_layout()

# %% [markdown]
# ## 2. Mistakes against Novikoff's bound
#
# For each margin and seed, the bound uses the labelling separator $(w^*, b^*)$, with
# $R = \max_i \|(x_i, 1)\|$ and $\gamma$ measured in the augmented space (the bias counts in
# the norm). The theorem says mistakes $\le (R/\gamma)^2$; we assert it on every run.

# %%
rows = []
for min_margin in (0.01, 0.03, 0.1, 0.3):
    for seed in range(8):
        Xs, ys = separable_data(
            100, np.random.default_rng(seed), w=w_star, b=b_star, min_margin=min_margin
        )
        bound = novikoff_bound(Xs, ys, w_star, b_star)
        r = train_perceptron(Xs, ys, max_epochs=10_000)
        assert r.converged and r.mistakes <= bound
        rows.append((min_margin, margin(Xs, ys, w_star, b_star), bound, r.mistakes))
rows = np.array(rows)
for mm in np.unique(rows[:, 0]):
    sel = rows[rows[:, 0] == mm]
    print(
        f"min margin {mm:4.2f}: gamma {sel[:, 1].mean():.3f}, bound {sel[:, 2].mean():8.1f}, "
        f"mistakes {sel[:, 3].mean():5.1f} (max {sel[:, 3].max():.0f})"
    )

# %%
# Figure: Log-log scatter of the mistakes each run made against its bound (R/γ)²,
#   coloured by the data's margin, with the dashed line where mistakes would
#   equal the bound: every run lies below it, and data with smaller margins need
#   more mistakes and have far larger bounds.
fig, ax = plt.subplots(figsize=(5.5, 3.8))
sc = ax.scatter(rows[:, 2], rows[:, 3], c=np.log10(rows[:, 0]), cmap="viridis")
lim = np.array([1, rows[:, 2].max() * 1.5])
ax.plot(lim, lim, "k--", lw=1, label="mistakes = bound")
ax.set(
    xscale="log",
    yscale="log",
    xlabel="(R/γ)²",
    ylabel="mistakes",
    title="All runs lie below the bound",
)
fig.colorbar(sc, label="log10(min margin)")
ax.legend(frameon=False)
fig.tight_layout()

# %% [markdown]
# ## 3. XOR: never zero errors
#
# No line separates XOR, so every epoch must contain at least one mistake. We check it in the
# table's order and in random orders (reshuffled each epoch, which we do by hand here).

# %%
Xx, yx = xor_data()
r = train_perceptron(Xx, yx, max_epochs=500)
print(
    "fixed order: converged",
    r.converged,
    "| fewest mistakes in an epoch:",
    min(r.errors_per_epoch),
)

rng = np.random.default_rng(0)
w_aug, per_epoch = np.zeros(3), []
for epoch in range(500):
    order = rng.permutation(4)
    mistakes = 0
    for x_aug, yi in zip(augment(Xx)[order], yx[order]):
        if yi * (w_aug @ x_aug) <= 0:
            w_aug = w_aug + yi * x_aug
            mistakes += 1
    per_epoch.append(mistakes)
assert min(per_epoch) >= 1
print(
    "shuffled: fewest mistakes in an epoch:",
    min(per_epoch),
    "| mean:",
    np.mean(per_epoch),
)

# Figure: Mistakes per epoch on XOR for the first 100 epochs: in a fixed order the
#   perceptron makes all 4 mistakes every epoch; shuffled each epoch it
#   sometimes makes 2 or 3, but never 0, so it never settles.
fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(r.errors_per_epoch[:100], label="fixed order")
ax.plot(per_epoch[:100], alpha=0.7, label="shuffled each epoch")
ax.set(
    xlabel="epoch",
    ylabel="mistakes",
    ylim=(0, 4.5),
    title="XOR: the perceptron never settles",
)
ax.legend(frameon=False)
fig.tight_layout()

# %% [markdown]
# ## To try
#
# - Shrink `min_margin` in section 1 towards 0. How do the number of updates and the bound change?
# - Start the perceptron from a non-zero $w$. Does the learning rate still not matter? (The
#   argument on the perceptron page relied on the zero start.)
# - Add a third input $x_1 x_2$ to XOR. Is the new data set linearly separable?
