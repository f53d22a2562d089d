"""One MNIST digit and one CIFAR-10-sample image through each transforms.v2 augmentation."""

import matplotlib.pyplot as plt
import torch
from torchvision.transforms import v2

from syllabus_code.data import load_arrays, load_cifar10_sample


def make_figure():
    digits, _ = load_arrays("mnist", train=False)
    photos, _, _ = load_cifar10_sample(train=False)
    rows = [
        (
            "MNIST digit",
            torch.from_numpy(digits[0]),
            [
                ("original", v2.Identity()),
                (
                    "affine",
                    v2.RandomAffine(
                        degrees=15, translate=(0.1, 0.1), scale=(0.85, 1.15)
                    ),
                ),
                ("contrast", v2.ColorJitter(contrast=(0.4, 0.4))),
                ("noise σ=0.15", v2.GaussianNoise(sigma=0.15, clip=True)),
                (
                    "random erasing",
                    v2.RandomErasing(p=1.0, scale=(0.1, 0.2), value=0.5),
                ),
            ],
        ),
        (
            "CIFAR-10 sample image",
            torch.from_numpy(photos[3]),
            [
                ("original", v2.Identity()),
                (
                    "crop + flip",
                    v2.Compose(
                        [
                            v2.RandomCrop(32, padding=4, padding_mode="reflect"),
                            v2.RandomHorizontalFlip(p=1.0),
                        ]
                    ),
                ),
                (
                    "colour jitter",
                    v2.ColorJitter(brightness=0.3, saturation=0.6, hue=0.08),
                ),
                ("noise σ=0.1", v2.GaussianNoise(sigma=0.1, clip=True)),
                (
                    "random erasing",
                    v2.RandomErasing(p=1.0, scale=(0.1, 0.2), value=0.5),
                ),
            ],
        ),
    ]
    fig, axes = plt.subplots(2, 5, figsize=(8.0, 3.6))
    for r, (label, image, transforms) in enumerate(rows):
        for c, (title, t) in enumerate(transforms):
            torch.manual_seed(3 + c)
            out = t(image).clamp(0, 1)
            ax = axes[r, c]
            if out.shape[0] == 1:
                ax.imshow(out[0].numpy(), cmap="gray", vmin=0, vmax=1)
            else:
                ax.imshow(out.permute(1, 2, 0).numpy())
            ax.set_title(title, fontsize=8)
            ax.set_xticks([])
            ax.set_yticks([])
        axes[r, 0].set_ylabel(label, fontsize=8)
    fig.tight_layout()
    return fig
