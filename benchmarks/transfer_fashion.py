"""Transfer learning measured: a small CNN pretrained on MNIST, moved to Fashion-MNIST with few labels.

    .venv/bin/python benchmarks/transfer_fashion.py --per-class 100 --threads 2

1. Pretrain LeNet-5 (ReLU, max-pooling, 28×28 input) on the full MNIST training set.
2. Take ``--per-class`` labelled Fashion-MNIST images per class (the first ones of the training
   set in file order), and train on them with each strategy of ``syllabus_code.transfer``:
   feature extraction, fine-tuning (last 2 blocks at lr/10), full retraining, and the same network
   from random weights ("scratch"). Every run sees the same images in the same order.
3. Print the test accuracy on the full Fashion-MNIST test set (10,000 images) as a table.

``transfer_digits.py`` is the similar-domain counterpart (MNIST digits 0–4 → digits 5–9).
"""

from __future__ import annotations

import argparse
import time

import torch


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-class", type=int, default=100)
    parser.add_argument("--pretrain-epochs", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    # this folder is on sys.path
    from _transfer import lenet, pretrain, print_machine, print_table

    from syllabus_code.train import prepare_data
    from syllabus_code.transfer import class_subset, compare_strategies

    start = time.perf_counter()
    torch.manual_seed(args.seed)
    backbone = lenet()
    pretrain(
        backbone,
        prepare_data("mnist", True),
        prepare_data("mnist", False),
        epochs=args.pretrain_epochs,
        seed=args.seed,
        what="MNIST",
    )

    few = class_subset(
        prepare_data("fashion-mnist", True), range(10), per_class=args.per_class
    )
    fashion_test = prepare_data("fashion-mnist", False)
    results = compare_strategies(
        backbone,
        few,
        fashion_test,
        epochs=args.epochs,
        lr=3e-3,
        batch_size=64,
        seed=args.seed,
        make_scratch=lenet,
    )
    print_table(
        f"Fashion-MNIST, {args.per_class} labelled images per class ({len(few)} in all), "
        f"{args.epochs} epochs, test set {len(fashion_test):,} images",
        results,
    )
    print_machine(start)


if __name__ == "__main__":
    main()
