"""Self-check questions for docs/07-transfer-learning/transfer-learning.md.

Trainable-parameter counts from ``transfer.prepare`` and ``trainable_parameters`` on LeNet-5
(on a CPU) and on torchvision's AlexNet form (built on the ``meta`` device: counts only).
"""

from __future__ import annotations

import torch

from syllabus_code.models import alexnet, get_model
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option
from syllabus_code.transfer import prepare, trainable_parameters


def _m(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


def _lenet():
    return get_model("lenet5", activation="relu", pool="max", input_size=28)


def _fe_lenet() -> Numeric:
    k = 5
    model = _lenet()
    d = model.classifier[-1].in_features
    old = sum(p.numel() for p in model.classifier[-1].parameters())
    prepare(model, "feature-extraction", num_classes=k, lr=1e-3)
    answer = trainable_parameters(model)
    return Numeric(
        id="fe-lenet",
        prompt=(f"A LeNet-5 pretrained on the ten MNIST digits is reused for a {k}-class task by "
                f"**feature extraction** (`prepare(model, \"feature-extraction\", num_classes={k}, …)`). "
                f"How many parameters does the optimiser train?"),
        answer=answer, tolerance=0,
        solution=(f"Only the new head trains: a linear layer from the {d} features of F6 to {k} "
                  f"classes, \\({d}\\cdot{k} + {k} = {answer}\\) parameters. Everything below it is frozen."),
        hint="Feature extraction trains the new head only: count its weights and biases.",
        mistakes=(
            Mistake(d * k, "Count the head's biases too, one per class."),
            Mistake(old, "That is the old 10-class head; it is replaced by a new one with one output per new class."),
        ),
    )


def _ft_lenet() -> Numeric:
    model = _lenet()
    groups = prepare(model, "fine-tuning", num_classes=10, lr=1e-3, unfreeze=1)
    answer = trainable_parameters(model)
    head, f6 = (sum(p.numel() for p in g["params"]) for g in groups)
    lr_head, lr_f6 = groups[0]["lr"], groups[1]["lr"]
    default = _lenet()
    prepare(default, "fine-tuning", num_classes=10, lr=1e-3)
    two_blocks = trainable_parameters(default)
    f6_layer = model.classifier[2]
    return Numeric(
        id="ft-lenet",
        prompt=("The same LeNet-5 is **fine-tuned** for a new 10-class task with `unfreeze=1`: the new "
                "head and the one block below it (F6, 120 → 84) train, the rest stays frozen. How many "
                "parameters does the optimiser train?"),
        answer=answer, tolerance=0,
        solution=(f"New head \\({f6_layer.out_features}\\cdot10 + 10 = {head}\\) plus F6 "
                  f"\\({f6_layer.in_features}\\cdot{f6_layer.out_features} + {f6_layer.out_features} = {_m(f6)}\\): "
                  f"\\({_m(answer)}\\). Called with `lr={lr_head:g}`, `prepare` returns two parameter groups: the head "
                  f"at \\(\\eta = {lr_head:g}\\) and F6 at \\({lr_f6:g}\\), "
                  f"{lr_head / lr_f6:g} times smaller (`backbone_lr_factor`)."),
        hint="Add the new head's parameters to those of the one fully connected layer below it.",
        mistakes=(
            Mistake(two_blocks, "That is the page's `unfreeze=2` (C5 and F6 train); here only F6 is unfrozen."),
            Mistake(f6, "The new head trains too, in its own parameter group."),
            Mistake(head, "That is feature extraction; fine-tuning also trains F6."),
        ),
    )


def _fe_alexnet() -> Numeric:
    k = 102
    with torch.device("meta"):  # counts only: no memory for the 61 M weights
        model = alexnet()
        old = sum(p.numel() for p in model.classifier[-1].parameters())
        d = model.classifier[-1].in_features
        prepare(model, "feature-extraction", num_classes=k, lr=1e-3)
    answer = trainable_parameters(model)
    total = sum(p.numel() for p in model.parameters())
    return Numeric(
        id="fe-alexnet",
        prompt=(f"torchvision's AlexNet, pretrained on ImageNet, is turned into a classifier of the "
                f"{k} Oxford flower species by feature extraction. How many parameters train?"),
        answer=answer, tolerance=0,
        solution=(f"The last linear layer ({d} → 1000) is replaced by a new one, {d} → {k}: "
                  f"\\({d}\\cdot{k} + {k} = {_m(answer)}\\) parameters, "
                  f"{100 * answer / total:.1f}% of the model's {total:,}."),
        hint="Only the new head trains; its input is the 4096 features of the layer below.",
        mistakes=(
            Mistake(old, "That is the old ImageNet head with 1000 outputs; the new one has one per flower species."),
            Mistake(d * k, "Count the head's biases too."),
        ),
    )


def _frozen_bn() -> Choice:
    return Choice(
        id="frozen-bn",
        prompt=("A backbone with BatchNorm is frozen only by setting `requires_grad = False`, and the "
                "training loop calls `model.train()` every epoch. What goes wrong?"),
        options=(
            Option("Its BatchNorms normalise each batch with that batch's statistics and overwrite "
                   "their running averages, so the 'fixed' backbone computes a different function "
                   "on every pass.", True,
                   "Right: `requires_grad` only stops gradient updates. In training mode BatchNorm "
                   "uses batch statistics and updates its buffers; `freeze` therefore also keeps "
                   "the frozen layers in evaluation mode."),
            Option("Nothing: with `requires_grad = False` no number in the backbone can change.", False,
                   "The running mean and variance are buffers, changed by the forward pass in "
                   "training mode, not by the optimiser."),
            Option("The optimiser raises an error because some parameters have no gradient.", False,
                   "Optimisers skip parameters whose `.grad` is None; nothing is raised."),
            Option("The frozen BatchNorm's scale and shift drift towards the new data.", False,
                   "\\(\\gamma\\) and \\(\\beta\\) get no gradient and stay put; it is the running "
                   "statistics and the batch normalisation itself that change."),
        ),
        solution=("Frozen must mean 'computes the same function': no gradient *and* evaluation mode "
                  "for BatchNorm and dropout. The page's tests check that a frozen backbone gives "
                  "the same outputs and keeps the same running statistics after an epoch of training."),
    )


def questions() -> list[Numeric | Choice]:
    return [_fe_lenet(), _ft_lenet(), _fe_alexnet(), _frozen_bn()]
