"""Module 4's diagrams: batch-norm axes as batchnorm_forward uses them; the residual gradients."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from syllabus_code.diagrams.draw import figure_texts
from syllabus_code.diagrams.training import (
    batchnorm_axes_figure,
    batchnorm_axes_spec,
    residual_figure,
    residual_spec,
)

DOCS = Path(__file__).resolve().parents[1] / "docs/04-training-deep-networks"


def test_batchnorm_axes_are_the_ones_pytorch_averages_over():
    spec = batchnorm_axes_spec()
    assert spec.dense_axes == ("N",) and spec.dense_axis_numbers == (0,)
    assert spec.conv_axes == ("N", "H", "W") and spec.conv_axis_numbers == (0, 2, 3)
    assert spec.dense_m == spec.dense_shape[0]
    n, c, h, w = spec.conv_shape
    assert spec.conv_m == n * h * w
    # BatchNorm2d in training mode: each channel has mean 0 over exactly these axes
    x = torch.randn(*spec.conv_shape)
    y = torch.nn.BatchNorm2d(c)(x)
    assert torch.allclose(y.mean(dim=spec.conv_axis_numbers), torch.zeros(c), atol=1e-6)
    assert not torch.allclose(y.mean(dim=(0,)), torch.zeros(c, h, w), atol=1e-3)
    text = "\n".join(figure_texts(batchnorm_axes_figure(spec, "dark")))
    for s in (
        "4 × 3 (N × D)",
        "2 × 3 × 4 × 4 (N × C × H × W)",
        "mean over N (axis 0)",
        "mean over N, H, W (axes 0, 2, 3)",
        "= 4 values",
        "= 2·4·4 = 32 values",
    ):
        assert s in text, s


def test_residual_gradient_is_identity_plus_branch_as_autograd_says():
    spec = residual_spec()
    rng = np.random.default_rng(1)
    x = torch.tensor(rng.standard_normal((1, 3)).round(1), requires_grad=True)
    w1, w2 = (torch.tensor(0.1 * rng.standard_normal((3, 3))) for _ in range(2))
    y = x + torch.relu(x @ w1) @ w2
    g = torch.tensor(rng.standard_normal((1, 3)).round(1))
    y.backward(g)
    assert np.allclose(spec.y, y.detach()[0].numpy())
    assert np.allclose(spec.grad_x, x.grad[0].numpy())
    assert np.allclose(np.array(spec.grad_x) - spec.grad_y, spec.grad_f)
    # the branch's part is small, so the identity path carries almost all of the gradient
    assert np.linalg.norm(spec.grad_f) < 0.01 * np.linalg.norm(spec.grad_y)
    for theme in ("light", "dark"):
        text = "\n".join(figure_texts(residual_figure(spec, theme)))
        for values, fmt in (
            (spec.grad_y, "{:.1f}"),
            (spec.grad_f, "{:.3f}"),
            (spec.grad_x, "{:.3f}"),
        ):
            shown = ", ".join(fmt.format(v).replace("-", "\u2212") for v in values)
            assert f"[{shown}]" in text
    page = (DOCS / "vanishing-gradients.md").read_text()
    assert "dL/dx = [" + ", ".join(f"{v:.3f}" for v in spec.grad_x) + "]" in page
