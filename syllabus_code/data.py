"""Data sets of the course, loaded through torchvision from one configurable root.

Where the data comes from, in order:

1. the ``root`` argument, else the ``SYLLABUS_DATA`` environment variable, else the user cache
   (``$XDG_CACHE_HOME/syllabus_code/data``, by default ``~/.cache/syllabus_code/data``);
2. if that folder holds torchvision's layout (``MNIST/raw/*.gz`` ...) it is used as it is,
   read-only folders included: the files are linked into a writable cache and unpacked there
   (by torchvision when downloads are on, which checks the archives' checksums; by
   :func:`unpack_archives` when they are off, since torchvision unpacks only when downloading);
3. otherwise torchvision downloads into the cache, unless downloading is switched off
   (``download=False`` or ``SYLLABUS_DOWNLOAD=0``).

Missing data with no download gives one :class:`DataNotFoundError` saying where it looked
and what to set.

For training, :func:`prepare_data` gives a whole data set as two standardised tensors
(:class:`ArrayDataset`) and :func:`make_loader` batches it in an order fixed by (seed, epoch).
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, DistributedSampler

from ._checks import is_integer

DATASETS = ("mnist", "fashion-mnist", "cifar10")
_FOLDER = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST", "cifar10": "cifar-10-batches-py"}


class DataNotFoundError(FileNotFoundError):
    """A data set is neither on disk nor allowed (or able) to be downloaded."""


def cache_dir() -> Path:
    """The writable folder where data sets are unpacked or downloaded."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "syllabus_code" / "data"


def data_root(root: str | os.PathLike | None = None) -> Path:
    """The folder the loaders read: ``root``, else ``$SYLLABUS_DATA``, else :func:`cache_dir`."""
    if root is not None:
        return Path(root).expanduser()
    env = os.environ.get("SYLLABUS_DATA")
    return Path(env).expanduser() if env else cache_dir()


def _download_allowed(download: bool | None) -> bool:
    if download is not None:
        return bool(download)
    return os.environ.get("SYLLABUS_DOWNLOAD", "1").lower() not in ("0", "false", "no")


def _check_name(name: str) -> str:
    key = name.lower().replace("_", "-")
    if key not in DATASETS:
        raise ValueError(f"unknown data set {name!r}; choose one of {', '.join(DATASETS)}")
    return key


def _writable_root(source: Path, folder: str) -> Path:
    """A root holding ``folder`` that torchvision may write into.

    torchvision unpacks archives next to them, so a source other than the cache (it may be
    read-only, or shared) is never written: its files are linked into the cache instead.
    """
    target = cache_dir()
    src = source / folder
    if not src.is_dir() or source.resolve() == target.resolve():
        return source
    for path in src.rglob("*"):
        if path.is_file():
            dest = target / folder / path.relative_to(src)
            dest.parent.mkdir(parents=True, exist_ok=True)
            if not dest.exists():
                dest.symlink_to(path.resolve())
    return target


def unpack_archives(folder: Path) -> list[Path]:
    """Unpack each ``folder/raw/NAME.gz`` into ``NAME`` beside it, unless ``NAME`` is there.

    ``folder`` must be writable (:func:`load` passes the cache's copy). Returns the files
    written. A damaged archive raises :class:`DataNotFoundError` naming it.
    """
    written = []
    for archive in sorted((Path(folder) / "raw").glob("*.gz")):
        target = archive.with_suffix("")
        if target.exists():
            continue
        part = target.with_name(target.name + ".part")
        try:
            with gzip.open(archive, "rb") as src, part.open("wb") as dst:
                shutil.copyfileobj(src, dst)
        except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
            part.unlink(missing_ok=True)
            raise DataNotFoundError(f"cannot unpack {archive}: {exc}; replace it with an "
                                    "intact copy") from exc
        part.replace(target)  # never leave a half-written file under the final name
        written.append(target)
    return written


def load(name: str, train: bool = True, *, root=None, download: bool | None = None, transform=None):
    """A torchvision data set: ``"mnist"``, ``"fashion-mnist"`` or ``"cifar10"``.

    Parameters
    ----------
    name : str
        One of :data:`DATASETS`.
    train : bool
        The training split (``True``) or the test split.
    root : path, optional
        Overrides ``$SYLLABUS_DATA``.
    download : bool, optional
        Overrides ``$SYLLABUS_DOWNLOAD``; default: download when missing.
    transform : callable, optional
        Passed to the torchvision data set (e.g. ``torchvision.transforms.v2.ToImage()``).
    """
    import torchvision.datasets as tvd

    key = _check_name(name)
    cls = {"mnist": tvd.MNIST, "fashion-mnist": tvd.FashionMNIST, "cifar10": tvd.CIFAR10}[key]
    source = data_root(root)
    looked = [source / _FOLDER[key]]
    base = _writable_root(source, _FOLDER[key])
    if base != source:
        looked.append(base / _FOLDER[key])
    allowed = _download_allowed(download)
    if not allowed and key != "cifar10":  # MNIST-style: four .gz files in FOLDER/raw
        unpack_archives(base / _FOLDER[key])
    try:
        return cls(str(base), train=train, download=allowed, transform=transform)
    except Exception as exc:  # torchvision raises RuntimeError (missing) or URLError (offline)
        raise DataNotFoundError(
            f"{name} ({'train' if train else 'test'} split) not found in "
            f"{', '.join(str(p) for p in looked)}"
            f"{' and the download failed: ' + str(exc) if allowed else ' and downloading is off'}. "
            "Set SYLLABUS_DATA to a folder in torchvision's layout "
            f"(e.g. {_FOLDER[key]}/raw/...), or allow the download (SYLLABUS_DOWNLOAD=1) on a "
            "machine with internet access."
        ) from exc


