"""Transfer learning measured: a small CNN pretrained on MNIST, moved to Fashion-MNIST with few labels.

    .venv/bin/python benchmarks/transfer_fashion.py --per-class 100 --threads 2

1. Pretrain LeNet-5 (ReLU, max-pooling, 28×28 input) on the full MNIST training set.
2. Take ``--per-class`` labelled Fashion-MNIST images per class (the first ones of the training
   set in file order), and train on them with each strategy of ``syllabus_code.transfer``:
   feature extraction, fine-tuning (last 2 blocks at lr/10), full retraining, and the same network
   from random weights ("scratch"). Every run sees the same images in the same order.
3. Print the test accuracy on the full Fashion-MNIST test set (10,000 images) as a table.
"""

from __future__ import annotations

import argparse
import platform
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

    from syllabus_code.models import get_model
    from syllabus_code.train import ArrayDataset, TrainConfig, fit, prepare_data
    from syllabus_code.transfer import compare_strategies

    def lenet():
        return get_model("lenet5", activation="relu", pool="max", input_size=28)

    start = time.perf_counter()
    mnist_train, mnist_test = prepare_data("mnist", True), prepare_data("mnist", False)
    torch.manual_seed(args.seed)
    backbone = lenet()
    h = fit(TrainConfig(epochs=args.pretrain_epochs, lr=2e-3, batch_size=128, progress=False, device="cpu",
                        seed=args.seed), model=backbone, train_set=mnist_train, test_set=mnist_test)
    print(f"pretrained on MNIST: test accuracy {h['epochs'][-1]['test_acc']:.4f} "
          f"({time.perf_counter() - start:.1f} s)")

    fashion = prepare_data("fashion-mnist", True)
    picked = torch.cat([torch.nonzero(fashion.labels == k)[: args.per_class, 0] for k in range(10)])
    few = ArrayDataset(fashion.images[picked], fashion.labels[picked])
    fashion_test = prepare_data("fashion-mnist", False)
    results = compare_strategies(backbone, few, fashion_test, epochs=args.epochs, lr=3e-3, batch_size=64,
                                 seed=args.seed, make_scratch=lenet)

    print(f"\nFashion-MNIST, {args.per_class} labelled images per class ({len(few)} in all), "
          f"{args.epochs} epochs, test set 10,000 images")
    print(f"{'strategy':<20} {'test accuracy':>13} {'trainable params':>17} {'seconds':>8}")
    for name, r in results.items():
        print(f"{name:<20} {r['test_acc']:>13.4f} {r['trainable']:>17,} {r['seconds']:>8.1f}")
    print(f"\n{platform.processor() or platform.machine()}, torch {torch.__version__}, "
          f"{torch.get_num_threads()} threads, total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
