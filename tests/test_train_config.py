"""syllabus_code.train.config: a run's configuration, checked when it is built."""

from __future__ import annotations

import pytest

from syllabus_code.train import TrainConfig


def test_defaults_and_to_dict():
    config = TrainConfig()
    assert (config.model, config.data, config.epochs, config.optimizer) == ("lenet5", "mnist", 1, "adamw")
    assert config.to_dict()["batch_size"] == 128 and config.to_dict()["model_kwargs"] == {}


def test_bad_values_name_the_field():
    with pytest.raises(ValueError, match="epochs"):
        TrainConfig(epochs=0)
    with pytest.raises(ValueError, match="lr"):
        TrainConfig(lr=-1.0)
    with pytest.raises(ValueError, match="optimizer"):
        TrainConfig(optimizer="adam!")
