"""Helpers shared by the model files: an input check with a message that names the expected size."""

from __future__ import annotations

import torch


def check_input(
    x: torch.Tensor,
    model: str,
    channels: int,
    min_size: int = 1,
    exact_size: int | None = None,
    name: str = "x",
    module: torch.nn.Module | None = None,
) -> None:
    """Raise a clear error when ``x`` cannot go through ``model``.

    ``x`` must be a tensor of shape ``(N, channels, H, W)`` with ``H, W >= min_size`` (the
    smallest image for which every pooling and convolution still has an output pixel), or
    ``H == W == exact_size`` for models whose first fully connected layer fixes the size.
    ``x`` must be floating point and, when ``module`` is given, of its weights' dtype.
    """
    if not isinstance(x, torch.Tensor):
        raise TypeError(
            f"{name} must be a torch.Tensor of shape (N, C, H, W), got {type(x).__name__}"
        )
    if x.ndim != 4:
        raise ValueError(
            f"{name} must be 4-D (N, C, H, W) for {model}, got shape {tuple(x.shape)}; "
            "add a batch axis with x.unsqueeze(0)"
        )
    if not x.is_floating_point():
        raise TypeError(
            f"{name} must be a floating-point tensor for {model} (e.g. x.float() / 255), "
            f"got dtype {x.dtype}"
        )
    weight = next(module.parameters(), None) if module is not None else None
    if weight is not None and x.dtype != weight.dtype:
        raise TypeError(
            f"{name} has dtype {x.dtype} but {model}'s weights are {weight.dtype}: "
            f"convert one of them (x.to({weight.dtype}) or model.to({x.dtype}))"
        )
    n, c, h, w = x.shape
    if c != channels:
        raise ValueError(
            f"{model} expects {channels} input channel(s), got {name} with shape {tuple(x.shape)}"
        )
    if exact_size is not None and (h, w) != (exact_size, exact_size):
        raise ValueError(
            f"{model} expects {exact_size}x{exact_size} images, got {h}x{w} ({name} shape {tuple(x.shape)})"
        )
    if h < min_size or w < min_size:
        raise ValueError(
            f"{model} needs images of at least {min_size}x{min_size} pixels, got {h}x{w} "
            f"({name} shape {tuple(x.shape)}); resize the input (ImageNet models expect 224x224)"
        )
