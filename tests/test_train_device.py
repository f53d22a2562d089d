"""syllabus_code.train.device: device choice, mixed-precision type, seeding."""

from __future__ import annotations

import random

import numpy as np
import pytest
import torch

from syllabus_code.train import amp_dtype, pick_device, seed_everything
from syllabus_code.train.device import precision


def test_pick_device_and_amp_dtype():
    assert pick_device("cpu") == torch.device("cpu")
    assert pick_device().type in ("cuda", "mps", "cpu")
    assert amp_dtype(torch.device("cpu")) is None
    assert precision(torch.device("cpu"), amp=True) == (None, None)
    with pytest.raises(TypeError, match="device"):
        pick_device(0)


def test_seed_everything_repeats_every_generator():
    seed_everything(3)
    first = (random.random(), np.random.rand(), torch.rand(1).item())
    seed_everything(3)
    assert (random.random(), np.random.rand(), torch.rand(1).item()) == first
    seed_everything(np.int64(3))  # a NumPy integer is a seed too, the same one
    assert (random.random(), np.random.rand(), torch.rand(1).item()) == first
    with pytest.raises(TypeError, match="seed must be an int"):
        seed_everything("0")
    with pytest.raises(TypeError, match="seed must be an int, got bool"):
        seed_everything(True)
    with pytest.raises(ValueError, match=r"seed must be in \[-2\*\*63, 2\*\*64 - 1\]"):
        seed_everything(2**70)
