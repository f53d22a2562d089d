"""The pooling grids (diagrams/grid/pooling.py): numbers of numpy_nn's layers and PyTorch's."""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from syllabus_code.diagrams.draw import figure_texts
from syllabus_code.diagrams.grid.pooling import pooling_figure, pooling_spec


def joined(fig) -> str:
    return "\n".join(figure_texts(fig))


def test_pooling_numbers_are_numpy_nn_and_pytorch():
    spec = pooling_spec()
    x = torch.tensor([[spec.x]])
    assert nn.functional.max_pool2d(x, 2)[0, 0].tolist() == spec.max_out
    assert np.allclose(nn.functional.avg_pool2d(x, 2)[0, 0].numpy(), spec.avg_out)
    for i, row in enumerate(spec.argmax):
        for j, (r, c) in enumerate(row):
            assert spec.x[r][c] == spec.max_out[i][j]
    text = figure_texts(pooling_figure(spec, "dark"))
    values = [f"{v:g}" for row in spec.x for v in row]
    values += [f"{v:g}" for row in spec.max_out for v in row]
    values += [f"{v:.2f}" for row in spec.avg_out for v in row]
    for v in values:
        assert v in text, v
    assert text.count("4.25") == 1 and "max pool" in text and "average pool" in text
