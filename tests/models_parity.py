"""Helpers for the torchvision parity tests of ``syllabus_code.models`` (not a test file itself)."""

from __future__ import annotations

import torch
from torch import nn


def shapes(model: nn.Module) -> dict[str, tuple[int, ...]]:
    return {k: tuple(v.shape) for k, v in model.state_dict().items()}


def n_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def on_meta(ctor, **kwargs) -> nn.Module:
    """Build a model without allocating or initialising its weights (for counts and key checks)."""
    with torch.device("meta"):
        return ctor(**kwargs)


def randomise_(model: nn.Module, seed: int = 0) -> nn.Module:
    """Give every weight and BN statistic a seeded random value, so parity is not trivially met
    by the default initialisation (BN running mean 0 / var 1, zero biases)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, t in model.state_dict().items():
            if name.endswith("num_batches_tracked"):
                continue
            if name.endswith("running_var"):
                t.copy_(torch.rand(t.shape, generator=g) + 0.5)
            elif t.ndim >= 2:
                t.copy_(torch.randn(t.shape, generator=g) / t[0].numel() ** 0.5)
            elif name.endswith("weight"):
                t.copy_(1 + 0.1 * torch.randn(t.shape, generator=g))
            else:
                t.copy_(0.1 * torch.randn(t.shape, generator=g))
    return model


def assert_forward_parity(
    ours: nn.Module, theirs: nn.Module, size: int, batch: int = 2, seed: int = 0
) -> None:
    """Load torchvision's (randomised) weights into ours with strict=True; eval outputs must agree."""
    randomise_(theirs, seed)
    ours.load_state_dict(theirs.state_dict(), strict=True)
    ours.eval()
    theirs.eval()
    x = torch.randn(
        batch, 3, size, size, generator=torch.Generator().manual_seed(seed + 1)
    )
    with torch.no_grad():
        a, b = ours(x), theirs(x)
    assert a.shape == b.shape
    assert torch.allclose(a, b, rtol=1e-5, atol=1e-6), (a - b).abs().max().item()
