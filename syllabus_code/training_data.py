"""For training: whole data sets as tensors (they fit in memory), batched by slicing.

:func:`prepare_data` gives a data set of :mod:`syllabus_code.data` (or a synthetic one) as two
standardised tensors (:class:`ArrayDataset`), and :func:`make_loader` batches it in an order
fixed by (seed, epoch). :mod:`syllabus_code.data` re-exports all of these.
"""

from __future__ import annotations

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, DistributedSampler

from ._checks import is_integer

__all__ = [
    "DATA_STATS",
    "DATA_NAMES",
    "data_key",
    "data_channels",
    "ArrayDataset",
    "prepare_data",
    "make_loader",
]


#: Per-channel mean and standard deviation of each training set, for standardising inputs.
DATA_STATS = {
    "mnist": ((0.1307,), (0.3081,)),
    "fashion-mnist": ((0.2860,), (0.3530,)),
    "cifar10": ((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)),
    "cifar10-sample": ((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)),
    "synthetic": ((0.5,), (0.29,)),
}
#: The names :func:`prepare_data` accepts.
DATA_NAMES = ("mnist", "fashion-mnist", "cifar10", "cifar10-sample", "synthetic")


def data_key(name: str) -> str:
    """``name`` normalised (``"Fashion_MNIST"`` -> ``"fashion-mnist"``), checked against :data:`DATA_NAMES`."""
    if not isinstance(name, str):
        raise TypeError(f"data must be a string, got {type(name).__name__}")
    key = name.lower().replace("_", "-")
    if key not in DATA_NAMES:
        raise ValueError(
            f"unknown data set {name!r}; valid names: {', '.join(DATA_NAMES)}"
        )
    return key


def data_channels(name: str) -> int:
    """The number of colour channels of the data set ``name`` (1 for grey, 3 for colour)."""
    return len(DATA_STATS[data_key(name)][0])


class ArrayDataset(Dataset):
    """Images and labels held as two tensors; a whole batch is fetched with one indexing operation."""

    def __init__(self, images: torch.Tensor, labels: torch.Tensor) -> None:
        if not isinstance(images, torch.Tensor) or not isinstance(labels, torch.Tensor):
            raise TypeError("images and labels must be torch tensors")
        if images.shape[0] != labels.shape[0]:
            raise ValueError(
                f"images and labels must have the same length, got {images.shape[0]} "
                f"and {labels.shape[0]}"
            )
        self.images, self.labels = images, labels

    def __len__(self) -> int:
        return self.labels.shape[0]

    def __getitem__(self, i):
        return self.images[i], self.labels[i]

    # DataLoader calls this with a whole batch of indices
    def __getitems__(self, indices):
        idx = torch.as_tensor(indices)
        return self.images[idx], self.labels[idx]


def _as_batch(batch):
    return batch  # __getitems__ already returns the stacked batch


def _check_optional_count(value, name: str) -> None:
    if value is not None and not (is_integer(value) and value >= 1):
        raise ValueError(f"{name} must be a positive int or None, got {value!r}")


def prepare_data(
    name: str,
    train: bool = True,
    *,
    limit: int | None = None,
    channels: int | None = None,
    seed: int = 0,
) -> ArrayDataset:
    """A data set as standardised tensors: ``mnist``, ``fashion-mnist``, ``cifar10``,
    ``cifar10-sample`` (the offline 4,000/1,000-image sample: for smoke tests only) or
    ``synthetic`` (random 1×28×28 images with random labels: for testing the machinery).

    ``limit`` keeps the first ``limit`` images (``synthetic``: makes that many; default 512).
    ``channels=3`` repeats a grey image into three channels (for ImageNet models).
    """
    key = data_key(name)
    _check_optional_count(limit, "limit")
    _check_optional_count(channels, "channels")
    if not is_integer(seed):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    seed = int(seed)
    if key == "synthetic":
        g = torch.Generator().manual_seed(seed + (0 if train else 1))
        n = limit or 512
        x = torch.rand(n, 1, 28, 28, generator=g)
        y = torch.randint(0, 10, (n,), generator=g)
    else:
        # data re-exports this module
        from .data import load_arrays, load_cifar10_sample

        if key == "cifar10-sample":
            images, labels, _ = load_cifar10_sample(train)
        else:
            images, labels = load_arrays(key, train=train)
        if limit is not None:
            images, labels = images[:limit], labels[:limit]
        x, y = torch.from_numpy(np.ascontiguousarray(images)), torch.from_numpy(labels)
    mean, std = (torch.tensor(s).view(1, -1, 1, 1) for s in DATA_STATS[key])
    x = (x - mean) / std
    if channels is not None and channels != x.shape[1]:
        if x.shape[1] != 1:
            raise ValueError(
                f"cannot turn {x.shape[1]}-channel images into {channels} channels"
            )
        x = x.expand(-1, channels, -1, -1).contiguous()
    return ArrayDataset(x, y)


def make_loader(
    dataset: Dataset,
    batch_size: int,
    *,
    shuffle: bool,
    seed: int = 0,
    distributed: bool = False,
) -> DataLoader:
    """A DataLoader over ``dataset`` with a ``DistributedSampler``: under torchrun
    (``distributed``) each process gets its own shard; otherwise it is one "process" holding
    everything. With ``shuffle`` the order depends only on ``(seed, epoch)``, so a resumed run
    sees the same order as an uninterrupted one; call ``loader.sampler.set_epoch(e)`` each epoch.
    """
    one = {} if distributed else {"num_replicas": 1, "rank": 0}
    sampler = DistributedSampler(dataset, shuffle=shuffle, seed=seed, **one)
    return DataLoader(
        dataset, batch_size=batch_size, sampler=sampler, collate_fn=_as_batch
    )
