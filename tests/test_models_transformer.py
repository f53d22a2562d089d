"""syllabus_code.models.transformer: the ViT encoder's blocks equal torchvision's, weight for
weight (same keys, strict loading, same outputs), and keep the token sequence's shape."""

import pytest
import torch
from models_parity import randomise_, shapes
from torchvision.models import vision_transformer as tv

from syllabus_code.models import transformer

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def _same_outputs(ours, theirs, x):
    randomise_(theirs)
    ours.load_state_dict(theirs.state_dict(), strict=True)
    ours.eval()
    theirs.eval()
    with torch.no_grad():
        a, b = ours(x), theirs(x)
    assert a.shape == b.shape == x.shape
    assert torch.allclose(a, b, rtol=1e-5, atol=1e-6), (a - b).abs().max().item()


def test_encoder_block_equals_torchvision():
    ours = transformer.EncoderBlock(num_heads=4, hidden_dim=32, mlp_dim=64)
    theirs = tv.EncoderBlock(
        num_heads=4, hidden_dim=32, mlp_dim=64, dropout=0.0, attention_dropout=0.0
    )
    assert shapes(ours) == shapes(theirs)
    assert {"mlp.0.weight", "mlp.3.weight", "self_attention.in_proj_weight"} <= set(
        shapes(ours)
    )
    _same_outputs(
        ours, theirs, torch.randn(2, 5, 32, generator=torch.Generator().manual_seed(1))
    )


def test_encoder_equals_torchvision():
    ours = transformer.Encoder(
        seq_length=5, num_layers=2, num_heads=2, hidden_dim=16, mlp_dim=32
    )
    theirs = tv.Encoder(
        seq_length=5,
        num_layers=2,
        num_heads=2,
        hidden_dim=16,
        mlp_dim=32,
        dropout=0.0,
        attention_dropout=0.0,
    )
    assert shapes(ours) == shapes(theirs)
    assert "layers.encoder_layer_1.ln_2.weight" in shapes(ours)
    _same_outputs(
        ours, theirs, torch.randn(3, 5, 16, generator=torch.Generator().manual_seed(2))
    )


def test_vit_re_exports_them():
    from syllabus_code.models import vit

    assert (vit.MLPBlock, vit.EncoderBlock, vit.Encoder) == (
        transformer.MLPBlock,
        transformer.EncoderBlock,
        transformer.Encoder,
    )
