"""The training loop: determinism, checkpoints, metrics, AMP/channels_last on a GPU, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from syllabus_code import train as T

ROOT = Path(__file__).resolve().parents[1]


def tiny(**kw):
    base = dict(data="synthetic", limit=128, batch_size=32, epochs=1, progress=False, device="cpu")
    base.update(kw)
    return T.TrainConfig(**base)


def test_same_seed_gives_identical_loss_curve_and_other_seed_does_not():
    a = T.fit(tiny(epochs=2))
    b = T.fit(tiny(epochs=2))
    c = T.fit(tiny(epochs=2, seed=1))
    assert len(a["steps"]) == 8
    assert a["steps"] == b["steps"]  # bit for bit
    assert a["steps"] != c["steps"]


def test_training_lowers_the_loss_on_a_learnable_problem():
    g = torch.Generator().manual_seed(0)
    y = torch.randint(0, 10, (256,), generator=g)
    x = 0.3 * torch.randn(256, 1, 28, 28, generator=g)
    for i, label in enumerate(y.tolist()):  # class k: a bright band at rows 2k..2k+2
        x[i, 0, 2 * label:2 * label + 3] += 2.0
    ds = T.ArrayDataset(x, y)
    h = T.fit(tiny(epochs=4, lr=3e-3, schedule="constant"), train_set=ds, test_set=ds)
    assert h["epochs"][-1]["train_loss"] < 0.7 * h["epochs"][0]["train_loss"]
    assert h["epochs"][-1]["test_acc"] > 0.8


def test_checkpoint_resume_continues_and_metrics_are_json_lines(tmp_path):
    T.fit(tiny(epochs=1, out=str(tmp_path / "half")))
    # resume the 1-epoch run and train on to 2 epochs
    half = T.fit(tiny(epochs=2, out=str(tmp_path / "half"), resume=True))
    assert [r["epoch"] for r in half["epochs"]] == [2]
    records = T.read_metrics(tmp_path / "half" / "metrics.jsonl")
    assert [r["epoch"] for r in records] == [1, 2]
    assert set(records[0]) >= {"epoch", "train_loss", "train_acc", "test_loss", "test_acc", "seconds"}
    state = torch.load(tmp_path / "half" / "checkpoint.pt", weights_only=True)
    assert state["arch"] == "lenet5" and state["epoch"] == 2 and state["config"]["batch_size"] == 32
    assert len(half["steps"]) == 4


def test_resume_after_an_interruption_is_bit_exact(tmp_path, monkeypatch):
    whole = T.fit(tiny(epochs=2))
    real, calls = T.train_one_epoch, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # stopped during epoch 2, after epoch 1's checkpoint
        return real(*args, **kwargs)

    monkeypatch.setattr(T, "train_one_epoch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        T.fit(tiny(epochs=2, out=str(tmp_path)))
    monkeypatch.setattr(T, "train_one_epoch", real)
    rest = T.fit(tiny(epochs=2, out=str(tmp_path), resume=True))
    assert rest["steps"] == whole["steps"][4:]  # same weights, optimiser, schedule and order


def test_checkpoint_of_another_architecture_is_refused(tmp_path):
    model = T.build_model("lenet5")
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    path = T.save_checkpoint(tmp_path / "c.pt", model, opt, epoch=3, arch="lenet5", config={"lr": 0.1})
    with pytest.raises(T.CheckpointMismatchError, match=r"'lenet5'.*'resnet18'"):
        T.load_checkpoint(path, T.build_model("lenet5"), arch="resnet18")
    state = T.load_checkpoint(path, T.build_model("lenet5"), opt, arch="lenet5")
    assert state["epoch"] == 3 and state["config"] == {"lr": 0.1}
    with pytest.raises(FileNotFoundError, match="does not exist"):
        T.load_checkpoint(tmp_path / "missing.pt", model)


def test_pick_device_and_amp_dtype():
    assert T.pick_device("cpu") == torch.device("cpu")
    assert T.pick_device().type in ("cuda", "mps", "cpu")
    assert T.amp_dtype(torch.device("cpu")) is None
    with pytest.raises(TypeError, match="device"):
        T.pick_device(0)


def test_prepare_data_standardises_and_repeats_channels():
    ds = T.prepare_data("mnist", False, limit=64)
    assert ds.images.shape == (64, 1, 28, 28) and ds.labels.dtype == torch.int64
    three = T.prepare_data("mnist", False, limit=8, channels=3)
    assert three.images.shape == (8, 3, 28, 28)
    assert torch.equal(three.images[:, 0], three.images[:, 2])
    x, y = ds.__getitems__([0, 5, 7])
    assert x.shape == (3, 1, 28, 28) and torch.equal(y, ds.labels[[0, 5, 7]])


def test_build_model_sizes_lenet_and_imagenet_models():
    assert T.build_model("lenet5", in_channels=1, image_size=28)(torch.zeros(2, 1, 28, 28)).shape == (2, 10)
    r = T.build_model("resnet18", num_classes=7)
    assert r.fc.out_features == 7


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="epochs"):
        T.TrainConfig(epochs=0)
    with pytest.raises(ValueError, match="lr"):
        T.TrainConfig(lr=-1.0)
    with pytest.raises(ValueError, match="optimizer"):
        T.TrainConfig(optimizer="adam!")
    with pytest.raises(ValueError, match="valid names: mnist"):
        T.prepare_data("imagenet")
    with pytest.raises(ValueError, match="valid names"):
        T.build_model("resnet7")
    with pytest.raises(TypeError, match="config"):
        T.fit({"epochs": 1})
    with pytest.raises(TypeError, match="seed"):
        T.seed_everything("0")
    with pytest.raises(ValueError, match="same length"):
        T.ArrayDataset(torch.zeros(3, 1, 2, 2), torch.zeros(2))


def test_distributed_env_is_read_from_torchrun_variables(monkeypatch):
    monkeypatch.delenv("RANK", raising=False)
    assert T.distributed_env() is None
    monkeypatch.setenv("RANK", "1")
    monkeypatch.setenv("WORLD_SIZE", "2")
    monkeypatch.setenv("LOCAL_RANK", "1")
    assert T.distributed_env() == (1, 2, 1)
    monkeypatch.setenv("WORLD_SIZE", "1")
    assert T.distributed_env() is None


def test_torchrun_two_processes_gloo(tmp_path):
    """DDP on the CPU with 2 processes: both train, only rank 0 writes, and the run finishes."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    env.pop("RANK", None)
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_port", "29533",
           "-m", "syllabus_code", "train", "--data", "synthetic", "--limit", "128", "--batch-size", "32",
           "--epochs", "1", "--no-progress", "--out", str(tmp_path)]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=150)
    assert proc.returncode == 0, proc.stderr[-3000:]
    records = T.read_metrics(tmp_path / "metrics.jsonl")
    assert len(records) == 1  # one writer
    # 128 images, 2 shards of 64: the all-reduced count covers both processes
    printed = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert len(printed) == 1 and printed[0]["epoch"] == 1
    assert torch.load(tmp_path / "checkpoint.pt", weights_only=True)["arch"] == "lenet5"


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_amp_and_channels_last_on_gpu():
    h = T.fit(T.TrainConfig(data="synthetic", limit=256, batch_size=64, epochs=1, progress=False,
                            channels_last=True, amp=True, device="cuda"))
    assert h["epochs"][0]["device"].startswith("cuda")
    assert all(torch.isfinite(torch.tensor(h["steps"])))
    dtype = T.amp_dtype(torch.device("cuda"))
    assert dtype in (torch.bfloat16, torch.float16)
    m = h["model"]
    assert m.features[0].weight.is_contiguous(memory_format=torch.channels_last)


def test_warmup_cosine_schedule():
    f = T.warmup_cosine(100)
    assert f(0) == pytest.approx(0.1) and f(9) == pytest.approx(1.0)
    assert f(10) == pytest.approx(1.0) and f(55) == pytest.approx(0.5) and f(100) == pytest.approx(0.0)
    g = T.warmup_cosine(3)  # tiny runs still work (no division by zero)
    assert [round(g(t), 3) for t in range(3)] == [1.0, 1.0, 0.5]
