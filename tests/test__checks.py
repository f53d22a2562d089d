"""syllabus_code._checks: the one vocabulary of argument checks."""

from __future__ import annotations

import numpy as np
import pytest

from syllabus_code import _checks as c


@pytest.mark.parametrize(
    "value, integer, number",
    [
        (3, True, True),
        (np.int64(3), True, True),
        (2.5, False, True),
        (np.float32(2.5), False, True),
        (True, False, False),
        (np.bool_(False), False, False),
        ("3", False, False),
        (None, False, False),
    ],
)
def test_is_integer_and_is_number_refuse_booleans(value, integer, number):
    assert c.is_integer(value) is integer
    assert c.is_number(value) is number


def test_check_int_and_check_number_name_the_argument():
    assert c.check_int(np.int64(4), "n", min=1) == 4
    assert c.check_number(1, "lr", min=0, min_open=True) == 1.0
    with pytest.raises(TypeError, match=r"n must be an integer, got True \(bool\)"):
        c.check_int(True, "n")
    with pytest.raises(ValueError, match="n must be an integer >= 1, got 0"):
        c.check_int(0, "n", min=1)
    with pytest.raises(ValueError, match=r"lr must be a finite number > 0, got 0"):
        c.check_number(0, "lr", min=0, min_open=True)
    with pytest.raises(ValueError, match="lr must be a finite number, got nan"):
        c.check_number(float("nan"), "lr")


def test_check_bool_and_check_choice():
    assert c.check_bool(False, "amp") is False
    with pytest.raises(TypeError, match="amp must be True or False, got 1"):
        c.check_bool(1, "amp")
    with pytest.raises(TypeError, match="amp must be True or False, got 'no'"):
        c.check_bool("no", "amp")
    assert c.check_choice("he", "scheme", ("he", "xavier")) == "he"
    assert c.check_choice(np.int64(2), "k", (1, 2)) == 2
    with pytest.raises(
        ValueError, match="scheme must be one of 'he', 'xavier'; got True"
    ):
        c.check_choice(True, "scheme", (1, "he", "xavier")[1:])


def test_no_hand_written_bool_guards_outside_checks():
    """The package has one vocabulary of checks: a guard against booleans (which are ints to
    Python) is written once, in _checks.py, and used as is_integer/is_number/check_bool."""
    import re
    from pathlib import Path

    root = Path(c.__file__).parent
    pattern = re.compile(r"isinstance\([^)]*\bbool\b")
    found = [
        f"{p.relative_to(root)}:{i}"
        for p in sorted(root.rglob("*.py"))
        if p.name != "_checks.py"
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert not found, found
