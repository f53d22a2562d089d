"""Shared by the tests of ``syllabus_code.train``: a run small enough for a unit test."""

from __future__ import annotations

from syllabus_code.train import TrainConfig


def tiny(**kw) -> TrainConfig:
    """One epoch on 128 synthetic images, batch 32, on the CPU, quiet; ``kw`` overrides."""
    base = dict(
        data="synthetic",
        limit=128,
        batch_size=32,
        epochs=1,
        progress=False,
        device="cpu",
    )
    base.update(kw)
    return TrainConfig(**base)
