"""One training loop for CPU and GPU, used by the pages, the labs, the benchmarks and the CLI.

What it does for you, and where:

* picks the device (CUDA, else Apple's MPS, else the CPU) — :func:`pick_device`;
* mixed precision on a GPU: ``torch.autocast`` in bfloat16 where the GPU supports it, else
  float16 with a gradient scaler — :func:`amp_dtype`;
* ``channels_last`` memory format on request (faster convolutions on tensor-core GPUs);
* a tqdm progress bar that can be switched off;
* seeded, deterministic runs on the CPU (same seed → the same loss curve, bit for bit) —
  :func:`seed_everything`;
* checkpoints holding model, optimiser, epoch, architecture name and configuration, and a
  resume that refuses a checkpoint of another architecture — :func:`save_checkpoint`,
  :func:`load_checkpoint`;
* one JSON line of metrics per epoch, for the pages to plot — :func:`read_metrics`;
* DistributedDataParallel when started by ``torchrun`` (``RANK``/``WORLD_SIZE`` set): NCCL on
  GPUs, gloo on CPUs, a ``DistributedSampler`` per process, and only rank 0 writes files.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Dataset, Sampler, SequentialSampler

from ._checks import check_positive

__all__ = [
    "ArrayDataset", "CheckpointMismatchError", "DATA_STATS", "EpochSampler", "TrainConfig", "amp_dtype", "build_model",
    "distributed_env", "evaluate", "fit", "load_checkpoint", "make_loader", "pick_device",
    "prepare_data", "read_metrics", "run", "save_checkpoint", "seed_everything", "train_one_epoch", "warmup_cosine",
]


# --8<-- [start:config]
@dataclass
class TrainConfig:
    """Everything a run needs; saved in every checkpoint and printed by the CLI."""

    model: str = "lenet5"          # a name from syllabus_code.models.list_models()
    data: str = "mnist"            # mnist, fashion-mnist, cifar10, cifar10-sample or synthetic
    epochs: int = 1                # full passes over the training set
    batch_size: int = 128          # images per step (per process under torchrun)
    lr: float = 1e-3               # AdamW's step size; 1e-3 is its usual safe default
    optimizer: str = "adamw"       # "adamw" or "sgd" (SGD uses momentum 0.9, Nesterov)
    weight_decay: float = 0.0      # decoupled weight decay (AdamW) or L2 (SGD)
    schedule: str = "cosine"       # "cosine": linear warm-up (first 10% of steps), cosine decay to 0; or "constant"
    seed: int = 0                  # seeds Python, NumPy and torch; same seed → same run on a CPU
    device: str = "auto"           # "auto" picks cuda > mps > cpu; or name one
    amp: bool = True               # mixed precision on GPUs (ignored on the CPU)
    channels_last: bool = False    # NHWC memory format for model and batches (a GPU speed-up)
    progress: bool = True          # show a tqdm progress bar
    limit: int | None = None       # use only the first `limit` training images (smoke tests)
    out: str | None = None         # folder for checkpoint.pt and metrics.jsonl; None writes nothing
    resume: bool = False           # continue from out/checkpoint.pt if it exists
    model_kwargs: dict = field(default_factory=dict)  # extra arguments for get_model

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
# --8<-- [end:config]

    def __post_init__(self) -> None:
        for name in ("epochs", "batch_size"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive int, got {value!r}")
        check_positive(self.lr, "lr")
        if self.optimizer not in ("adamw", "sgd"):
            raise ValueError(f"optimizer must be 'adamw' or 'sgd', got {self.optimizer!r}")
        if self.schedule not in ("cosine", "constant"):
            raise ValueError(f"schedule must be 'cosine' or 'constant', got {self.schedule!r}")
        if self.limit is not None and (not isinstance(self.limit, int) or self.limit < 1):
            raise ValueError(f"limit must be a positive int or None, got {self.limit!r}")


class CheckpointMismatchError(ValueError):
    """A checkpoint was saved from another architecture than the model it is loaded into."""


# --8<-- [start:device]
def pick_device(name: str = "auto") -> torch.device:
    """``"auto"``: the first of CUDA, Apple's MPS and the CPU that is available; else ``name``."""
    if not isinstance(name, str):
        raise TypeError(f"device must be a string such as 'auto', 'cpu' or 'cuda', got {type(name).__name__}")
    if name != "auto":
        return torch.device(name)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def amp_dtype(device: torch.device) -> torch.dtype | None:
    """The autocast type for ``device``: bfloat16 where the GPU has it, float16 otherwise, None on a CPU.

    bfloat16 keeps float32's exponent range, so gradients do not underflow and no loss scaling is
    needed; float16 (older GPUs) needs a ``GradScaler``.
    """
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "mps":
        return torch.float16
    return None
