"""The Module 8 checkers accept the right answers, reject wrong ones and refuse malformed ones."""

import pytest
import torch

from syllabus_code.exercises import m08_efficient_architectures as ex


def test_right_answers_pass_and_wrong_answers_fail():
    assert ex.check_ex1((128 * 9 * 256, 128 * 9 + 128 * 256)).startswith(
        "Correct: (294,912, 33,920)"
    )
    assert ex.check_ex1((128 * 9 * 256, 128 * 256)).startswith("Not yet: ")
    assert ex.check_ex2(0.1150).startswith("Correct: ")
    assert ex.check_ex2(1 / 9).startswith("Not yet: ")
    assert ex.check_ex3((1.44, 1.21, 1.32, 3.69)).startswith("Correct: ")
    assert ex.check_ex3((1.44, 1.21, 1.32, 4.0)).startswith("Not yet: ")
    assert ex.check_ex4(240 * 10 + 10 + 10 * 240 + 240).startswith("Correct: 5,050")
    assert ex.check_ex4(40 * 10 + 10 + 10 * 40 + 40).startswith("Not yet: ")


@pytest.mark.parametrize(
    "check, answer, match",
    [
        (ex.check_ex1, 5, "pair"),
        (ex.check_ex2, "0.1", "number"),
        (ex.check_ex3, (1, 2), "4 numbers"),
        (ex.check_ex3, (1, 2, 3, "4"), "number"),
        (ex.check_ex4, 1.5, "int"),
    ],
)
def test_bad_answers_raise(check, answer, match):
    with pytest.raises(TypeError, match=match):
        check(answer)


def test_exercise_4_names_a_real_block_of_b0():
    """The page's block, features.3.1, has 40 input channels and the SE the checker counts."""
    from syllabus_code.models.efficientnet import efficientnet_b0

    with torch.device("meta"):
        block = efficientnet_b0().features[3][1]
    se = [m for m in block.modules() if type(m).__name__ == "SqueezeExcitation"]
    assert block.block[0][0].in_channels == 40 and len(se) == 1
    assert ex.check_ex4(sum(p.numel() for p in se[0].parameters())).startswith(
        "Correct: "
    )
