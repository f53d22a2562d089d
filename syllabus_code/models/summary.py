"""Per-layer shape tables, parameter counts and multiply-accumulate counts, all computed from the model.

Shapes and MACs are found by running the model once on the ``meta`` device (tensors with a
shape but no data), so a 224×224 pass through VGG-16 costs no arithmetic. The first use of the
meta device or of ``FlopCounterMode`` in a Python process imports part of PyTorch's compiler
stack, which takes a few seconds once.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn
from torch.func import functional_call
from torch.utils.flop_counter import FlopCounterMode


def _check_size(input_size: Sequence[int]) -> tuple[int, ...]:
    if (
        not isinstance(input_size, (tuple, list))
        or len(input_size) != 4
        or not all(isinstance(d, int) and d > 0 for d in input_size)
    ):
        raise ValueError(
            f"input_size must be 4 positive ints (N, C, H, W), got {input_size!r}"
        )
    return tuple(input_size)


def _meta_forward(model: nn.Module, input_size: Sequence[int], device: str = "meta"):
    """Run ``model`` in eval mode on an empty tensor, with copies of its weights on ``device``.

    ``device="meta"`` (the default) computes shapes only; ``"cpu"`` really runs the model on
    zeros (quick for small models, and it avoids the meta device's one-off import cost).
    """
    if device not in ("meta", "cpu"):
        raise ValueError(f"device must be 'meta' or 'cpu', got {device!r}")
    size = _check_size(input_size)
    if device == "meta":
        state = {
            k: torch.empty_like(v, device="meta") for k, v in model.state_dict().items()
        }
    else:
        state = {k: v.to("cpu") for k, v in model.state_dict().items()}
    x = torch.zeros(size, device=device)
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            return functional_call(model, state, (x,))
    finally:
        model.train(was_training)


# --8<-- [start:count]
def count_parameters(model: nn.Module, trainable_only: bool = False) -> int:
    """Number of scalars in the model's parameters (buffers such as BN running means excluded)."""
    return sum(
        p.numel() for p in model.parameters() if p.requires_grad or not trainable_only
    )


def count_macs(
    model: nn.Module, input_size: Sequence[int] = (1, 3, 224, 224), device: str = "meta"
) -> int:
    """Multiply-accumulates of one forward pass, from ``torch.utils.flop_counter``.

    FlopCounterMode counts 2 FLOPs per multiply-add in convolutions and matrix products (and
    nothing for BN, ReLU, pooling or the residual additions), so MACs = FLOPs / 2.
    """
    counter = FlopCounterMode(display=False)
    with counter:
        _meta_forward(model, input_size, device)
    return counter.get_total_flops() // 2


# --8<-- [end:count]


def layer_rows(
    model: nn.Module,
    input_size: Sequence[int],
    depth: int = 1,
    skip: tuple[type[nn.Module], ...] = (nn.ReLU, nn.Dropout),
    device: str = "meta",
) -> list[tuple[str, str, str, int]]:
    """(name, type, output shape without the batch axis, parameters) for each module called.

    A module is listed if its qualified name has ``depth`` parts (``layer1`` has 1,
    ``features.0`` has 2), or fewer when it has no children; types in ``skip`` are left out.
    """
    if not isinstance(depth, int) or depth < 1:
        raise ValueError(f"depth must be an int >= 1, got {depth!r}")
    rows: list[tuple[str, str, str, int]] = []
    handles = []
    for name, module in model.named_modules():
        parts = len(name.split(".")) if name else 0
        if not name or isinstance(module, skip):
            continue
        if parts == depth or (
            parts < depth and not any(True for _ in module.children())
        ):

            def hook(mod, inputs, output, name=name):
                shape = (
                    tuple(output.shape[1:]) if isinstance(output, torch.Tensor) else "-"
                )
                rows.append(
                    (name, type(mod).__name__, str(shape), count_parameters(mod))
                )

            handles.append(module.register_forward_hook(hook))
    try:
        _meta_forward(model, input_size, device)
    finally:
        for h in handles:
            h.remove()
    return rows


def layer_table(
    model: nn.Module,
    input_size: Sequence[int],
    depth: int = 1,
    skip: tuple[type[nn.Module], ...] = (nn.ReLU, nn.Dropout),
    device: str = "meta",
) -> str:
    """``layer_rows`` as an aligned text table, with the model's total parameter count."""
    header = ("layer", "type", "output (C, H, W)", "params")
    rows = [header] + [
        (n, t, s, f"{p:,}")
        for n, t, s, p in layer_rows(model, input_size, depth, skip, device)
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]:>{widths[3]}}"
        for r in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    lines.append(f"total parameters: {count_parameters(model):,}")
    return "\n".join(lines)
