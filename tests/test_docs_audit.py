"""Audit: every code block a reader sees is executed, or is an inclusion of tested code.

Source half (always): each fence of each page in docs/ is classified by the same rule the
build uses (scripts/hooks/codeblocks.py); any block in category "bad" fails, and the counts
are written to .cache/audit.json and printed at the end of the run.
Built half (marked ``site``): the pages of the built site show exactly the blocks that the
source audit accounted for, so no code reaches a reader by another route.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import codeblocks  # scripts/hooks is on sys.path (tests/conftest.py)
import pytest
import snippets

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
AUDIT = ROOT / ".cache" / "audit.json"


def pages() -> list[Path]:
    """The site's pages (not the widget embeds in docs/widgets/_embeds/, which pages include)."""
    return sorted(p for p in DOCS.rglob("*.md") if "_embeds" not in p.parts)


def notebook_cells(path: Path) -> int:
    return len(
        re.findall(
            r"^# %%(?! \[markdown\])", path.read_text(encoding="utf-8"), flags=re.M
        )
    )


def audit() -> tuple[Counter, list[str], dict[str, int]]:
    counts: Counter = Counter()
    bad: list[str] = []
    per_page: dict[str, int] = {}
    for page in pages():
        rel = page.relative_to(DOCS).as_posix()
        blocks = codeblocks.classify(page.read_text(encoding="utf-8"))
        per_page[rel] = len(blocks)
        for f in blocks:
            counts[f.category] += 1
            if f.category == "bad":
                bad.append(f"docs/{rel}:{f.line}: {f.detail}")
            if f.category == "skipped":
                counts[f"skipped: {f.reason}"] += 1
    for lab in sorted((DOCS / "labs").glob("*.py")):
        counts["notebook cells (executed at build)"] += notebook_cells(lab)
    checks, lines, _ = snippets.check_share(DOCS)
    counts[CHECK_LINES], counts[SHOWN_LINES] = checks, lines
    return counts, bad, per_page


CHECK_LINES = "shown package code: argument-check statements"
SHOWN_LINES = "shown package code: statements"
CHECK_SHARE_LIMIT = 0.03  # of statements (53 of 1987 = 2.7% when set back from 4%)


def test_every_code_block_is_executed_or_included():
    counts, bad, _ = audit()
    AUDIT.parent.mkdir(parents=True, exist_ok=True)
    AUDIT.write_text(json.dumps(dict(counts), indent=1), encoding="utf-8")
    assert not bad, "code blocks that nothing runs:\n" + "\n".join(bad)
    assert counts["executed"] > 0


def test_every_snippet_section_is_shown_on_a_page():
    unshown = [f"{s.path}:{s.name}" for s in snippets.unshown_sections(DOCS)]
    assert not unshown, (
        "snippet sections no page includes (include them where they belong, "
        "or remove the markers):\n" + "\n".join(unshown)
    )


def test_shown_code_is_maths_not_argument_checks():
    """Pages show each function's maths; its argument checks stay in the public wrapper."""
    checks, lines, per = snippets.check_share(DOCS)
    worst = sorted(per.items(), key=lambda kv: -kv[1][0])[:8]
    assert lines > 0
    assert checks / lines <= CHECK_SHARE_LIMIT, (
        f"{checks} of {lines} shown statements ({checks / lines:.1%}) are argument checks; most in:\n"
        + "\n".join(f"{k}: {c} of {n}" for k, (c, n) in worst)
    )


def test_check_lines_are_found():
    src = "\n".join(
        [
            "def f(x, n):",
            '    """Doc."""',
            "    x = as_array(x, 'x')",
            "    if n < 1:",
            "        raise ValueError('n')",
            "    _check_k(n)",
            "    y = x * 2  # maths",
            "    if n > 2:",
            "        y = y + 1",
            "    return y",
        ]
    )
    path = ROOT / ".cache" / "check_lines_sample.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(src, encoding="utf-8")
    rel = path.relative_to(ROOT).as_posix()
    snippets.check_lines.cache_clear()
    assert sorted(snippets.check_lines(rel)) == [3, 4, 5, 6]


def test_a_wrapped_statement_counts_once():
    src = "\n".join(
        [
            "def f(x):",
            '    """Doc,',
            '    on two lines."""',
            "    if x < 0:",
            "        raise ValueError(",
            '            f"x must be >= 0, got {x}"',
            "        )",
            "    # a comment",
            "",
            "    return (x",
            "            + 1)",
        ]
    )
    path = ROOT / ".cache" / "statements_sample.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(src, encoding="utf-8")
    rel = path.relative_to(ROOT).as_posix()
    snippets._statement_starts.cache_clear()
    snippets.check_lines.cache_clear()
    section = snippets.Section(rel, "f", 1, 11, tuple(range(1, 12)))
    assert snippets.code_lines(section) == [1, 2, 4, 5, 10]
    assert [
        n for n in snippets.code_lines(section) if n in snippets.check_lines(rel)
    ] == [4, 5]


def test_classifier_rules():
    page = "\n".join(
        [
            "```python",
            "print(1)",
            "```",
            "<!--pytest-codeblocks:expected-output-->",
            "```text",
            "1",
            "```",
            '```python title="syllabus_code/data.py"',
            '--8<-- "syllabus_code/data.py:nothing"',
            "```",
            "<!-- not-executed: shows a shell session -->",
            "```console",
            "$ make",
            "```",
            "```console",
            "$ make",
            "```",
            "<!--pytest.mark.skip-->",
            "```python",
            "x",
            "```",
            '```python title="x.py"',
            "print(2)",
            "```",
            "<!-- not-executed: would be run anyway -->",
            "```bash",
            "make",
            "```",
            '<!--pytest.mark.skip(reason="needs a GPU")-->',
            "```python",
            "x",
            "```",
        ]
    )
    cats = [f.category for f in codeblocks.classify(page)]
    assert cats == [
        "executed",
        "output",
        "included",
        "skipped",
        "bad",
        "bad",
        "bad",
        "bad",
        "skipped",
    ]


