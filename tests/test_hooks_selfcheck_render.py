"""The self-check HTML and answers page (scripts/hooks/selfcheck_render.py): the rendering keeps
answers out of the page until the checker decodes them, and the answers page lists them all."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import selfcheck_render as scr  # scripts/hooks is on sys.path (conftest.py)
from mkdocs.exceptions import PluginError
from selfcheck_encode import decode_secret
from selfcheck_load import PageQuestions

from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

CONFIG = {
    "markdown_extensions": [
        "attr_list",
        "md_in_html",
        "pymdownx.arithmatex",
        "pymdownx.superfences",
        "pymdownx.inlinehilite",
    ],
    "mdx_configs": {"pymdownx.arithmatex": {"generic": True}},
}


@pytest.fixture(scope="module")
def renderer():
    r = scr.Renderer(CONFIG)
    yield r
    r.close()


NUM = Numeric(
    id="out",
    prompt=r"Size for \(n = 28\)? Give 2 decimals.",
    answer=13.75,
    tolerance=0.005,
    solution=r"\(\lfloor 27.5 \rfloor\) ... so **13.75**.",
    hint="Use *the* formula.",
    mistakes=(Mistake(14.0, r"Forgot \(\lfloor\cdot\rfloor\)."),),
    unit="px",
)
CHO = Choice(
    id="pick",
    prompt="Which?",
    options=(
        Option(r"\(a\)", False, "No: a."),
        Option("b", True, "Yes: b."),
        Option("c", False, "No: c."),
    ),
    solution="Because b.",
)
PQ = PageQuestions("00-x", "page", Path("docs/questions/00-x/page.py"), [NUM, CHO])


def _secret(fragment: str, qid: str) -> dict:
    m = re.search(rf'data-selfcheck="{qid}"[^>]*data-secret="([^"]+)"', fragment)
    return decode_secret(html.unescape(m.group(1)), "00-x/page", qid)


def test_numeric_question_html_hides_the_answer_and_decodes_to_rendered_parts(renderer):
    out = scr.question_html(NUM, 1, PQ, renderer, "../solutions/")
    visible = re.sub(r'data-secret="[^"]*"', "", out)
    for secret in ("13.75", "formula", "Forgot", "27.5"):
        assert secret not in visible
    # the prompt's maths: katex_render.py renders it
    assert 'class="arithmatex"' in visible
    assert '<a href="../solutions/#page-out">' in out and 'data-unit="px"' in out
    s = _secret(out, "out")
    assert s["answer"] == 13.75 and s["tolerance"] == 0.005 and s["display"] == "13.75"
    assert (
        s["mistakes"][0]["value"] == 14.0
        and 'class="katex"' in s["mistakes"][0]["hint"]
    )
    assert "<em>the</em>" in s["hint"]
    # rendered here
    assert 'class="katex"' in s["solution"] and "\\(" not in s["solution"]


def test_choice_question_shows_options_but_not_which_is_right(renderer):
    out = scr.question_html(CHO, 2, PQ, renderer, "../solutions/")
    visible = re.sub(r'data-secret="[^"]*"', "", out)
    assert visible.count("<li data-index=") == 3 and "Yes: b" not in visible
    s = _secret(out, "pick")
    assert s["correct"] == 1 and s["explanations"][1] == "<p>Yes: b.</p>"


def test_links_to_pages_in_question_text_are_refused(renderer):
    with pytest.raises(PluginError, match="links to pages"):
        renderer.html("See [notation](notation.md).", "here")
    assert "https://example.org" in renderer.html("[x](https://example.org)", "here")
    with pytest.raises(PluginError, match="code block"):
        renderer.html("Run\n\n```python\nprint(1)\n```\n", "here")
    assert "<code>print(1)</code>" in renderer.html("Run `print(1)`.", "here")


@pytest.mark.parametrize(
    "frm, to, rel",
    [
        ("00-x/page/", "00-x/solutions/", "../solutions/"),
        ("00-x/", "00-x/solutions/", "solutions/"),
        ("00-x/page.html", "00-x/solutions.html", "solutions.html"),
    ],
)
def test_relative_url(frm, to, rel):
    assert scr.relative_url(frm, to) == rel


def test_solutions_page_lists_every_answer_and_solution(tmp_path):
    (tmp_path / "00-x").mkdir()
    (tmp_path / "00-x" / "index.md").write_text("# Module X\n")
    (tmp_path / "00-x" / "page.md").write_text("# A page\n")
    md = scr.solutions_markdown("00-x", [PQ], tmp_path)
    assert "# Answers: Module X" in md and "## A page { #page }" in md
    assert md.startswith("---\nsearch:\n  exclude: true\n---")
    assert (
        "### Question 1 { #page-out }" in md
        and "**Answer:** 13.75 px (accepted within ±0.005)" in md
    )
    assert "**Answer:** B." in md and "- **C.** c — No: c." in md
    assert "Because b." in md and "[Back to the questions on" in md


def test_progress_box_carries_the_module_ids_and_count():
    pages = {"00-x/page.md": PQ}
    out = scr.progress_html("00-x", pages, "solutions/")
    assert 'data-total="2"' in out and "00-x/page/out" in html.unescape(out)
    assert "This module has 2 self-check questions" in out
    # what view.js keeps up to date is there from the build (the box keeps its size as it
    # mounts), in the words it uses for a reader with no answers yet
    assert (
        '<p class="selfcheck-progress-count" data-role="count"><strong>Self-check: '
        "</strong>0 of 2 answered correctly.</p>" in out
    )
    assert (
        'data-role="reset" disabled>' in out and 'data-role="note" role="status"' in out
    )
