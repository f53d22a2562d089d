"""Self-check questions for docs/06-cnn-architectures/training.md.

The loss from ``maths.information.cross_entropy_from_logits``; the steps from the package's
``make_loader`` on a tiny stand-in data set, and from the ``DistributedSampler`` it uses under
torchrun (built here with an explicit number of processes, so no process group is needed).
"""

from __future__ import annotations

import math

import numpy as np
import torch
from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler

from syllabus_code.maths.information import cross_entropy_from_logits
from syllabus_code.selfcheck import Choice, Mistake, Numeric
from syllabus_code.train import ArrayDataset, TrainConfig, make_loader


def _dataset(n: int) -> ArrayDataset:
    return ArrayDataset(torch.zeros(n, 1), torch.zeros(n, dtype=torch.long))


def _synthetic_loss() -> Numeric:
    k = 10
    answer = cross_entropy_from_logits(np.zeros((1, k)), np.array([0]))
    return Numeric(
        id="synthetic-loss",
        prompt=(f"On the `synthetic` data (random images, random labels from {k} classes) the loss "
                f"stays near the cross-entropy of a network that gives every class the same "
                f"probability. What is that loss? Give three decimals."),
        answer=answer, tolerance=0.0005,
        solution=(f"Equal logits give \\(\\mathrm{{softmax}}(z)_y = 1/{k}\\) for the true class, so the "
                  f"loss is \\(-\\ln(1/{k}) = \\ln {k} = {answer:.3f}\\). A loss that stays there means "
                  f"the network has learnt nothing, as it should on random labels."),
        hint="Cross-entropy is \\(-\\ln\\) of the probability given to the true class, with the natural log.",
        mistakes=(
            Mistake(math.log2(k), "Cross-entropy in PyTorch uses the natural logarithm, not \\(\\log_2\\)."),
            Mistake(1 / k, "That is the probability of the true class; the loss is minus its logarithm."),
            Mistake(math.log10(k), "Use the natural logarithm, not \\(\\log_{10}\\)."),
        ),
    )


def _steps() -> Numeric:
    n, batch = 1000, 32
    answer = len(make_loader(_dataset(n), batch, shuffle=True))
    return Numeric(
        id="steps-per-epoch",
        prompt=(f"`TrainConfig(limit={n}, batch_size={batch})` trains on {n} images. How many "
                f"optimiser steps does one epoch take? (The loader keeps a last, smaller batch.)"),
        answer=answer, tolerance=0,
        solution=(f"\\(\\lceil {n}/{batch} \\rceil = \\lceil {n / batch} \\rceil = {answer}\\): "
                  f"{n // batch} full batches and one of {n - batch * (n // batch)} images."),
        hint="Divide and round up: the last, partial batch is a step too.",
        mistakes=(
            Mistake(n // batch, "The last, partial batch is not dropped: round up."),
            Mistake(n / batch, "A number of steps is a whole number: round up."),
        ),
    )


def _ddp_steps() -> Numeric:
    n, procs = 60_000, 4
    batch = TrainConfig(batch_size=128).batch_size
    sampler = DistributedSampler(_dataset(n), num_replicas=procs, rank=0, shuffle=True, seed=0)
    answer = len(DataLoader(_dataset(n), batch_size=batch, sampler=sampler))
    single = len(make_loader(_dataset(n), batch, shuffle=True))
    per_proc = len(sampler)
    return Numeric(
        id="ddp-steps",
        prompt=(f"`torchrun --nproc_per_node {procs} … --batch-size {batch}` trains on the {n:,} MNIST "
                f"training images. How many optimiser steps make one epoch?"),
        answer=answer, tolerance=0,
        solution=(f"Each of the {procs} processes reads its own shard of \\({n}/{procs} = {per_proc}\\) "
                  f"images in batches of {batch} (the batch size is per process): "
                  f"\\(\\lceil {per_proc}/{batch} \\rceil = {answer}\\) steps, each full one on "
                  f"\\({procs}\\cdot{batch} = {procs * batch}\\) images with the gradients averaged "
                  f"(the last on \\({procs}\\cdot{per_proc - (answer - 1) * batch}\\)). "
                  f"One process would take {single}."),
        hint=f"Each process sees only its shard of the data, with its own batches of {batch}.",
        mistakes=(
            Mistake(single, "That is a single process. Under torchrun each process reads only its "
                            "shard, so an epoch has fewer steps."),
            Mistake(per_proc // batch, "The last, partial batch of each shard is kept: round up."),
        ),
    )


def questions() -> list[Numeric | Choice]:
    return [_synthetic_loss(), _steps(), _ddp_steps()]
