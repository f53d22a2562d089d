"""GoogLeNet's inception module (Module 6): four branches concatenated on the channel axis."""

from __future__ import annotations

from ..blocks import Box, Flow, Parallel
from .common import Diagram, diagram, meta_image, meta_model, shape_text, trace


@diagram
def inception_module():
    """GoogLeNet's inception3a: four branches concatenated on the channel axis."""
    from ...models.googlenet import googlenet

    model = meta_model(googlenet, aux_logits=False, init_weights=False)
    inc = model.inception3a
    branches = {
        "branch1": inc.branch1,
        "branch2": inc.branch2,
        "branch3": inc.branch3,
        "branch4": inc.branch4,
    }
    shapes = trace(model, meta_image(), {"module": inc, **branches})

    def conv(basic) -> Box:
        c = basic.conv
        return Box(
            f"conv {c.kernel_size[0]}×{c.kernel_size[0]}\n{c.in_channels}→{c.out_channels}"
        )

    pool = inc.branch4[0]
    columns = [
        [conv(inc.branch1)],
        [conv(inc.branch2[0]), conv(inc.branch2[1])],
        [conv(inc.branch3[0]), conv(inc.branch3[1])],
        [
            Box(
                f"max pool {pool.kernel_size}×{pool.kernel_size}\nstride {pool.stride}"
            ),
            conv(inc.branch4[1]),
        ],
    ]
    outs = [shapes[b]["out"][0] for b in branches]
    total = shapes["module"]["out"][0]
    flow = Flow(
        [
            Box(f"previous layer\n{shape_text(shapes['module']['in'])}", role="input"),
            Parallel(columns),
            Box(
                f"concatenate channels\n{' + '.join(map(str, outs))} = {total}",
                role="operation",
            ),
            Box(f"output\n{shape_text(shapes['module']['out'])}", role="activation"),
        ],
        title="Inception module (GoogLeNet, inception3a)",
        footer=_inception_footer(inc, shapes),
    )
    numbers = {
        "in": shapes["module"]["in"],
        "out": shapes["module"]["out"],
        "branch_channels": outs,
        "convs": [
            [
                (b.conv.in_channels, b.conv.out_channels, b.conv.kernel_size[0])
                for b in col
            ]
            for col in (
                [inc.branch1],
                list(inc.branch2),
                list(inc.branch3),
                [inc.branch4[1]],
            )
        ],
        "pool": (pool.kernel_size, pool.stride),
    }
    return Diagram([flow], numbers)


def _inception_footer(inc, shapes) -> list[str]:
    size = "×".join(map(str, shapes["module"]["in"][1:]))
    lines = ["each conv is conv → BN → ReLU", f"every branch keeps the {size} size"]
    k = inc.branch3[1].conv.kernel_size[0]
    if k == 3:
        lines.append("third branch: 3×3 as in torchvision (the paper: 5×5)")
    return lines
