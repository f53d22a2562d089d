"""syllabus_code.training_data: data sets as seeded, standardised tensors, and a loader whose
order depends only on (seed, epoch)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import torch

from syllabus_code import training_data as td

SHARED = Path(os.environ.get("SYLLABUS_DATA", "/nonexistent"))
needs_offline_copy = pytest.mark.skipif(
    not (SHARED / "MNIST" / "raw").is_dir(),
    reason="the offline data copy (SYLLABUS_DATA with MNIST/raw) is not on this machine",
)


def test_prepare_data_synthetic_is_seeded_and_standardised():
    a = td.prepare_data("synthetic", limit=64, seed=3)
    b = td.prepare_data("synthetic", limit=64, seed=3)
    assert a.images.shape == (64, 1, 28, 28) and a.labels.dtype == torch.int64
    assert torch.equal(a.images, b.images) and torch.equal(a.labels, b.labels)
    assert abs(a.images.mean().item()) < 0.1  # (U(0, 1) - 0.5) / 0.29: mean about 0
    three = td.prepare_data("Synthetic", limit=8, channels=3)
    assert three.images.shape == (8, 3, 28, 28) and torch.equal(
        three.images[:, 0], three.images[:, 2]
    )
    x, y = a.__getitems__([0, 5, 7])
    assert x.shape == (3, 1, 28, 28) and torch.equal(y, a.labels[[0, 5, 7]])
    assert (
        td.data_channels("cifar10-sample") == 3
        and td.data_channels("fashion_mnist") == 1
    )


@needs_offline_copy
def test_prepare_data_mnist_repeats_channels():
    ds = td.prepare_data("mnist", False, limit=64)
    assert ds.images.shape == (64, 1, 28, 28) and ds.labels.dtype == torch.int64
    three = td.prepare_data("mnist", False, limit=8, channels=3)
    assert three.images.shape == (8, 3, 28, 28)
    assert torch.equal(three.images[:, 0], three.images[:, 2])


def test_prepare_data_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="valid names: mnist"):
        td.prepare_data("imagenet")
    with pytest.raises(ValueError, match="limit must be a positive int"):
        td.prepare_data("synthetic", limit=0)
    with pytest.raises(
        ValueError, match="channels must be a positive int or None, got True"
    ):
        td.prepare_data("synthetic", channels=True)
    with pytest.raises(TypeError, match="seed must be an int, got bool"):
        td.prepare_data("synthetic", seed=False)
    with pytest.raises(ValueError, match="same length"):
        td.ArrayDataset(torch.zeros(3, 1, 2, 2), torch.zeros(2))


def test_make_loader_order_depends_only_on_seed_and_epoch():
    ds = td.ArrayDataset(torch.arange(10.0).view(10, 1, 1, 1), torch.arange(10))

    def order(seed, epoch):
        loader = td.make_loader(ds, 4, shuffle=True, seed=seed)
        loader.sampler.set_epoch(epoch)
        return torch.cat([y for _, y in loader]).tolist()

    assert sorted(order(0, 0)) == list(range(10))
    assert order(0, 1) == order(0, 1) != order(0, 0)
    # the same permutation as torch.randperm seeded with seed + epoch (what DistributedSampler does)
    assert (
        order(2, 3)
        == torch.randperm(10, generator=torch.Generator().manual_seed(5)).tolist()
    )
    plain = td.make_loader(ds, 4, shuffle=False)
    assert torch.cat([y for _, y in plain]).tolist() == list(range(10))


def test_data_re_exports_them():
    from syllabus_code import data

    assert (
        data.DATA_STATS,
        data.DATA_NAMES,
        data.data_key,
        data.data_channels,
        data.ArrayDataset,
        data.prepare_data,
        data.make_loader,
    ) == (
        td.DATA_STATS,
        td.DATA_NAMES,
        td.data_key,
        td.data_channels,
        td.ArrayDataset,
        td.prepare_data,
        td.make_loader,
    )
