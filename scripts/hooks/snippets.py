"""The package code that pages show through snippet sections, and what it is made of.

A page shows package code with a fence holding ``--8<-- "syllabus_code/x.py:name"``; the source
marks the section with ``# --8<-- [start:name]`` ... ``# --8<-- [end:name]``. Shared by the
audit (``tests/test_docs_audit.py``: every section is shown somewhere, and few of the shown
lines are argument checks) and the build (``scripts/hooks/shown_on.py``, which works out from
these sections which API-reference entry a page shows).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import codeblocks

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "syllabus_code"
MARKER_RE = re.compile(
    r"^\s*#\s*-{1,}8<-{1,}\s*\[(?P<kind>start|end):(?P<name>[\w-]+)\]\s*$"
)
CHECKS_MODULE = ROOT / PACKAGE / "_checks.py"
# Helpers private to one module that only validate arguments: _check, _check_args, _check_k ...
PRIVATE_CHECK_RE = re.compile(r"^_check(?:_\w+)?$")


@dataclass(frozen=True)
class Section:
    path: str  # relative to the checkout, e.g. "syllabus_code/numpy_nn/dense.py"
    name: str
    start: int  # the first line after the start marker (1-based)
    end: int  # the last line before the end marker
    # the lines a page shows: start..end less any nested marker lines
    lines: tuple[int, ...]


def sections(path: str) -> dict[str, Section]:
    """The snippet sections of one file, by name."""
    return dict(_sections(path))


@cache
def _sections(path: str) -> tuple[tuple[str, Section], ...]:
    text = (ROOT / path).read_text(encoding="utf-8").splitlines()
    markers = {i: m for i, line in enumerate(text, 1) if (m := MARKER_RE.match(line))}
    opened: dict[str, int] = {}
    out: dict[str, Section] = {}
    for i, m in markers.items():
        if m["kind"] == "start":
            opened[m["name"]] = i + 1
        elif m["name"] in opened:
            start = opened.pop(m["name"])
            lines = tuple(n for n in range(start, i) if n not in markers)
            out[m["name"]] = Section(path, m["name"], start, i - 1, lines)
    return tuple(out.items())


def package_sections() -> list[Section]:
    """Every snippet section in the package's files."""
    found = []
    for file in sorted((ROOT / PACKAGE).rglob("*.py")):
        found.extend(sections(file.relative_to(ROOT).as_posix()).values())
    return found


def pages(docs: Path | None = None) -> list[Path]:
    return sorted((docs or ROOT / "docs").rglob("*.md"))


def includes(docs: Path | None = None) -> dict[tuple[str, str | None], list[str]]:
    """(path, section) -> the pages (relative to docs/) whose included fences show it."""
    docs = docs or ROOT / "docs"
    shown: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for page in pages(docs):
        rel = page.relative_to(docs).as_posix()
        for fence in codeblocks.classify(page.read_text(encoding="utf-8")):
            if fence.category == "included":
                for target in fence.targets:
                    if rel not in shown[target]:
                        shown[target].append(rel)
    return dict(shown)


def unshown_sections(docs: Path | None = None) -> list[Section]:
    """Package sections that no page includes (code marked for showing that nobody sees)."""
    shown = includes(docs)
    return [s for s in package_sections() if (s.path, s.name) not in shown]


# --- argument checks inside the shown code -----------------------------------------------------


@cache
def check_names() -> frozenset[str]:
    """The functions of the package's one vocabulary of checks (syllabus_code/_checks.py)."""
    tree = ast.parse(CHECKS_MODULE.read_text(encoding="utf-8"))
    return frozenset(
        n.name
        for n in tree.body
        if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")
    )


def _is_check_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    f = node.func
    if (
        isinstance(f, ast.Attribute)
        and isinstance(f.value, ast.Name)
        and f.value.id == "_checks"
    ):
        return True
    name = f.id if isinstance(f, ast.Name) else None
    return name is not None and (
        name in check_names() or bool(PRIVATE_CHECK_RE.match(name))
    )


def _is_guard(node: ast.stmt) -> bool:
    """``raise ...``, or an ``if``/``elif`` chain whose every branch only raises."""
    if isinstance(node, ast.Raise):
        return True
    if isinstance(node, ast.If):
        return all(_is_guard(s) for s in node.body) and all(
            _is_guard(s) for s in node.orelse
        )
    return False


_COMPOUND = (
    ast.If,
    ast.For,
    ast.While,
    ast.With,
    ast.Try,
    ast.FunctionDef,
    ast.ClassDef,
    ast.AsyncFunctionDef,
    ast.AsyncFor,
    ast.AsyncWith,
    ast.Match,
)


@cache
def check_lines(path: str) -> frozenset[int]:
    """The lines of a file that are argument checks: raise statements, ``if ...: raise`` guards,
    and simple statements that call a check (a function of ``_checks`` or a ``_check*`` helper)."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    lines: set[int] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if _is_guard(node) or (
                not isinstance(node, _COMPOUND)
                and any(_is_check_call(n) for n in ast.walk(node))
            ):
                lines.update(range(node.lineno, node.end_lineno + 1))
                continue
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                inner = getattr(node, field, None)
                if isinstance(inner, list):
                    visit(
                        [s for s in inner if isinstance(s, ast.stmt)]
                        + [
                            s
                            for h in inner
                            if isinstance(h, (ast.ExceptHandler, ast.match_case))
                            for s in h.body
                        ]
                    )

    visit(tree.body)
    return frozenset(lines)


@cache
def _statement_starts(path: str) -> frozenset[int]:
    """The first line of each logical line of a file: a statement wrapped over several lines (by
    the formatter, or by hand) starts once, and a comment or blank line starts none."""
    text = (ROOT / path).read_text(encoding="utf-8")
    starts, new = set(), True
    skip = (
        tokenize.NL,
        tokenize.COMMENT,
        tokenize.INDENT,
        tokenize.DEDENT,
        tokenize.ENDMARKER,
    )
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.NEWLINE:
            new = True
        elif tok.type not in skip and new:
            starts.add(tok.start[0])
            new = False
    return frozenset(starts)


def code_lines(section: Section) -> list[int]:
    """The statements of a section, each by its first line (so the share of argument checks does
    not depend on how long lines are wrapped; a docstring is one statement)."""
    starts = _statement_starts(section.path)
    return [n for n in section.lines if n in starts]


def check_share(
    docs: Path | None = None,
) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(check statements, statements, per section "path:name" -> (checks, statements)) over every
    package section that a page includes."""
    per: dict[str, tuple[int, int]] = {}
    for path, name in includes(docs):
        if not path.startswith(PACKAGE + "/") or name is None:
            continue
        section = sections(path).get(name)
        if section is None:
            continue
        code = code_lines(section)
        checks = check_lines(path)
        per[f"{path}:{name}"] = (sum(n in checks for n in code), len(code))
    return sum(c for c, _ in per.values()), sum(n for _, n in per.values()), per
