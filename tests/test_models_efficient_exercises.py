import pytest

from syllabus_code.models import efficient_exercises as ex


def test_right_answers_pass_and_wrong_answers_fail():
    assert ex.check_ex1((128 * 9 * 256, 128 * 9 + 128 * 256)).startswith("Correct")
    assert ex.check_ex1((128 * 9 * 256, 128 * 256)).startswith("Not yet")
    assert ex.check_ex2(0.1150).startswith("Correct")
    assert ex.check_ex2(1 / 9).startswith("Not yet")
    assert ex.check_ex3((1.44, 1.21, 1.32, 3.69)).startswith("Correct")
    assert ex.check_ex3((1.44, 1.21, 1.32, 4.0)).startswith("Not yet")
    assert ex.check_ex4(240 * 10 + 10 + 10 * 240 + 240).startswith("Correct")
    assert ex.check_ex4(40 * 10 + 10 + 10 * 40 + 40).startswith("Not yet")


def test_bad_answers_raise():
    with pytest.raises(TypeError, match="pair"):
        ex.check_ex1(5)
    with pytest.raises(TypeError, match="number"):
        ex.check_ex2("0.1")
    with pytest.raises(TypeError, match="4 numbers"):
        ex.check_ex3((1, 2))
    with pytest.raises(TypeError, match="int"):
        ex.check_ex4(1.5)


def test_exercise_4_names_a_real_block_of_b0():
    """The page's block, features.3.1, has 40 input channels and the SE the checker counts."""
    import torch

    from syllabus_code.models.efficientnet import efficientnet_b0

    with torch.device("meta"):
        block = efficientnet_b0().features[3][1]
    se = [m for m in block.modules() if type(m).__name__ == "SqueezeExcitation"]
    assert block.block[0][0].in_channels == 40 and len(se) == 1
    assert ex.check_ex4(sum(p.numel() for p in se[0].parameters())).startswith("Correct")
