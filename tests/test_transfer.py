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
    groups = TL.prepare(
        m, "fine-tuning", 10, lr=1e-2, unfreeze=2, backbone_lr_factor=0.1
    )
    assert [g["lr"] for g in groups] == [1e-2, pytest.approx(1e-3)]
    trainable = {n for n, p in m.named_parameters() if p.requires_grad}
    assert trainable == {
        f"classifier.{i}.{w}" for i in (0, 2, 4) for w in ("weight", "bias")
    }
    r = get_model("resnet18")
    TL.prepare(r, "fine-tuning", 10, lr=1e-2, unfreeze=1)
    trainable = {
        n.split(".")[0] + "." + n.split(".")[1]
        for n, p in r.named_parameters()
        if p.requires_grad
    }
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


def test_freeze_holds_layers_in_eval_mode_and_unfreeze_releases_them():
    net = nn.Sequential(
        nn.Conv2d(1, 2, 3),
        nn.BatchNorm2d(2),
        nn.Dropout(0.5),
        nn.Flatten(),
        nn.Linear(2, 2),
    )
    TL.freeze(net[:3])
    assert (
        not net[0].weight.requires_grad
        and not net[1].weight.requires_grad
        and net[4].weight.requires_grad
    )
    net.train()
    assert [m.training for m in net] == [False, False, False, True, True]
    TL.freeze(net[:3], False)
    assert net[1].weight.requires_grad and net[1].momentum == 0.1
    net.train()
    assert all(m.training for m in net.modules())
    net.eval()
    assert not any(m.training for m in net.modules())


def small_bn_net():
    """Conv-BN-dropout backbone, then dropout and a linear head: every layer whose mode matters."""
    torch.manual_seed(0)
    return nn.Sequential(
        nn.Conv2d(1, 4, 3),
        nn.BatchNorm2d(4),
        nn.ReLU(),
        nn.Dropout(0.5),
        nn.Conv2d(4, 8, 3),
        nn.BatchNorm2d(8),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Dropout(0.5),
        nn.Linear(8, 3),
    )


def one_epoch(model, groups):
    from syllabus_code.train import TrainConfig, fit

    g = torch.Generator().manual_seed(1)
    ds = ArrayDataset(
        torch.randn(64, 1, 8, 8, generator=g) * 3 + 1,
        torch.randint(0, 3, (64,), generator=g),
    )
    fit(
        TrainConfig(epochs=1, lr=1e-2, batch_size=16, progress=False, device="cpu"),
        model=model,
        train_set=ds,
        test_set=ds,
        param_groups=groups,
    )


@pytest.mark.parametrize("strategy", ["feature-extraction", "fine-tuning"])
def test_a_frozen_backbone_computes_the_same_function_through_an_epoch_of_training(
    strategy,
):
    m = small_bn_net()
    # feature extraction freezes layers 0-5; fine-tuning (unfreeze=2) trains layers 4 and 5 too
    frozen = m[:6] if strategy == "feature-extraction" else m[:2]
    groups = TL.prepare(m, strategy, 3, lr=1e-2, unfreeze=2)
    x = torch.randn(5, 1, 8, 8, generator=torch.Generator().manual_seed(2))
    # weights, running mean/var, counts
    stats = {k: v.clone() for k, v in frozen.state_dict().items()}
    with torch.no_grad():
        before = frozen.eval()(x)  # the pretrained function (evaluation mode)
    one_epoch(m, groups)
    m.train()  # what the training loop does: the frozen part must still be in evaluation mode
    assert not any(layer.training for layer in frozen)
    with torch.no_grad():
        torch.testing.assert_close(frozen(x), before, rtol=0, atol=0)
    after = frozen.state_dict()
    for k in stats:
        assert torch.equal(stats[k], after[k]), k
    # what trains keeps its training mode: the dropout that feeds the head drops
    assert m[9].training and m[10].training
    if strategy == "fine-tuning":
        # the dropout feeding the tuned conv, the tuned BN
        assert m[3].training and m[5].training
        assert not torch.equal(m[5].running_mean, torch.zeros(8))


def test_the_old_behaviour_would_move_the_batchnorm_statistics():
    """Without the eval-mode rule, model.train() puts the frozen BN back in training mode."""
    m = small_bn_net()
    groups = TL.prepare(m, "feature-extraction", 3, lr=1e-2)
    for layer in m.modules():
        # undo the rule: plain nn.Module.train everywhere
        vars(layer).pop("train", None)
    mean = m[1].running_mean.clone()
    one_epoch(m, groups)
    assert not torch.equal(m[1].running_mean, mean)


def test_a_prepared_model_keeps_its_frozen_part_in_eval_mode_when_copied_or_saved():
    import copy
    import io

    m = small_bn_net()
    TL.prepare(m, "feature-extraction", 3, lr=1e-2)
    c = copy.deepcopy(m).train()
    assert not c[1].training and c[10].training and m[1] is not c[1]
    buffer = io.BytesIO()
    torch.save(m, buffer)  # the whole module, not only its state_dict
    buffer.seek(0)
    loaded = torch.load(buffer, weights_only=False).train()
    assert not loaded[1].training and loaded[10].training
    TL.freeze(loaded, False)
    assert loaded.train()[1].training


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
