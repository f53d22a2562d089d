"""Transfer learning: reuse a trained network for a new task in one of three ways.

* **feature extraction** — freeze every pretrained weight, replace the classifier head with a
  new one for the new classes, and train only the head [Donahue et al., 2014];
* **fine-tuning** — also unfreeze the last few blocks and train them with a smaller learning rate
  than the head, so the features move a little towards the new task [Yosinski et al., 2014];
* **full retraining** — start from the pretrained weights but train every layer.

The online path, :func:`pretrained`, builds a course model and loads torchvision's ImageNet
weights into it by name (``weights="DEFAULT"``); with ``weights=None`` it downloads nothing and
loads torchvision's randomly initialised model instead, which is how the tests run it.

The data sets and the comparison run of the page's experiments (:func:`class_subset`,
:func:`rotated`, :func:`compare_strategies`) are in :mod:`syllabus_code.transfer_experiments`,
re-exported here.
"""

from __future__ import annotations

import functools

from torch import nn

from syllabus_code._checks import check_int, check_positive
from syllabus_code.transfer_experiments import class_subset, compare_strategies, rotated

__all__ = [
    "STRATEGIES",
    "blocks",
    "class_subset",
    "compare_strategies",
    "freeze",
    "head_name",
    "prepare",
    "pretrained",
    "replace_head",
    "rotated",
    "trainable_parameters",
]

STRATEGIES = ("feature-extraction", "fine-tuning", "full")


# --8<-- [start:head]
def head_name(model: nn.Module) -> str:
    """The dotted name of the classifier head: the last ``nn.Linear`` in the model."""
    names = [n for n, m in model.named_modules() if isinstance(m, nn.Linear)]
    if not names:
        raise ValueError(
            f"model must contain an nn.Linear classifier head, found none in {type(model).__name__}"
        )
    return names[-1]


def _replace_head(model: nn.Module, num_classes: int) -> nn.Linear:
    """Put a new, randomly initialised ``nn.Linear(in_features, num_classes)`` where the head was.

    ``replace_head`` checks the arguments, then calls this.
    """
    name = head_name(model)
    parent_name, _, attr = name.rpartition(".")
    parent = model.get_submodule(parent_name) if parent_name else model
    old = getattr(parent, attr)
    new = nn.Linear(old.in_features, num_classes).to(old.weight.device)
    setattr(parent, attr, new)
    return new


# --8<-- [end:head]


def replace_head(model: nn.Module, num_classes: int) -> nn.Linear:
    """Put a new, randomly initialised ``nn.Linear(in_features, num_classes)`` where the head was."""
    check_int(num_classes, "num_classes", min=2)
    return _replace_head(model, num_classes)


# --8<-- [start:freeze]
def _train_frozen(self: nn.Module, mode: bool = True) -> nn.Module:
    """``train()`` of a frozen module: it stays in eval mode; its children decide
    for themselves."""
    self.training = False
    for child in self.children():
        child.train(mode)
    return self


def freeze(module: nn.Module, frozen: bool = True) -> nn.Module:
    """Freeze ``module`` (or, with ``frozen=False``, unfreeze it).

    Frozen means two things. Its parameters get no gradients, so no optimiser
    changes them. And its layers stay in evaluation mode while the model around
    them trains: ``model.train()`` calls ``train()`` on every submodule, and a
    frozen one answers by staying in eval mode. A frozen batch norm then
    normalises with its stored statistics and never updates them, and a frozen
    dropout does not drop: the frozen part computes the same function on every
    pass. An unfrozen module follows ``model.train()`` and ``model.eval()`` again
    from their next call.
    """
    for p in module.parameters():
        p.requires_grad_(not frozen)
    for m in module.modules():
        if frozen:
            m.train = functools.partial(_train_frozen, m)  # this object's own train()
            m.training = False
        else:
            vars(m).pop("train", None)  # back to nn.Module.train
    return module


# --8<-- [end:freeze]


def blocks(model: nn.Module) -> list[tuple[str, nn.Module]]:
    """The model as an ordered list of parameterised blocks, head last.

    Top-level children with parameters, with ``nn.Sequential`` containers opened one level
    (ResNet's ``layer3`` gives its residual blocks, LeNet's ``features`` its convolutions).
    """
    out: list[tuple[str, nn.Module]] = []
    for name, child in model.named_children():
        if not any(True for _ in child.parameters()):
            continue
        if isinstance(child, nn.Sequential):
            out += [
                (f"{name}.{n}", m)
                for n, m in child.named_children()
                if any(True for _ in m.parameters())
            ]
        else:
            out.append((name, child))
    return out


