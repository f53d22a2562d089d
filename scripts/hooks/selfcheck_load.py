"""Loading the self-check questions (used by ``selfcheck.py``): each ``docs/questions/<module>/<page>.py``
is imported (without leaving bytecode in docs/), its ``questions()`` checked, and paired with its page.

A question file that fails to load, returns anything but questions, repeats an id or has no
page raises a PluginError naming its path.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from syllabus_code.selfcheck import Choice, Numeric  # noqa: E402

QUESTIONS = "questions"  # under docs/
MODULE_FOLDER = re.compile(r"^\d\d-[a-z0-9-]+$")


@dataclass
class PageQuestions:
    module: str  # "00-foundations"
    page: str  # "linear-algebra" (the Markdown file's stem)
    path: Path  # the question file
    questions: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.module}/{self.page}"

    @property
    def src_uri(self) -> str:
        return f"{self.module}/{self.page}.md"


def load_questions(path: Path) -> list:
    """The questions of one file, checked; a PluginError naming the file otherwise."""
    path = Path(path)
    name = "selfcheck_questions_" + re.sub(
        r"\W", "_", f"{path.parent.name}_{path.stem}"
    )
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        # no __pycache__ in docs/
        dont_write, sys.dont_write_bytecode = (sys.dont_write_bytecode, True)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        finally:
            sys.dont_write_bytecode = dont_write
            sys.modules.pop(name, None)
        if not callable(getattr(module, "questions", None)):
            raise ValueError("it must define questions() -> list[Numeric | Choice]")
        found = module.questions()
    except PluginError:
        raise
    except Exception as exc:  # a broken question file fails the build, with its path
        raise PluginError(f"self-check question file {path} failed: {exc!r}") from exc
    if not isinstance(found, (list, tuple)) or not found:
        raise PluginError(
            f"self-check question file {path}: questions() must return a "
            f"non-empty list, got {found!r:.80}"
        )
    seen = set()
    for q in found:
        if not isinstance(q, (Numeric, Choice)):
            raise PluginError(
                f"self-check question file {path}: {q!r:.80} is not a "
                "syllabus_code.selfcheck Numeric or Choice"
            )
        if q.id in seen:
            raise PluginError(
                f"self-check question file {path}: id {q.id!r} is used twice"
            )
        seen.add(q.id)
    return list(found)


def find_question_files(docs_dir: Path) -> list[Path]:
    root = Path(docs_dir) / QUESTIONS
    return sorted(p for p in root.glob("*/*.py") if not p.name.startswith("_"))


def load_all(docs_dir: Path) -> dict[str, PageQuestions]:
    """Every page's questions, keyed by the page's src_uri ("00-foundations/notation.md")."""
    docs_dir = Path(docs_dir)
    pages: dict[str, PageQuestions] = {}
    for path in find_question_files(docs_dir):
        module = path.parent.name
        if not MODULE_FOLDER.match(module):
            raise PluginError(
                f"self-check question file {path}: its folder must be a module "
                "folder such as 00-foundations"
            )
        pq = PageQuestions(module, path.stem, path)
        if not (docs_dir / pq.src_uri).is_file():
            raise PluginError(
                f"self-check question file {path}: there is no page "
                f"docs/{pq.src_uri} for it"
            )
        pq.questions = load_questions(path)
        pages[pq.src_uri] = pq
    return pages
