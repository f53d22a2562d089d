"""The self-check question records refuse questions a learner could not be marked on fairly."""

from __future__ import annotations

import pytest

from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

BASE = dict(
    id="out-size",
    prompt="Output size?",
    answer=14.0,
    tolerance=0.0,
    solution="14",
    hint="Use the formula.",
)


def test_a_well_formed_numeric_question_keeps_its_fields():
    q = Numeric(**BASE, mistakes=(Mistake(14.5, "You forgot the floor."),))
    assert q.answer == 14.0 and q.mistakes[0].hint == "You forgot the floor."


@pytest.mark.parametrize(
    "change, message",
    [
        ({"id": "has space"}, "letters, digits"),
        ({"prompt": " "}, "prompt must not be empty"),
        ({"solution": ""}, "solution must not be empty"),
        ({"answer": float("nan")}, "answer must be finite"),
        ({"tolerance": -1.0}, "tolerance must be finite"),
        ({"hint": ""}, "hint must not be empty"),
    ],
)
def test_malformed_numeric_questions_are_refused(change, message):
    with pytest.raises(ValueError, match=message):
        Numeric(**{**BASE, **change})


def test_a_mistake_that_the_tolerance_would_accept_is_refused():
    with pytest.raises(ValueError, match="accepted as the answer"):
        Numeric(**{**BASE, "tolerance": 1.0}, mistakes=(Mistake(14.5, "floor"),))


def test_choice_needs_one_correct_option_and_every_explanation():
    ok = (Option("a", True, "Because."), Option("b", False, "No: ..."))
    assert Choice("c", "Which?", ok).options[0].correct
    with pytest.raises(ValueError, match="exactly one option"):
        Choice("c", "Which?", (Option("a", True, "x"), Option("b", True, "y")))
    with pytest.raises(ValueError, match="has no explanation"):
        Choice("c", "Which?", (Option("a", True, "x"), Option("b", False, " ")))
    with pytest.raises(ValueError, match="at least 2"):
        Choice("c", "Which?", (Option("a", True, "x"),))
