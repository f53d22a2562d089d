import importlib

import pytest
import torch
import torchvision.models as tvm
from models_parity import assert_forward_parity, n_params, on_meta, randomise_, shapes

gn = importlib.import_module("syllabus_code.models.googlenet")  # the module, not the function of that name


@pytest.mark.parametrize("aux, expected", [(True, 13_004_888), (False, 6_624_904)])
def test_parameter_counts_and_keys_equal_torchvision(aux, expected):
    ours = on_meta(gn.googlenet, aux_logits=aux)
    theirs = on_meta(tvm.googlenet, weights=None, aux_logits=aux, init_weights=True)
    assert n_params(ours) == n_params(theirs) == expected
    assert shapes(ours) == shapes(theirs)


def test_forward_parity_eval():
    torch.manual_seed(0)
    ours = gn.googlenet(num_classes=10, init_weights=False)
    theirs = tvm.googlenet(weights=None, num_classes=10, aux_logits=True, init_weights=False)
    assert_forward_parity(ours, theirs, size=64)


def test_training_outputs_match_torchvision_with_aux_heads():
    ours = gn.googlenet(num_classes=10, init_weights=False)
    theirs = tvm.googlenet(weights=None, num_classes=10, aux_logits=True, init_weights=False)
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
    ours = gn.googlenet(num_classes=10, aux_logits=False, transform_input=True, init_weights=False)
    theirs = tvm.googlenet(weights=None, num_classes=10, aux_logits=False, transform_input=True, init_weights=False)
    assert_forward_parity(ours, theirs, size=32, batch=1)


def test_paper_5x5_branch_has_more_parameters():
    assert n_params(on_meta(gn.googlenet, aux_logits=False, branch3_kernel=5)) > 6_624_904
    x = torch.zeros(1, 192, 8, 8)
    assert gn.Inception(192, 64, 96, 128, 16, 32, 32, branch3_kernel=5)(x).shape == (1, 256, 8, 8)


def test_minimum_size_and_bad_arguments():
    with pytest.raises(ValueError, match="at least 15x15"):
        gn.googlenet(init_weights=False)(torch.zeros(1, 3, 14, 14))
    with pytest.raises(ValueError, match="branch3_kernel must be 3"):
        gn.GoogLeNet(branch3_kernel=4)
