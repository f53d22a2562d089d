"""Command line: ``python -m syllabus_code train ...`` and ``python -m syllabus_code models``.

Examples::

    python -m syllabus_code models
    python -m syllabus_code train --model lenet5 --data mnist --epochs 1 --batch-size 128 --out runs/lenet
    torchrun --nproc_per_node 2 -m syllabus_code train --model resnet18 --data cifar10 --out runs/r18

Under ``torchrun`` the same command trains with DistributedDataParallel (one process per GPU,
or gloo on CPUs); only rank 0 prints the summary and writes files.

Every bad argument (an unknown name, a value out of range, a missing data set, a model that
cannot take the data, an ``--out`` that is a file, a checkpoint that does not fit) ends with one
line ``python -m syllabus_code train: error: ...`` on stderr and exit status 2, argparse's
convention. Resuming a run that has already trained all its epochs prints that and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import NoReturn

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    from .train import DATA_NAMES, TrainConfig

    d = TrainConfig()
    parser = argparse.ArgumentParser(
        prog="python -m syllabus_code",
        description="Train the course's models; list them.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("models", help="list the model names")
    t = sub.add_parser("train", help="train a model (under torchrun: on every process)")
    t.add_argument(
        "--model", default=d.model, help="a name from `python -m syllabus_code models`"
    )
    t.add_argument("--data", default=d.data, help=f"one of {', '.join(DATA_NAMES)}")
    t.add_argument("--epochs", type=int, default=d.epochs)
    t.add_argument(
        "--batch-size",
        type=int,
        default=d.batch_size,
        help="per process under torchrun",
    )
    t.add_argument("--lr", type=float, default=d.lr)
    t.add_argument("--optimizer", choices=["adamw", "sgd"], default=d.optimizer)
    t.add_argument("--weight-decay", type=float, default=d.weight_decay)
    t.add_argument("--schedule", choices=["cosine", "constant"], default=d.schedule)
    t.add_argument("--seed", type=int, default=d.seed)
    t.add_argument(
        "--device",
        default=d.device,
        help="auto (cuda > mps > cpu), cpu, cuda, cuda:1, mps",
    )
    t.add_argument(
        "--no-amp",
        dest="amp",
        action="store_false",
        help="train in float32 on a GPU too",
    )
    t.add_argument(
        "--channels-last", action="store_true", help="NHWC memory format (GPU speed-up)"
    )
    t.add_argument(
        "--no-progress", dest="progress", action="store_false", help="no progress bar"
    )
    t.add_argument(
        "--limit", type=int, default=None, help="use only the first N training images"
    )
    t.add_argument(
        "--out", default=None, help="folder for checkpoint.pt and metrics.jsonl"
    )
    t.add_argument(
        "--resume", action="store_true", help="continue from OUT/checkpoint.pt"
    )
    t.add_argument(
        "--threads",
        type=_positive_int,
        default=None,
        help="CPU threads for torch (default: torch's)",
    )
    return parser


def _positive_int(text: str) -> int:
    """argparse type: an int >= 1 (argparse turns the ValueError into its own error line)."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive int, got {value}")
    return value


def _fail(message: str) -> NoReturn:
    """One ``error:`` line on stderr and exit status 2, as argparse does for its own errors."""
    print(f"python -m syllabus_code train: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m syllabus_code`` and of the ``syllabus-code`` console script."""
    args = build_parser().parse_args(argv)
    if args.command == "models":
        from .models import list_models

        print("\n".join(list_models()))
        return 0

    import torch

    from .data import DataNotFoundError
    from .train import SetupError, TrainConfig, distributed_env, run

    options = {k: v for k, v in vars(args).items() if k not in ("command", "threads")}
    try:
        config = TrainConfig(**options)
    except (TypeError, ValueError) as exc:
        _fail(str(exc))
    if args.threads is not None:
        torch.set_num_threads(args.threads)
    try:
        history = run(config)
    except (
        SetupError,
        DataNotFoundError,
    ) as exc:  # data, model, out folder, checkpoint
        _fail(str(exc))
    env = distributed_env()
    if env is not None and env[0] != 0:
        return 0
    if not history["epochs"]:
        print(
            f"nothing to train: the run in {config.out} has already trained "
            f"{history['start_epoch']} of --epochs {config.epochs}; raise --epochs to go on"
        )
    for record in history["epochs"]:
        print(
            json.dumps(
                {
                    k: (round(v, 4) if isinstance(v, float) else v)
                    for k, v in record.items()
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
