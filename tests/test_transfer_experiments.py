"""syllabus_code.transfer_experiments: the class subsets and rotated copies the transfer page
trains on, and the run that compares the strategies."""

from __future__ import annotations

import pytest
import torch

from syllabus_code import transfer_experiments as TX
from syllabus_code.models import get_model
from syllabus_code.train import ArrayDataset


def lenet():
    torch.manual_seed(0)
    return get_model("lenet5", activation="relu", pool="max", input_size=28)


def test_compare_strategies_runs_every_strategy_on_tiny_data():
    g = torch.Generator().manual_seed(0)
    x, y = (
        torch.randn(64, 1, 28, 28, generator=g),
        torch.randint(0, 10, (64,), generator=g),
    )
    ds = ArrayDataset(x, y)
    res = TX.compare_strategies(
        lenet(), ds, ds, epochs=1, batch_size=32, make_scratch=lenet
    )
    assert list(res) == ["feature-extraction", "fine-tuning", "full", "scratch"]
    assert (
        res["feature-extraction"]["trainable"]
        < res["fine-tuning"]["trainable"]
        < res["full"]["trainable"]
    )
    assert all(
        0 <= r["test_acc"] <= 1 and 0 <= r["train_acc"] <= 1 for r in res.values()
    )


def test_class_subset_keeps_the_classes_asked_for_and_relabels_them_in_order():
    labels = torch.tensor([7, 0, 5, 7, 9, 5, 1, 9, 5, 7])
    images = torch.arange(10.0).view(10, 1, 1, 1)  # image i holds the number i
    ds = ArrayDataset(images, labels)
    few = TX.class_subset(ds, [5, 7, 9], per_class=2)
    # the first two of 5, of 7, of 9
    assert few.images.flatten().tolist() == [2, 5, 0, 3, 4, 7]
    assert (
        few.labels.tolist() == [0, 0, 1, 1, 2, 2] and few.labels.dtype == labels.dtype
    )
    every = TX.class_subset(ds, [9, 0])  # all of them; the order given sets the labels
    assert every.images.flatten().tolist() == [4, 7, 1] and every.labels.tolist() == [
        0,
        0,
        1,
    ]
    assert TX.class_subset(
        ds, [0, 1, 5, 7, 9], per_class=1
    ).images.flatten().tolist() == [1, 6, 2, 0, 4]


def test_class_subset_splits_mnist_like_labels_into_disjoint_halves():
    g = torch.Generator().manual_seed(0)
    labels = torch.randint(0, 10, (500,), generator=g)
    # each image holds its digit
    ds = ArrayDataset(labels.float().view(-1, 1, 1, 1), labels)
    low, high = TX.class_subset(ds, range(5)), TX.class_subset(ds, range(5, 10))
    assert len(low) + len(high) == len(ds)
    assert torch.equal(low.images.flatten().long(), low.labels)  # 0-4 keep their labels
    assert torch.equal(high.images.flatten().long(), high.labels + 5)  # 5-9 become 0-4
    assert torch.equal(
        torch.bincount(high.labels, minlength=5),
        torch.bincount(labels, minlength=10)[5:],
    )


def test_class_subset_bad_input():
    ds = ArrayDataset(torch.zeros(4, 1, 2, 2), torch.tensor([0, 1, 1, 2]))
    with pytest.raises(TypeError, match="dataset must hold"):
        TX.class_subset([(0, 0)], [0])
    with pytest.raises(TypeError, match="classes must be a sequence"):
        TX.class_subset(ds, 3)
    with pytest.raises(ValueError, match="non-empty sequence of ints"):
        TX.class_subset(ds, [])
    with pytest.raises(TypeError, match=r"classes\[1\] must be an integer"):
        TX.class_subset(ds, [0, 1.0])
    with pytest.raises(ValueError, match="must not repeat"):
        TX.class_subset(ds, [1, 1])
    with pytest.raises(
        ValueError, match=r"per_class \(None or an integer\) must be an integer >= 1"
    ):
        TX.class_subset(ds, [1], per_class=0)
    with pytest.raises(
        ValueError, match="class 2 has 1 image\\(s\\), fewer than per_class=2"
    ):
        TX.class_subset(ds, [1, 2], per_class=2)
    with pytest.raises(ValueError, match=r"class 5 has 0 image\(s\)"):
        TX.class_subset(ds, [5])


def test_rotated_turns_each_image_a_quarter_anticlockwise_and_keeps_the_labels():
    image = torch.tensor([[1.0, 2.0], [3.0, 4.0]]).view(1, 1, 2, 2)  # 1 2 / 3 4
    ds = ArrayDataset(torch.cat([image, -image]), torch.tensor([3, 7]))
    turned = TX.rotated(ds)
    # the top row is now the left column
    assert turned.images[0, 0].tolist() == [[2.0, 4.0], [1.0, 3.0]]
    assert turned.images[1, 0].tolist() == [[-2.0, -4.0], [-1.0, -3.0]]
    assert turned.labels.tolist() == [3, 7]
    # clockwise
    assert TX.rotated(ds, -1).images[0, 0].tolist() == [[3.0, 1.0], [4.0, 2.0]]
    # four quarters: unchanged
    assert torch.equal(TX.rotated(TX.rotated(ds, 2), 2).images, ds.images)
    assert torch.equal(ds.images[0], image[0])  # the input is untouched


def test_rotated_bad_input():
    ds = ArrayDataset(torch.zeros(2, 1, 2, 3), torch.tensor([0, 1]))
    with pytest.raises(TypeError, match="dataset must hold"):
        TX.rotated([(0, 0)])
    with pytest.raises(TypeError, match="quarter_turns must be an int"):
        TX.rotated(ds, 1.5)
    with pytest.raises(TypeError, match="quarter_turns must be an int"):
        TX.rotated(ds, True)
    with pytest.raises(
        ValueError,
        match=r"two equal \(height, width\) dimensions, got shape \(2, 1, 2, 3\)",
    ):
        TX.rotated(ds)


def test_transfer_re_exports_them():
    from syllabus_code import transfer

    assert (transfer.class_subset, transfer.rotated, transfer.compare_strategies) == (
        TX.class_subset,
        TX.rotated,
        TX.compare_strategies,
    )