def load_arrays(name: str, train: bool = True, **kwargs) -> tuple[np.ndarray, np.ndarray]:
    """A data set as NumPy arrays: images ``(N, C, H, W)`` float32 in [0, 1], labels int64 ``(N,)``."""
    ds = load(name, train, **kwargs)
    images = np.asarray(ds.data)
    if images.ndim == 3:  # MNIST-like: (N, H, W) uint8
        images = images[:, None, :, :]
    else:  # CIFAR: (N, H, W, C) uint8
        images = images.transpose(0, 3, 1, 2)
    return images.astype(np.float32) / 255.0, np.asarray(ds.targets, dtype=np.int64)


def load_cifar10_sample(train: bool = True, *, root=None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The small offline CIFAR-10 *sample* (4,000 train / 1,000 test images) for smoke tests.

    Returns images ``(N, 3, 32, 32)`` float32 in [0, 1], labels int64 and the class names.
    It is a sample: an accuracy measured on it is not a CIFAR-10 accuracy.
    """
    path = data_root(root) / "cifar10-sample" / "cifar10_sample.npz"
    if not path.is_file():
        raise DataNotFoundError(
            f"CIFAR-10 sample not found at {path}; set SYLLABUS_DATA to the folder that holds "
            "cifar10-sample/cifar10_sample.npz, or use load('cifar10') for the full set."
        )
    with np.load(path, allow_pickle=False) as z:
        split = "train" if train else "test"
        rows = z[f"{split}_data"]  # (N, 3072) uint8
        labels = z[f"{split}_labels"].astype(np.int64)
        names = [str(n) for n in z["label_names"]]
    images = rows.reshape(-1, 3, 32, 32).astype(np.float32) / 255.0  # CIFAR rows: 1024 R, G, B
    return images, labels, names


# ---------------------------------------------------------------------------------------------
# For training: whole data sets as tensors (they fit in memory), batched by slicing.
# ---------------------------------------------------------------------------------------------

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
        raise ValueError(f"unknown data set {name!r}; valid names: {', '.join(DATA_NAMES)}")
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
            raise ValueError(f"images and labels must have the same length, got {images.shape[0]} "
                             f"and {labels.shape[0]}")
        self.images, self.labels = images, labels

    def __len__(self) -> int:
        return self.labels.shape[0]

    def __getitem__(self, i):
        return self.images[i], self.labels[i]

    def __getitems__(self, indices):  # DataLoader calls this with a whole batch of indices
        idx = torch.as_tensor(indices)
        return self.images[idx], self.labels[idx]


def _as_batch(batch):
    return batch  # __getitems__ already returns the stacked batch


def _check_optional_count(value, name: str) -> None:
    if value is not None and not (is_integer(value) and value >= 1):
        raise ValueError(f"{name} must be a positive int or None, got {value!r}")


def prepare_data(name: str, train: bool = True, *, limit: int | None = None, channels: int | None = None,
                 seed: int = 0) -> ArrayDataset:
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
            raise ValueError(f"cannot turn {x.shape[1]}-channel images into {channels} channels")
        x = x.expand(-1, channels, -1, -1).contiguous()
    return ArrayDataset(x, y)


def make_loader(dataset: Dataset, batch_size: int, *, shuffle: bool, seed: int = 0,
                distributed: bool = False) -> DataLoader:
    """A DataLoader over ``dataset`` with a ``DistributedSampler``: under torchrun
    (``distributed``) each process gets its own shard; otherwise it is one "process" holding
    everything. With ``shuffle`` the order depends only on ``(seed, epoch)``, so a resumed run
    sees the same order as an uninterrupted one; call ``loader.sampler.set_epoch(e)`` each epoch.
    """
    one = {} if distributed else {"num_replicas": 1, "rank": 0}
    sampler = DistributedSampler(dataset, shuffle=shuffle, seed=seed, **one)
    return DataLoader(dataset, batch_size=batch_size, sampler=sampler, collate_fn=_as_batch)
