import pytest
import torch
import torchvision.models as tvm
from models_parity import assert_forward_parity, n_params, on_meta, shapes

from syllabus_code.models import resnet
from syllabus_code.models.resnet import BasicBlock, Bottleneck

DEPTHS = ["resnet18", "resnet34", "resnet50", "resnet101", "resnet152"]


@pytest.mark.parametrize("name", DEPTHS)
def test_parameter_count_and_state_dict_keys_equal_torchvision(name):
    ours = on_meta(getattr(resnet, name))
    theirs = on_meta(getattr(tvm, name), weights=None)
    assert n_params(ours) == n_params(theirs)
    assert shapes(ours) == shapes(theirs)  # same names, same order-independent shapes


def test_known_parameter_counts():
    assert n_params(on_meta(resnet.resnet18)) == 11_689_512
    assert n_params(on_meta(resnet.resnet50)) == 25_557_032


@pytest.mark.parametrize("name", ["resnet18", "resnet50"])
def test_forward_parity_with_torchvision(name):
    torch.manual_seed(0)
    ours = getattr(resnet, name)(num_classes=10)
    theirs = getattr(tvm, name)(weights=None, num_classes=10)
    assert_forward_parity(ours, theirs, size=64)


def test_v1_moves_the_stride_to_the_first_1x1():
    v15 = on_meta(resnet.resnet50)
    v1 = on_meta(resnet.resnet50, variant="v1")
    # same weights, so torchvision's state_dict loads into either
    assert shapes(v1) == shapes(v15)
    assert v15.layer2[0].conv1.stride == (1, 1) and v15.layer2[0].conv2.stride == (2, 2)
    assert v1.layer2[0].conv1.stride == (2, 2) and v1.layer2[0].conv2.stride == (1, 1)


def test_v1_and_v15_same_weights_different_outputs():
    torch.manual_seed(0)
    a = resnet.resnet50(num_classes=10).eval()
    b = resnet.resnet50(num_classes=10, variant="v1").eval()
    b.load_state_dict(a.state_dict(), strict=True)
    x = torch.randn(1, 3, 64, 64)
    with torch.no_grad():
        ya, yb = a(x), b(x)
    assert ya.shape == yb.shape == (1, 10)
    assert not torch.allclose(ya, yb)


def test_zero_init_residual_makes_blocks_start_as_identity():
    torch.manual_seed(0)
    block = resnet.resnet18(zero_init_residual=True).layer1[1].eval()
    x = torch.randn(2, 64, 8, 8)
    with torch.no_grad():
        assert torch.allclose(block(x), torch.relu(x))


@pytest.mark.parametrize(
    "cls, inplanes, planes, stride",
    [(BasicBlock, 64, 128, 2), (Bottleneck, 256, 128, 2)],
)
def test_block_output_shape_with_projection(cls, inplanes, planes, stride):
    down = torch.nn.Sequential(
        resnet.conv1x1(inplanes, planes * cls.expansion, stride),
        torch.nn.BatchNorm2d(planes * cls.expansion),
    )
    y = cls(inplanes, planes, stride, down)(torch.randn(2, inplanes, 8, 8))
    assert y.shape == (2, planes * cls.expansion, 4, 4)


def test_residual_gradient_is_upstream_times_one_plus_jacobian():
    """dL/dx = dL/dy (I + dF/dx) for y = x + F(x), checked with autograd and central differences."""
    torch.manual_seed(0)
    conv1 = torch.nn.Conv2d(2, 2, 3, padding=1).double()
    conv2 = torch.nn.Conv2d(2, 2, 3, padding=1).double()

    def f(x):
        return conv2(torch.tanh(conv1(x)))

    x = torch.randn(1, 2, 3, 3, dtype=torch.float64, requires_grad=True)
    w = torch.randn(1, 2, 3, 3, dtype=torch.float64)  # L = sum(w * y), so dL/dy = w
    loss = (w * (x + f(x))).sum()
    (grad,) = torch.autograd.grad(loss, x)
    jac = torch.autograd.functional.jacobian(f, x.detach()).reshape(18, 18)  # dF/dx
    formula = w.reshape(1, 18) @ (torch.eye(18, dtype=torch.float64) + jac)
    assert torch.allclose(grad.reshape(1, 18), formula, rtol=1e-12, atol=1e-12)
    # the same gradient by central differences
    eps, num = 1e-6, torch.zeros(18, dtype=torch.float64)
    with torch.no_grad():
        for i in range(18):
            e = torch.zeros(18, dtype=torch.float64)
            e[i] = eps
            xp, xm = x + e.reshape(x.shape), x - e.reshape(x.shape)
            num[i] = ((w * (xp + f(xp))).sum() - (w * (xm + f(xm))).sum()) / (2 * eps)
    rel = (num - grad.reshape(18)).norm() / (num.norm() + grad.norm())
    assert rel < 1e-6


def test_training_step_gradients_equal_torchvision():
    """One training step (train-mode BN, cross-entropy): every parameter's gradient equals
    torchvision's ResNet-18 loaded with the same weights."""
    torch.manual_seed(0)
    ours = resnet.resnet18(num_classes=5)
    theirs = tvm.resnet18(weights=None, num_classes=5)
    ours.load_state_dict(theirs.state_dict(), strict=True)
    x, y = torch.randn(4, 3, 16, 16), torch.tensor([0, 1, 2, 3])
    losses = []
    for model in (ours, theirs):
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        losses.append(loss.detach())
    assert torch.allclose(losses[0], losses[1], rtol=1e-6, atol=0)
    grads_theirs = dict(theirs.named_parameters())
    for name, p in ours.named_parameters():
        assert p.grad.shape == p.shape, name
        assert torch.allclose(p.grad, grads_theirs[name].grad, rtol=1e-4, atol=1e-6), (
            name
        )
    assert ours.conv1.weight.grad.abs().sum() > 0  # the gradient reaches the stem
    # and the head's bias gradient is the closed form mean(softmax(z) - onehot(y))
    with torch.no_grad():
        z = ours(x)  # train mode: the same batch statistics as the step
    want = (torch.softmax(z, 1) - torch.nn.functional.one_hot(y, 5)).mean(0)
    assert torch.allclose(ours.fc.bias.grad, want, rtol=1e-5, atol=1e-7)


def test_bad_arguments():
    with pytest.raises(ValueError, match="variant must be one of"):
        resnet.ResNet(BasicBlock, [2, 2, 2, 2], variant="v2")
    with pytest.raises(ValueError, match="layers must be 4 positive"):
        resnet.ResNet(BasicBlock, [2, 2, 2])


def test_wrong_input_channels():
    model = resnet.resnet18()
    with pytest.raises(ValueError, match="expects 3 input channel"):
        model(torch.zeros(1, 1, 32, 32))
