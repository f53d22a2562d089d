"""Loading the self-check questions (scripts/hooks/selfcheck_load.py): every question file of the
course loads, every module with questions has enough, and a bad file fails the build with its path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import selfcheck_load as scl  # scripts/hooks is on sys.path (conftest.py)
from mkdocs.exceptions import PluginError
from selfcheck_helpers import (
    DOCS,
    QUESTIONS,
    load_module,
    modules_with_questions,
    section_pages,
)

from syllabus_code.selfcheck import Choice

FILES = sorted(QUESTIONS.glob("*/*.py"))
MODULES = modules_with_questions()


# --- Every question file of the course ----------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_question_file_loads_and_has_its_page(path):
    pages = scl.load_all(DOCS)
    key = f"{path.parent.name}/{path.stem}.md"
    assert key in pages and (DOCS / key).is_file()
    for q in pages[key].questions:
        if isinstance(q, Choice):
            assert all(o.explanation.strip() for o in q.options), q.id
            assert 3 <= len(q.options) <= 4, f"{key} {q.id}: 3-4 options"
        else:
            assert len(q.mistakes) >= 1, f"{key} {q.id}: at least one likely mistake"


@pytest.mark.parametrize("module", MODULES)
def test_every_module_with_questions_has_at_least_12_and_2_to_4_per_section(module):
    pages = load_module(module)
    assert sum(len(qs) for qs in pages.values()) >= 12, module
    for page in section_pages(module):
        assert page in pages, f"docs/{module}/{page}.md has no questions"
        assert 2 <= len(pages[page]) <= 4, (
            f"{module}/{page}: {len(pages[page])} questions"
        )


# --- Bad files fail the build with their path -------------------------------------------


def _module_dir(tmp_path: Path, body: str, page: str = "p") -> Path:
    docs = tmp_path / "docs"
    (docs / "00-x").mkdir(parents=True)
    (docs / "00-x" / f"{page}.md").write_text("# P\n")
    (docs / "questions" / "00-x").mkdir(parents=True)
    (docs / "questions" / "00-x" / "p.py").write_text(body)
    return docs


GOOD = (
    "from syllabus_code.selfcheck import Numeric\n"
    "def questions():\n"
    "    return [Numeric(id='a', prompt='P?', answer=2, tolerance=0, solution='2', hint='h')]\n"
)


@pytest.mark.parametrize(
    "body, message",
    [
        ("def questions(:\n", "SyntaxError"),
        ("x = 1\n", "must define questions()"),
        ("def questions():\n    return []\n", "non-empty list"),
        (
            "def questions():\n    return ['what?']\n",
            "is not a syllabus_code.selfcheck",
        ),
        ("def questions():\n    raise RuntimeError('boom')\n", "boom"),
        (
            GOOD.replace(
                "return [",
                "return [Numeric(id='a', prompt='Q', answer=1, tolerance=0, "
                "solution='1', hint='h'), ",
            ),
            "used twice",
        ),
        (
            GOOD.replace(
                "tolerance=0", "tolerance=1, mistakes=(Mistake(2.5, 'x'),)"
            ).replace("import Numeric", "import Numeric, Mistake"),
            "accepted as the answer",
        ),
    ],
)
def test_a_bad_question_file_fails_the_build_naming_its_path(tmp_path, body, message):
    docs = _module_dir(tmp_path, body)
    with pytest.raises(
        PluginError, match=re.escape(str(docs / "questions" / "00-x" / "p.py"))
    ) as err:
        scl.load_all(docs)
    assert message in str(err.value)


def test_a_question_file_without_a_page_fails(tmp_path):
    docs = _module_dir(tmp_path, GOOD, page="other")
    with pytest.raises(PluginError, match="there is no page docs/00-x/p.md"):
        scl.load_all(docs)


def test_loading_leaves_no_bytecode_in_docs(tmp_path):
    docs = _module_dir(tmp_path, GOOD)
    assert [q.id for q in scl.load_all(docs)["00-x/p.md"].questions] == ["a"]
    assert not list(docs.rglob("__pycache__"))


def test_modules_0_to_2_have_questions():
    assert {"00-foundations", "01-ml-fundamentals", "02-perceptron"} <= set(MODULES)
