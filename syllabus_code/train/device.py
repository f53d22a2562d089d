"""Where a run computes and how: the device, mixed precision, seeding."""

from __future__ import annotations

import os
import random

import numpy as np
import torch

from .._checks import is_integer

__all__ = ["amp_dtype", "check_device", "pick_device", "precision", "seed_everything"]

DEVICES = "'auto', 'cpu', 'cuda', 'cuda:N' or 'mps'"


def check_device(name: str) -> None:
    """Refuse a device name torch does not know, or a device this machine does not have."""
    if not isinstance(name, str):
        raise TypeError(
            f"device must be a string ({DEVICES}), got {type(name).__name__}"
        )
    if name == "auto":
        return
    try:
        device = torch.device(name)
    except (RuntimeError, ValueError):
        device = None
    if device is None or device.type not in ("cpu", "cuda", "mps"):
        raise ValueError(f"device must be {DEVICES}, got {name!r}")
    if device.type == "cuda" and (
        not torch.cuda.is_available()
        or (device.index or 0) >= torch.cuda.device_count()
    ):
        raise ValueError(
            f"device {name!r} is not available: torch sees "
            f"{torch.cuda.device_count()} CUDA GPU(s); use 'auto' or 'cpu'"
        )
    mps = getattr(torch.backends, "mps", None)
    if device.type == "mps" and not (mps is not None and mps.is_available()):
        raise ValueError(
            f"device {name!r} is not available on this machine; use 'auto' or 'cpu'"
        )


# --8<-- [start:device]
def _pick_device(name: str) -> torch.device:
    """``"auto"``: the first available of CUDA, Apple's MPS and the CPU; or ``name``.

    ``pick_device`` checks the arguments, then calls this.
    """
    if name != "auto":
        return torch.device(name)
    if torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def amp_dtype(device: torch.device) -> torch.dtype | None:
    """The autocast type for ``device``: bfloat16 where the GPU has it, else float16;
    None on a CPU.

    bfloat16 keeps float32's exponent range, so gradients do not underflow and no loss
    scaling is needed; float16 (older GPUs) needs a ``GradScaler``.
    """
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "mps":
        return torch.float16
    return None


# --8<-- [end:device]


def pick_device(name: str = "auto") -> torch.device:
    """``"auto"``: the first available of CUDA, Apple's MPS and the CPU; or ``name``."""
    if not isinstance(name, str):
        raise TypeError(
            f"device must be a string such as 'auto', 'cpu' or 'cuda', "
            f"got {type(name).__name__}"
        )
    return _pick_device(name)


def precision(
    device: torch.device, amp: bool
) -> tuple[torch.dtype | None, torch.amp.GradScaler | None]:
    """The autocast type (None: float32) and, for float16, the gradient scaler it needs."""
    dtype = amp_dtype(device) if amp else None
    return dtype, torch.amp.GradScaler(device.type) if dtype == torch.float16 else None


# --8<-- [start:seed]
def _seed_everything(seed: int, deterministic: bool) -> None:
    """Seed Python, NumPy and torch; ``deterministic`` asks for deterministic kernels.

    On a CPU this makes two runs with the same seed give the same numbers bit for bit.
    On a GPU deterministic kernels also need ``CUBLAS_WORKSPACE_CONFIG``, and some
    operations have none, so there we only warn (``warn_only=True``) instead of failing.

    ``seed_everything`` checks the arguments, then calls this.
    """
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)  # also seeds every CUDA device
    if deterministic:
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
        torch.use_deterministic_algorithms(True, warn_only=True)
        torch.backends.cudnn.benchmark = False


# --8<-- [end:seed]


def seed_everything(seed: int, deterministic: bool = True) -> None:
    """Seed Python, NumPy and torch; ``deterministic`` asks for deterministic kernels.

    On a CPU this makes two runs with the same seed give the same numbers bit for bit.
    On a GPU deterministic kernels also need ``CUBLAS_WORKSPACE_CONFIG``, and some
    operations have none, so there we only warn (``warn_only=True``) instead of failing.
    """
    if not is_integer(seed):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    seed = int(seed)
    if not -(2**63) <= seed < 2**64:  # torch's seeds are 64-bit
        raise ValueError(f"seed must be in [-2**63, 2**64 - 1], got {seed}")
    return _seed_everything(seed, deterministic)
