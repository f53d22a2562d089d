"""The loop: one epoch, evaluation, and ``fit``. What ``fit`` sets up first (the data, the
model, the optimiser and its schedule) is in :mod:`syllabus_code.train.setup`, re-exported here."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import Dataset

from ..data import make_loader
from .checkpoint import resume, save_epoch
from .config import TrainConfig
from .device import precision, seed_everything
from .distributed import all_reduce_metrics, end_process, start_process, wrap_model
from .setup import (
    build_model,
    load_data,
    make_optimizer,
    make_scheduler,
    model_channels,
    place_model,
    warmup_cosine,
)

__all__ = [
    "build_model",
    "evaluate",
    "fit",
    "load_data",
    "make_optimizer",
    "make_scheduler",
    "model_channels",
    "run",
    "train_one_epoch",
    "warmup_cosine",
]


def _logits(out):
    """GoogLeNet returns (logits, aux2, aux1) in training mode: the main logits come first."""
    return out[0] if isinstance(out, tuple) else out


# --8<-- [start:step]
def train_one_epoch(
    model: nn.Module,
    loader: Iterable,
    optimizer: torch.optim.Optimizer,
    device: torch.device,
    *,
    scheduler=None,
    scaler=None,
    dtype: torch.dtype | None = None,
    channels_last: bool = False,
    progress: bool = False,
    step_losses: list | None = None,
    desc: str = "train",
) -> dict[str, float]:
    """One pass over ``loader``; the mean loss and the accuracy on the batches seen."""
    from tqdm.auto import tqdm

    model.train()
    total_loss = torch.zeros((), device=device)
    correct = torch.zeros((), device=device, dtype=torch.long)
    seen = 0
    autocast = dict(dtype=dtype or torch.float32, enabled=dtype is not None)
    for x, y in tqdm(loader, desc=desc, disable=not progress, leave=False):
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        with torch.autocast(device.type, **autocast):
            logits = _logits(model(x))
            loss = F.cross_entropy(logits, y)
        optimizer.zero_grad(set_to_none=True)
        if scaler is not None:  # float16: scale the loss so small gradients survive
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        else:
            loss.backward()
            optimizer.step()
        if scheduler is not None:
            scheduler.step()
        # accumulate on the device: no host synchronisation inside the loop
        total_loss += loss.detach() * y.shape[0]
        correct += (logits.argmax(1) == y).sum()
        seen += y.shape[0]
        if step_losses is not None:
            step_losses.append(loss.detach())
    n = max(seen, 1)
    return {"loss": (total_loss / n).item(), "acc": correct.item() / n, "n": seen}


# --8<-- [end:step]


@torch.no_grad()
def evaluate(
    model: nn.Module,
    loader: Iterable,
    device: torch.device,
    *,
    dtype: torch.dtype | None = None,
    channels_last: bool = False,
) -> dict[str, float]:
    """Mean cross-entropy and accuracy of ``model`` on ``loader`` (evaluation mode, no gradients)."""
    model.eval()
    total_loss = torch.zeros((), device=device)
    correct = torch.zeros((), device=device, dtype=torch.long)
    seen = 0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        with torch.autocast(
            device.type, dtype=dtype or torch.float32, enabled=dtype is not None
        ):
            logits = _logits(model(x))
        total_loss += F.cross_entropy(logits.float(), y, reduction="sum")
        correct += (logits.argmax(1) == y).sum()
        seen += y.shape[0]
    n = max(seen, 1)
    return {"loss": (total_loss / n).item(), "acc": correct.item() / n, "n": seen}


def epoch_record(
    epoch: int,
    train_m: dict,
    test_m: dict,
    seconds: float,
    optimizer: torch.optim.Optimizer,
    device: torch.device,
) -> dict[str, Any]:
    """One line of ``metrics.jsonl``: the epoch (counted from 1), losses, accuracies, time, lr."""
    return {
        "epoch": epoch + 1,
        "train_loss": train_m["loss"],
        "train_acc": train_m["acc"],
        "test_loss": test_m["loss"],
        "test_acc": test_m["acc"],
        "seconds": round(seconds, 3),
        "lr": optimizer.param_groups[0]["lr"],
        "device": str(device),
    }


# --8<-- [start:fit]
def _fit(config, model, train_set, test_set, param_groups) -> dict[str, Any]:
    """Train ``config.model`` on ``config.data`` (or on the given model and data sets);
    return the metrics of each epoch, the loss of each step and the trained model.

    ``fit`` checks the arguments, then calls this.
    """
    device, rank, world = start_process(config.device)  # torchrun: a process per GPU
    seed_everything(config.seed, deterministic=device.type == "cpu")
    if train_set is None:
        train_set, test_set = load_data(config)
    model = place_model(config, model, train_set, device)
    optimizer = make_optimizer(config, model, param_groups)
    train_loader = make_loader(
        train_set,
        config.batch_size,
        shuffle=True,
        seed=config.seed,
        distributed=world > 1,
    )
    test_loader = make_loader(test_set, 1000, shuffle=False, distributed=world > 1)
    start_epoch = resume(config, model, optimizer, device, train_loader)
    scheduler = make_scheduler(config, optimizer, len(train_loader), start_epoch)
    model = wrap_model(model, device, world)  # DistributedDataParallel under torchrun
    dtype, scaler = precision(device, config.amp)
    mode = dict(dtype=dtype, channels_last=config.channels_last)
    history: dict[str, Any] = {"start_epoch": start_epoch, "epochs": [], "steps": []}
    for epoch in range(start_epoch, config.epochs):
        train_loader.sampler.set_epoch(epoch)  # new order, the same in every process
        start, steps = time.perf_counter(), []
        train_m = train_one_epoch(
            model,
            train_loader,
            optimizer,
            device,
            **mode,
            scheduler=scheduler,
            scaler=scaler,
            step_losses=steps,
            progress=config.progress and rank == 0,
            desc=f"epoch {epoch + 1}/{config.epochs}",
        )
        seconds = time.perf_counter() - start
        test_m = evaluate(model, test_loader, device, **mode)
        if world > 1:  # the counts of every process together
            train_m, test_m = (all_reduce_metrics(m, device) for m in (train_m, test_m))
        history["steps"] += [float(s) for s in steps]
        record = epoch_record(epoch, train_m, test_m, seconds, optimizer, device)
        history["epochs"].append(record)
        if rank == 0 and config.out is not None:  # one writer
            save_epoch(config, model, optimizer, scheduler, record, train_loader)
    history["model"] = getattr(model, "module", model)
    return history


# --8<-- [end:fit]


def fit(
    config: TrainConfig,
    model: nn.Module | None = None,
    train_set: Dataset | None = None,
    test_set: Dataset | None = None,
    param_groups: list[dict] | None = None,
) -> dict[str, Any]:
    """Train ``config.model`` on ``config.data`` (or on the given model and data sets);
    return the metrics of each epoch, the loss of each step and the trained model."""
    if not isinstance(config, TrainConfig):
        raise TypeError(f"config must be a TrainConfig, got {type(config).__name__}")
    return _fit(config, model, train_set, test_set, param_groups)


def run(config: TrainConfig) -> dict[str, Any]:
    """:func:`fit`, then tear down the process group when torchrun started one."""
    try:
        return fit(config)
    finally:
        end_process()