# --8<-- [end:device]


# --8<-- [start:seed]
def seed_everything(seed: int, deterministic: bool = True) -> None:
    """Seed Python, NumPy and torch; with ``deterministic``, ask torch for deterministic kernels.

    On a CPU this makes two runs with the same seed give the same numbers bit for bit. On a GPU
    deterministic kernels also need ``CUBLAS_WORKSPACE_CONFIG``, and some operations have none,
    so there we only warn (``warn_only=True``) instead of failing.
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)  # also seeds every CUDA device
    if deterministic:
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
        torch.use_deterministic_algorithms(True, warn_only=True)
        torch.backends.cudnn.benchmark = False
# --8<-- [end:seed]


# ---------------------------------------------------------------------------------------------
# Data: whole data sets as tensors (they fit in memory), batched by slicing, not image by image.
# ---------------------------------------------------------------------------------------------

#: Per-channel mean and standard deviation of each training set, for standardising inputs.
DATA_STATS = {
    "mnist": ((0.1307,), (0.3081,)),
    "fashion-mnist": ((0.2860,), (0.3530,)),
    "cifar10": ((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)),
}
DATA_NAMES = ("mnist", "fashion-mnist", "cifar10", "cifar10-sample", "synthetic")
MODELS_WITH_IN_CHANNELS = {"lenet5"}  # the others are ImageNet models with 3 input channels


class ArrayDataset(Dataset):
    """Images and labels held as two tensors; a whole batch is fetched with one indexing operation."""

    def __init__(self, images: torch.Tensor, labels: torch.Tensor) -> None:
        if not isinstance(images, torch.Tensor) or not isinstance(labels, torch.Tensor):
            raise TypeError("images and labels must be torch tensors")
        if images.shape[0] != labels.shape[0]:
            raise ValueError(f"images and labels must have the same length, got {images.shape[0]} and {labels.shape[0]}")
        self.images, self.labels = images, labels

    def __len__(self) -> int:
        return self.labels.shape[0]

    def __getitem__(self, i):
        return self.images[i], self.labels[i]

    def __getitems__(self, indices):  # DataLoader calls this with a whole batch of indices
        idx = torch.as_tensor(indices)
        return self.images[idx], self.labels[idx]


def _as_batch(batch):
    return batch  # __getitems__ already returns the stacked batch


def prepare_data(name: str, train: bool = True, *, limit: int | None = None, channels: int | None = None,
                 seed: int = 0) -> ArrayDataset:
    """A data set as standardised tensors: ``mnist``, ``fashion-mnist``, ``cifar10``,
    ``cifar10-sample`` (the offline 4,000/1,000-image sample: for smoke tests only) or
    ``synthetic`` (random 1×28×28 images with random labels: for testing the machinery).

    ``channels=3`` repeats a grey image into three channels (for ImageNet models).
    """
    from . import data

    if not isinstance(name, str):
        raise TypeError(f"data must be a string, got {type(name).__name__}")
    key = name.lower().replace("_", "-")
    if key not in DATA_NAMES:
        raise ValueError(f"unknown data set {name!r}; valid names: {', '.join(DATA_NAMES)}")
    if key == "synthetic":
        g = torch.Generator().manual_seed(seed + (0 if train else 1))
        n = limit or 512
        x = torch.rand(n, 1, 28, 28, generator=g)
        y = torch.randint(0, 10, (n,), generator=g)
        stats = ((0.5,), (0.29,))
    else:
        if key == "cifar10-sample":
            images, labels, _ = data.load_cifar10_sample(train)
            stats = DATA_STATS["cifar10"]
        else:
            images, labels = data.load_arrays(key, train=train)
            stats = DATA_STATS[key]
        if limit is not None:
            images, labels = images[:limit], labels[:limit]
        x, y = torch.from_numpy(np.ascontiguousarray(images)), torch.from_numpy(labels)
    mean = torch.tensor(stats[0]).view(1, -1, 1, 1)
    std = torch.tensor(stats[1]).view(1, -1, 1, 1)
    x = (x - mean) / std
    if channels is not None and channels != x.shape[1]:
        if x.shape[1] != 1:
            raise ValueError(f"cannot turn {x.shape[1]}-channel images into {channels} channels")
        x = x.expand(-1, channels, -1, -1).contiguous()
    return ArrayDataset(x, y)


class EpochSampler(Sampler):
    """A random order that depends only on ``(seed, epoch)``, like ``DistributedSampler`` with one
    process: a run resumed at epoch 5 sees the same order as an uninterrupted one."""

    def __init__(self, n: int, seed: int = 0) -> None:
        self.n, self.seed, self.epoch = n, seed, 0

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch

    def __iter__(self):
        g = torch.Generator().manual_seed(self.seed + self.epoch)
        return iter(torch.randperm(self.n, generator=g).tolist())

    def __len__(self) -> int:
        return self.n


def make_loader(dataset: Dataset, batch_size: int, *, shuffle: bool, seed: int = 0,
                distributed: bool = False) -> DataLoader:
    """A DataLoader over ``dataset``; under torchrun each process gets its own shard
    (``DistributedSampler``), otherwise a random order fixed by ``(seed, epoch)``, or the
    stored order when ``shuffle`` is false. Call ``loader.sampler.set_epoch(e)`` each epoch."""
    if distributed:
        from torch.utils.data.distributed import DistributedSampler

        sampler = DistributedSampler(dataset, shuffle=shuffle, seed=seed)
    elif shuffle:
        sampler = EpochSampler(len(dataset), seed)
    else:
        sampler = SequentialSampler(dataset)
    return DataLoader(dataset, batch_size=batch_size, sampler=sampler, collate_fn=_as_batch)


def build_model(name: str, in_channels: int = 1, image_size: int = 28, num_classes: int = 10,
                **kwargs) -> nn.Module:
    """``get_model(name)`` sized for the data: LeNet-5 takes the channels and the size; the
    ImageNet models have 3 input channels (grey images are repeated) and a new class count."""
    from .models import get_model

    if name.lower() in MODELS_WITH_IN_CHANNELS:
        kwargs.setdefault("in_channels", in_channels)
        if image_size in (28, 32):
            kwargs.setdefault("input_size", image_size)
    return get_model(name, num_classes=num_classes, **kwargs)


def model_channels(name: str, data_channels: int) -> int:
    """Channels the model ``name`` expects when fed data with ``data_channels`` channels."""
    return data_channels if name.lower() in MODELS_WITH_IN_CHANNELS else 3


# ---------------------------------------------------------------------------------------------
# The loop
# ---------------------------------------------------------------------------------------------

def _logits(out):
    """GoogLeNet returns (logits, aux2, aux1) in training mode: the main logits come first."""
    return out[0] if isinstance(out, tuple) else out


def warmup_cosine(total_steps: int, warmup: float = 0.1):
    """The learning-rate factor at step ``t``: a linear ramp over the first ``warmup`` fraction of
    ``total_steps``, then half a cosine that reaches 0 just after the last step."""
    w = max(1, round(warmup * total_steps))

    def factor(t: int) -> float:
        if t < w:
            return (t + 1) / w
        return 0.5 * (1.0 + math.cos(math.pi * min(1.0, (t - w) / max(1, total_steps - w))))

    return factor


# --8<-- [start:step]
def train_one_epoch(model: nn.Module, loader: Iterable, optimizer: torch.optim.Optimizer,
                    device: torch.device, *, scheduler=None, scaler=None, dtype: torch.dtype | None = None,
                    channels_last: bool = False, progress: bool = False, step_losses: list | None = None,
                    desc: str = "train") -> dict[str, float]:
    """One pass over ``loader``; returns the mean loss and the accuracy on the batches seen."""
    from tqdm.auto import tqdm

    model.train()
    total_loss = torch.zeros((), device=device)
    correct = torch.zeros((), device=device, dtype=torch.long)
    seen = 0
    for x, y in tqdm(loader, desc=desc, disable=not progress, leave=False):
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        with torch.autocast(device.type, dtype=dtype or torch.float32, enabled=dtype is not None):
            logits = _logits(model(x))
            loss = F.cross_entropy(logits, y)
        optimizer.zero_grad(set_to_none=True)
        if scaler is not None:            # float16: scale the loss so small gradients survive
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
    return {"loss": (total_loss / max(seen, 1)).item(), "acc": correct.item() / max(seen, 1), "n": seen}
# --8<-- [end:step]


@torch.no_grad()
def evaluate(model: nn.Module, loader: Iterable, device: torch.device, *, dtype: torch.dtype | None = None,
             channels_last: bool = False) -> dict[str, float]:
    """Mean cross-entropy and accuracy of ``model`` on ``loader`` (evaluation mode, no gradients)."""
    model.eval()
    total_loss = torch.zeros((), device=device)
    correct = torch.zeros((), device=device, dtype=torch.long)
    seen = 0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        if channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        with torch.autocast(device.type, dtype=dtype or torch.float32, enabled=dtype is not None):
            logits = _logits(model(x))
        total_loss += F.cross_entropy(logits.float(), y, reduction="sum")
        correct += (logits.argmax(1) == y).sum()
        seen += y.shape[0]
    return {"loss": (total_loss / max(seen, 1)).item(), "acc": correct.item() / max(seen, 1), "n": seen}


# --8<-- [start:checkpoint]
def save_checkpoint(path: str | os.PathLike, model: nn.Module, optimizer: torch.optim.Optimizer | None,
                    epoch: int, arch: str, config: dict | None = None, scheduler=None) -> Path:
    """Write model and optimiser state, the finished epoch, the architecture name and the config."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    model = getattr(model, "module", model)  # unwrap DistributedDataParallel
    state = {
        "arch": arch,
        "epoch": epoch,
        "config": dict(config or {}),
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict() if optimizer is not None else None,
        "scheduler": scheduler.state_dict() if scheduler is not None else None,
        "torch_rng": torch.get_rng_state(),  # dropout masks etc. continue as if never stopped
    }
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)  # never leave a half-written checkpoint behind
    return path


