import pytest
import torch

from syllabus_code.models import alexnet, lenet5, resnet18, resnet50
from syllabus_code.models.summary import (
    count_macs,
    count_parameters,
    layer_rows,
    layer_table,
)


def test_count_parameters_trainable_only():
    model = lenet5()
    model.features[0].weight.requires_grad_(False)
    assert count_parameters(model) == 61_706
    assert count_parameters(model, trainable_only=True) == 61_706 - 150


def test_macs_of_resnet50_and_alexnet_at_224():
    with torch.device("meta"):
        r50, an = resnet50(), alexnet()
    # torchvision lists 4.09 GFLOPS (i.e. GMACs)
    assert count_macs(r50) == 4_089_184_256
    assert count_macs(an) == 714_188_480


def test_macs_of_lenet_by_hand():
    # conv: out_pixels * k*k*c_in * c_out; linear: in * out
    expected = 28 * 28 * 25 * 6 + 10 * 10 * 25 * 6 * 16 + 400 * 120 + 120 * 84 + 84 * 10
    assert count_macs(lenet5(), (1, 1, 32, 32)) == expected


def test_layer_rows_shapes_and_params():
    model = resnet18()
    rows = layer_rows(model, (1, 3, 64, 64))
    by_name = {r[0]: r for r in rows}
    assert by_name["conv1"][2] == "(64, 32, 32)"
    assert by_name["layer4"][2] == "(512, 2, 2)"
    assert by_name["fc"][3] == 512 * 1000 + 1000
    assert model.training  # restored


def test_layer_table_format():
    table = layer_table(lenet5(), (1, 1, 32, 32), depth=2, skip=(torch.nn.Tanh,))
    lines = table.splitlines()
    assert lines[0].split() == ["layer", "type", "output", "(C,", "H,", "W)", "params"]
    assert "classifier.4" in table and table.endswith("total parameters: 61,706")


def test_cpu_and_meta_give_the_same_rows_and_macs():
    model = lenet5()
    assert layer_rows(model, (1, 1, 32, 32), device="cpu") == layer_rows(
        model, (1, 1, 32, 32)
    )
    assert count_macs(model, (1, 1, 32, 32), device="cpu") == count_macs(
        model, (1, 1, 32, 32)
    )


def test_bad_arguments():
    with pytest.raises(ValueError, match="device must be 'meta' or 'cpu'"):
        count_macs(lenet5(), (1, 1, 32, 32), device="cuda:7")
    with pytest.raises(ValueError, match="input_size must be 4 positive ints"):
        count_macs(lenet5(), (1, 32, 32))
    with pytest.raises(ValueError, match="depth must be an int >= 1"):
        layer_rows(lenet5(), (1, 1, 32, 32), depth=0)
