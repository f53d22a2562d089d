"""Self-check questions for docs/06-cnn-architectures/training.md.

The loss from ``maths.information.cross_entropy_from_logits``; the steps from the package's
``make_loader`` on a tiny stand-in data set, and from the ``DistributedSampler`` it uses under
torchrun (built here with an explicit number of processes, so no process group is needed);
the mixed-precision facts from ``torch.finfo`` and casts of one small gradient entry.
"""

from __future__ import annotations

import inspect
import math

import numpy as np
import torch
from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler

from syllabus_code.maths.information import cross_entropy_from_logits
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option
from syllabus_code.train import ArrayDataset, TrainConfig, make_loader


def _dataset(n: int) -> ArrayDataset:
    return ArrayDataset(torch.zeros(n, 1), torch.zeros(n, dtype=torch.long))


def _synthetic_loss() -> Numeric:
    k = 10
    answer = cross_entropy_from_logits(np.zeros((1, k)), np.array([0]))
    return Numeric(
        id="synthetic-loss",
        prompt=(
            f"On the `synthetic` data (random images, random labels from {k} classes) the loss "
            f"stays near the cross-entropy of a network that gives every class the same "
            f"probability. What is that loss? Give three decimals."
        ),
        answer=answer,
        tolerance=0.0005,
        solution=(
            f"Equal logits give \\(\\mathrm{{softmax}}(z)_y = 1/{k}\\) for the true class, so the "
            f"loss is \\(-\\ln(1/{k}) = \\ln {k} = {answer:.3f}\\). A loss that stays there means "
            f"the network has learnt nothing, as it should on random labels."
        ),
        hint="Cross-entropy is \\(-\\ln\\) of the probability given to the true class, with the natural log.",
        mistakes=(
            Mistake(
                math.log2(k),
                "Cross-entropy in PyTorch uses the natural logarithm, not \\(\\log_2\\).",
            ),
            Mistake(
                1 / k,
                "That is the probability of the true class; the loss is minus its logarithm.",
            ),
            Mistake(math.log10(k), "Use the natural logarithm, not \\(\\log_{10}\\)."),
        ),
    )


def _sci(x: float, digits: int = 2) -> str:
    """x as LaTeX scientific notation, e.g. 6.0 \\cdot 10^{-8}."""
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    return f"{mantissa} \\cdot 10^{{{int(exponent)}}}"


def _amp() -> Choice:
    f16 = torch.finfo(torch.float16)
    tiny16 = f16.smallest_normal * f16.eps  # float16's smallest subnormal, 2^-24
    bits = {
        t: round(-math.log2(torch.finfo(t).eps))
        for t in (torch.float16, torch.bfloat16)
    }
    scale = inspect.signature(torch.amp.GradScaler).parameters["init_scale"].default
    power = round(math.log2(scale))  # the default is a power of 2
    # sign, exponent, mantissa
    exp_bits = {t: torch.finfo(t).bits - bits[t] - 1 for t in bits}
    g = 1e-8  # a small gradient entry
    lost = torch.tensor(g, dtype=torch.float16).item() == 0.0
    kept = torch.tensor(g * scale, dtype=torch.float16).item()
    in_bf16 = torch.tensor(g, dtype=torch.bfloat16).item()
    assert lost and kept > 0 and in_bf16 > 0
    return Choice(
        id="amp-grad-scaler",
        prompt=(
            "On a GPU without bfloat16 the training loop runs autocast in float16 and adds a "
            "`GradScaler`. Why does float16 need the scaler when bfloat16 does not?"
        ),
        options=(
            Option(
                "float16's exponent range is small, so small gradient entries round to zero; "
                "scaling the loss up scales every gradient up into range.",
                True,
                f"Right: float16's smallest positive number is \\(2^{{{round(math.log2(tiny16))}}} \\approx "
                f"{_sci(tiny16)}\\), "
                f"so a gradient entry of \\(10^{{-8}}\\) becomes 0, while "
                f"\\(2^{{{power}}} \\cdot 10^{{-8}} \\approx {_sci(kept, 3)}\\) (after the "
                f"default initial scale) is kept. The gradients are divided back before the "
                f"step. bfloat16 keeps float32's {exp_bits[torch.bfloat16]} exponent bits, and \\(10^{{-8}}\\) is "
                f"representable there (as \\({_sci(in_bf16, 3)}\\)).",
            ),
            Option(
                "float16 keeps fewer significant digits than bfloat16, so its gradients are "
                "too imprecise without scaling.",
                False,
                f"It is the other way round: float16 has {bits[torch.float16]} mantissa bits, "
                f"bfloat16 only {bits[torch.bfloat16]}. Scaling by a power of 2 changes no "
                f"relative precision; it changes which numbers are in range.",
            ),
            Option(
                "The scaler makes float16 matrix products run faster on tensor cores.",
                False,
                "It multiplies one number, the loss, and divides the gradients back; the "
                "speed comes from autocast running the products in 16 bits.",
            ),
            Option(
                "Under autocast the weights are stored in float16, and the scaler stops "
                "them from rounding.",
                False,
                "Autocast keeps the weights and the optimiser step in float32 and runs only "
                "matrix products and convolutions in 16 bits; the scaler acts on the "
                "gradients of the backward pass.",
            ),
        ),
        solution=(
            f"float16 has {exp_bits[torch.float16]} exponent bits; bfloat16 and float32 have "
            f"{exp_bits[torch.bfloat16]}. In float16, gradient "
            f"entries smaller than about \\({_sci(tiny16 / 2)}\\) underflow to 0, so the loss "
            f"is multiplied by a large factor before the backward pass and the gradients are "
            f"divided by it before the step; the scaler lowers the factor when a gradient "
            f"overflows."
        ),
    )


def _ddp_steps() -> Numeric:
    n, procs = 60_000, 4
    batch = TrainConfig(batch_size=128).batch_size
    sampler = DistributedSampler(
        _dataset(n), num_replicas=procs, rank=0, shuffle=True, seed=0
    )
    answer = len(DataLoader(_dataset(n), batch_size=batch, sampler=sampler))
    single = len(make_loader(_dataset(n), batch, shuffle=True))
    per_proc = len(sampler)
    return Numeric(
        id="ddp-steps",
        prompt=(
            f"`torchrun --nproc_per_node {procs} … --batch-size {batch}` trains on the {n:,} MNIST "
            f"training images. How many optimiser steps make one epoch?"
        ),
        answer=answer,
        tolerance=0,
        solution=(
            f"Each of the {procs} processes reads its own shard of \\({n}/{procs} = {per_proc}\\) "
            f"images in batches of {batch} (the batch size is per process): "
            f"\\(\\lceil {per_proc}/{batch} \\rceil = {answer}\\) steps, each full one on "
            f"\\({procs}\\cdot{batch} = {procs * batch}\\) images with the gradients averaged "
            f"(the last on \\({procs}\\cdot{per_proc - (answer - 1) * batch}\\)). "
            f"One process would take {single}."
        ),
        hint=f"Each process sees only its shard of the data, with its own batches of {batch}.",
        mistakes=(
            Mistake(
                single,
                "That is a single process. Under torchrun each process reads only its "
                "shard, so an epoch has fewer steps.",
            ),
            Mistake(
                per_proc // batch,
                "The last, partial batch of each shard is kept: round up.",
            ),
        ),
    )


def questions() -> list[Numeric | Choice]:
    return [_synthetic_loss(), _amp(), _ddp_steps()]