def load_checkpoint(path: str | os.PathLike, model: nn.Module, optimizer: torch.optim.Optimizer | None = None,
                    arch: str | None = None, scheduler=None, map_location="cpu") -> dict:
    """Load a checkpoint into ``model`` (and ``optimizer``); refuse one saved from another architecture.

    Returns the checkpoint dictionary (``epoch``, ``config``, ...).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"checkpoint {path} does not exist")
    state = torch.load(path, map_location=map_location, weights_only=True)
    if arch is not None and state.get("arch") != arch:
        raise CheckpointMismatchError(
            f"checkpoint {path} was saved from architecture {state.get('arch')!r}, but the model "
            f"being trained is {arch!r}; resume with --model {state.get('arch')} or start a new run "
            "in another --out folder"
        )
    getattr(model, "module", model).load_state_dict(state["model"])
    if optimizer is not None and state.get("optimizer") is not None:
        optimizer.load_state_dict(state["optimizer"])
    if scheduler is not None and state.get("scheduler") is not None:
        scheduler.load_state_dict(state["scheduler"])
    if state.get("torch_rng") is not None:
        torch.set_rng_state(state["torch_rng"].cpu())
    return state
# --8<-- [end:checkpoint]


def append_metrics(path: str | os.PathLike, record: dict) -> None:
    """Append one JSON object as a line to ``path`` (JSON lines: easy to append, easy to plot)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(record) + "\n")


