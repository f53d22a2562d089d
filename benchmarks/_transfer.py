"""What the transfer benchmarks share: the LeNet-5 they use, its pretraining, and the printed table.

Imported by ``transfer_fashion.py`` and ``transfer_digits.py`` (this folder is on ``sys.path``
when they run as scripts).
"""

from __future__ import annotations

import platform
import time

import torch

from syllabus_code.models import get_model
from syllabus_code.train import TrainConfig, fit


def lenet(num_classes: int = 10) -> torch.nn.Module:
    """LeNet-5 with ReLU and max-pooling on 28×28 images."""
    return get_model(
        "lenet5", activation="relu", pool="max", input_size=28, num_classes=num_classes
    )


def pretrain(model, train_set, test_set, *, epochs: int, seed: int, what: str) -> None:
    """Train ``model`` in place (AdamW, lr 2e-3, batches of 128) and print its test accuracy."""
    start = time.perf_counter()
    h = fit(
        TrainConfig(
            epochs=epochs,
            lr=2e-3,
            batch_size=128,
            progress=False,
            device="cpu",
            seed=seed,
        ),
        model=model,
        train_set=train_set,
        test_set=test_set,
    )
    print(
        f"pretrained on {what}: test accuracy {h['epochs'][-1]['test_acc']:.4f} "
        f"({time.perf_counter() - start:.1f} s)"
    )


def print_table(title: str, results: dict[str, dict]) -> None:
    """One line per strategy: test accuracy, last epoch's training accuracy, parameters, seconds."""
    print(f"\n{title}")
    print(
        f"{'strategy':<20} {'test accuracy':>13} {'train accuracy':>14} {'trainable params':>17} {'seconds':>8}"
    )
    for name, r in results.items():
        print(
            f"{name:<20} {r['test_acc']:>13.4f} {r['train_acc']:>14.4f} {r['trainable']:>17,} "
            f"{r['seconds']:>8.1f}"
        )


def print_machine(start: float) -> None:
    print(
        f"\n{platform.processor() or platform.machine()}, torch {torch.__version__}, "
        f"{torch.get_num_threads()} threads, total {time.perf_counter() - start:.0f} s"
    )
