"""syllabus_code.train.distributed: torchrun's variables, and a real 2-process run on CPUs (gloo)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import torch

from syllabus_code.train import read_metrics
from syllabus_code.train.distributed import distributed_env, start_process, wrap_model

ROOT = Path(__file__).resolve().parents[1]


def test_distributed_env_is_read_from_torchrun_variables(monkeypatch):
    monkeypatch.delenv("RANK", raising=False)
    assert distributed_env() is None
    assert start_process("cpu") == (torch.device("cpu"), 0, 1)
    model = torch.nn.Linear(2, 2)
    assert wrap_model(model, torch.device("cpu"), 1) is model
    monkeypatch.setenv("RANK", "1")
    monkeypatch.setenv("WORLD_SIZE", "2")
    monkeypatch.setenv("LOCAL_RANK", "1")
    assert distributed_env() == (1, 2, 1)
    monkeypatch.setenv("WORLD_SIZE", "1")
    assert distributed_env() is None


def test_torchrun_two_processes_gloo(tmp_path):
    """DDP on the CPU with 2 processes: both train, only rank 0 writes, and the run finishes."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    env.pop("RANK", None)
    cmd = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--nproc_per_node",
        "2",
        "--master_port",
        "29533",
        "-m",
        "syllabus_code",
        "train",
        "--data",
        "synthetic",
        "--limit",
        "128",
        "--batch-size",
        "32",
        "--epochs",
        "1",
        "--no-progress",
        "--out",
        str(tmp_path),
    ]
    proc = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=150
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    records = read_metrics(tmp_path / "metrics.jsonl")
    assert len(records) == 1  # one writer
    printed = [
        json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")
    ]
    assert len(printed) == 1 and printed[0]["epoch"] == 1
    assert torch.load(tmp_path / "checkpoint.pt", weights_only=True)["arch"] == "lenet5"
