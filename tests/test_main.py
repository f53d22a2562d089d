"""The command line: listing models, a tiny run, and `error: ...` with exit status 2 for every bad
argument and every checkpoint that does not fit, never a traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from syllabus_code.__main__ import build_parser, main
from syllabus_code.models import list_models
from syllabus_code.train import read_metrics

ROOT = Path(__file__).resolve().parents[1]
TINY = [
    "train",
    "--data",
    "synthetic",
    "--limit",
    "64",
    "--batch-size",
    "32",
    "--epochs",
    "1",
    "--no-progress",
    "--device",
    "cpu",
]


def fails(capsys, argv, match):
    """``main(argv)`` exits with status 2 and one ``error:`` line matching ``match``."""
    with pytest.raises(SystemExit) as exc:
        main(argv)
    err = capsys.readouterr().err
    assert exc.value.code == 2, err
    assert re.search(r"error: .*" + match, err), err
    assert "Traceback" not in err


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "run"
    assert main(TINY + ["--out", str(out)]) == 0
    return out


@pytest.fixture
def run_copy(finished_run, tmp_path):
    return Path(shutil.copytree(finished_run, tmp_path / "run"))


def test_models_lists_every_name(capsys):
    assert main(["models"]) == 0
    assert capsys.readouterr().out.split() == list_models()


def test_train_writes_metrics_and_checkpoint(finished_run):
    assert read_metrics(finished_run / "metrics.jsonl")[0]["epoch"] == 1
    assert (finished_run / "checkpoint.pt").is_file()


@pytest.mark.parametrize(
    "extra, match",
    [
        (
            ["--model", "resnet7"],
            "unknown model 'resnet7'; valid names: .*lenet5.*resnet50",
        ),
        (["--data", "imagenet"], "valid names: mnist, fashion-mnist, cifar10"),
        (["--epochs", "0"], "epochs must be a positive int, got 0"),
        (["--epochs", "two"], "argument --epochs: invalid int value: 'two'"),
        (
            ["--weight-decay", "-1"],
            "weight_decay must be a finite number >= 0.0, got -1",
        ),
        (["--lr", "nan"], "lr must be a finite number > 0, got nan"),
        (
            ["--device", "banana"],
            "device must be 'auto', 'cpu', 'cuda', 'cuda:N' or 'mps', got 'banana'",
        ),
        (["--threads", "0"], "argument --threads: must be a positive int, got 0"),
        (["--seed", str(2**70)], r"seed must be an int in \[0, 2\*\*63 - 1\]"),
        (["--limit", "-3"], "limit must be a positive int or None, got -3"),
        (["--optimizer", "adam"], "argument --optimizer: invalid choice: 'adam'"),
        (
            ["--model", "vit_b_16"],
            r"model 'vit_b_16' cannot train on the synthetic images of shape \(3, 28, 28\)",
        ),
    ],
)
def test_every_bad_argument_is_one_error_line_and_status_2(capsys, extra, match):
    fails(capsys, TINY + extra, match)


def test_out_pointing_at_a_file(capsys, tmp_path):
    (tmp_path / "f.txt").write_text("not a folder")
    fails(
        capsys,
        TINY + ["--out", str(tmp_path / "f.txt")],
        "out must be a folder .* is a file",
    )


def test_missing_data_set(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SYLLABUS_DATA", str(tmp_path / "empty"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("SYLLABUS_DOWNLOAD", "0")
    fails(
        capsys,
        ["train", "--data", "mnist", "--device", "cpu", "--no-progress"],
        "mnist .* not found in .* downloading is off",
    )


def test_an_old_run_is_not_overwritten(capsys, run_copy):
    fails(capsys, TINY + ["--out", str(run_copy)], "already holds a run .*--resume")


@pytest.mark.parametrize(
    "extra, match",
    [
        (
            ["--model", "resnet18"],
            r"architecture 'lenet5', but the model being trained is 'resnet18'",
        ),
        (["--schedule", "constant"], r"schedule='cosine' \(asked: 'constant'\)"),
        (["--optimizer", "sgd"], r"optimizer='adamw' \(asked: 'sgd'\)"),
        (["--limit", "32"], r"limit=64 \(asked: 32\)"),
        (["--seed", "4"], r"seed=0 \(asked: 4\)"),
    ],
)
def test_resume_with_other_settings_is_refused(capsys, run_copy, extra, match):
    fails(
        capsys,
        TINY + ["--epochs", "2", "--out", str(run_copy), "--resume"] + extra,
        match,
    )


def test_resume_from_a_damaged_checkpoint_or_a_bare_tensor(capsys, run_copy):
    path = run_copy / "checkpoint.pt"
    path.write_bytes(b"not a zip file")
    fails(
        capsys, TINY + ["--out", str(run_copy), "--resume"], "cannot be read .*damaged"
    )
    torch.save(torch.zeros(2), path)
    fails(
        capsys, TINY + ["--out", str(run_copy), "--resume"], "not a training checkpoint"
    )


def test_resuming_a_finished_run_says_so(capsys, run_copy):
    assert main(TINY + ["--out", str(run_copy), "--resume"]) == 0
    out = capsys.readouterr().out
    assert "nothing to train" in out and "already trained 1 of --epochs 1" in out
    assert main(TINY + ["--epochs", "2", "--out", str(run_copy), "--resume"]) == 0
    assert '"epoch": 2' in capsys.readouterr().out


def test_no_traceback_from_a_real_process():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "syllabus_code", "train", "--device", "banana"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "python -m syllabus_code train: error: device must be 'auto', 'cpu', 'cuda', 'cuda:N' or "
        "'mps', got 'banana'"
    ]


def test_parser_defaults_follow_the_config():
    args = build_parser().parse_args(["train"])
    assert (args.model, args.data, args.batch_size, args.amp, args.progress) == (
        "lenet5",
        "mnist",
        128,
        True,
        True,
    )
