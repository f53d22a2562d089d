"""Checkpoints and metrics: what a run writes after each epoch, and how it resumes."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import torch
from torch import nn

from .._checks import is_integer
from .config import SetupError, TrainConfig

__all__ = [
    "CheckpointError",
    "CheckpointMismatchError",
    "append_metrics",
    "load_checkpoint",
    "read_checkpoint",
    "read_metrics",
    "resume",
    "save_checkpoint",
    "save_epoch",
]


class CheckpointError(SetupError):
    """A checkpoint cannot be read, or is not a training checkpoint."""


class CheckpointMismatchError(CheckpointError):
    """A checkpoint does not fit the run resuming it: another architecture, other settings or data."""


#: Settings a resumed run must share with its checkpoint: they fix the weights' shapes, the data,
#: the optimiser's state and the learning-rate schedule. ``epochs`` may grow; the rest is free.
RESUME_KEYS = (
    "model",
    "data",
    "limit",
    "batch_size",
    "optimizer",
    "lr",
    "weight_decay",
    "schedule",
    "seed",
    "model_kwargs",
)


def _check_arch(path, state: dict, arch: str | None) -> None:
    if arch is not None and state["arch"] != arch:
        raise CheckpointMismatchError(
            f"checkpoint {path} was saved from architecture {state['arch']!r}, but the "
            f"model being trained is {arch!r}; resume with --model {state['arch']} or "
            "start a new run in another --out folder"
        )


# --8<-- [start:checkpoint]
def save_checkpoint(
    path: str | os.PathLike,
    model: nn.Module,
    optimizer: torch.optim.Optimizer | None,
    epoch: int,
    arch: str,
    config: dict | None = None,
    scheduler=None,
    run: dict | None = None,
) -> Path:
    """Write model and optimiser state, the finished epoch, the architecture name, the
    config and ``run`` (the training set's size and steps per epoch)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    model = getattr(model, "module", model)  # unwrap DistributedDataParallel
    state = {
        "arch": arch,
        "epoch": epoch,
        "config": dict(config or {}),
        "run": dict(run or {}),
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict() if optimizer is not None else None,
        "scheduler": scheduler.state_dict() if scheduler is not None else None,
        "torch_rng": torch.get_rng_state(),  # dropout masks continue as if never stopped
    }
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)  # never leave a half-written checkpoint behind
    return path


def load_checkpoint(
    path: str | os.PathLike,
    model: nn.Module,
    optimizer: torch.optim.Optimizer | None = None,
    arch: str | None = None,
    scheduler=None,
    map_location="cpu",
    state: dict | None = None,
) -> dict:
    """Load a checkpoint (``state``, if already read) into ``model`` and ``optimizer``;
    refuse one of another architecture or whose weights do not fit; return ``state``."""
    state = state if state is not None else read_checkpoint(path, map_location)
    _check_arch(path, state, arch)
    try:
        getattr(model, "module", model).load_state_dict(state["model"])
        if optimizer is not None and state.get("optimizer") is not None:
            optimizer.load_state_dict(state["optimizer"])
        if scheduler is not None and state.get("scheduler") is not None:
            scheduler.load_state_dict(state["scheduler"])
    except (RuntimeError, ValueError, KeyError, TypeError) as exc:
        why = " ".join(str(exc).split())[:300] or type(exc).__name__  # on one line
        raise CheckpointMismatchError(
            f"checkpoint {path} does not fit this model or optimiser: {why}"
        ) from exc
    if isinstance(state.get("torch_rng"), torch.Tensor):
        torch.set_rng_state(state["torch_rng"].cpu())
    return state


# --8<-- [end:checkpoint]


