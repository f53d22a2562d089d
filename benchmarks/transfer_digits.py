"""Transfer learning measured in a similar domain with very few labels: MNIST digits 0–4 → 5–9.

    SYLLABUS_DATA=../shared/data .venv/bin/python benchmarks/transfer_digits.py --threads 1

1. Pretrain LeNet-5 (ReLU, max-pooling, 28×28 input, five outputs) on the MNIST training images
   of the digits 0–4 only (30,596 images).
2. For each ``--per-class`` value, take that many labelled training images of each of the
   digits 5–9 (the first ones in file order, relabelled 0–4) and train on them with each
   strategy of ``syllabus_code.transfer`` (feature extraction, fine-tuning of the last 2 blocks
   at lr/10, full retraining) and from random weights ("scratch"), once per seed (the seed sets
   the new head's or the scratch network's weights and the batch order).
3. Print the accuracy on every MNIST test image of the digits 5–9 (4,861), mean and range over
   the seeds, and how many directions the pretrained network's features of those images use.

The split mirrors Yosinski et al. (2014), who divided ImageNet's classes into two halves and
transferred from one half to the other; ``transfer_fashion.py`` is the different-domain case.

``--task rotated`` keeps the classes and shifts the domain instead: pretrain (ten outputs) on
all 60,000 MNIST training images, then train on ``--per-class`` images of each digit turned a
quarter turn anticlockwise (``syllabus_code.transfer.rotated``) and score on all 10,000 turned
test images. It also prints how the pretrained network, unchanged, does on the turned digits.
"""

from __future__ import annotations

import argparse
import time

import torch

SOURCE, TARGET = range(0, 5), range(5, 10)


def components_for(features: torch.Tensor, share: float = 0.9) -> int:
    """How many principal components hold ``share`` of the variance of ``features`` (N, D)."""
    var = torch.linalg.svdvals(features - features.mean(0)) ** 2
    return int((torch.cumsum(var, 0) / var.sum() < share).sum()) + 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--task",
        choices=("split", "rotated"),
        default="split",
        help="split: digits 0-4 -> 5-9; rotated: all ten digits -> the same digits "
        "turned by 90 degrees",
    )
    parser.add_argument("--per-class", type=int, nargs="+", default=[5, 10, 25])
    parser.add_argument(
        "--seeds", type=int, default=3, help="runs per strategy, seeds 0, 1, ..."
    )
    parser.add_argument("--pretrain-epochs", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    from _transfer import lenet, pretrain, print_machine  # this folder is on sys.path

    from syllabus_code.train import evaluate, make_loader, prepare_data
    from syllabus_code.transfer import class_subset, compare_strategies, rotated

    start = time.perf_counter()
    mnist_train, mnist_test = prepare_data("mnist", True), prepare_data("mnist", False)
    if args.task == "split":
        source, target, source_name = SOURCE, TARGET, "digits 0-4"
        source_train, source_test = (
            class_subset(mnist_train, source),
            class_subset(mnist_test, source),
        )
        target_train, target_test = mnist_train, class_subset(mnist_test, target)
        target_name = "digits 5-9"
    else:  # the same ten classes, in a domain the source never saw
        source, target, source_name = range(10), range(10), "all ten digits"
        source_train, source_test = mnist_train, mnist_test
        target_train, target_test = rotated(mnist_train), rotated(mnist_test)
        target_name = "rotated digits"
    torch.manual_seed(0)
    backbone = lenet(num_classes=len(source))
    pretrain(
        backbone,
        source_train,
        source_test,
        epochs=args.pretrain_epochs,
        seed=0,
        what=f"MNIST {source_name} ({len(source_train):,} images)",
    )
    if args.task == "rotated":
        as_is = evaluate(
            backbone, make_loader(target_test, 1000, shuffle=False), torch.device("cpu")
        )
        print(
            f"the pretrained network, unchanged, on the rotated test digits: accuracy {as_is['acc']:.4f}"
        )

    with torch.no_grad():
        conv = backbone.eval().features(target_test.images).flatten(1)
        penultimate = backbone.classifier[:4](conv)
    print(
        f"pretrained features of the {target_name} test images, principal components for 90% of "
        f"the variance:\n  convolutions {components_for(conv)} of {conv.shape[1]}, "
        f"penultimate layer {components_for(penultimate)} of {penultimate.shape[1]} "
        f"({int((penultimate > 0).any(0).sum())} units ever active)"
    )

    table: dict[str, list[str]] = {}
    for n in args.per_class:
        few = class_subset(target_train, target, per_class=n)
        runs = [
            compare_strategies(
                backbone,
                few,
                target_test,
                num_classes=len(target),
                epochs=args.epochs,
                lr=3e-3,
                batch_size=args.batch_size,
                seed=seed,
                make_scratch=lambda: lenet(num_classes=len(target)),
            )
            for seed in range(args.seeds)
        ]
        print(
            f"\n{n} per class: "
            + "; ".join(
                f"{name} train acc {min(r[name]['train_acc'] for r in runs):.2f}-"
                f"{max(r[name]['train_acc'] for r in runs):.2f}, {sum(r[name]['seconds'] for r in runs):.0f} s"
                for name in runs[0]
            ),
            flush=True,
        )
        for name in runs[0]:
            acc = [100 * r[name]["test_acc"] for r in runs]
            table.setdefault(name, []).append(
                f"{sum(acc) / len(acc):5.1f} ({min(acc):.1f}-{max(acc):.1f})"
            )

    print(
        f"\n{target_name.capitalize()}: test accuracy (%), {len(target_test):,} images: mean (min-max) "
        f"over {args.seeds} seeds; {args.epochs} epochs of batches of {args.batch_size}"
    )
    print(
        f"{'strategy':<20}" + "".join(f"{f'{n} per class':>20}" for n in args.per_class)
    )
    for name, cells in table.items():
        print(f"{name:<20}" + "".join(f"{c:>20}" for c in cells))
    print_machine(start)


if __name__ == "__main__":
    main()
