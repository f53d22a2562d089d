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
(:class:`ArrayDataset`) and :func:`make_loader` batches it in an order fixed by (seed, epoch);
they are in :mod:`syllabus_code.training_data` and re-exported here.
"""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import numpy as np

from .training_data import (
    DATA_NAMES,
    DATA_STATS,
    ArrayDataset,
    data_channels,
    data_key,
    make_loader,
    prepare_data,
)

__all__ = [
    "DATASETS",
    "DataNotFoundError",
    "cache_dir",
    "data_root",
    "unpack_archives",
    "load",
    "load_arrays",
    "load_cifar10_sample",
    "DATA_STATS",
    "DATA_NAMES",
    "data_key",
    "data_channels",
    "ArrayDataset",
    "prepare_data",
    "make_loader",
]

DATASETS = ("mnist", "fashion-mnist", "cifar10")
_FOLDER = {
    "mnist": "MNIST",
    "fashion-mnist": "FashionMNIST",
    "cifar10": "cifar-10-batches-py",
}


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
        raise ValueError(
            f"unknown data set {name!r}; choose one of {', '.join(DATASETS)}"
        )
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
            raise DataNotFoundError(
                f"cannot unpack {archive}: {exc}; replace it with an intact copy"
            ) from exc
        part.replace(target)  # never leave a half-written file under the final name
        written.append(target)
    return written


def load(
    name: str,
    train: bool = True,
    *,
    root=None,
    download: bool | None = None,
    transform=None,
):
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
    cls = {
        "mnist": tvd.MNIST,
        "fashion-mnist": tvd.FashionMNIST,
        "cifar10": tvd.CIFAR10,
    }[key]
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
    except (
        Exception
    ) as exc:  # torchvision raises RuntimeError (missing) or URLError (offline)
        raise DataNotFoundError(
            f"{name} ({'train' if train else 'test'} split) not found in "
            f"{', '.join(str(p) for p in looked)}"
            f"{' and the download failed: ' + str(exc) if allowed else ' and downloading is off'}. "
            "Set SYLLABUS_DATA to a folder in torchvision's layout "
            f"(e.g. {_FOLDER[key]}/raw/...), or allow the download (SYLLABUS_DOWNLOAD=1) on a "
            "machine with internet access."
        ) from exc


def load_arrays(
    name: str, train: bool = True, **kwargs
) -> tuple[np.ndarray, np.ndarray]:
    """A data set as NumPy arrays: images ``(N, C, H, W)`` float32 in [0, 1], labels int64 ``(N,)``."""
    ds = load(name, train, **kwargs)
    images = np.asarray(ds.data)
    if images.ndim == 3:  # MNIST-like: (N, H, W) uint8
        images = images[:, None, :, :]
    else:  # CIFAR: (N, H, W, C) uint8
        images = images.transpose(0, 3, 1, 2)
    return images.astype(np.float32) / 255.0, np.asarray(ds.targets, dtype=np.int64)


def load_cifar10_sample(
    train: bool = True, *, root=None
) -> tuple[np.ndarray, np.ndarray, list[str]]:
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
    # CIFAR rows: 1024 R, G, B
    images = rows.reshape(-1, 3, 32, 32).astype(np.float32) / 255.0
    return images, labels, names