def read_metrics(path: str | os.PathLike) -> list[dict]:
    """The records of a ``metrics.jsonl`` file, in order."""
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ---------------------------------------------------------------------------------------------
# torchrun
# ---------------------------------------------------------------------------------------------

def distributed_env() -> tuple[int, int, int] | None:
    """``(rank, world_size, local_rank)`` when started by torchrun with more than one process, else None."""
    if "RANK" not in os.environ or "WORLD_SIZE" not in os.environ:
        return None
    world = int(os.environ["WORLD_SIZE"])
    if world < 2:
        return None
    return int(os.environ["RANK"]), world, int(os.environ.get("LOCAL_RANK", 0))


def _all_reduce_metrics(metrics: dict, device: torch.device) -> dict:
    """Combine per-process (mean, count) metrics into the metrics of all processes together."""
    import torch.distributed as dist

    t = torch.tensor([metrics["loss"] * metrics["n"], metrics["acc"] * metrics["n"], metrics["n"]],
                     dtype=torch.float64, device=device)
    dist.all_reduce(t)
    n = max(t[2].item(), 1.0)
    return {"loss": t[0].item() / n, "acc": t[1].item() / n, "n": int(t[2].item())}


# --8<-- [start:fit]
def fit(config: TrainConfig, model: nn.Module | None = None, train_set: Dataset | None = None,
        test_set: Dataset | None = None, param_groups: list[dict] | None = None) -> dict[str, Any]:
    """Train ``config.model`` on ``config.data`` (or the given model and data sets).

    ``param_groups`` (optimiser parameter groups, each with its own ``lr``) replaces the default
    "every parameter at ``config.lr``" — transfer learning uses it for frozen layers and smaller
    learning rates.

    Returns ``{"epochs": [per-epoch metrics], "steps": [loss of every step], "model": model}``.
    Under torchrun every process calls ``fit``; gradients are averaged by DDP and only rank 0
    writes the checkpoint and the metrics.
    """
    if not isinstance(config, TrainConfig):
        raise TypeError(f"config must be a TrainConfig, got {type(config).__name__}")
    dist_env = distributed_env()
    rank = 0
    if dist_env is not None:
        import torch.distributed as dist

        rank, world, local_rank = dist_env
        if config.device == "auto" and torch.cuda.is_available():
            torch.cuda.set_device(local_rank)
            device = torch.device("cuda", local_rank)
        else:
            device = pick_device(config.device)
        if not dist.is_initialized():
            dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    else:
        device = pick_device(config.device)
    seed_everything(config.seed, deterministic=device.type == "cpu")

    if train_set is None:
        probe = prepare_data(config.data, True, limit=config.limit, seed=config.seed)
        channels = model_channels(config.model, probe.images.shape[1])
        train_set = prepare_data(config.data, True, limit=config.limit, channels=channels, seed=config.seed)
        test_set = prepare_data(config.data, False, limit=None if config.data != "synthetic" else 256,
                                channels=channels, seed=config.seed)
    if model is None:
        _, c, h, _ = train_set.images.shape
        num_classes = int(train_set.labels.max().item()) + 1 if config.data == "synthetic" else 10
        torch.manual_seed(config.seed)  # the same initial weights in every process
        model = build_model(config.model, in_channels=c, image_size=h, num_classes=max(num_classes, 10),
                            **config.model_kwargs)
    model = model.to(device)
    if config.channels_last:
        model = model.to(memory_format=torch.channels_last)

    dtype = amp_dtype(device) if config.amp else None
    scaler = torch.amp.GradScaler(device.type) if dtype == torch.float16 else None
    params = param_groups if param_groups is not None else [p for p in model.parameters() if p.requires_grad]
    if config.optimizer == "adamw":
        optimizer = torch.optim.AdamW(params, lr=config.lr, weight_decay=config.weight_decay)
    else:
        optimizer = torch.optim.SGD(params, lr=config.lr, momentum=0.9, nesterov=True,
                                    weight_decay=config.weight_decay)
    train_loader = make_loader(train_set, config.batch_size, shuffle=True, seed=config.seed,
                               distributed=dist_env is not None)
    test_loader = make_loader(test_set, 1000, shuffle=False, distributed=dist_env is not None)
    out = Path(config.out) if config.out else None
    ckpt_path = out / "checkpoint.pt" if out else None
    start_epoch = 0
    if config.resume and ckpt_path is not None and ckpt_path.is_file():
        state = load_checkpoint(ckpt_path, model, optimizer, arch=config.model, map_location=device)
        start_epoch = state["epoch"]
    scheduler = None
    if config.schedule == "cosine":  # rebuilt on resume, positioned at the step reached
        scheduler = torch.optim.lr_scheduler.LambdaLR(
            optimizer, warmup_cosine(config.epochs * len(train_loader)),
            last_epoch=start_epoch * len(train_loader) - 1)
    if dist_env is not None:
        from torch.nn.parallel import DistributedDataParallel

        model = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)

    history: dict[str, Any] = {"epochs": [], "steps": []}
    for epoch in range(start_epoch, config.epochs):
        train_loader.sampler.set_epoch(epoch)  # a new order each epoch, the same in every process
        start = time.perf_counter()
        steps: list = []
        train_m = train_one_epoch(model, train_loader, optimizer, device, scheduler=scheduler, scaler=scaler,
                                  dtype=dtype, channels_last=config.channels_last,
                                  progress=config.progress and rank == 0, step_losses=steps,
                                  desc=f"epoch {epoch + 1}/{config.epochs}")
        seconds = time.perf_counter() - start
        test_m = evaluate(model, test_loader, device, dtype=dtype, channels_last=config.channels_last)
        if dist_env is not None:
            train_m, test_m = _all_reduce_metrics(train_m, device), _all_reduce_metrics(test_m, device)
        history["steps"].extend(float(s) for s in steps)
        record = {"epoch": epoch + 1, "train_loss": train_m["loss"], "train_acc": train_m["acc"],
                  "test_loss": test_m["loss"], "test_acc": test_m["acc"], "seconds": round(seconds, 3),
                  "lr": optimizer.param_groups[0]["lr"], "device": str(device)}
        history["epochs"].append(record)
        if rank == 0 and out is not None:
            append_metrics(out / "metrics.jsonl", record)
            save_checkpoint(ckpt_path, model, optimizer, epoch + 1, config.model, config.to_dict(), scheduler)
    history["model"] = getattr(model, "module", model)
    return history
# --8<-- [end:fit]


def run(config: TrainConfig) -> dict[str, Any]:
    """:func:`fit`, then tear down the process group when torchrun started one."""
    try:
        return fit(config)
    finally:
        if distributed_env() is not None:
            import torch.distributed as dist

            if dist.is_initialized():
                dist.destroy_process_group()
