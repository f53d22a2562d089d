"""syllabus_code.train.loop: determinism, learning, AMP on a GPU."""

from __future__ import annotations

import pytest
import torch
from train_helpers import tiny

from syllabus_code.train import ArrayDataset, TrainConfig, amp_dtype, fit


def test_same_seed_gives_identical_loss_curve_and_other_seed_does_not():
    a = fit(tiny(epochs=2))
    b = fit(tiny(epochs=2))
    c = fit(tiny(epochs=2, seed=1))
    assert len(a["steps"]) == 8
    assert a["steps"] == b["steps"]  # bit for bit
    assert a["steps"] != c["steps"]


def test_training_lowers_the_loss_on_a_learnable_problem():
    g = torch.Generator().manual_seed(0)
    y = torch.randint(0, 10, (256,), generator=g)
    x = 0.3 * torch.randn(256, 1, 28, 28, generator=g)
    for i, label in enumerate(y.tolist()):  # class k: a bright band at rows 2k..2k+2
        x[i, 0, 2 * label : 2 * label + 3] += 2.0
    ds = ArrayDataset(x, y)
    h = fit(tiny(epochs=4, lr=3e-3, schedule="constant"), train_set=ds, test_set=ds)
    assert h["epochs"][-1]["train_loss"] < 0.7 * h["epochs"][0]["train_loss"]
    assert h["epochs"][-1]["test_acc"] > 0.8


def test_fit_needs_a_config():
    with pytest.raises(TypeError, match="config"):
        fit({"epochs": 1})


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_amp_and_channels_last_on_gpu():
    h = fit(
        TrainConfig(
            data="synthetic",
            limit=256,
            batch_size=64,
            epochs=1,
            progress=False,
            channels_last=True,
            amp=True,
            device="cuda",
        )
    )
    assert h["epochs"][0]["device"].startswith("cuda")
    assert all(torch.isfinite(torch.tensor(h["steps"])))
    dtype = amp_dtype(torch.device("cuda"))
    assert dtype in (torch.bfloat16, torch.float16)
    m = h["model"]
    assert m.features[0].weight.is_contiguous(memory_format=torch.channels_last)