def test_cont_and_output_must_join_an_executed_block():
    """pytest-codeblocks joins a cont block (or an expected output) to the fence just above,
    whatever its language, and then runs only python/bash/sh fences: after a snippet inclusion
    or a text fence the block is silently never run, so the audit refuses it."""
    page = "\n".join(
        [
            '```python title="syllabus_code/data.py"',
            '--8<-- "syllabus_code/data.py:nothing"',
            "```",
            "<!--pytest-codeblocks:cont-->",
            "```python",
            "print(1)",
            "```",
            "<!--pytest-codeblocks:expected-output-->",
            "```text",
            "1",
            "```",
            "```python",
            "x = 1",
            "```",
            "<!--pytest-codeblocks:cont-->",
            "```python",
            "print(x)",
            "```",
            "<!--pytest-codeblocks:expected-output-->",
            "```text",
            "1",
            "```",
        ]
    )
    blocks = codeblocks.classify(page)
    assert [f.category for f in blocks] == [
        "included",
        "bad",
        "bad",
        "executed",
        "executed",
        "output",
    ]
    assert "joins the fence at line 1" in blocks[1].detail


def test_scanner_reads_admonitions_and_fences_as_mkdocs_does():
    """markdown-it's block tokens, with Python-Markdown's admonitions: a fence inside ??? with
    two blank lines in its body is one block; a longer fence holds a shorter one; an indented
    code block is found (and refused); a marker above a blank line still applies."""
    page = "\n".join(
        [
            '??? success "Solution"',
            "    ```python",
            "    x = 1",
            "",
            "",
            "    print(x)",
            "    ```",
            "",
            "    <!--pytest-codeblocks:expected-output-->",
            "",
            "    ```text",
            "    1",
            "    ```",
            "",
            "Text.",
            "",
            "<!-- not-executed: shows a fence -->",
            "",
            "````markdown",
            "```python",
            "print(2)",
            "```",
            "````",
            "",
            "    indented code",
            "",
            '<!--pytest.mark.skip(reason="slow")-->',
            "<!-- a note -->",
            "```python",
            "y",
            "```",
        ]
    )
    blocks = codeblocks.classify(page)
    assert [(f.line, f.category) for f in blocks] == [
        (2, "executed"),
        (11, "output"),
        (19, "skipped"),
        (25, "bad"),
        (29, "skipped"),
    ]
    assert blocks[0].body == "x = 1\n\n\nprint(x)" and blocks[0].info == "python"
    assert (
        blocks[2].body == "```python\nprint(2)\n```"
        and blocks[2].reason == "shows a fence"
    )
    assert blocks[3].body == "indented code" and blocks[3].info == ""
    assert blocks[4].markers == ['pytest.mark.skip(reason="slow")', "a note"]


def test_outcomes_are_structured_fields():
    page = "\n".join(
        [
            "```python",
            "x = 1",
            "```",
            "<!--pytest-codeblocks:cont-->",
            "```python",
            "print(x)",
            "```",
            '```python title="syllabus_code/data.py"',
            '--8<-- "syllabus_code/data.py:load"',
            "```",
            '<!--pytest.mark.skip(reason="needs a GPU")-->',
            "```python",
            "x",
            "```",
        ]
    )
    blocks = codeblocks.classify(page)
    assert [(f.category, f.cont) for f in blocks] == [
        ("executed", False),
        ("executed", True),
        ("included", False),
        ("skipped", False),
    ]
    assert codeblocks.executed_count(blocks) == 1
    assert blocks[2].targets == [("syllabus_code/data.py", "load")]
    assert blocks[3].reason == "needs a GPU" and blocks[1].joins and not blocks[0].joins


def test_included_package_code_needs_its_mirror_test():
    assert (
        codeblocks.mirror_test("syllabus_code/maths/derivatives.py")
        == "tests/test_maths_derivatives.py"
    )
    assert codeblocks.mirror_test("syllabus_code/data.py") == "tests/test_data.py"
    assert codeblocks.mirror_test("docs/examples/x.py") is None


def built_path(rel: str) -> str:
    """Where MkDocs (use_directory_urls) writes a page: a/b.md -> a/b/index.html, a/index.md -> a/index.html."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


@pytest.mark.site
def test_built_pages_show_only_audited_blocks(site_dir):
    _, _, per_page = audit()
    mismatched = []
    for rel, expected in per_page.items():
        html_path = site_dir / built_path(rel)
        if rel.startswith("reference/"):
            continue  # API pages show the package's own source (mkdocstrings), tested by tests/
        if rel == "print.md":
            continue  # every course page again, for paper (scripts/hooks/print_page.py): its
            # blocks are those pages' blocks, each counted on its own page
        html = html_path.read_text(encoding="utf-8")
        article = html[html.find("<article") : html.find("</article>")]
        shown = article.count("<pre")
        if shown != expected:
            mismatched.append(
                f"{rel}: {expected} fences in the source, {shown} code blocks on the page"
            )
    assert not mismatched, "\n".join(mismatched)
