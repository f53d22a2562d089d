"""Checkpoints and metrics: what a run writes after each epoch, and how it resumes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import torch
from torch import nn

from .config import SetupError, TrainConfig

__all__ = [
    "CheckpointMismatchError", "append_metrics", "load_checkpoint", "read_metrics", "resume",
    "save_checkpoint", "save_epoch",
]


class CheckpointMismatchError(SetupError):
    """A checkpoint was saved from another architecture than the model it is loaded into."""


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


def resume(config: TrainConfig, model: nn.Module, optimizer: torch.optim.Optimizer,
           device: torch.device, train_loader=None) -> int:
    """The epoch a run starts from: the checkpoint's, loaded into ``model`` and ``optimizer``,
    when ``config.resume`` and ``config.out`` holds one; else 0."""
    path = Path(config.out) / "checkpoint.pt" if config.out else None
    if not (config.resume and path is not None and path.is_file()):
        return 0
    return load_checkpoint(path, model, optimizer, arch=config.model, map_location=device)["epoch"]


def save_epoch(config: TrainConfig, model: nn.Module, optimizer: torch.optim.Optimizer, scheduler,
               record: dict) -> None:
    """After an epoch: append its metrics to ``out/metrics.jsonl`` and write ``out/checkpoint.pt``."""
    out = Path(config.out)
    append_metrics(out / "metrics.jsonl", record)
    save_checkpoint(out / "checkpoint.pt", model, optimizer, record["epoch"], config.model,
                    config.to_dict(), scheduler)


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
