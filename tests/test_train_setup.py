"""syllabus_code.train.setup: the data with the model's channels, model sizing, a model that
cannot take the data failing before training, and the schedule."""

from __future__ import annotations

import pytest
import torch
from train_helpers import tiny

from syllabus_code.train import SetupError, build_model, fit, warmup_cosine
from syllabus_code.train.setup import load_data


def test_load_data_reads_each_split_once_with_the_model_channels(monkeypatch):
    import syllabus_code.train.setup as setup

    calls = []
    real = setup.prepare_data
    monkeypatch.setattr(
        setup, "prepare_data", lambda *a, **k: calls.append((a, k)) or real(*a, **k)
    )
    train, test = load_data(tiny(model="resnet18"))
    # no extra read to learn the channels
    assert [a[1] for a, _ in calls] == [True, False]
    assert train.images.shape == (128, 3, 28, 28) and test.images.shape == (
        256,
        3,
        28,
        28,
    )


def test_build_model_sizes_lenet_and_imagenet_models():
    assert build_model("lenet5", in_channels=1, image_size=28)(
        torch.zeros(2, 1, 28, 28)
    ).shape == (2, 10)
    r = build_model("resnet18", num_classes=7)
    assert r.fc.out_features == 7
    with pytest.raises(ValueError, match="valid names"):
        build_model("resnet7")


def test_a_model_that_cannot_take_the_data_fails_before_training():
    with pytest.raises(
        SetupError,
        match=r"'vit_mini' cannot train on the synthetic images of shape "
        r"\(3, 28, 28\): .*expects input \(N, 3, 32, 32\)",
    ):
        fit(tiny(model="vit_mini"))
    with pytest.raises(
        SetupError, match=r"'lenet5' cannot be built with model_kwargs \{'depth': 3\}"
    ):
        fit(tiny(model_kwargs={"depth": 3}))


def test_warmup_cosine_schedule():
    f = warmup_cosine(100)
    assert f(0) == pytest.approx(0.1) and f(9) == pytest.approx(1.0)
    assert (
        f(10) == pytest.approx(1.0)
        and f(55) == pytest.approx(0.5)
        and f(100) == pytest.approx(0.0)
    )
    g = warmup_cosine(3)  # tiny runs still work (no division by zero)
    assert [round(g(t), 3) for t in range(3)] == [1.0, 1.0, 0.5]


def test_loop_re_exports_them():
    from syllabus_code.train import loop, setup

    assert (
        loop.build_model,
        loop.load_data,
        loop.make_optimizer,
        loop.make_scheduler,
        loop.model_channels,
        loop.warmup_cosine,
    ) == (
        setup.build_model,
        setup.load_data,
        setup.make_optimizer,
        setup.make_scheduler,
        setup.model_channels,
        setup.warmup_cosine,
    )
