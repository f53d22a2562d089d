"""The full CNN of Module 5 (``syllabus_code.numpy_nn.conv_net``), stage by stage, with the shape
after every stage read from one forward pass of the model and the parameters from its dict."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from syllabus_code.numpy_nn import conv_net

from .draw import FONT, canvas

__all__ = ["Stage", "full_cnn_spec", "full_cnn_figure"]


@dataclass
class Stage:
    name: str
    shape: tuple  # (C, H, W) or (D,) after the stage, one example
    params: int  # learnable parameters the stage adds
    group: str  # "input", "block 1", ..., "head"
    role: str  # palette role of the box


def full_cnn_spec(
    channels=(16, 32), image_size: int = 28, num_classes: int = 10
) -> list[Stage]:
    """Run ``conv_net.forward`` on one zero image and read every stage's shape from its cache."""
    params = conv_net.init_params(channels, 1, image_size, num_classes)
    running = conv_net.init_running(params)
    # batch norm needs two values
    x = np.zeros((2, 1, image_size, image_size), np.float32)
    logits, (caches, flat, last) = conv_net.forward(params, x, running)
    stages = [Stage("input", x.shape[1:], 0, "input", "input")]
    for i, (_c_conv, c_bn, c_pool) in enumerate(caches):
        w = params[f"conv{i}_w"]
        conv_out = c_bn[0].shape[1:]  # batch norm's x_hat: the conv's output
        group = f"block {i + 1}"
        stages.append(
            Stage(
                f"conv {w.shape[2]}×{w.shape[3]}, {w.shape[0]} filters, pad 1",
                conv_out,
                w.size + params[f"conv{i}_b"].size,
                group,
                "operation",
            )
        )
        stages.append(
            Stage(
                "batch norm",
                c_bn[0].shape[1:],
                params[f"bn{i}_gamma"].size + params[f"bn{i}_beta"].size,
                group,
                "operation",
            )
        )
        relu_mask = c_bn[-1]  # batch norm + ReLU are fused: its mask
        stages.append(Stage("ReLU", relu_mask.shape[1:], 0, group, "operation"))
        pooled = caches[i + 1][0][0][1:] if i + 1 < len(caches) else last[1:]
        stages.append(
            Stage(f"max pool {c_pool[2]}×{c_pool[2]}", pooled, 0, group, "operation")
        )
    stages.append(Stage("flatten", flat.shape[1:], 0, "head", "operation"))
    stages.append(
        Stage(
            "fully connected",
            logits.shape[1:],
            params["fc_w"].size + params["fc_b"].size,
            "head",
            "operation",
        )
    )
    return stages


def _shape(shape) -> str:
    return " × ".join(str(v) for v in shape)


def full_cnn_figure(spec: list[Stage], theme: str = "light"):
    pitch, bh = 0.5, 0.32
    height = pitch * len(spec) + 0.55
    cv = canvas(5.6, height, theme)
    p = cv.p
    bx, bw = 0.95, 2.35
    cv.text(
        bx + bw + 0.2,
        height - 0.12,
        "shape after",
        ha="left",
        size=FONT - 1,
        colour=p.muted,
    )
    cv.text(
        5.55, height - 0.12, "parameters", ha="right", size=FONT - 1, colour=p.muted
    )
    ys = [height - 0.45 - i * pitch for i in range(len(spec))]
    for i, (st, y) in enumerate(zip(spec, ys)):
        has_w = st.params > 0 and st.name != "batch norm"
        cv.box(
            bx,
            y - bh / 2,
            bw,
            bh,
            st.role,
            st.name,
            size=FONT,
            edge=p.edge("weight") if has_w else None,
            lw=2.0 if has_w else 1.4,
        )
        cv.text(bx + bw + 0.2, y, _shape(st.shape), ha="left", colour=p.ink)
        cv.text(
            5.55,
            y,
            f"{st.params:,}" if st.params else "–",
            ha="right",
            colour=p.ink if st.params else p.muted,
        )
        if i:
            cv.arrow(
                bx + bw / 2,
                ys[i - 1] - bh / 2,
                bx + bw / 2,
                y + bh / 2,
                p.ink,
                lw=1.0,
                head=7,
            )
    # brackets naming the groups
    groups = []
    for st, y in zip(spec, ys):
        if groups and groups[-1][0] == st.group:
            groups[-1][2] = y
        else:
            groups.append([st.group, y, y])
    for name, y0, y1 in groups:
        if name == "input":
            continue
        x = bx - 0.12
        cv.line(x, y0 + bh / 2, x, y1 - bh / 2, p.muted, 1.2)
        cv.line(x, y0 + bh / 2, x + 0.06, y0 + bh / 2, p.muted, 1.2)
        cv.line(x, y1 - bh / 2, x + 0.06, y1 - bh / 2, p.muted, 1.2)
        cv.text(
            x - 0.08, (y0 + y1) / 2, name, ha="right", size=FONT - 1, colour=p.muted
        )
    total = sum(st.params for st in spec)
    cv.text(
        5.55, ys[-1] - 0.42, f"total {total:,}", ha="right", size=FONT, weight="bold"
    )
    cv.text(
        bx + bw / 2,
        ys[-1] - 0.42,
        "→ softmax inside the loss",
        size=FONT - 1,
        colour=p.muted,
    )
    return cv.fit()
