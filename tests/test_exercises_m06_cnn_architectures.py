"""The Module 6 checkers, against answers computed independently (torchvision where it has the model)."""

import pytest
import torch
import torchvision

from syllabus_code.exercises import m06_cnn_architectures as ex


def test_correct_answers():
    with torch.device("meta"):
        vgg = torchvision.models.vgg16()
        bottleneck = torchvision.models.resnet50().layer3[1]
    fc1 = sum(p.numel() for p in vgg.classifier[0].parameters())
    assert fc1 == 102_764_544
    assert ex.check_ex1(fc1).startswith("Correct: 102,764,544 parameters")
    assert ex.check_ex2([256, 512, 1024, 1024]).startswith("Correct: ")
    assert ex.check_ex3(sum(p.numel() for p in bottleneck.parameters())) == (
        "Correct: 1,117,184 (three convolutions without bias, three BNs with 2 per channel)."
    )
    assert ex.check_ex4((54, 55)).startswith("Correct: (54, 55)")


def test_wrong_answers():
    assert ex.check_ex1(102_760_448).startswith("Not yet: ")  # weights only
    assert ex.check_ex2([256, 512, 1024, 2048]).startswith("Not yet: ")
    assert ex.check_ex3(1_115_136).startswith("Not yet: ")  # BN forgotten
    assert (
        ex.check_ex4((55, 55)) == "Not yet: use floor((n + 2p - k) / s) + 1 with p = 0."
    )


@pytest.mark.parametrize(
    "check, answer, match",
    [
        (ex.check_ex1, 1.5, "answer must be an int"),
        (ex.check_ex2, "256", "list of 4 ints"),
        (ex.check_ex2, [256, 512, 1024], "list of 4 ints"),
        (ex.check_ex3, True, "answer must be an int"),
        (ex.check_ex4, 55, "pair"),
    ],
)
def test_bad_types(check, answer, match):
    with pytest.raises(TypeError, match=match):
        check(answer)
