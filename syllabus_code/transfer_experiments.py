"""The experiments of Module 7's transfer-learning page: the data sets they use (a subset of the
classes, relabelled; the same images turned a quarter) and the run that trains each strategy of
:mod:`syllabus_code.transfer` on them and reports the accuracies. :mod:`syllabus_code.transfer`
re-exports all three functions.
"""

from __future__ import annotations

import copy

import torch
from torch import nn

from syllabus_code._checks import check_int

__all__ = ["class_subset", "rotated", "compare_strategies"]


def class_subset(dataset, classes, per_class: int | None = None):
    """The images of ``classes`` only, relabelled ``0, 1, ...`` in the order ``classes`` lists them.

    ``class_subset(mnist, [5, 6, 7, 8, 9], per_class=10)`` keeps the first ten images of each of
    the digits 5 to 9 (in the data set's order) and labels them 0 to 4, as a new five-way head
    needs. With ``per_class=None`` every image of those classes is kept. The result holds the
    classes one after another, in the order given.
    """
    from .train import ArrayDataset

    images, labels = getattr(dataset, "images", None), getattr(dataset, "labels", None)
    if not isinstance(images, torch.Tensor) or not isinstance(labels, torch.Tensor):
        raise TypeError(
            f"dataset must hold .images and .labels tensors (an ArrayDataset), "
            f"got {type(dataset).__name__}"
        )
    try:
        classes = list(classes)
    except TypeError:
        raise TypeError(
            f"classes must be a sequence of ints, got {type(classes).__name__}"
        ) from None
    if not classes:
        raise ValueError(
            "classes must be a non-empty sequence of ints, got an empty one"
        )
    for i, c in enumerate(classes):
        check_int(c, f"classes[{i}]", min=0)
    if len(set(classes)) != len(classes):
        raise ValueError(f"classes must not repeat a class, got {classes!r}")
    if per_class is not None:
        check_int(per_class, "per_class (None or an integer)", min=1)
    picked, new_labels = [], []
    for new, c in enumerate(classes):
        idx = torch.nonzero(labels == c)[:, 0]
        wanted = len(idx) if per_class is None else per_class
        if len(idx) == 0 or len(idx) < wanted:
            raise ValueError(
                f"class {c} has {len(idx)} image(s), fewer than "
                f"{'one' if per_class is None else f'per_class={per_class}'}"
            )
        picked.append(idx[:wanted])
        new_labels.append(torch.full((wanted,), new, dtype=labels.dtype))
    picked = torch.cat(picked)
    return ArrayDataset(images[picked], torch.cat(new_labels))


def rotated(dataset, quarter_turns: int = 1):
    """The same images turned by ``quarter_turns`` × 90° anticlockwise, with the same labels.

    A domain shift that keeps the classes: ``rotated(mnist_test)`` holds the MNIST test digits
    lying on their sides. The turn is exact (``torch.rot90`` moves pixels, it interpolates
    nothing), so four quarter turns give the images back unchanged. The images must be square,
    so that a turned image still fits the network's input.
    """
    from .train import ArrayDataset

    images, labels = getattr(dataset, "images", None), getattr(dataset, "labels", None)
    if not isinstance(images, torch.Tensor) or not isinstance(labels, torch.Tensor):
        raise TypeError(
            f"dataset must hold .images and .labels tensors (an ArrayDataset), "
            f"got {type(dataset).__name__}"
        )
    check_int(quarter_turns, "quarter_turns")
    if images.dim() < 2 or images.shape[-1] != images.shape[-2]:
        raise ValueError(
            f"images must end in two equal (height, width) dimensions, "
            f"got shape {tuple(images.shape)}"
        )
    return ArrayDataset(
        torch.rot90(images, quarter_turns, dims=(-2, -1)).contiguous(), labels.clone()
    )


def compare_strategies(
    backbone: nn.Module,
    train_set,
    test_set,
    *,
    num_classes: int = 10,
    epochs: int = 5,
    lr: float = 3e-3,
    batch_size: int = 64,
    seed: int = 0,
    make_scratch=None,
) -> dict[str, dict]:
    """Train each strategy (and, with ``make_scratch``, a fresh model) on ``train_set``; report the
    accuracy on ``test_set`` and on ``train_set`` after the last epoch (both in evaluation mode),
    the trainable parameter count and the seconds taken (training and both evaluations).

    The test set is scored once, at the end: the epochs in between are scored on the (small)
    training set only, which keeps a many-epoch run on few labels cheap.
    """
    import time

    from .train import TrainConfig, evaluate, fit, make_loader
    from .transfer import STRATEGIES, prepare, trainable_parameters

    results = {}
    config = TrainConfig(
        epochs=epochs,
        lr=lr,
        batch_size=batch_size,
        seed=seed,
        progress=False,
        device="cpu",
    )
    runs = [(s, lambda: copy.deepcopy(backbone)) for s in STRATEGIES]
    if make_scratch is not None:
        runs.append(("scratch", make_scratch))
    for strategy, make in runs:
        torch.manual_seed(seed)
        model = make()
        if strategy == "scratch":
            groups = [{"params": list(model.parameters()), "lr": lr}]
        else:
            groups = prepare(model, strategy, num_classes, lr)
        n_train = trainable_parameters(model)
        start = time.perf_counter()
        history = fit(
            config,
            model=model,
            train_set=train_set,
            test_set=train_set,
            param_groups=groups,
        )
        test = evaluate(
            model, make_loader(test_set, 1000, shuffle=False), torch.device("cpu")
        )
        results[strategy] = {
            "test_acc": test["acc"],
            "train_acc": history["epochs"][-1]["test_acc"],
            "trainable": n_train,
            "seconds": time.perf_counter() - start,
        }
    return results
