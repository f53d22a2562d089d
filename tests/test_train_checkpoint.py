"""syllabus_code.train.checkpoint: checkpoints, metrics, and a resume that continues exactly."""

from __future__ import annotations

import pytest
import torch

import syllabus_code.train.loop as loop
from syllabus_code.train import (CheckpointMismatchError, TrainConfig, build_model, fit, load_checkpoint,
                                 read_metrics, save_checkpoint)


def tiny(**kw):
    base = dict(data="synthetic", limit=128, batch_size=32, epochs=1, progress=False, device="cpu")
    base.update(kw)
    return TrainConfig(**base)


def test_checkpoint_resume_continues_and_metrics_are_json_lines(tmp_path):
    fit(tiny(epochs=1, out=str(tmp_path / "half")))
    # resume the 1-epoch run and train on to 2 epochs
    half = fit(tiny(epochs=2, out=str(tmp_path / "half"), resume=True))
    assert [r["epoch"] for r in half["epochs"]] == [2]
    records = read_metrics(tmp_path / "half" / "metrics.jsonl")
    assert [r["epoch"] for r in records] == [1, 2]
    assert set(records[0]) >= {"epoch", "train_loss", "train_acc", "test_loss", "test_acc", "seconds"}
    state = torch.load(tmp_path / "half" / "checkpoint.pt", weights_only=True)
    assert state["arch"] == "lenet5" and state["epoch"] == 2 and state["config"]["batch_size"] == 32
    assert len(half["steps"]) == 4


def test_resume_after_an_interruption_is_bit_exact(tmp_path, monkeypatch):
    whole = fit(tiny(epochs=2))
    real, calls = loop.train_one_epoch, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # stopped during epoch 2, after epoch 1's checkpoint
        return real(*args, **kwargs)

    monkeypatch.setattr(loop, "train_one_epoch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fit(tiny(epochs=2, out=str(tmp_path)))
    monkeypatch.setattr(loop, "train_one_epoch", real)
    rest = fit(tiny(epochs=2, out=str(tmp_path), resume=True))
    assert rest["steps"] == whole["steps"][4:]  # same weights, optimiser, schedule and order


def test_checkpoint_of_another_architecture_is_refused(tmp_path):
    model = build_model("lenet5")
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    path = save_checkpoint(tmp_path / "c.pt", model, opt, epoch=3, arch="lenet5", config={"lr": 0.1})
    with pytest.raises(CheckpointMismatchError, match=r"'lenet5'.*'resnet18'"):
        load_checkpoint(path, build_model("lenet5"), arch="resnet18")
    state = load_checkpoint(path, build_model("lenet5"), opt, arch="lenet5")
    assert state["epoch"] == 3 and state["config"] == {"lr": 0.1}
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_checkpoint(tmp_path / "missing.pt", model)
