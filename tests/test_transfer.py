"""Transfer strategies: what is frozen, what trains at which learning rate; the online path with random weights."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from syllabus_code import transfer as TL
from syllabus_code.models import get_model
from syllabus_code.train import ArrayDataset


def lenet():
    torch.manual_seed(0)
    return get_model("lenet5", activation="relu", pool="max", input_size=28)


def test_replace_head_finds_the_last_linear_layer():
    m = lenet()
    assert TL.head_name(m) == "classifier.4"
    new = TL.replace_head(m, 5)
    assert m.classifier[4] is new and new.out_features == 5 and new.in_features == 84
    r = get_model("resnet18")
    assert TL.head_name(r) == "fc"
    TL.replace_head(r, 3)
    assert r.eval()(torch.zeros(1, 3, 32, 32)).shape == (1, 3)


def test_feature_extraction_trains_only_the_head_and_keeps_the_backbone():
    m = lenet()
    before = {k: v.clone() for k, v in m.state_dict().items()}
    groups = TL.prepare(m, "feature-extraction", 10, lr=1e-2)
    assert len(groups) == 1 and TL.trainable_parameters(m) == 84 * 10 + 10
    opt = torch.optim.SGD(groups, lr=1e-2)
    x, y = torch.randn(8, 1, 28, 28), torch.randint(0, 10, (8,))
    nn.functional.cross_entropy(m(x), y).backward()
    opt.step()
    after = m.state_dict()
    for k in before:
        if not k.startswith("classifier.4"):
            assert torch.equal(before[k], after[k]), k


def test_fine_tuning_unfreezes_the_last_blocks_with_a_smaller_lr():
    m = lenet()
    groups = TL.prepare(m, "fine-tuning", 10, lr=1e-2, unfreeze=2, backbone_lr_factor=0.1)
    assert [g["lr"] for g in groups] == [1e-2, pytest.approx(1e-3)]
    trainable = {n for n, p in m.named_parameters() if p.requires_grad}
    assert trainable == {f"classifier.{i}.{w}" for i in (0, 2, 4) for w in ("weight", "bias")}
    r = get_model("resnet18")
    TL.prepare(r, "fine-tuning", 10, lr=1e-2, unfreeze=1)
    trainable = {n.split(".")[0] + "." + n.split(".")[1] for n, p in r.named_parameters() if p.requires_grad}
    assert trainable == {"layer4.1", "fc.weight", "fc.bias"}
    # a frozen batch norm keeps its running statistics
    bn = r.layer1[0].bn1
    mean = bn.running_mean.clone()
    r.train()
    r(torch.randn(2, 3, 32, 32))
    assert torch.equal(bn.running_mean, mean)


def test_full_retraining_trains_everything():
    m = lenet()
    TL.prepare(m, "full", 10, lr=1e-3)
    assert TL.trainable_parameters(m) == sum(p.numel() for p in m.parameters())


def test_freeze_and_unfreeze_restore_batchnorm_momentum():
    bn = nn.BatchNorm2d(3)
    TL.freeze(bn)
    assert bn.momentum == 0.0 and not bn.weight.requires_grad
    TL.freeze(bn, False)
    assert bn.momentum == 0.1 and bn.weight.requires_grad


def test_pretrained_with_random_weights_matches_torchvision_outputs():
    import torchvision

    torch.manual_seed(0)
    ours = TL.pretrained("resnet18", weights=None)  # weights=None: no download
    torch.manual_seed(0)
    theirs = torchvision.models.resnet18(weights=None)
    ours.eval(), theirs.eval()
    x = torch.randn(1, 3, 64, 64)
    with torch.no_grad():
        torch.testing.assert_close(ours(x), theirs(x))


def test_compare_strategies_runs_every_strategy_on_tiny_data():
    g = torch.Generator().manual_seed(0)
    x, y = torch.randn(64, 1, 28, 28, generator=g), torch.randint(0, 10, (64,), generator=g)
    ds = ArrayDataset(x, y)
    res = TL.compare_strategies(lenet(), ds, ds, epochs=1, batch_size=32, make_scratch=lenet)
    assert list(res) == ["feature-extraction", "fine-tuning", "full", "scratch"]
    assert res["feature-extraction"]["trainable"] < res["fine-tuning"]["trainable"] < res["full"]["trainable"]
    assert all(0 <= r["test_acc"] <= 1 for r in res.values())


def test_bad_input():
    with pytest.raises(ValueError, match="strategy must be one of"):
        TL.prepare(lenet(), "linear-probe", 10, 1e-3)
    with pytest.raises(ValueError, match="num_classes"):
        TL.replace_head(lenet(), 1)
    with pytest.raises(ValueError, match="unfreeze"):
        TL.prepare(lenet(), "fine-tuning", 10, 1e-3, unfreeze=-1)
    with pytest.raises(ValueError, match="nn.Linear"):
        TL.head_name(nn.Conv2d(1, 1, 1))
    with pytest.raises(ValueError, match="valid names"):
        TL.pretrained("resnet7", weights=None)
    with pytest.raises(ValueError, match="torchvision has no model"):
        TL.pretrained("alexnet_paper", weights=None)
