import importlib

import pytest
import torch
import torchvision.models as tvm
from models_parity import assert_forward_parity, n_params, on_meta, randomise_, shapes

# the module, not the function of that name
gn = importlib.import_module("syllabus_code.models.googlenet")


@pytest.mark.parametrize("aux, expected", [(True, 13_004_888), (False, 6_624_904)])
def test_parameter_counts_and_keys_equal_torchvision(aux, expected):
    ours = on_meta(gn.googlenet, aux_logits=aux)
    theirs = on_meta(tvm.googlenet, weights=None, aux_logits=aux, init_weights=True)
    assert n_params(ours) == n_params(theirs) == expected
    assert shapes(ours) == shapes(theirs)


def test_forward_parity_eval():
    torch.manual_seed(0)
    ours = gn.googlenet(num_classes=10, init_weights=False)
    theirs = tvm.googlenet(
        weights=None, num_classes=10, aux_logits=True, init_weights=False
    )
    assert_forward_parity(ours, theirs, size=64)


def test_training_outputs_match_torchvision_with_aux_heads():
    ours = gn.googlenet(num_classes=10, init_weights=False)
    theirs = tvm.googlenet(
        weights=None, num_classes=10, aux_logits=True, init_weights=False
    )
    randomise_(theirs)
    ours.load_state_dict(theirs.state_dict(), strict=True)
    x = torch.randn(2, 3, 64, 64)
    torch.manual_seed(3)
    a = ours.train()(x)
    torch.manual_seed(3)
    b = theirs.train()(x)
    assert isinstance(a, gn.GoogLeNetOutputs)
    for u, v in zip(a, b):  # logits, aux2, aux1: same dropout masks from the same seed
        assert u.shape == (2, 10)
        assert torch.allclose(u, v, rtol=1e-5, atol=1e-6)


def test_transform_input_matches_torchvision():
    ours = gn.googlenet(
        num_classes=10, aux_logits=False, transform_input=True, init_weights=False
    )
    theirs = tvm.googlenet(
        weights=None,
        num_classes=10,
        aux_logits=False,
        transform_input=True,
        init_weights=False,
    )
    assert_forward_parity(ours, theirs, size=32, batch=1)


def test_paper_5x5_branch_has_more_parameters():
    assert (
        n_params(on_meta(gn.googlenet, aux_logits=False, branch3_kernel=5)) > 6_624_904
    )
    x = torch.zeros(1, 192, 8, 8)
    assert gn.Inception(192, 64, 96, 128, 16, 32, 32, branch3_kernel=5)(x).shape == (
        1,
        256,
        8,
        8,
    )


def test_minimum_size_and_bad_arguments():
    with pytest.raises(ValueError, match="at least 15x15"):
        gn.googlenet(init_weights=False)(torch.zeros(1, 3, 14, 14))
    with pytest.raises(ValueError, match="branch3_kernel must be 3"):
        gn.GoogLeNet(branch3_kernel=4)


def test_max_pools_round_up_to_the_papers_sizes():
    # ceil((n - 3) / 2) + 1 gives Table 1's 56, 28, 14 where the floor formula gives 55, 27, 13
    with torch.device("meta"):
        model = gn.googlenet(aux_logits=False)
    sizes = {}
    for name in ("maxpool1", "maxpool2", "maxpool3", "maxpool4"):
        getattr(model, name).register_forward_hook(
            lambda m, i, o, name=name: sizes.__setitem__(
                name, (i[0].shape[-1], o.shape[-1])
            )
        )
    with torch.device("meta"):
        model(torch.zeros(1, 3, 224, 224))
    assert sizes == {
        "maxpool1": (112, 56),
        "maxpool2": (56, 28),
        "maxpool3": (28, 14),
        "maxpool4": (14, 7),
    }
    floor = torch.nn.MaxPool2d(3, stride=2)
    assert [floor(torch.zeros(1, 1, n, n)).shape[-1] for n in (112, 56, 28)] == [
        55,
        27,
        13,
    ]


def test_aux_head_pools_adaptively_not_like_the_paper():
    torch.manual_seed(0)
    head = gn.InceptionAux(512, 10).eval()
    x = torch.randn(2, 512, 14, 14)
    pooled = torch.nn.functional.adaptive_avg_pool2d(x, (4, 4))
    # adaptive windows on 14: 4 wide, starting at 0, 3, 7, 10
    for i, start in enumerate((0, 3, 7, 10)):
        torch.testing.assert_close(
            pooled[..., i, 0], x[..., start : start + 4, 0:4].mean((-2, -1))
        )
    with torch.no_grad():
        conv = head.conv(pooled)
        expected = head.fc2(torch.relu(head.fc1(torch.flatten(conv, 1))))
        torch.testing.assert_close(head(x), expected)
        # 5x5, stride 3
        paper = torch.nn.functional.avg_pool2d(x, kernel_size=5, stride=3)
        assert paper.shape == pooled.shape and not torch.allclose(paper, pooled)
        assert head(torch.randn(2, 512, 4, 4)).shape == (2, 10)  # any size works
