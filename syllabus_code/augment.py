"""Data augmentation: a torchvision ``transforms.v2`` pipeline, and mixup and CutMix from their definitions.

* mixup [Zhang et al., 2018]: draw \\(\\lambda \\sim \\mathrm{Beta}(\\alpha, \\alpha)\\), then
  \\(\\tilde x = \\lambda x_i + (1-\\lambda) x_j\\) and \\(\\tilde y = \\lambda y_i + (1-\\lambda) y_j\\)
  (one-hot labels), for a partner \\(j\\) of each \\(i\\) in the batch.
* CutMix [Yun et al., 2019]: draw \\(\\lambda\\) the same way, cut a box whose area is a fraction
  \\(1-\\lambda\\) of the image (sides \\(\\sqrt{1-\\lambda}\\,W\\) and \\(\\sqrt{1-\\lambda}\\,H\\)) at a
  uniform random centre, paste the partner's pixels into it, and weight the labels by the areas
  actually kept: after clipping the box to the image, \\(\\lambda' = 1 - \\text{box area}/(WH)\\).

The partner of sample ``i`` is sample ``i - 1`` (the batch rolled by one), as in torchvision,
unless a ``partner`` index is given (the papers use a random permutation; a shuffled batch makes
the two the same thing).
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from ._checks import check_int, check_number, check_positive

__all__ = [
    "augmentation_pipeline",
    "cutmix",
    "cutmix_box",
    "mixup",
    "one_hot",
    "sample_lambda",
    "soft_cross_entropy",
]


def _check_batch(x, y, num_classes):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError(
            f"x must be a (N, C, H, W) tensor, got {getattr(x, 'shape', type(x).__name__)}"
        )
    if not isinstance(y, torch.Tensor) or y.shape[:1] != x.shape[:1]:
        raise ValueError(
            f"y must be a tensor with one label per image ({x.shape[0]}), got {getattr(y, 'shape', y)}"
        )
    check_int(num_classes, "num_classes", min=2, max=10**6)


def _check_lam(lam) -> float:
    return check_number(lam, "lam", 0.0, 1.0)


def _check_center(center, height: int, width: int) -> tuple[int, int]:
    """A pixel (cy, cx) inside the image: a box centred outside it would paste nothing."""
    if not isinstance(center, (tuple, list)) or len(center) != 2:
        raise TypeError(f"center must be a pair (cy, cx), got {center!r}")
    return (
        check_int(center[0], "center[0] (row)", 0, height - 1),
        check_int(center[1], "center[1] (column)", 0, width - 1),
    )


def _check_partner(n: int, partner) -> None:
    if partner is not None and (
        not isinstance(partner, torch.Tensor)
        or partner.shape != (n,)
        or partner.is_floating_point()
        or (n and (partner.min() < 0 or partner.max() >= n))
    ):
        raise ValueError(
            f"partner must be an integer tensor of shape ({n},) with indices in [0, {n - 1}]"
        )


# --8<-- [start:mixup]
def _sample_lambda(alpha: float, generator: torch.Generator | None) -> float:
    """λ ~ Beta(α, α), drawn from torch's global random stream (``torch.manual_seed`` repeats it).

    ``torch.distributions`` takes no generator, so with a ``generator`` a seed is drawn from it
    and the Beta draw is made in a forked stream: repeatable, and the global stream is untouched.

    ``sample_lambda`` checks the arguments, then calls this.
    """
    a = torch.tensor(alpha, dtype=torch.float64)
    beta = torch.distributions.Beta(a, a)
    if generator is None:
        return float(beta.sample())
    seed = int(torch.randint(2**62, (1,), generator=generator))
    with torch.random.fork_rng(devices=[]):  # restores the CPU stream afterwards
        torch.default_generator.manual_seed(seed)
        return float(beta.sample())


def one_hot(y: torch.Tensor, num_classes: int) -> torch.Tensor:
    """Integer labels (N,) as float rows (N, num_classes); rows that are already soft pass through."""
    return y.float() if y.ndim == 2 else F.one_hot(y, num_classes).float()


def _partner(n: int, partner: torch.Tensor | None) -> torch.Tensor:
    if partner is None:
        return (torch.arange(n) - 1) % n  # i is mixed with i - 1
    return partner


def _mixup(x, y, num_classes, lam, partner) -> tuple[torch.Tensor, torch.Tensor, float]:
    """Mixed images, mixed (soft) labels and the λ used: x̃ = λ x + (1-λ) x[partner].

    ``mixup`` checks the arguments, then calls this.
    """
    j = _partner(x.shape[0], partner)
    t = one_hot(y, num_classes)
    return lam * x + (1.0 - lam) * x[j], lam * t + (1.0 - lam) * t[j], lam


# --8<-- [end:mixup]


def sample_lambda(alpha: float, generator: torch.Generator | None = None) -> float:
    """λ ~ Beta(α, α), drawn from torch's global random stream (``torch.manual_seed`` repeats it).

    ``torch.distributions`` takes no generator, so with a ``generator`` a seed is drawn from it
    and the Beta draw is made in a forked stream: repeatable, and the global stream is untouched.
    """
    alpha = check_positive(alpha, "alpha")
    return _sample_lambda(alpha, generator)


def mixup(
    x: torch.Tensor,
    y: torch.Tensor,
    num_classes: int,
    alpha: float = 1.0,
    *,
    lam: float | None = None,
    partner: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor, float]:
    """Mixed images, mixed (soft) labels and the λ used: x̃ = λ x + (1-λ) x[partner]."""
    _check_batch(x, y, num_classes)
    lam = sample_lambda(alpha, generator) if lam is None else _check_lam(lam)
    _check_partner(x.shape[0], partner)
    return _mixup(x, y, num_classes, lam, partner)


# --8<-- [start:cutmix]
def _cutmix_box(lam, height, width, cy, cx) -> tuple[int, int, int, int]:
    """The box ``(x1, y1, x2, y2)`` (pixel bounds, x2/y2 exclusive) for ratio λ around ``center = (cy, cx)``.

    Unclipped, its sides are √(1-λ)·W by √(1-λ)·H (area fraction 1-λ); the half-sides are rounded
    down to whole pixels (as torchvision does) and the box is clipped to the image.

    ``cutmix_box`` checks the arguments, then calls this.
    """
    r = math.sqrt(1.0 - lam)
    half_w, half_h = int(0.5 * r * width), int(0.5 * r * height)
    x1, x2 = max(cx - half_w, 0), min(cx + half_w, width)
    y1, y2 = max(cy - half_h, 0), min(cy + half_h, height)
    return x1, y1, x2, y2


def _cutmix(
    x, y, num_classes, lam, center, partner, generator
) -> tuple[torch.Tensor, torch.Tensor, float, tuple[int, int, int, int]]:
    """CutMix a batch: returns images, soft labels, the label weight λ' of the kept image, and the box.

    λ' = 1 - (box area)/(H·W) is recomputed from the *clipped* box, so the label weights always
    equal the fractions of pixels that come from each image.

    ``cutmix`` checks the arguments, then calls this.
    """
    h, w = x.shape[-2:]
    if center is None:
        center = (
            int(torch.randint(h, (1,), generator=generator)),
            int(torch.randint(w, (1,), generator=generator)),
        )
    x1, y1, x2, y2 = cutmix_box(lam, h, w, center)
    j = _partner(x.shape[0], partner)
    out = x.clone()
    out[..., y1:y2, x1:x2] = x[j][..., y1:y2, x1:x2]
    lam_kept = 1.0 - (x2 - x1) * (y2 - y1) / (h * w)
    t = one_hot(y, num_classes)
    return out, lam_kept * t + (1.0 - lam_kept) * t[j], lam_kept, (x1, y1, x2, y2)


# --8<-- [end:cutmix]


def cutmix_box(
    lam: float, height: int, width: int, center: tuple[int, int]
) -> tuple[int, int, int, int]:
    """The box ``(x1, y1, x2, y2)`` (pixel bounds, x2/y2 exclusive) for ratio λ around ``center = (cy, cx)``.

    Unclipped, its sides are √(1-λ)·W by √(1-λ)·H (area fraction 1-λ); the half-sides are rounded
    down to whole pixels (as torchvision does) and the box is clipped to the image.
    """
    lam = _check_lam(lam)
    height, width = check_int(height, "height", min=1), check_int(width, "width", min=1)
    cy, cx = _check_center(center, height, width)
    return _cutmix_box(lam, height, width, cy, cx)


def cutmix(
    x: torch.Tensor,
    y: torch.Tensor,
    num_classes: int,
    alpha: float = 1.0,
    *,
    lam: float | None = None,
    center: tuple[int, int] | None = None,
    partner: torch.Tensor | None = None,
    generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, torch.Tensor, float, tuple[int, int, int, int]]:
    """CutMix a batch: returns images, soft labels, the label weight λ' of the kept image, and the box.

    λ' = 1 - (box area)/(H·W) is recomputed from the *clipped* box, so the label weights always
    equal the fractions of pixels that come from each image.
    """
    _check_batch(x, y, num_classes)
    lam = sample_lambda(alpha, generator) if lam is None else _check_lam(lam)
    _check_partner(x.shape[0], partner)
    return _cutmix(x, y, num_classes, lam, center, partner, generator)


def soft_cross_entropy(logits: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Mean cross-entropy against soft targets (rows summing to 1): −Σ_k t_k log softmax(z)_k."""
    if logits.shape != targets.shape:
        raise ValueError(
            f"logits and targets must have the same shape, got {tuple(logits.shape)} and {tuple(targets.shape)}"
        )
    return -(targets * F.log_softmax(logits, dim=1)).sum(dim=1).mean()


