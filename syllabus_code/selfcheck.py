"""Self-check questions: the data a page's questions are made of.

Each page's questions live in ``docs/questions/<NN-topic>/<page>.py``, a file defining
``questions() -> list[Numeric | Choice]``. The numbers in a question (its answer, the values
a likely mistake gives, the worked solution's figures) are computed there from
``syllabus_code``, never typed, so a change in the code changes the question. The build
renders them at the end of the page; ``tests/test_selfcheck_<NN-topic>.py`` recomputes every
answer by an independent route.

Prompts, hints, explanations and solutions are Markdown with ``\\( \\)`` maths.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Mistake", "Numeric", "Option", "Choice", "Question"]


@dataclass(frozen=True)
class Mistake:
    """A likely wrong answer and the hint a learner who gives it should read.

    ``value`` is what the mistake produces (computed, e.g. the output size without the
    floor or without the bias); an attempt within the question's tolerance of it gets ``hint``.
    """

    value: float
    hint: str


@dataclass(frozen=True)
class Numeric:
    """A question whose answer is one number, accepted within ``tolerance`` (absolute)."""

    id: str
    prompt: str
    answer: float
    tolerance: float
    solution: str
    hint: str  # for a wrong answer that matches no listed mistake
    mistakes: tuple[Mistake, ...] = ()
    unit: str = ""
    widget: str | None = None  # the widget on the page this task is done with, if any

    def __post_init__(self) -> None:
        _check_common(self.id, self.prompt, self.solution)
        if not math.isfinite(self.answer):
            raise ValueError(
                f"question {self.id!r}: answer must be finite, got {self.answer}"
            )
        if not (math.isfinite(self.tolerance) and self.tolerance >= 0):
            raise ValueError(f"question {self.id!r}: tolerance must be finite and >= 0")
        if not self.hint.strip():
            raise ValueError(f"question {self.id!r}: hint must not be empty")
        for m in self.mistakes:
            if abs(m.value - self.answer) <= self.tolerance:
                raise ValueError(
                    f"question {self.id!r}: mistake value {m.value} is accepted as the answer "
                    f"{self.answer} within tolerance {self.tolerance}"
                )


@dataclass(frozen=True)
class Option:
    """One option of a multiple-choice question; every option explains why it is right or wrong."""

    text: str
    correct: bool
    explanation: str


@dataclass(frozen=True)
class Choice:
    """A multiple-choice question with exactly one correct option."""

    id: str
    prompt: str
    options: tuple[Option, ...]
    solution: str = ""
    widget: str | None = None

    def __post_init__(self) -> None:
        _check_common(self.id, self.prompt, self.solution or "-")
        if len(self.options) < 2:
            raise ValueError(f"question {self.id!r}: needs at least 2 options")
        if sum(o.correct for o in self.options) != 1:
            raise ValueError(
                f"question {self.id!r}: exactly one option must be correct"
            )
        for o in self.options:
            if not o.explanation.strip():
                raise ValueError(
                    f"question {self.id!r}: option {o.text!r} has no explanation"
                )


Question = Numeric | Choice


def _check_common(qid: str, prompt: str, solution: str) -> None:
    if not qid or not all(c.isalnum() or c == "-" for c in qid):
        raise ValueError(f"question id must be letters, digits and '-', got {qid!r}")
    if not prompt.strip():
        raise ValueError(f"question {qid!r}: prompt must not be empty")
    if not solution.strip():
        raise ValueError(f"question {qid!r}: solution must not be empty")
