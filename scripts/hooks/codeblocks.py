"""Find and classify the code fences of a Markdown page.

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

ROOT = Path(__file__).resolve().parents[2]
EXECUTED_LANGS = {"python", "bash", "sh"}
OPEN_RE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
MARKER_RE = re.compile(r"^\s*<!--(.*?)-->\s*$")
SNIPPET_RE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"\s*$')
TITLE_RE = re.compile(r'title="([^"]*)"')
SKIP_REASON_RE = re.compile(r'pytest\.mark\.skip\(\s*reason\s*=\s*["\'](.+?)["\']\s*\)')
NOT_EXECUTED_RE = re.compile(r"^\s*not-executed:\s*(\S.*)$")


@dataclass
class Fence:
    line: int
    info: str
    body: str
    markers: list[str] = field(default_factory=list)
    category: str = ""
    detail: str = ""

    @property
    def lang(self) -> str:
        return self.info.split()[0] if self.info.split() else ""


def fences(text: str) -> list[Fence]:
    """Every fenced block of a page, with the HTML-comment markers just above it."""
    lines = text.splitlines()
    out: list[Fence] = []
    pending: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = OPEN_RE.match(line)
        if m:
            fence, indent = m.group("fence"), len(m.group("indent"))
            body = []
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith(fence):
                body.append(lines[j][indent:] if lines[j][:indent].strip() == "" else lines[j])
                j += 1
            out.append(Fence(i + 1, m.group("info").strip(), "\n".join(body), pending))
            pending = []
            i = j + 1
            continue
        mk = MARKER_RE.match(line)
        if mk:
            pending.append(mk.group(1).strip())
        elif line.strip():
            pending = []
        i += 1
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
    base: Fence | None = None  # the fence pytest-codeblocks joins a `cont` block or an output to
    for f in blocks:
        _classify_one(f)
        joins = any("pytest-codeblocks:cont" in m or "pytest-codeblocks:expected-output" in m
                    for m in f.markers)
        if joins and f.category != "bad" and (base is None or base.category != "executed"):
            # pytest-codeblocks joins it to the fence above whatever that fence is, then runs
            # only python/bash/sh fences: after a snippet or text fence it is silently never run
            f.category = "bad"
            f.detail = (f"joins the fence at line {base.line if base else '?'}, which pytest-codeblocks "
                        "does not run: this block would never be executed or compared")
        if not joins:
            base = f
    return blocks


def _classify_one(f: Fence) -> None:
    """Set the category and detail of one fence from its info string, markers and body."""
    skip = SKIP_REASON_RE.search(" ".join(f.markers))
    not_exec = next(filter(None, (NOT_EXECUTED_RE.match(m) for m in f.markers)), None)
    if any("pytest-codeblocks:expected-output" in m for m in f.markers):
        f.category, f.detail = "output", "compared with what the block above printed"
    elif "pytest.mark.skip" in " ".join(f.markers) and not skip:
        f.category, f.detail = "bad", "a skip marker needs reason=\"...\""
    elif not_exec and f.info in EXECUTED_LANGS and not skip:
        f.category = "bad"
        f.detail = ("pytest-codeblocks runs every python/bash/sh fence: skip it with "
                    "<!--pytest.mark.skip(reason=\"...\")--> or give it another info string")
    elif skip or not_exec:
        f.category, f.detail = "skipped", (skip or not_exec).group(1).strip()
    elif f.info in EXECUTED_LANGS:
        cont = any("pytest-codeblocks:cont" in m for m in f.markers)
        f.category = "executed"
        f.detail = "continues the block above" if cont else "run by pytest-codeblocks"
    elif f.lang in EXECUTED_LANGS and TITLE_RE.search(f.info):
        targets = snippet_targets(f.body)
        problem = _check_targets(targets)
        if problem:
            f.category, f.detail = "bad", problem
        else:
            f.category = "included"
            f.detail = ", ".join(p + (f":{s}" if s else "") for p, s in targets)
    elif f.lang == "text" and TITLE_RE.search(f.info) and _is_example_output(f.body):
        f.category = "output"
        f.detail = "an example's recorded output, compared by tests/test_docs_examples.py"
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
        p.startswith("docs/examples/") and p.endswith(".out") and (ROOT / p).is_file() for p, _ in targets
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
    return sum(1 for f in blocks if f.category == "executed" and f.detail == "run by pytest-codeblocks")
