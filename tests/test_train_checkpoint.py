"""syllabus_code.train.checkpoint: checkpoints, metrics, and a resume that continues exactly."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import torch
from train_helpers import tiny

import syllabus_code.train.loop as loop
from syllabus_code.train import (
    CheckpointError,
    CheckpointMismatchError,
    SetupError,
    build_model,
    fit,
    load_checkpoint,
    prepare_data,
    read_metrics,
    save_checkpoint,
)
from syllabus_code.train.checkpoint import read_checkpoint


def test_checkpoint_resume_continues_and_metrics_are_json_lines(tmp_path):
    fit(tiny(epochs=1, out=str(tmp_path / "half")))
    # resume the 1-epoch run and train on to 2 epochs
    half = fit(tiny(epochs=2, out=str(tmp_path / "half"), resume=True))
    assert [r["epoch"] for r in half["epochs"]] == [2]
    records = read_metrics(tmp_path / "half" / "metrics.jsonl")
    assert [r["epoch"] for r in records] == [1, 2]
    assert set(records[0]) >= {
        "epoch",
        "train_loss",
        "train_acc",
        "test_loss",
        "test_acc",
        "seconds",
    }
    state = torch.load(tmp_path / "half" / "checkpoint.pt", weights_only=True)
    assert (
        state["arch"] == "lenet5"
        and state["epoch"] == 2
        and state["config"]["batch_size"] == 32
    )
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
    # same weights, optimiser, schedule and order
    assert rest["steps"] == whole["steps"][4:]
    lrs = [r["lr"] for r in read_metrics(tmp_path / "metrics.jsonl")]
    # the schedule picks up where it stopped
    assert lrs == [r["lr"] for r in whole["epochs"]]


def test_checkpoint_of_another_architecture_is_refused(tmp_path):
    model = build_model("lenet5")
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    path = save_checkpoint(
        tmp_path / "c.pt", model, opt, epoch=3, arch="lenet5", config={"lr": 0.1}
    )
    with pytest.raises(CheckpointMismatchError, match=r"'lenet5'.*'resnet18'"):
        load_checkpoint(path, build_model("lenet5"), arch="resnet18")
    state = load_checkpoint(path, build_model("lenet5"), opt, arch="lenet5")
    assert state["epoch"] == 3 and state["config"] == {"lr": 0.1}
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_checkpoint(tmp_path / "missing.pt", model)


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory):
    """A finished 1-epoch run (cosine schedule, AdamW), copied afresh by each test that uses it."""
    out = tmp_path_factory.mktemp("run") / "run"
    fit(tiny(limit=64, out=str(out)))
    return out


@pytest.fixture
def run_copy(finished_run, tmp_path):
    return Path(shutil.copytree(finished_run, tmp_path / "run"))


def test_unreadable_checkpoints_raise_one_clear_error(run_copy):
    path = run_copy / "checkpoint.pt"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a truncated file
    with pytest.raises(
        CheckpointError, match="cannot be read .*damaged or not a checkpoint"
    ):
        fit(tiny(limit=64, epochs=2, out=str(run_copy), resume=True))
    torch.save(torch.zeros(3), path)  # a bare tensor
    with pytest.raises(
        CheckpointError,
        match="not a training checkpoint: expected a dict .* got Tensor",
    ):
        fit(tiny(limit=64, epochs=2, out=str(run_copy), resume=True))
    torch.save({"weights": torch.zeros(3)}, path)  # some other dictionary
    with pytest.raises(
        CheckpointError, match=r"not a training checkpoint.*got keys \['weights'\]"
    ):
        read_checkpoint(path)


def test_weights_of_another_shape_are_refused(run_copy):
    other = build_model("lenet5", num_classes=5)
    with pytest.raises(
        CheckpointMismatchError,
        match="does not fit this model or optimiser: .*size mismatch",
    ):
        load_checkpoint(run_copy / "checkpoint.pt", other, arch="lenet5")


@pytest.mark.parametrize(
    "change, message",
    [
        (
            {"schedule": "constant"},
            "schedule='cosine' (asked: 'constant')",
        ),  # would train at lr 0.0
        ({"optimizer": "sgd"}, "optimizer='adamw' (asked: 'sgd')"),
        (
            {"lr": 0.01},
            "lr=0.001 (asked: 0.01)",
        ),  # the optimiser state would restore the old lr
        ({"seed": 1}, "seed=0 (asked: 1)"),  # synthetic data: another data set
        ({"limit": 32}, "limit=64 (asked: 32)"),
    ],
)
def test_resume_with_other_settings_is_refused(run_copy, change, message):
    with pytest.raises(CheckpointMismatchError, match=re.escape(message)):
        fit(
            tiny(
                **{
                    "limit": 64,
                    "epochs": 2,
                    "out": str(run_copy),
                    "resume": True,
                    **change,
                }
            )
        )


def test_resume_on_another_training_set_is_refused(run_copy):
    other = prepare_data("synthetic", limit=96, seed=5)
    with pytest.raises(CheckpointMismatchError, match=r"train_size=64 \(now: 96\)"):
        fit(
            tiny(limit=64, epochs=2, out=str(run_copy), resume=True),
            train_set=other,
            test_set=other,
        )


def test_resuming_a_finished_run_trains_nothing_and_says_where_it_stopped(run_copy):
    history = fit(tiny(limit=64, epochs=1, out=str(run_copy), resume=True))
    assert (
        history["epochs"] == []
        and history["steps"] == []
        and history["start_epoch"] == 1
    )
    assert [r["epoch"] for r in read_metrics(run_copy / "metrics.jsonl")] == [1]


def test_a_new_run_never_overwrites_an_old_one(run_copy):
    with pytest.raises(SetupError, match="already holds a run .*resume=True"):
        fit(tiny(limit=64, out=str(run_copy)))


def test_checkpoint_records_the_schedule_position_and_the_data(finished_run):
    state = torch.load(finished_run / "checkpoint.pt", weights_only=True)
    assert state["scheduler"]["last_epoch"] == 2  # 64 images in batches of 32: 2 steps
    assert state["run"] == {"train_size": 64, "steps_per_epoch": 2}
    # cosine ends at 0
    assert read_metrics(finished_run / "metrics.jsonl")[-1]["lr"] == 0.0


def test_metrics_lines_of_a_rerun_epoch_are_replaced(run_copy):
    path = run_copy / "metrics.jsonl"
    # stopped after writing epoch 2's line, before its checkpoint; then a half-written line
    path.write_text(
        path.read_text() + '{"epoch": 2, "train_loss": 9.9}\n{"epoch": 3, "tr'
    )
    fit(tiny(limit=64, epochs=2, out=str(run_copy), resume=True))
    records = read_metrics(path)
    assert [r["epoch"] for r in records] == [1, 2] and records[1]["train_loss"] != 9.9
