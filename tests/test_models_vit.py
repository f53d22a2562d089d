import pytest
import torch
import torchvision.models as tvm
from models_parity import assert_forward_parity, n_params, on_meta, shapes
from torch import nn

from syllabus_code.models import vit
from syllabus_code.models.summary import count_macs

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_vit_b_16_parameter_count_and_keys_equal_torchvision():
    ours, theirs = on_meta(vit.vit_b_16), on_meta(tvm.vit_b_16, weights=None)
    assert n_params(ours) == n_params(theirs) == 86_567_656
    assert shapes(ours) == shapes(theirs)
    assert "encoder.layers.encoder_layer_0.self_attention.in_proj_weight" in shapes(
        ours
    )
    assert shapes(on_meta(vit.vit_b_32)) == shapes(on_meta(tvm.vit_b_32, weights=None))


def test_vit_b_16_loads_torchvision_state_dict_strictly():
    ours, theirs = on_meta(vit.vit_b_16), on_meta(tvm.vit_b_16, weights=None)
    # on meta: keys and shapes
    result = ours.load_state_dict(theirs.state_dict(), strict=True, assign=True)
    assert not result.missing_keys and not result.unexpected_keys


def test_vit_b_16_width_matches_torchvision_outputs():
    # ViT-B/16's layer sizes (patch 16, D = 768, 12 heads, MLP 3072) with 2 blocks instead of 12
    # and 32x32 images, so the forward comparison stays fast; the 12-block keys are checked above
    from torchvision.models.vision_transformer import VisionTransformer

    cfg = dict(
        image_size=32,
        patch_size=16,
        num_layers=2,
        num_heads=12,
        hidden_dim=768,
        mlp_dim=3072,
        num_classes=10,
    )
    ours = on_meta(vit.VisionTransformer, **cfg).to_empty(device="cpu")
    theirs = on_meta(VisionTransformer, **cfg).to_empty(device="cpu")
    # gives every weight a seeded random value first
    assert_forward_parity(ours, theirs, size=32)


def test_small_vit_matches_torchvision_of_same_config():
    from torchvision.models.vision_transformer import VisionTransformer

    torch.manual_seed(0)
    cfg = dict(
        image_size=32,
        patch_size=8,
        num_layers=2,
        num_heads=4,
        hidden_dim=64,
        mlp_dim=128,
        num_classes=10,
    )
    assert_forward_parity(
        vit.VisionTransformer(**cfg), VisionTransformer(**cfg), size=32, batch=3
    )


def test_patch_embedding_equals_conv_and_reshape_plus_linear():
    torch.manual_seed(0)
    conv = nn.Conv2d(3, 16, kernel_size=4, stride=4)
    x = torch.randn(2, 3, 12, 8)
    by_conv = conv(x).flatten(2).transpose(1, 2)  # (N, 6, 16)
    assert by_conv.shape == (2, 6, 16)
    assert torch.allclose(vit.patch_embed_linear(x, conv), by_conv, atol=1e-5)
    patches = vit.patchify(x, 4)
    assert patches.shape == (2, 6, 48)
    # second patch: top row, second column
    assert torch.equal(patches[0, 1], x[0, :, 0:4, 4:8].reshape(-1))


def test_token_shapes_and_class_token_first():
    torch.manual_seed(0)
    m = vit.vit_mini(num_classes=5).eval()
    x = torch.randn(2, 3, 32, 32)
    t = m.tokens(x)
    assert t.shape == (2, 17, 64)
    assert torch.equal(t[:, 0], m.class_token.expand(2, -1, -1)[:, 0])
    with torch.no_grad():
        assert m(x).shape == (2, 5)


def test_vit_b_16_macs_from_flop_counter():
    macs = count_macs(on_meta(vit.vit_b_16))
    # 17.6 G multiply-adds (the often-quoted "17.6 GFLOPs")
    assert macs == 17_563_828_224


def test_bad_input_names_expected_size():
    m = vit.vit_mini()
    with pytest.raises(ValueError, match="32x32"):
        m(torch.zeros(1, 3, 28, 28))
    with pytest.raises(ValueError, match=r"\(N, 3, 32, 32\)"):
        m(torch.zeros(1, 1, 32, 32))
    with pytest.raises(TypeError, match="torch.Tensor"):
        m([[0.0]])
    with pytest.raises(ValueError, match="divisible by patch_size"):
        vit.vit_mini(image_size=30)
    with pytest.raises(ValueError, match="divisible by num_heads"):
        vit.vit_mini(num_heads=5)
    with pytest.raises(ValueError, match="divisible by patch_size"):
        vit.patchify(torch.zeros(1, 3, 10, 10), 4)


def test_pre_training_mlp_head_matches_torchvision_representation_size():
    # the paper's pre-training head (Section 3.1, Appendix D.3): Linear, tanh, Linear
    from torchvision.models.vision_transformer import VisionTransformer

    torch.manual_seed(0)
    cfg = dict(
        image_size=32,
        patch_size=8,
        num_layers=2,
        num_heads=4,
        hidden_dim=64,
        mlp_dim=128,
        num_classes=10,
        representation_size=48,
    )
    ours, theirs = vit.VisionTransformer(**cfg), VisionTransformer(**cfg)
    assert shapes(ours) == shapes(theirs)
    assert [type(m) for m in ours.heads] == [nn.Linear, nn.Tanh, nn.Linear]
    assert n_params(ours) == n_params(vit.vit_mini(num_classes=10)) - (64 * 10 + 10) + (
        64 * 48 + 48
    ) + (48 * 10 + 10)
    assert_forward_parity(ours, theirs, size=32, batch=3)


def test_average_pooling_has_no_class_token_and_classifies_the_mean_patch_token():
    torch.manual_seed(0)
    m = vit.vit_mini(num_classes=5, pool="avg").eval()
    assert m.class_token is None and "class_token" not in dict(m.named_parameters())
    assert m.encoder.pos_embedding.shape == (1, 16, 64)  # 16 patches, no extra token
    # class token + its position
    assert n_params(m) == n_params(vit.vit_mini(num_classes=5)) - 2 * 64
    for p in m.parameters():  # the head starts at zero
        nn.init.normal_(p, std=0.02)
    x = torch.randn(2, 3, 32, 32)
    t = m.tokens(x)
    assert t.shape == (2, 16, 64)
    assert torch.equal(t, m.conv_proj(x).flatten(2).transpose(1, 2))
    with torch.no_grad():
        out = m(x)
        assert out.shape == (2, 5)
        assert torch.allclose(out, m.heads.head(m.encoder(t).mean(dim=1)), atol=1e-6)
        assert not torch.allclose(out, m.heads.head(m.encoder(t)[:, 0]), atol=1e-3)


def test_bad_head_options():
    with pytest.raises(ValueError, match="pool must be 'token'"):
        vit.vit_mini(pool="max")
    with pytest.raises(ValueError, match="representation_size"):
        vit.vit_mini(representation_size=0)
    with pytest.raises(ValueError, match="16 patches of 8x8"):
        vit.vit_mini(pool="avg")(torch.zeros(1, 3, 28, 28))
