"""A run's configuration: one dataclass, checked when it is built, saved in every checkpoint."""

from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._checks import check_bool, check_positive, is_integer, is_number

__all__ = ["SetupError", "TrainConfig"]


class SetupError(ValueError):
    """A run cannot start: its data, model, output folder or checkpoint do not fit its configuration."""


# --8<-- [start:config]
@dataclass
class TrainConfig:
    """Everything a run needs; saved in every checkpoint and printed by the CLI."""

    model: str = "lenet5"  # a name from syllabus_code.models.list_models()
    data: str = "mnist"  # a name from syllabus_code.data.DATA_NAMES
    epochs: int = 1  # full passes over the training set
    batch_size: int = 128  # images per step (per process under torchrun)
    lr: float = 1e-3  # AdamW's step size; 1e-3 is its usual safe default
    optimizer: str = "adamw"  # "adamw" or "sgd" (SGD: momentum 0.9, Nesterov)
    weight_decay: float = 0.0  # decoupled weight decay (AdamW) or L2 (SGD)
    schedule: str = "cosine"  # "cosine" (10% warm-up, decay to 0) or "constant"
    seed: int = 0  # seeds Python, NumPy, torch; same seed, same CPU run
    device: str = "auto"  # "auto" picks cuda > mps > cpu; or name one
    amp: bool = True  # mixed precision on GPUs (ignored on the CPU)
    channels_last: bool = False  # NHWC memory format for model and batches (GPU)
    progress: bool = True  # show a tqdm progress bar
    limit: int | None = None  # only the first `limit` training images (smoke tests)
    out: str | None = None  # folder for checkpoint.pt, metrics.jsonl (None: none)
    resume: bool = False  # continue from out/checkpoint.pt if it exists
    model_kwargs: dict = field(default_factory=dict)  # extra arguments for get_model

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    # --8<-- [end:config]

    def __post_init__(self) -> None:
        from ..data import data_key
        from ..models import list_models
        from .device import check_device

        self.model = _choice(self.model, "model", list_models(), lower=True)
        self.data = data_key(self.data)
        self.epochs = _count(self.epochs, "epochs")
        self.batch_size = _count(self.batch_size, "batch_size")
        self.lr = check_positive(self.lr, "lr")
        self.optimizer = _choice(self.optimizer, "optimizer", ("adamw", "sgd"))
        self.weight_decay = _number(self.weight_decay, "weight_decay", minimum=0.0)
        self.schedule = _choice(self.schedule, "schedule", ("cosine", "constant"))
        self.seed = _count(
            self.seed,
            "seed",
            minimum=0,
            maximum=SEED_MAX,
            what="an int in [0, 2**63 - 1]",
        )
        check_device(self.device)
        for name in ("amp", "channels_last", "progress", "resume"):
            check_bool(getattr(self, name), name)
        if self.limit is not None:
            self.limit = _count(self.limit, "limit", what="a positive int or None")
        self.out = _out_folder(self.out)
        if not isinstance(self.model_kwargs, dict) or not all(
            isinstance(k, str) for k in self.model_kwargs
        ):
            raise TypeError(
                f"model_kwargs must be a dict with string keys, got {self.model_kwargs!r}"
            )


SEED_MAX = 2**63 - 1  # torch seeds are 64-bit; seed + epoch must stay in range


def _count(
    value: Any,
    name: str,
    *,
    minimum: int = 1,
    maximum: int | None = None,
    what: str | None = None,
) -> int:
    """An int in [minimum, maximum]; bools and floats are refused, NumPy integers accepted."""
    what = what or (
        "a positive int"
        if minimum == 1 and maximum is None
        else f"an int in [{minimum}, {maximum}]"
    )
    if not is_integer(value):
        raise TypeError(
            f"{name} must be {what}, got {value!r} ({type(value).__name__})"
        )
    if value < minimum or (maximum is not None and value > maximum):
        raise ValueError(f"{name} must be {what}, got {value!r}")
    return int(value)


def _number(value: Any, name: str, *, minimum: float) -> float:
    """A finite real number >= minimum."""
    if not is_number(value):
        raise TypeError(
            f"{name} must be a number, got {value!r} ({type(value).__name__})"
        )
    if not math.isfinite(value) or value < minimum:
        raise ValueError(f"{name} must be a finite number >= {minimum}, got {value!r}")
    return float(value)


def _choice(value: Any, name: str, choices, *, lower: bool = False) -> str:
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be a string, got {value!r} ({type(value).__name__})"
        )
    key = value.lower() if lower else value
    if key not in choices:
        if lower:  # a long list of names
            raise ValueError(
                f"unknown {name} {value!r}; valid names: {', '.join(choices)}"
            )
        raise ValueError(
            f"{name} must be one of {', '.join(map(repr, choices))}, got {value!r}"
        )
    return key


def _out_folder(out: Any) -> str | None:
    """``out`` as a string path: None, a folder, or a path that does not exist yet."""
    if out is None:
        return None
    if not isinstance(out, (str, os.PathLike)) or str(out) == "":
        raise TypeError(f"out must be a folder path or None, got {out!r}")
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise ValueError(
            f"out must be a folder (or a path to create), but {path} is a file"
        )
    return str(path)
