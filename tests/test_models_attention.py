import pytest
import torch
from torch import nn

from syllabus_code.models.attention import (
    MultiHeadAttention,
    attention_parameters,
    scaled_dot_product_attention,
)

pytestmark = pytest.mark.usefixtures("one_torch_thread")


F = nn.functional


def _qkv(seed=0, n=2, h=3, L=5, S=7, d=8, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    return (
        torch.randn(n, h, L, d, generator=g, dtype=dtype),
        torch.randn(n, h, S, d, generator=g, dtype=dtype),
        torch.randn(n, h, S, d, generator=g, dtype=dtype),
    )


def test_sdpa_equals_torch_without_mask():
    q, k, v = _qkv()
    out, w = scaled_dot_product_attention(q, k, v)
    assert torch.allclose(out, F.scaled_dot_product_attention(q, k, v), atol=1e-12)
    assert w.shape == (2, 3, 5, 7)
    assert torch.allclose(w.sum(-1), torch.ones(2, 3, 5, dtype=torch.float64))


def test_sdpa_equals_torch_with_boolean_and_float_masks_and_causal():
    q, k, v = _qkv(seed=1)
    mask = torch.rand(5, 7, generator=torch.Generator().manual_seed(2)) > 0.4
    mask[:, 0] = True  # every query keeps at least one key
    out, w = scaled_dot_product_attention(q, k, v, attn_mask=mask)
    assert torch.allclose(
        out, F.scaled_dot_product_attention(q, k, v, attn_mask=mask), atol=1e-12
    )
    assert torch.all(w[..., ~mask] == 0)
    fmask = torch.randn(5, 7, dtype=torch.float64)
    out, _ = scaled_dot_product_attention(q, k, v, attn_mask=fmask)
    assert torch.allclose(
        out, F.scaled_dot_product_attention(q, k, v, attn_mask=fmask), atol=1e-12
    )
    q, k, v = _qkv(seed=3, S=5)
    out, w = scaled_dot_product_attention(q, k, v, is_causal=True)
    assert torch.allclose(
        out, F.scaled_dot_product_attention(q, k, v, is_causal=True), atol=1e-12
    )
    assert torch.all(w.triu(1) == 0)


def test_sdpa_rejects_mismatched_shapes():
    q, k, v = _qkv()
    with pytest.raises(ValueError, match="d_k"):
        scaled_dot_product_attention(q, k[..., :4], v)
    with pytest.raises(ValueError, match="number of keys"):
        scaled_dot_product_attention(q, k, v[..., :3, :])
    with pytest.raises(TypeError, match="q must be a torch.Tensor"):
        scaled_dot_product_attention([1.0], k, v)


def _pair(E=16, heads=4, seed=0):
    torch.manual_seed(seed)
    theirs = nn.MultiheadAttention(E, heads, batch_first=True)
    with torch.no_grad():  # non-zero biases, so the test sees them
        theirs.in_proj_bias.normal_()
        theirs.out_proj.bias.normal_()
    ours = MultiHeadAttention(E, heads)
    ours.load_state_dict(theirs.state_dict(), strict=True)
    return ours.eval(), theirs.eval()


def test_mha_same_parameter_names_and_count_as_torch():
    ours, theirs = _pair()
    assert {k: v.shape for k, v in ours.state_dict().items()} == {
        k: v.shape for k, v in theirs.state_dict().items()
    }
    assert (
        sum(p.numel() for p in ours.parameters())
        == attention_parameters(16)
        == 4 * 16 * 16 + 4 * 16
    )


def test_mha_matches_torch_outputs_and_weights():
    ours, theirs = _pair()
    g = torch.Generator().manual_seed(1)
    x = torch.randn(2, 6, 16, generator=g)
    mem = torch.randn(2, 9, 16, generator=g)
    with torch.no_grad():
        for q, kv in ((x, x), (x, mem)):  # self- and cross-attention
            a, wa = ours(q, kv, kv)
            b, wb = theirs(q, kv, kv)
            assert torch.allclose(a, b, atol=1e-6)
            assert torch.allclose(wa, wb, atol=1e-6)
        a, wa = ours(x, x, x, average_attn_weights=False)
        b, wb = theirs(x, x, x, average_attn_weights=False)
        assert wa.shape == (2, 4, 6, 6)
        assert torch.allclose(a, b, atol=1e-6) and torch.allclose(wa, wb, atol=1e-6)


def test_mha_matches_torch_with_mask_of_opposite_convention():
    ours, theirs = _pair(seed=2)
    x = torch.randn(2, 6, 16, generator=torch.Generator().manual_seed(3))
    allowed = torch.ones(
        6, 6, dtype=torch.bool
    ).tril()  # causal: True = may attend (our convention)
    with torch.no_grad():
        a, wa = ours(x, x, x, attn_mask=allowed)
        b, wb = theirs(x, x, x, attn_mask=~allowed)  # torch's MHA: True = masked out
    assert torch.allclose(a, b, atol=1e-6) and torch.allclose(wa, wb, atol=1e-6)


def test_mha_gradients_match_torch():
    ours, theirs = _pair(E=8, heads=2)
    ours, theirs = ours.double(), theirs.double()
    x = torch.randn(1, 4, 8, dtype=torch.float64)
    ours(x, x, x)[0].square().sum().backward()
    theirs(x, x, x)[0].square().sum().backward()
    assert torch.allclose(
        ours.in_proj_weight.grad, theirs.in_proj_weight.grad, atol=1e-10
    )
    assert torch.allclose(
        ours.out_proj.weight.grad, theirs.out_proj.weight.grad, atol=1e-10
    )


def test_mha_bad_input():
    with pytest.raises(ValueError, match="divisible by num_heads"):
        MultiHeadAttention(10, 3)
    with pytest.raises(ValueError, match="positive ints"):
        MultiHeadAttention(0, 1)
    m = MultiHeadAttention(8, 2)
    with pytest.raises(ValueError, match=r"\(N, length, 8\)"):
        m(torch.zeros(1, 3, 6), torch.zeros(1, 3, 6), torch.zeros(1, 3, 6))
    with pytest.raises(ValueError, match="embed_dim"):
        attention_parameters(-1)


def test_scores_variance_grows_with_dk_and_scaling_fixes_it():
    g = torch.Generator().manual_seed(0)
    for d in (4, 64, 256):
        q, k = torch.randn(20000, d, generator=g), torch.randn(20000, d, generator=g)
        dots = (q * k).sum(-1)
        assert abs(dots.var().item() / d - 1) < 0.05
        assert abs((dots / d**0.5).var().item() - 1) < 0.05
