"""MNIST to 99% on a GPU with the whole data set held in GPU memory (no DataLoader).

    .venv/bin/python benchmarks/gpu_mnist.py

A small ReLU CNN (conv 32 - conv 64 - pool - conv 128 - pool - fc), bf16 autocast,
channels_last, batch 512, AdamW with one-cycle-like warm-up/cosine, random shifts by up to
2 pixels done on the GPU. Batches are slices of a shuffled index tensor on the GPU. Prints the
training time (synchronised) and the test accuracy; exits 0 with a message when there is no GPU.
"""

from __future__ import annotations

import sys
import time

import torch
import torch.nn.functional as F
from torch import nn


def net() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1, bias=False),
        nn.BatchNorm2d(32),
        nn.ReLU(),
        nn.Conv2d(32, 64, 3, padding=1, bias=False),
        nn.BatchNorm2d(64),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(64, 128, 3, padding=1, bias=False),
        nn.BatchNorm2d(128),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.AdaptiveMaxPool2d(1),
        nn.Flatten(),
        nn.Linear(128, 10),
    )


def main() -> int:
    if not torch.cuda.is_available():
        print("no CUDA GPU: this benchmark needs one (nothing measured)")
        return 0
    from syllabus_code.train import prepare_data, warmup_cosine

    dev = torch.device("cuda")
    tr, te = prepare_data("mnist", True), prepare_data("mnist", False)
    x, y = tr.images.to(dev), tr.labels.to(dev)
    xt, yt = te.images.to(dev), te.labels.to(dev)
    epochs, bs = 3, 512
    results = []
    for run in range(3):  # run 0 warms up cuDNN and the allocator
        torch.manual_seed(run)
        model = net().to(dev, memory_format=torch.channels_last)
        steps = epochs * (len(y) // bs)
        opt = torch.optim.AdamW(model.parameters(), lr=4e-3, weight_decay=5e-4)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, warmup_cosine(steps))
        torch.cuda.synchronize()
        t = time.perf_counter()
        for epoch in range(epochs):
            perm = torch.randperm(len(y), device=dev)
            for i in range(len(y) // bs):
                idx = perm[i * bs : (i + 1) * bs]
                xb = x[idx]
                dx, dy = torch.randint(-2, 3, (2,)).tolist()
                xb = torch.roll(xb, shifts=(dx, dy), dims=(2, 3)).contiguous(
                    memory_format=torch.channels_last
                )
                with torch.autocast("cuda", dtype=torch.bfloat16):
                    loss = F.cross_entropy(model(xb), y[idx])
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                sched.step()
        torch.cuda.synchronize()
        seconds = time.perf_counter() - t
        model.eval()
        with torch.no_grad(), torch.autocast("cuda", dtype=torch.bfloat16):
            acc = (
                (
                    model(xt.contiguous(memory_format=torch.channels_last)).argmax(1)
                    == yt
                )
                .float()
                .mean()
                .item()
            )
        results.append((seconds, acc))
        print(
            f"run {run}: training {seconds:.2f} s, test accuracy {acc:.4f}{' (warm-up run)' if run == 0 else ''}"
        )
    print(f"device: {torch.cuda.get_device_name(0)}, torch {torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
