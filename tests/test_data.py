"""syllabus_code.data: offline root, read-only sources, clear errors."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import torch

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


def test_prepare_data_synthetic_is_seeded_and_standardised():
    a = data.prepare_data("synthetic", limit=64, seed=3)
    b = data.prepare_data("synthetic", limit=64, seed=3)
    assert a.images.shape == (64, 1, 28, 28) and a.labels.dtype == torch.int64
    assert torch.equal(a.images, b.images) and torch.equal(a.labels, b.labels)
    assert abs(a.images.mean().item()) < 0.1  # (U(0, 1) - 0.5) / 0.29: mean about 0
    three = data.prepare_data("Synthetic", limit=8, channels=3)
    assert three.images.shape == (8, 3, 28, 28) and torch.equal(three.images[:, 0], three.images[:, 2])
    x, y = a.__getitems__([0, 5, 7])
    assert x.shape == (3, 1, 28, 28) and torch.equal(y, a.labels[[0, 5, 7]])
    assert data.data_channels("cifar10-sample") == 3 and data.data_channels("fashion_mnist") == 1


@needs_offline_copy
def test_prepare_data_mnist_repeats_channels():
    ds = data.prepare_data("mnist", False, limit=64)
    assert ds.images.shape == (64, 1, 28, 28) and ds.labels.dtype == torch.int64
    three = data.prepare_data("mnist", False, limit=8, channels=3)
    assert three.images.shape == (8, 3, 28, 28)
    assert torch.equal(three.images[:, 0], three.images[:, 2])


def test_prepare_data_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="valid names: mnist"):
        data.prepare_data("imagenet")
    with pytest.raises(ValueError, match="limit must be a positive int"):
        data.prepare_data("synthetic", limit=0)
    with pytest.raises(ValueError, match="same length"):
        data.ArrayDataset(torch.zeros(3, 1, 2, 2), torch.zeros(2))


def test_make_loader_order_depends_only_on_seed_and_epoch():
    ds = data.ArrayDataset(torch.arange(10.0).view(10, 1, 1, 1), torch.arange(10))

    def order(seed, epoch):
        loader = data.make_loader(ds, 4, shuffle=True, seed=seed)
        loader.sampler.set_epoch(epoch)
        return torch.cat([y for _, y in loader]).tolist()

    assert sorted(order(0, 0)) == list(range(10))
    assert order(0, 1) == order(0, 1) != order(0, 0)
    # the same permutation as torch.randperm seeded with seed + epoch (what DistributedSampler does)
    assert order(2, 3) == torch.randperm(10, generator=torch.Generator().manual_seed(5)).tolist()
    plain = data.make_loader(ds, 4, shuffle=False)
    assert torch.cat([y for _, y in plain]).tolist() == list(range(10))
