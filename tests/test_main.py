"""The command line: listing models, training a tiny run, clear errors for unknown names."""

from __future__ import annotations

import pytest

from syllabus_code.__main__ import build_parser, main
from syllabus_code.models import list_models
from syllabus_code.train import read_metrics


def test_models_lists_every_name(capsys):
    assert main(["models"]) == 0
    assert capsys.readouterr().out.split() == list_models()


def test_train_writes_metrics_and_checkpoint(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["train", "--data", "synthetic", "--limit", "64", "--batch-size", "32", "--epochs", "1",
                 "--no-progress", "--device", "cpu", "--out", str(out)]) == 0
    assert '"epoch": 1' in capsys.readouterr().out
    assert read_metrics(out / "metrics.jsonl")[0]["epoch"] == 1
    assert (out / "checkpoint.pt").is_file()
    # resuming with another architecture is refused, naming both
    with pytest.raises(SystemExit, match=r"'lenet5'.*'resnet18'"):
        main(["train", "--model", "resnet18", "--data", "synthetic", "--limit", "64", "--no-progress",
              "--device", "cpu", "--out", str(out), "--resume"])


def test_unknown_names_list_the_valid_ones():
    with pytest.raises(SystemExit, match="valid names: .*lenet5.*resnet50"):
        main(["train", "--model", "resnet7"])
    with pytest.raises(SystemExit, match="valid names: mnist, fashion-mnist, cifar10"):
        main(["train", "--data", "imagenet"])
    with pytest.raises(SystemExit, match="epochs must be a positive int"):
        main(["train", "--data", "synthetic", "--epochs", "0"])


def test_parser_defaults_follow_the_config():
    args = build_parser().parse_args(["train"])
    assert (args.model, args.data, args.batch_size, args.amp, args.progress) == ("lenet5", "mnist", 128, True, True)