def read_checkpoint(path: str | os.PathLike, map_location="cpu") -> dict:
    """The dictionary stored by :func:`save_checkpoint`; one clear error for anything else."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"checkpoint {path} does not exist")
    try:  # weights_only: tensors and plain containers, never arbitrary pickled code
        state = torch.load(path, map_location=map_location, weights_only=True)
    except (
        Exception
    ) as exc:  # truncated zip, foreign pickle, ... (torch raises many kinds)
        raise CheckpointError(
            f"checkpoint {path} cannot be read ({type(exc).__name__}): it is damaged or not a "
            "checkpoint of this package; start a new run in another --out folder"
        ) from exc
    if not isinstance(state, dict) or not {"arch", "epoch", "model"} <= state.keys():
        got = (
            f"keys {sorted(map(str, state))}"
            if isinstance(state, dict)
            else type(state).__name__
        )
        raise CheckpointError(
            f"checkpoint {path} is not a training checkpoint: expected a dict "
            f"with 'arch', 'epoch' and 'model', got {got}"
        )
    if not is_integer(state["epoch"]) or state["epoch"] < 0:
        raise CheckpointError(
            f"checkpoint {path} holds no valid epoch, got {state['epoch']!r}"
        )
    return state


def check_resumable(path: Path, state: dict, config: TrainConfig, run: dict) -> None:
    """Refuse to continue a run with other settings or data than it was started with."""
    saved, now = state.get("config") or {}, config.to_dict()
    diff = [
        f"{k}={saved.get(k, '(missing)')!r} (asked: {now[k]!r})"
        for k in RESUME_KEYS
        if saved.get(k, ...) != now[k]
    ]
    diff += [
        f"{k}={state['run'][k]!r} (now: {run[k]!r})"
        for k in run
        if k in (state.get("run") or {}) and state["run"][k] != run[k]
    ]
    if diff:
        raise CheckpointMismatchError(
            f"checkpoint {path} was saved with {', '.join(diff)}; resume with the saved "
            "settings and data, or start a new run in another --out folder"
        )


def resume(
    config: TrainConfig,
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    device: torch.device,
    train_loader,
) -> int:
    """The epoch a run starts from: 0 for a new run; with ``config.resume``, the epoch of
    ``out/checkpoint.pt`` (if there is one), after checking that it fits and loading it."""
    path = Path(config.out) / "checkpoint.pt" if config.out else None
    if path is None or not path.exists():
        return 0
    if not config.resume:
        raise SetupError(
            f"{config.out} already holds a run (checkpoint.pt): continue it with "
            "resume=True (--resume), or choose another out folder"
        )
    state = read_checkpoint(path, device)
    if state["arch"] == config.model:  # another architecture: load_checkpoint says so
        check_resumable(path, state, config, run_info(train_loader))
    load_checkpoint(path, model, optimizer, arch=config.model, state=state)
    return state["epoch"]


def run_info(train_loader) -> dict:
    """What a checkpoint records about the training data: its size and the steps per epoch."""
    return {
        "train_size": len(train_loader.dataset),
        "steps_per_epoch": len(train_loader),
    }


def save_epoch(
    config: TrainConfig,
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    scheduler,
    record: dict,
    train_loader,
) -> None:
    """After an epoch: add its line to ``out/metrics.jsonl``, then write ``out/checkpoint.pt``.

    Lines of this epoch or later, left by a run stopped before it wrote their checkpoint
    (and so resumed before them), are replaced, as is a half-written last line.
    """
    out = Path(config.out)
    metrics = out / "metrics.jsonl"
    if metrics.is_file():
        kept = [
            line
            for line in metrics.read_text(encoding="utf-8").splitlines()
            if _epoch_of(line) < record["epoch"]
        ]
        metrics.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    append_metrics(metrics, record)
    save_checkpoint(
        out / "checkpoint.pt",
        model,
        optimizer,
        record["epoch"],
        config.model,
        config.to_dict(),
        scheduler,
        run_info(train_loader),
    )


def _epoch_of(line: str) -> float:
    """The epoch of a metrics line; infinity (dropped) for a line that is not a record."""
    try:
        epoch = json.loads(line).get("epoch")
    except (ValueError, AttributeError):
        return math.inf
    return epoch if isinstance(epoch, int) else math.inf


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
