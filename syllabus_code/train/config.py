"""A run's configuration: one dataclass, checked when it is built, saved in every checkpoint."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .._checks import check_positive

__all__ = ["SetupError", "TrainConfig"]


class SetupError(ValueError):
    """A run cannot start: its data, model, output folder or checkpoint do not fit its configuration."""


# --8<-- [start:config]
@dataclass
class TrainConfig:
    """Everything a run needs; saved in every checkpoint and printed by the CLI."""

    model: str = "lenet5"        # a name from syllabus_code.models.list_models()
    data: str = "mnist"          # a name from syllabus_code.data.DATA_NAMES
    epochs: int = 1              # full passes over the training set
    batch_size: int = 128        # images per step (per process under torchrun)
    lr: float = 1e-3             # AdamW's step size; 1e-3 is its usual safe default
    optimizer: str = "adamw"     # "adamw" or "sgd" (SGD: momentum 0.9, Nesterov)
    weight_decay: float = 0.0    # decoupled weight decay (AdamW) or L2 (SGD)
    schedule: str = "cosine"     # "cosine" (10% warm-up, decay to 0) or "constant"
    seed: int = 0                # seeds Python, NumPy, torch; same seed, same CPU run
    device: str = "auto"         # "auto" picks cuda > mps > cpu; or name one
    amp: bool = True             # mixed precision on GPUs (ignored on the CPU)
    channels_last: bool = False  # NHWC memory format for model and batches (GPU)
    progress: bool = True        # show a tqdm progress bar
    limit: int | None = None     # only the first `limit` training images (smoke tests)
    out: str | None = None       # folder for checkpoint.pt, metrics.jsonl (None: none)
    resume: bool = False         # continue from out/checkpoint.pt if it exists
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
