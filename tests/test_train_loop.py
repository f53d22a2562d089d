"""syllabus_code.train.loop: determinism, learning, model sizing, the schedule, AMP on a GPU."""

from __future__ import annotations

import pytest
import torch

from syllabus_code.train import (
    ArrayDataset,
    SetupError,
    TrainConfig,
    amp_dtype,
    build_model,
    fit,
    warmup_cosine,
)
from syllabus_code.train.loop import load_data


def tiny(**kw):
    base = dict(data="synthetic", limit=128, batch_size=32, epochs=1, progress=False, device="cpu")
    base.update(kw)
    return TrainConfig(**base)


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
        x[i, 0, 2 * label:2 * label + 3] += 2.0
    ds = ArrayDataset(x, y)
    h = fit(tiny(epochs=4, lr=3e-3, schedule="constant"), train_set=ds, test_set=ds)
    assert h["epochs"][-1]["train_loss"] < 0.7 * h["epochs"][0]["train_loss"]
    assert h["epochs"][-1]["test_acc"] > 0.8


def test_load_data_reads_each_split_once_with_the_model_channels(monkeypatch):
    import syllabus_code.train.loop as loop

    calls = []
    real = loop.prepare_data
    monkeypatch.setattr(loop, "prepare_data", lambda *a, **k: calls.append((a, k)) or real(*a, **k))
    train, test = load_data(tiny(model="resnet18"))
    assert [a[1] for a, _ in calls] == [True, False]  # no extra read to learn the channels
    assert train.images.shape == (128, 3, 28, 28) and test.images.shape == (256, 3, 28, 28)


def test_build_model_sizes_lenet_and_imagenet_models():
    assert build_model("lenet5", in_channels=1, image_size=28)(torch.zeros(2, 1, 28, 28)).shape == (2, 10)
    r = build_model("resnet18", num_classes=7)
    assert r.fc.out_features == 7
    with pytest.raises(ValueError, match="valid names"):
        build_model("resnet7")


def test_a_model_that_cannot_take_the_data_fails_before_training():
    with pytest.raises(SetupError, match=r"'vit_mini' cannot train on the synthetic images of shape "
                                         r"\(3, 28, 28\): .*expects input \(N, 3, 32, 32\)"):
        fit(tiny(model="vit_mini"))
    with pytest.raises(SetupError, match=r"'lenet5' cannot be built with model_kwargs \{'depth': 3\}"):
        fit(tiny(model_kwargs={"depth": 3}))


def test_fit_needs_a_config():
    with pytest.raises(TypeError, match="config"):
        fit({"epochs": 1})


def test_warmup_cosine_schedule():
    f = warmup_cosine(100)
    assert f(0) == pytest.approx(0.1) and f(9) == pytest.approx(1.0)
    assert f(10) == pytest.approx(1.0) and f(55) == pytest.approx(0.5) and f(100) == pytest.approx(0.0)
    g = warmup_cosine(3)  # tiny runs still work (no division by zero)
    assert [round(g(t), 3) for t in range(3)] == [1.0, 1.0, 0.5]


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_amp_and_channels_last_on_gpu():
    h = fit(TrainConfig(data="synthetic", limit=256, batch_size=64, epochs=1, progress=False,
                        channels_last=True, amp=True, device="cuda"))
    assert h["epochs"][0]["device"].startswith("cuda")
    assert all(torch.isfinite(torch.tensor(h["steps"])))
    dtype = amp_dtype(torch.device("cuda"))
    assert dtype in (torch.bfloat16, torch.float16)
    m = h["model"]
    assert m.features[0].weight.is_contiguous(memory_format=torch.channels_last)
