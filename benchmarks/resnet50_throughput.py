"""ResNet-50 training throughput (images/s) on a GPU with AMP and channels_last, synthetic 224×224 data.

    .venv/bin/python benchmarks/resnet50_throughput.py --batch-size 128

Measures full training steps (forward, backward, SGD step) on random images, after warm-up,
for float32, AMP and AMP + channels_last. Exits 0 with a message when there is no GPU.
"""

from __future__ import annotations

import argparse
import sys
import time

import torch
import torch.nn.functional as F


def measure(model, x, y, opt, dtype, steps: int) -> float:
    for i in range(steps + 5):
        if i == 5:
            torch.cuda.synchronize()
            t = time.perf_counter()
        with torch.autocast(
            "cuda", dtype=dtype or torch.float32, enabled=dtype is not None
        ):
            loss = F.cross_entropy(model(x), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
    torch.cuda.synchronize()
    return steps * x.shape[0] / (time.perf_counter() - t)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--steps", type=int, default=30)
    args = parser.parse_args()
    if not torch.cuda.is_available():
        print("no CUDA GPU: this benchmark needs one (nothing measured)")
        return 0
    from syllabus_code.models import get_model
    from syllabus_code.train import amp_dtype

    torch.backends.cudnn.benchmark = True
    dev = torch.device("cuda")
    dtype = amp_dtype(dev)
    for name, use_amp, cl in (
        ("float32", False, False),
        (f"AMP {dtype}", True, False),
        (f"AMP {dtype} + channels_last", True, True),
    ):
        torch.manual_seed(0)
        model = get_model("resnet50").to(dev)
        x = torch.randn(args.batch_size, 3, 224, 224, device=dev)
        y = torch.randint(0, 1000, (args.batch_size,), device=dev)
        if cl:
            model = model.to(memory_format=torch.channels_last)
            x = x.contiguous(memory_format=torch.channels_last)
        opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
        ips = measure(model, x, y, opt, dtype if use_amp else None, args.steps)
        print(f"{name:<34} {ips:8.0f} images/s (batch {args.batch_size})")
        del model, opt, x, y
        torch.cuda.empty_cache()
    print(f"device: {torch.cuda.get_device_name(0)}, torch {torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
