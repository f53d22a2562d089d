import pytest
import torch

from syllabus_code.models import lenet


def test_parameter_count_and_shapes():
    model = lenet.lenet5()
    assert sum(p.numel() for p in model.parameters()) == 61_706
    assert model(torch.zeros(2, 1, 32, 32)).shape == (2, 10)


def test_mnist_28_with_padding_gives_same_feature_map():
    model = lenet.LeNet5(input_size=28)
    assert model.features(torch.zeros(1, 1, 28, 28)).shape == (1, 16, 5, 5)
    assert model(torch.zeros(3, 1, 28, 28)).shape == (3, 10)


@pytest.mark.parametrize(
    "activation, pool, act_cls, pool_cls",
    [
        ("tanh", "avg", torch.nn.Tanh, torch.nn.AvgPool2d),
        ("relu", "max", torch.nn.ReLU, torch.nn.MaxPool2d),
    ],
)
def test_options(activation, pool, act_cls, pool_cls):
    model = lenet.LeNet5(activation=activation, pool=pool, in_channels=3, num_classes=5)
    assert isinstance(model.features[1], act_cls) and isinstance(
        model.features[2], pool_cls
    )
    assert model(torch.zeros(1, 3, 32, 32)).shape == (1, 5)


def test_paper_parameter_counts_sum_to_60000():
    counts = lenet.paper_parameter_counts()
    assert counts["C3"] == 1516
    # "about 60,000 trainable parameters" in the paper
    assert sum(counts.values()) == 60_000


def test_c3_table_connectivity_pattern():
    inputs = [sum(row[j] == "X" for row in lenet.C3_TABLE) for j in range(16)]
    assert inputs == [3] * 6 + [4] * 9 + [6]


def test_bad_arguments():
    with pytest.raises(ValueError, match="activation must be one of"):
        lenet.LeNet5(activation="sigmoid")
    with pytest.raises(ValueError, match="pool must be one of"):
        lenet.LeNet5(pool="l2")
    with pytest.raises(ValueError, match="input_size must be 32"):
        lenet.LeNet5(input_size=64)


def test_wrong_size_names_expected():
    with pytest.raises(ValueError, match="expects 32x32 images, got 28x28"):
        lenet.lenet5()(torch.zeros(1, 1, 28, 28))


def test_input_of_the_wrong_dtype_gets_a_message_naming_both_dtypes():
    model = lenet.LeNet5()
    with pytest.raises(
        TypeError,
        match=r"x has dtype torch.float64 but LeNet5's weights are torch.float32",
    ):
        model(torch.zeros(1, 1, 28, 28, dtype=torch.float64))
    with pytest.raises(
        TypeError, match=r"floating-point tensor .* got dtype torch.uint8"
    ):
        model(torch.zeros(1, 1, 28, 28, dtype=torch.uint8))
