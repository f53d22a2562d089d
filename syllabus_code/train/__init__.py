"""One training loop for CPU and GPU, used by the pages, the labs, the benchmarks and the CLI.

What it does for you, and where:

* a configuration checked when it is built — :class:`TrainConfig` (``config.py``);
* the device (CUDA, else Apple's MPS, else the CPU) and mixed precision on a GPU:
  ``torch.autocast`` in bfloat16 where the GPU supports it, else float16 with a gradient
  scaler; seeded, deterministic runs on the CPU (same seed → the same loss curve, bit for
  bit) — :func:`pick_device`, :func:`amp_dtype`, :func:`seed_everything` (``device.py``);
* the set-up: data, model, optimiser, warm-up + cosine schedule (``setup.py``);
* the loop: one epoch, evaluation, a tqdm progress bar that can be switched off,
  ``channels_last`` on request — :func:`fit` (``loop.py``);
* checkpoints holding model, optimiser, epoch, architecture name and configuration, a resume
  that refuses a checkpoint that does not fit the run, and one JSON line of metrics per epoch
  — :func:`save_checkpoint`, :func:`load_checkpoint`, :func:`read_metrics` (``checkpoint.py``);
* DistributedDataParallel when started by ``torchrun`` (``RANK``/``WORLD_SIZE`` set): NCCL on
  GPUs, gloo on CPUs, a ``DistributedSampler`` shard per process, and only rank 0 writes
  files (``distributed.py``).

The data helpers (:func:`~syllabus_code.data.prepare_data`, :class:`~syllabus_code.data.ArrayDataset`,
:func:`~syllabus_code.data.make_loader`) live in :mod:`syllabus_code.data` and are re-exported here.
"""

from __future__ import annotations

from ..data import DATA_NAMES, DATA_STATS, ArrayDataset, make_loader, prepare_data
from .checkpoint import (
    CheckpointError,
    CheckpointMismatchError,
    append_metrics,
    load_checkpoint,
    read_metrics,
    save_checkpoint,
)
from .config import SetupError, TrainConfig
from .device import amp_dtype, pick_device, seed_everything
from .distributed import distributed_env
from .loop import build_model, evaluate, fit, run, train_one_epoch, warmup_cosine

__all__ = [
    "ArrayDataset",
    "CheckpointError",
    "CheckpointMismatchError",
    "DATA_NAMES",
    "DATA_STATS",
    "SetupError",
    "TrainConfig",
    "amp_dtype",
    "append_metrics",
    "build_model",
    "distributed_env",
    "evaluate",
    "fit",
    "load_checkpoint",
    "make_loader",
    "pick_device",
    "prepare_data",
    "read_metrics",
    "run",
    "save_checkpoint",
    "seed_everything",
    "train_one_epoch",
    "warmup_cosine",
]
