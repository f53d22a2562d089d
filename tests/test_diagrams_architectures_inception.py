"""The inception diagram (diagrams/architectures/inception.py) draws GoogLeNet's inception3a."""

from __future__ import annotations

import torch
from diagram_helpers import drawn, made


def test_inception_branches_are_googlenets_inception3a():
    from syllabus_code.models.googlenet import googlenet

    inc = googlenet(aux_logits=False, init_weights=False).inception3a.eval()
    spec, _ = made("inception_module")
    with torch.no_grad():
        x = torch.zeros(1, 192, 28, 28)
        outs = [
            b(x).shape[1] for b in (inc.branch1, inc.branch2, inc.branch3, inc.branch4)
        ]
        total = inc(x).shape[1]
    assert spec.numbers["branch_channels"] == outs == [64, 128, 32, 32]
    assert spec.numbers["out"] == (total, 28, 28) and spec.numbers["in"] == (
        192,
        28,
        28,
    )
    texts = drawn("inception_module")
    assert f"concatenate channels\n{' + '.join(map(str, outs))} = {total}" in texts
    for conv in [
        inc.branch1.conv,
        inc.branch2[0].conv,
        inc.branch2[1].conv,
        inc.branch3[0].conv,
        inc.branch3[1].conv,
        inc.branch4[1].conv,
    ]:
        k = conv.kernel_size[0]
        assert f"conv {k}×{k}\n{conv.in_channels}→{conv.out_channels}" in texts
    assert "max pool 3×3\nstride 1" in texts
