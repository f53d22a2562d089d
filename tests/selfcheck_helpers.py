"""Loading the self-check question files in tests (shared by tests/test_selfcheck_*.py).

A module's questions live in ``docs/questions/<NN-topic>/<page>.py``; each file defines
``questions()``. The files are loaded with the build's own loader
(``scripts/hooks/selfcheck_load.py``: ``load_questions``), so a test sees exactly what the site
renders, with the same checks (a list of Numeric/Choice, unique ids).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
QUESTIONS = DOCS / "questions"
sys.path.insert(0, str(ROOT / "scripts" / "hooks"))

from selfcheck_load import load_questions  # noqa: E402  (scripts/hooks/selfcheck_load.py)

from syllabus_code.selfcheck import Choice, Numeric  # noqa: E402

NO_QUESTIONS = {"index", "exercises"}  # pages that get none unless a module needs more


def modules_with_questions() -> list[str]:
    return sorted(
        p.name for p in QUESTIONS.iterdir() if p.is_dir() and any(p.glob("*.py"))
    )


def section_pages(module: str) -> list[str]:
    """The stems of the module's section pages (every page but index.md and exercises.md)."""
    return sorted(
        p.stem for p in (DOCS / module).glob("*.md") if p.stem not in NO_QUESTIONS
    )


def load_page(module: str, page: str) -> list:
    """The questions of ``docs/questions/<module>/<page>.py``."""
    return load_questions(QUESTIONS / module / f"{page}.py")


def load_module(module: str) -> dict[str, list]:
    """{page stem: questions} for every question file of the module."""
    return {
        p.stem: load_questions(p)
        for p in sorted((QUESTIONS / module).glob("*.py"))
        if not p.name.startswith("_")
    }


def by_id(questions) -> dict:
    return {q.id: q for q in questions}


def correct_option(q: Choice) -> int:
    """The index of the (one) correct option."""
    return next(i for i, o in enumerate(q.options) if o.correct)


def assert_close(q: Numeric, value: float) -> None:
    """An independently computed value equals the question's answer within its tolerance
    (and to 1e-9 where the tolerance is 0)."""
    slack = max(q.tolerance, 1e-9 * max(1.0, abs(q.answer)))
    assert abs(float(value) - q.answer) <= slack, (q.id, value, q.answer, q.tolerance)


def assert_counts(
    module: str, minimum: int = 12, per_page: tuple[int, int] = (2, 4)
) -> None:
    """Every section page has 2-4 questions and the module at least ``minimum``."""
    pages = load_module(module)
    total = sum(len(qs) for qs in pages.values())
    assert total >= minimum, f"{module}: {total} questions, at least {minimum} needed"
    for page in section_pages(module):
        assert page in pages, f"{module}/{page}.md has no question file"
        lo, hi = per_page
        assert lo <= len(pages[page]) <= hi, (
            f"{module}/{page}: {len(pages[page])} questions"
        )


def page_widgets(text: str) -> set[str]:
    """The widgets a page's Markdown shows: each is the include of its embed,
    ``--8<-- "docs/widgets/_embeds/<widget>.md"`` (scripts/hooks/widget_fallbacks.py)."""
    return set(
        re.findall(r'^--8<-- "docs/widgets/_embeds/([a-z0-9-]+)\.md"$', text, re.M)
    )
