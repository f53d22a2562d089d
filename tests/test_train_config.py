"""syllabus_code.train.config: a run's configuration, checked completely when it is built."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from syllabus_code.train import TrainConfig


def test_defaults_and_normalised_names():
    config = TrainConfig()
    assert (config.model, config.data, config.epochs, config.optimizer) == (
        "lenet5",
        "mnist",
        1,
        "adamw",
    )
    assert (
        config.to_dict()["batch_size"] == 128 and config.to_dict()["model_kwargs"] == {}
    )
    named = TrainConfig(model="LeNet5", data="Fashion_MNIST", epochs=np.int64(2), lr=1)
    assert (named.model, named.data, named.epochs, named.lr) == (
        "lenet5",
        "fashion-mnist",
        2,
        1.0,
    )
    assert type(named.epochs) is int and type(named.lr) is float


@pytest.mark.parametrize(
    "field, value, error, match",
    [
        ("model", "bogus", ValueError, r"unknown model 'bogus'; valid names: .*lenet5"),
        ("model", 5, TypeError, "model must be a string"),
        (
            "data",
            "imagenet",
            ValueError,
            "unknown data set 'imagenet'; valid names: mnist",
        ),
        (
            "device",
            "banana",
            ValueError,
            "device must be 'auto', 'cpu', 'cuda', 'cuda:N' or 'mps', got 'banana'",
        ),
        ("device", "xla", ValueError, "device must be 'auto'"),
        ("device", 0, TypeError, "device must be a string"),
        ("epochs", 0, ValueError, "epochs must be a positive int, got 0"),
        ("epochs", 1.5, TypeError, r"epochs must be a positive int, got 1.5 \(float\)"),
        ("batch_size", True, TypeError, "batch_size must be a positive int"),
        ("lr", -1.0, ValueError, "lr must be a finite number > 0"),
        ("lr", float("nan"), ValueError, "lr must be a finite number > 0"),
        ("weight_decay", -1, ValueError, "weight_decay must be a finite number >= 0"),
        (
            "weight_decay",
            float("inf"),
            ValueError,
            "weight_decay must be a finite number >= 0",
        ),
        ("weight_decay", "0.1", TypeError, "weight_decay must be a number"),
        (
            "optimizer",
            "adam!",
            ValueError,
            "optimizer must be one of 'adamw', 'sgd', got 'adam!'",
        ),
        (
            "schedule",
            "linear",
            ValueError,
            "schedule must be one of 'cosine', 'constant'",
        ),
        ("seed", "a", TypeError, r"seed must be an int in \[0, 2\*\*63 - 1\], got 'a'"),
        ("seed", 2**70, ValueError, r"seed must be an int in \[0, 2\*\*63 - 1\]"),
        ("seed", -1, ValueError, "seed must be an int"),
        ("amp", "yes", TypeError, "amp must be True or False, got 'yes'"),
        ("resume", 1, TypeError, "resume must be True or False"),
        ("limit", 0, ValueError, "limit must be a positive int or None, got 0"),
        ("out", 3, TypeError, "out must be a folder path or None"),
        (
            "model_kwargs",
            [1],
            TypeError,
            "model_kwargs must be a dict with string keys",
        ),
    ],
)
def test_each_bad_value_names_the_field_and_the_expectation(field, value, error, match):
    with pytest.raises(error, match=match):
        TrainConfig(**{field: value})


def test_devices_this_machine_lacks_are_refused_at_once():
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="device 'cuda' is not available"):
            TrainConfig(device="cuda")
    with pytest.raises(ValueError, match="not available"):
        TrainConfig(device=f"cuda:{torch.cuda.device_count()}")
    assert TrainConfig(device="cpu").device == "cpu"


def test_out_must_be_a_folder(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(ValueError, match="out must be a folder .* is a file"):
        TrainConfig(out=str(tmp_path / "file.txt"))
    assert TrainConfig(out=tmp_path / "new").out == str(tmp_path / "new")
