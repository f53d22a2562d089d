"""Find and classify the code fences of a Markdown page (from markdown-it's block tokens).

Shared by the build (``stamp.py``) and the audit test (``tests/test_docs_audit.py``), so both
apply one rule to every code block a reader can see:

* ``executed`` - a fence whose info string is exactly ``python``, ``bash`` or ``sh``: run by
  pytest-codeblocks (``cont`` fences join the block before them);
* ``output`` - the fence after an ``expected-output`` marker: compared with what the block printed;
  or a titled ``text`` fence including ``docs/examples/**/<name>.out``, which
  ``tests/test_docs_examples.py`` compares with what ``<name>.py`` prints;
* ``included`` - a titled fence holding only ``--8<--`` lines that name a file under
  ``syllabus_code/`` (tested by its mirror test file) or ``docs/examples/`` (run by
  ``tests/test_docs_examples.py``);
* ``skipped`` - a fence after ``<!--pytest.mark.skip(reason="...")-->`` or
  ``<!-- not-executed: reason -->`` with a non-empty reason;
* ``bad`` - anything else: the audit fails on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

ROOT = Path(__file__).resolve().parents[2]
EXECUTED_LANGS = {"python", "bash", "sh"}
MARKER_RE = re.compile(r"^<!--(.*?)-->$")
SNIPPET_RE = re.compile(
    r'^\s*-{1,}8<-{1,}\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"\s*$'
)
TITLE_RE = re.compile(r'title="([^"]*)"')
SKIP_REASON_RE = re.compile(r'pytest\.mark\.skip\(\s*reason\s*=\s*["\'](.+?)["\']\s*\)')
NOT_EXECUTED_RE = re.compile(r"^\s*not-executed:\s*(\S.*)$")
BLOCK_RE = re.compile(r"^(?:!!!|\?\?\?\+?|===\+?)[ \t]+\S")


def _mkdocs_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Python-Markdown's ``!!!``/``???`` admonitions and ``===`` tabs: a marker line, then every
    line indented 4 more than it, blank lines included, up to the first line indented less.
    (CommonMark alone reads that body as indented code; mdit-py-plugins' admonition rule ends
    the body at two blank lines, which Python-Markdown does not.)"""
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    if not BLOCK_RE.match(
        state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    ):
        return False
    if silent:
        return True
    indent, last, line = state.sCount[start] + 4, start, start + 1
    while line < end and (state.isEmpty(line) or state.sCount[line] >= indent):
        last = line if not state.isEmpty(line) else last
        line += 1
    saved = state.parentType, state.lineMax, state.blkIndent
    state.push("admonition_open", "div", 1).map = [start, last + 1]
    state.parentType, state.lineMax, state.blkIndent = "admonition", last + 1, indent
    state.md.block.tokenize(state, start + 1, last + 1)
    state.push("admonition_close", "div", -1)
    state.parentType, state.lineMax, state.blkIndent = saved
    state.line = last + 1
    return True


_MARKDOWN = MarkdownIt("commonmark")
_MARKDOWN.block.ruler.before(
    "fence",
    "mkdocs_block",
    _mkdocs_block,
    {"alt": ["paragraph", "reference", "blockquote", "list"]},
)


@dataclass
class Fence:
    line: int
    info: str
    body: str
    markers: list[str] = field(default_factory=list)
    category: str = ""
    detail: str = ""  # a one-line explanation, for people (never compared by code)
    # executed, and continues the executed block above (one test item)
    cont: bool = False
    reason: str = ""  # skipped: the reason given in the marker
    # included: (path, section)
    targets: list[tuple[str, str | None]] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.info.split()[0] if self.info.split() else ""

    @property
    def joins(self) -> bool:
        """pytest-codeblocks joins this fence to the one above (a cont block or an expected output)."""
        return any(
            "pytest-codeblocks:cont" in m or "pytest-codeblocks:expected-output" in m
            for m in self.markers
        )


def fences(text: str) -> list[Fence]:
    """Every code block of a page (fenced, or indented, which is always "bad"), with the
    HTML-comment markers just above it, from markdown-it's block tokens."""
    out: list[Fence] = []
    pending: list[str] = []
    for tok in _MARKDOWN.parse(text):
        if tok.type == "html_block" and (m := MARKER_RE.match(tok.content.strip())):
            pending.append(m.group(1).strip())
            continue
        if tok.type in ("fence", "code_block"):
            body = tok.content[:-1] if tok.content.endswith("\n") else tok.content
            out.append(
                Fence(
                    tok.map[0] + 1,
                    tok.info.strip() if tok.type == "fence" else "",
                    body,
                    pending,
                )
            )
        if tok.type != "inline":
            pending = []
    return out


