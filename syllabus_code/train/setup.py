"""What a run sets up before its first step, from its :class:`TrainConfig`: the data with the
channels the model takes, the model (checked against the data on the meta device first), the
optimiser and the warm-up + cosine schedule. :mod:`syllabus_code.train.loop` re-exports these.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from ..data import ArrayDataset, data_channels, prepare_data
from .config import SetupError, TrainConfig

__all__ = [
    "build_model",
    "check_model_fits",
    "load_data",
    "make_optimizer",
    "make_scheduler",
    "model_channels",
    "place_model",
    "warmup_cosine",
]

# the others are ImageNet models with 3 input channels
MODELS_WITH_IN_CHANNELS = {"lenet5"}


def build_model(
    name: str,
    in_channels: int = 1,
    image_size: int = 28,
    num_classes: int = 10,
    **kwargs,
) -> nn.Module:
    """``get_model(name)`` sized for the data: LeNet-5 takes the channels and the size; the
    ImageNet models have 3 input channels (grey images are repeated) and a new class count."""
    from ..models import get_model

    if name.lower() in MODELS_WITH_IN_CHANNELS:
        kwargs.setdefault("in_channels", in_channels)
        if image_size in (28, 32):
            kwargs.setdefault("input_size", image_size)
    return get_model(name, num_classes=num_classes, **kwargs)


def model_channels(name: str, data_channels: int) -> int:
    """Channels the model ``name`` expects when fed data with ``data_channels`` channels."""
    return data_channels if name.lower() in MODELS_WITH_IN_CHANNELS else 3


def load_data(config: TrainConfig) -> tuple[ArrayDataset, ArrayDataset]:
    """The training and test sets of ``config.data``, with the channels ``config.model`` takes."""
    channels = model_channels(config.model, data_channels(config.data))
    train = prepare_data(
        config.data, True, limit=config.limit, channels=channels, seed=config.seed
    )
    test_limit = 256 if config.data == "synthetic" else None
    test = prepare_data(
        config.data, False, limit=test_limit, channels=channels, seed=config.seed
    )
    return train, test


def place_model(
    config: TrainConfig,
    model: nn.Module | None,
    train_set: ArrayDataset,
    device: torch.device,
) -> nn.Module:
    """``model``, or a new ``config.model`` sized for ``train_set``, on ``device``."""
    if model is None:
        check_model_fits(config, tuple(train_set[0][0].shape))
        _, c, h, _ = train_set.images.shape
        torch.manual_seed(config.seed)  # the same initial weights in every process
        model = build_model(
            config.model, in_channels=c, image_size=h, **config.model_kwargs
        )
    model = model.to(device)
    return (
        model.to(memory_format=torch.channels_last) if config.channels_last else model
    )


def check_model_fits(config: TrainConfig, image_shape: tuple[int, ...]) -> None:
    """Build ``config.model`` on the meta device (shapes only: no memory, no time) and pass it
    one image of ``image_shape``: a model that cannot take the data fails here, at once."""
    c, h = image_shape[0], image_shape[-1]
    with torch.device("meta"), torch.no_grad():
        try:
            probe = build_model(
                config.model, in_channels=c, image_size=h, **config.model_kwargs
            )
        except (ValueError, TypeError) as exc:
            raise SetupError(
                f"model {config.model!r} cannot be built with model_kwargs "
                f"{config.model_kwargs}: {exc}"
            ) from exc
        try:
            probe.eval()(torch.empty(1, *image_shape))
        except (ValueError, RuntimeError) as exc:
            raise SetupError(
                f"model {config.model!r} cannot train on the {config.data} "
                f"images of shape {image_shape}: {exc}"
            ) from exc


def make_optimizer(
    config: TrainConfig, model: nn.Module, param_groups: list[dict] | None = None
) -> torch.optim.Optimizer:
    """AdamW or SGD (momentum 0.9, Nesterov) over ``param_groups``, by default every trainable
    parameter of ``model`` at ``config.lr``."""
    params = (
        param_groups
        if param_groups is not None
        else [p for p in model.parameters() if p.requires_grad]
    )
    if config.optimizer == "adamw":
        return torch.optim.AdamW(params, lr=config.lr, weight_decay=config.weight_decay)
    return torch.optim.SGD(
        params,
        lr=config.lr,
        momentum=0.9,
        nesterov=True,
        weight_decay=config.weight_decay,
    )


def warmup_cosine(total_steps: int, warmup: float = 0.1):
    """The learning-rate factor at step ``t``: a linear ramp over the first ``warmup`` fraction of
    ``total_steps``, then half a cosine that reaches 0 just after the last step."""
    w = max(1, round(warmup * total_steps))

    def factor(t: int) -> float:
        if t < w:
            return (t + 1) / w
        return 0.5 * (
            1.0 + math.cos(math.pi * min(1.0, (t - w) / max(1, total_steps - w)))
        )

    return factor


def make_scheduler(
    config: TrainConfig,
    optimizer: torch.optim.Optimizer,
    steps_per_epoch: int,
    start_epoch: int = 0,
):
    """The cosine schedule positioned at the first step of ``start_epoch``; None for "constant"."""
    if config.schedule != "cosine":
        return None
    return torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        warmup_cosine(config.epochs * steps_per_epoch),
        last_epoch=start_epoch * steps_per_epoch - 1,
    )
