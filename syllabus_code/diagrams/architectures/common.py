"""What every architecture diagram shares: the :class:`Diagram` spec, the :func:`diagram`
decorator that draws it in either theme, shapes traced from a forward pass, and layer labels."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import torch
from matplotlib.figure import Figure
from torch import nn

from ..blocks import Flow, render


@dataclass
class Diagram:
    """The spec of a figure: the flow(s) drawn (side by side, ``gap`` inches apart) and the
    numbers read from the object, which the tests compare with the object."""

    flows: list[Flow]
    numbers: dict = field(default_factory=dict)
    gap: float = 0.4


def diagram(build):
    """Turn ``build(**options) -> Diagram`` into ``f(theme="light", **options) -> (Diagram, Figure)``.

    The spec is built once per options and shared by both themes (the build draws each figure
    twice); the figure is drawn from the spec alone.
    """
    cached = functools.lru_cache(maxsize=None)(build)

    @functools.wraps(build)
    def draw(theme: str = "light", **options) -> tuple[Diagram, Figure]:
        spec = cached(**options)
        return spec, render(spec.flows, theme, gap=spec.gap)

    draw.spec = cached
    return draw


def shape_text(shape) -> str:
    """(64, 56, 56) -> "64×56×56"."""
    return "×".join(str(int(n)) for n in shape)


def trace(
    model: nn.Module, x: torch.Tensor, modules: dict[str, nn.Module]
) -> dict[str, dict]:
    """Run ``model(x)`` and record the input and output shape (without the batch axis) of each module."""
    seen: dict[str, dict] = {}
    handles = []
    for name, m in modules.items():

        def hook(mod, args, out, name=name):
            if isinstance(out, tuple):
                out = out[0]
            first = args[0][0] if isinstance(args[0], list) else args[0]
            seen.setdefault(
                name, {"in": tuple(first.shape[1:]), "out": tuple(out.shape[1:])}
            )

        handles.append(m.register_forward_hook(hook))
    try:
        with torch.no_grad():
            model(x)
    finally:
        for h in handles:
            h.remove()
    return seen


def meta_model(factory, **kwargs) -> nn.Module:
    """Build ``factory(**kwargs)`` on the meta device (shapes only, no numbers), in eval mode."""
    with torch.device("meta"):
        return factory(**kwargs).eval()


def meta_image(size: int = 224, channels: int = 3) -> torch.Tensor:
    """A one-image batch on the meta device."""
    return torch.zeros(1, channels, size, size, device="meta")


def conv_label(conv: nn.Conv2d, tail: str = "") -> str:
    """Two lines: kernel, stride, padding; then channels in → out (and what follows the conv)."""
    k, s, p = conv.kernel_size[0], conv.stride[0], conv.padding[0]
    kind = (
        "depthwise conv"
        if conv.groups > 1 and conv.groups == conv.in_channels
        else "conv"
    )
    head = (
        f"{kind} {k}×{k}"
        + (f", stride {s}" if s != 1 else "")
        + (f", pad {p}" if p else "")
    )
    body = f"{conv.in_channels}→{conv.out_channels} ch"
    if conv.groups > 1 and kind == "conv":
        body += f", groups {conv.groups}"
    return f"{head}\n{body}{tail}"


def pool_label(pool: nn.Module, kind: str) -> str:
    """The label of a pooling layer, e.g. "max pool 3×3, stride 2"."""
    k = pool.kernel_size if isinstance(pool.kernel_size, int) else pool.kernel_size[0]
    s = pool.stride if isinstance(pool.stride, int) else pool.stride[0]
    return f"{kind} pool {k}×{k}, stride {s}"