def snippet_targets(body: str) -> list[tuple[str, str | None]] | None:
    """The (path, section) pairs of a body made only of snippet lines, else None."""
    targets = []
    for line in body.splitlines():
        if not line.strip():
            continue
        m = SNIPPET_RE.match(line)
        if not m:
            return None
        targets.append((m.group("path"), m.group("section")))
    return targets or None


def mirror_test(path: str) -> str | None:
    """The test file that tests a package file: syllabus_code/a/b.py -> tests/test_a_b.py."""
    p = Path(path)
    if p.parts[0] != "syllabus_code" or p.suffix != ".py":
        return None
    stem = "_".join(p.with_suffix("").parts[1:])
    return f"tests/test_{stem}.py"


def classify(text: str) -> list[Fence]:
    """Every fence of a page with its category and a one-line detail (see the module doc)."""
    blocks = fences(text)
    # the fence pytest-codeblocks joins a `cont` block or an output to
    base: Fence | None = None
    for f in blocks:
        _classify_one(f)
        if (
            f.joins
            and f.category != "bad"
            and (base is None or base.category != "executed")
        ):
            # pytest-codeblocks joins it to the fence above whatever that fence is, then runs
            # only python/bash/sh fences: after a snippet or text fence it is silently never run
            f.category, f.cont = "bad", False
            f.detail = (
                f"joins the fence at line {base.line if base else '?'}, which pytest-codeblocks "
                "does not run: this block would never be executed or compared"
            )
        if not f.joins:
            base = f
    return blocks


def _classify_one(f: Fence) -> None:
    """Set the category, the structured fields and the detail of one fence."""
    skip = SKIP_REASON_RE.search(" ".join(f.markers))
    not_exec = next(filter(None, (NOT_EXECUTED_RE.match(m) for m in f.markers)), None)
    if any("pytest-codeblocks:expected-output" in m for m in f.markers):
        f.category, f.detail = "output", "compared with what the block above printed"
    elif "pytest.mark.skip" in " ".join(f.markers) and not skip:
        f.category, f.detail = "bad", 'a skip marker needs reason="..."'
    elif not_exec and f.info in EXECUTED_LANGS and not skip:
        f.category = "bad"
        f.detail = (
            "pytest-codeblocks runs every python/bash/sh fence: skip it with "
            '<!--pytest.mark.skip(reason="...")--> or give it another info string'
        )
    elif skip or not_exec:
        f.category = "skipped"
        f.reason = f.detail = (skip or not_exec).group(1).strip()
    elif f.info in EXECUTED_LANGS:
        f.category, f.cont = (
            "executed",
            any("pytest-codeblocks:cont" in m for m in f.markers),
        )
        f.detail = "continues the block above" if f.cont else "run by pytest-codeblocks"
    elif f.lang in EXECUTED_LANGS and TITLE_RE.search(f.info):
        targets = snippet_targets(f.body)
        problem = _check_targets(targets)
        if problem:
            f.category, f.detail = "bad", problem
        else:
            f.category, f.targets = "included", targets
            f.detail = ", ".join(p + (f":{s}" if s else "") for p, s in targets)
    elif f.lang == "text" and TITLE_RE.search(f.info) and _is_example_output(f.body):
        f.category = "output"
        f.detail = (
            "an example's recorded output, compared by tests/test_docs_examples.py"
        )
    elif not f.info:
        f.category = "bad"
        f.detail = (
            "a code block without an info string (or an indented one): nothing runs it"
        )
    else:
        f.category = "bad"
        f.detail = (
            f"fence '{f.info}' is neither executed (info string exactly python/bash/sh), "
            "nor an inclusion of tested code, nor skipped with a reason"
        )


def _is_example_output(body: str) -> bool:
    """A body that only includes ``docs/examples/**/<name>.out`` files (the examples' printed output)."""
    targets = snippet_targets(body)
    return bool(targets) and all(
        p.startswith("docs/examples/") and p.endswith(".out") and (ROOT / p).is_file()
        for p, _ in targets
    )


def _check_targets(targets) -> str | None:
    if not targets:
        return "a titled fence must hold only --8<-- snippet lines"
    for path, _section in targets:
        if not (path.startswith("syllabus_code/") or path.startswith("docs/examples/")):
            return f"snippet {path} is not package code or a docs example"
        if not (ROOT / path).is_file():
            return f"snippet {path} does not exist"
        mirror = mirror_test(path)
        if mirror and not (ROOT / mirror).is_file():
            return f"{path} is shown on the page but its mirror test {mirror} does not exist"
    return None


def executed_count(blocks: list[Fence]) -> int:
    """How many test items pytest-codeblocks makes of a page (cont fences join the one above)."""
    return sum(1 for f in blocks if f.category == "executed" and not f.cont)
