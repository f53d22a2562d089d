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


def _digits_worst() -> Choice:
    source_classes = 5  # pretrained on the digits 0-4
    model = get_model(
        "lenet5",
        activation="relu",
        pool="max",
        input_size=28,
        num_classes=source_classes,
    )
    d = model.classifier[-1].in_features  # the penultimate layer's width
    return Choice(
        id="digits-worst-strategy",
        prompt=(
            "In the page's digits experiment, LeNet-5 is pretrained on the digits 0–4 and "
            "moved to the digits 5–9 with only a few labelled images per class. Which "
            "strategy came out clearly worst, and what explains it?"
        ),
        options=(
            Option(
                "Feature extraction: trained to separate five classes, the penultimate "
                "layer keeps its features in very few directions, so a linear head on them "
                "cannot separate five new digits.",
                True,
                f"Right: around their overall mean, the means of {source_classes} classes span at most "
                f"{source_classes - 1} directions, and the page found most of the variance of "
                f"the {d} features in about that many; the head did not even fit its "
                f"training images. Fine-tuning retrains the fully connected layers on the "
                f"convolutions' richer output and recovers much of the loss.",
            ),
            Option(
                "Training from scratch: a few labelled images per class are too few for a "
                "CNN to learn from.",
                False,
                "From random weights the same network ended level with full retraining "
                "from the pretrained start, within the spread over seeds: a small CNN learns "
                "digits from very few labels.",
            ),
            Option(
                "Full retraining: changing every pretrained weight destroys what was learnt.",
                False,
                "It ended where training from scratch did: no gain from the pretrained "
                "start here, but no loss either.",
            ),
            Option(
                "Fine-tuning: a tenth of the head's learning rate is too small for the "
                "unfrozen blocks to adapt.",
                False,
                "Fine-tuning was behind full retraining but far ahead of feature extraction.",
            ),
        ),
        solution=(
            "Similar images were not enough: the top layers of a network trained on a small "
            "source task are specific to that task, and the rule of thumb's choice for "
            "'similar domain, few labels' was the worst here. Measure rather than assume."
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
        prompt=(
            "A LeNet-5 pretrained on the ten MNIST digits is **fine-tuned** for a new 10-class "
            "task with `unfreeze=1`: the new "
            "head and the one block below it (F6, 120 → 84) train, the rest stays frozen. How many "
            "parameters does the optimiser train?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"New head \\({f6_layer.out_features}\\cdot10 + 10 = {head}\\) plus F6 "
            f"\\({f6_layer.in_features}\\cdot{f6_layer.out_features} + {f6_layer.out_features} = {_m(f6)}\\): "
            f"\\({_m(answer)}\\). Called with `lr={lr_head:g}`, `prepare` returns two parameter groups: the head "
            f"at \\(\\eta = {lr_head:g}\\) and F6 at \\({lr_f6:g}\\), "
            f"{lr_head / lr_f6:g} times smaller (`backbone_lr_factor`)."
        ),
        hint="Add the new head's parameters to those of the one fully connected layer below it.",
        mistakes=(
            Mistake(
                two_blocks,
                "That is the page's `unfreeze=2` (C5 and F6 train); here only F6 is unfrozen.",
            ),
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
        prompt=(
            f"torchvision's AlexNet, pretrained on ImageNet, is turned into a classifier of the "
            f"{k} Oxford flower species by feature extraction. How many parameters train?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"The last linear layer ({d} → 1000) is replaced by a new one, {d} → {k}: "
            f"\\({d}\\cdot{k} + {k} = {_m(answer)}\\) parameters, "
            f"{100 * answer / total:.1f}% of the model's {total:,}."
        ),
        hint="Only the new head trains; its input is the 4096 features of the layer below.",
        mistakes=(
            Mistake(
                old,
                "That is the old ImageNet head with 1000 outputs; the new one has one per flower species.",
            ),
            Mistake(d * k, "Count the head's biases too."),
        ),
    )


def _frozen_bn() -> Choice:
    return Choice(
        id="frozen-bn",
        prompt=(
            "A backbone with BatchNorm is frozen only by setting `requires_grad = False`, and the "
            "training loop calls `model.train()` every epoch. What goes wrong?"
        ),
        options=(
            Option(
                "Its BatchNorms normalise each batch with that batch's statistics and overwrite "
                "their running averages, so the 'fixed' backbone computes a different function "
                "on every pass.",
                True,
                "Right: `requires_grad` only stops gradient updates. In training mode BatchNorm "
                "uses batch statistics and updates its buffers; `freeze` therefore also keeps "
                "the frozen layers in evaluation mode.",
            ),
            Option(
                "Nothing: with `requires_grad = False` no number in the backbone can change.",
                False,
                "The running mean and variance are buffers, changed by the forward pass in "
                "training mode, not by the optimiser.",
            ),
            Option(
                "The optimiser raises an error because some parameters have no gradient.",
                False,
                "Optimisers skip parameters whose `.grad` is None; nothing is raised.",
            ),
            Option(
                "The frozen BatchNorm's scale and shift drift towards the new data.",
                False,
                "\\(\\gamma\\) and \\(\\beta\\) get no gradient and stay put; it is the running "
                "statistics and the batch normalisation itself that change.",
            ),
        ),
        solution=(
            "Frozen must mean 'computes the same function': no gradient *and* evaluation mode "
            "for BatchNorm and dropout. The page's tests check that a frozen backbone gives "
            "the same outputs and keeps the same running statistics after an epoch of training."
        ),
    )


def questions() -> list[Numeric | Choice]:
    return [_digits_worst(), _ft_lenet(), _fe_alexnet(), _frozen_bn()]
