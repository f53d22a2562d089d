"""syllabus_code.data: offline root, read-only sources, clear errors."""

from __future__ import annotations

import gzip
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
    assert (
        str(tmp_path / "empty") in msg
        and "SYLLABUS_DATA" in msg
        and "downloading is off" in msg
    )


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


def _fake_mnist(raw: Path, n: int = 3) -> np.ndarray:
    """The four MNIST archives in IDX format, each split holding ``n`` 28x28 images."""
    raw.mkdir(parents=True)
    images = (np.arange(n * 28 * 28) % 256).astype(np.uint8).reshape(n, 28, 28)
    for split in ("train", "t10k"):
        header = np.array(
            [2051, n, 28, 28], dtype=">i4"
        ).tobytes()  # magic, count, rows, cols
        (raw / f"{split}-images-idx3-ubyte.gz").write_bytes(
            gzip.compress(header + images.tobytes())
        )
        labels = np.array([2049, n], dtype=">i4").tobytes() + bytes(range(n))
        (raw / f"{split}-labels-idx1-ubyte.gz").write_bytes(gzip.compress(labels))
    return images


def test_offline_archives_are_unpacked_into_the_cache(cache, tmp_path, monkeypatch):
    """Downloads off, only the .gz files in the data folder: unpacked into the cache, the data
    folder (which may be read-only) left as it was."""
    monkeypatch.setenv("SYLLABUS_DOWNLOAD", "0")
    source = tmp_path / "copied-by-hand"
    images = _fake_mnist(source / "MNIST" / "raw")
    before = sorted(p.name for p in (source / "MNIST" / "raw").iterdir())
    x, y = data.load_arrays("mnist", train=False, root=source)
    assert x.shape == (3, 1, 28, 28) and np.array_equal(
        x[:, 0] * 255, images.astype(np.float32)
    )
    assert y.tolist() == [0, 1, 2]
    assert sorted(p.name for p in (source / "MNIST" / "raw").iterdir()) == before
    unpacked = cache / "MNIST" / "raw" / "t10k-images-idx3-ubyte"
    assert unpacked.is_file() and not unpacked.is_symlink()
    # already unpacked: nothing to do
    assert data.unpack_archives(cache / "MNIST") == []


def test_offline_archives_in_the_cache_itself(cache, monkeypatch):
    monkeypatch.setenv("SYLLABUS_DOWNLOAD", "0")
    monkeypatch.delenv("SYLLABUS_DATA", raising=False)
    _fake_mnist(cache / "FashionMNIST" / "raw", n=2)
    x, y = data.load_arrays("fashion-mnist", train=True)
    assert x.shape == (2, 1, 28, 28) and y.tolist() == [0, 1]


def test_a_damaged_archive_is_named(cache, tmp_path):
    _fake_mnist(tmp_path / "src" / "MNIST" / "raw")
    (tmp_path / "src" / "MNIST" / "raw" / "train-labels-idx1-ubyte.gz").write_bytes(
        b"not gzip"
    )
    with pytest.raises(
        data.DataNotFoundError, match="cannot unpack .*train-labels-idx1-ubyte.gz"
    ):
        data.load("mnist", root=tmp_path / "src", download=False)
    assert not list((cache / "MNIST" / "raw").glob("*.part"))
