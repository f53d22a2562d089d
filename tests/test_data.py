"""syllabus_code.data: offline root, read-only sources, clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from syllabus_code import data

SHARED = Path(os.environ.get("SYLLABUS_DATA", "/nonexistent"))
needs_offline_copy = pytest.mark.skipif(
    not (SHARED / "MNIST" / "raw").is_dir(),
    reason="the offline data copy (SYLLABUS_DATA with MNIST/raw) is not on this machine",
)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "syllabus_code" / "data"


def test_root_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("SYLLABUS_DATA", str(tmp_path / "env"))
    assert data.data_root() == tmp_path / "env"
    assert data.data_root(tmp_path / "arg") == tmp_path / "arg"
    monkeypatch.delenv("SYLLABUS_DATA")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert data.data_root() == tmp_path / "xdg" / "syllabus_code" / "data"


@needs_offline_copy
def test_mnist_from_read_only_copy_is_linked_not_written(cache):
    before = sorted(p.name for p in (SHARED / "MNIST" / "raw").iterdir())
    x, y = data.load_arrays("mnist", train=False, root=SHARED, download=True)
    assert x.shape == (10_000, 1, 28, 28) and x.dtype == np.float32
    assert 0.0 <= x.min() and x.max() <= 1.0
    assert y.shape == (10_000,) and set(np.unique(y)) == set(range(10))
    assert y[:5].tolist() == [7, 2, 1, 0, 4]  # the first MNIST test digits
    assert sorted(p.name for p in (SHARED / "MNIST" / "raw").iterdir()) == before
    assert (cache / "MNIST" / "raw" / "t10k-images-idx3-ubyte.gz").is_symlink()


@needs_offline_copy
def test_fashion_mnist_train_split(cache):
    x, y = data.load_arrays("fashion-mnist", train=True, root=SHARED)
    assert x.shape == (60_000, 1, 28, 28)
    assert np.bincount(y).tolist() == [6000] * 10


@needs_offline_copy
def test_cifar10_sample():
    x, y, names = data.load_cifar10_sample(train=False, root=SHARED)
    assert x.shape == (1000, 3, 32, 32) and y.shape == (1000,)
    assert names[0] == "airplane" and len(names) == 10


def test_missing_data_without_download_says_where_and_what(cache, tmp_path):
    with pytest.raises(data.DataNotFoundError) as err:
        data.load("cifar10", root=tmp_path / "empty", download=False)
    msg = str(err.value)
    assert str(tmp_path / "empty") in msg and "SYLLABUS_DATA" in msg and "downloading is off" in msg


def test_download_switch_from_environment(monkeypatch, cache, tmp_path):
    monkeypatch.setenv("SYLLABUS_DOWNLOAD", "0")
    with pytest.raises(data.DataNotFoundError, match="downloading is off"):
        data.load("mnist", root=tmp_path / "empty")


def test_unknown_name_lists_the_valid_ones():
    with pytest.raises(ValueError, match="mnist, fashion-mnist, cifar10"):
        data.load("imagenet")


def test_missing_cifar_sample(tmp_path):
    with pytest.raises(data.DataNotFoundError, match="cifar10_sample.npz"):
        data.load_cifar10_sample(root=tmp_path)