def trainable_parameters(model: nn.Module) -> int:
    """How many numbers the optimiser will change."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


# --8<-- [start:prepare]
def _prepare(
    model, strategy, num_classes, lr, unfreeze, backbone_lr_factor
) -> list[dict]:
    """Give ``model`` a new head for ``num_classes`` and set what trains; return optimiser groups.

    ``feature-extraction``: only the head trains (at ``lr``).
    ``fine-tuning``: the head at ``lr`` and the last ``unfreeze`` blocks before it at
    ``lr * backbone_lr_factor``; the rest stays frozen.
    ``full``: every layer trains at ``lr`` from the pretrained starting point.

    ``prepare`` checks the arguments, then calls this.
    """
    head = replace_head(model, num_classes)
    freeze(model, False)
    if strategy == "full":
        return [{"params": list(model.parameters()), "lr": lr}]
    below = [m for _, m in blocks(model) if m is not head]  # in order, head excluded
    n_tuned = min(unfreeze, len(below)) if strategy == "fine-tuning" else 0
    frozen_blocks, tuned = below[: len(below) - n_tuned], below[len(below) - n_tuned :]
    # Freeze everything, then unfreeze what runs after the last frozen block: the
    # tuned blocks, the head and the parameter-free layers between them (such as a
    # dropout before the head).
    freeze(model)
    order = list(model.modules())  # registration order: forward order, for our models
    last_frozen = list(frozen_blocks[-1].modules())[-1] if frozen_blocks else model
    cut = order.index(last_frozen)
    for m in order[cut + 1 :]:
        freeze(m, False)
    for m in order[: cut + 1]:  # a container of trained layers is not frozen itself
        if any(p.requires_grad for p in m.parameters()):
            vars(m).pop("train", None)
    groups = [{"params": list(head.parameters()), "lr": lr}]
    if tuned:
        groups.append(
            {
                "params": [p for m in tuned for p in m.parameters()],
                "lr": lr * backbone_lr_factor,
            }
        )
    return groups


# --8<-- [end:prepare]


def prepare(
    model: nn.Module,
    strategy: str,
    num_classes: int,
    lr: float,
    *,
    unfreeze: int = 2,
    backbone_lr_factor: float = 0.1,
) -> list[dict]:
    """Give ``model`` a new head for ``num_classes`` and set what trains; return optimiser groups.

    ``feature-extraction``: only the head trains (at ``lr``).
    ``fine-tuning``: the head at ``lr`` and the last ``unfreeze`` blocks before it at
    ``lr * backbone_lr_factor``; the rest stays frozen.
    ``full``: every layer trains at ``lr`` from the pretrained starting point.
    """
    if strategy not in STRATEGIES:
        raise ValueError(
            f"strategy must be one of {', '.join(STRATEGIES)}, got {strategy!r}"
        )
    check_int(unfreeze, "unfreeze (blocks to train below the head)", min=0)
    check_positive(lr, "lr")
    check_positive(backbone_lr_factor, "backbone_lr_factor")
    return _prepare(model, strategy, num_classes, lr, unfreeze, backbone_lr_factor)


def _check_pretrained_name(name) -> None:
    import torchvision

    from .models import list_models

    if not isinstance(name, str) or name not in list_models():
        raise ValueError(
            f"unknown model name {name!r}; valid names: {', '.join(list_models())}"
        )
    if name not in torchvision.models.list_models():
        raise ValueError(
            f"torchvision has no model {name!r} (and so no pretrained weights for it)"
        )


# --8<-- [start:pretrained]
def pretrained(name: str, weights: str | None = "DEFAULT", **kwargs) -> nn.Module:
    """The course's model ``name`` holding torchvision's ImageNet weights (``weights="DEFAULT"``, or
    a weight name such as ``"IMAGENET1K_V1"``); ``weights=None`` loads a randomly initialised
    torchvision model instead and downloads nothing.

    Works because every course model is reference-exact: same parameter names and shapes as
    torchvision's, so ``load_state_dict(strict=True)`` succeeds.
    """
    import torchvision

    from .models import get_model

    _check_pretrained_name(name)
    theirs = torchvision.models.get_model(name, weights=weights, **kwargs)
    ours = get_model(name, **kwargs)
    ours.load_state_dict(theirs.state_dict(), strict=True)
    return ours


# --8<-- [end:pretrained]
