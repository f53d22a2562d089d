import pytest

from syllabus_code.models import exercises as ex


def test_correct_answers():
    assert ex.check_ex1(102_764_544).startswith("Correct")
    assert ex.check_ex2([256, 512, 1024, 1024]).startswith("Correct")
    assert ex.check_ex3(1_117_184).startswith("Correct")
    assert ex.check_ex4((54, 55)).startswith("Correct")


def test_wrong_answers():
    assert ex.check_ex1(102_760_448).startswith("Not yet")  # weights only
    assert ex.check_ex2([256, 512, 1024, 2048]).startswith("Not yet")
    assert ex.check_ex3(1_115_136).startswith("Not yet")  # BN forgotten
    assert ex.check_ex4((55, 55)).startswith("Not yet")


def test_bad_types():
    with pytest.raises(TypeError, match="answer must be an int"):
        ex.check_ex1(1.5)
    with pytest.raises(TypeError, match="list of 4 ints"):
        ex.check_ex2("256")
    with pytest.raises(TypeError, match="answer must be an int"):
        ex.check_ex3(True)
    with pytest.raises(TypeError, match="pair"):
        ex.check_ex4(55)