# --8<-- [start:pipeline]
def _augmentation_pipeline(kind: str, noise_std: float, erase_p: float):
    """A ``transforms.v2`` pipeline for float image tensors in [0, 1], shape (C, H, W) or (N, C, H, W).

    ``kind="digits"`` (MNIST-like): small rotations, shifts and scalings but no flips (a mirrored
    2 is not a 2); ``kind="photos"`` (CIFAR-like): random crop with padding and horizontal flips,
    plus colour jitter. Both then add Gaussian noise and erase a random rectangle
    [Zhong et al., 2020] with probability ``erase_p``.

    ``augmentation_pipeline`` checks the arguments, then calls this.
    """
    from torchvision.transforms import v2

    if kind == "digits":
        geometric = [
            v2.RandomAffine(degrees=10, translate=(0.1, 0.1), scale=(0.9, 1.1))
        ]
        photometric = [v2.ColorJitter(brightness=0.2, contrast=0.2)]
    else:
        geometric = [
            v2.RandomCrop(32, padding=4, padding_mode="reflect"),
            v2.RandomHorizontalFlip(),
        ]
        photometric = [
            v2.ColorJitter(brightness=0.2, contrast=0.2, saturation=0.2, hue=0.02)
        ]
    return v2.Compose(
        [
            *geometric,  # where things are
            *photometric,  # how bright / coloured they are
            v2.GaussianNoise(
                mean=0.0, sigma=noise_std, clip=True
            ),  # sensor noise, kept in [0, 1]
            v2.RandomErasing(p=erase_p, scale=(0.02, 0.2), value=0),  # occlusion
        ]
    )


# --8<-- [end:pipeline]


def augmentation_pipeline(
    kind: str = "digits", *, noise_std: float = 0.05, erase_p: float = 0.25
):
    """A ``transforms.v2`` pipeline for float image tensors in [0, 1], shape (C, H, W) or (N, C, H, W).

    ``kind="digits"`` (MNIST-like): small rotations, shifts and scalings but no flips (a mirrored
    2 is not a 2); ``kind="photos"`` (CIFAR-like): random crop with padding and horizontal flips,
    plus colour jitter. Both then add Gaussian noise and erase a random rectangle
    [Zhong et al., 2020] with probability ``erase_p``.
    """
    if kind not in ("digits", "photos"):
        raise ValueError(f"kind must be 'digits' or 'photos', got {kind!r}")
    noise_std = check_number(noise_std, "noise_std", min=0.0)
    erase_p = check_number(erase_p, "erase_p (a probability)", 0.0, 1.0)
    return _augmentation_pipeline(kind, noise_std, erase_p)
