"""The self-check hook (scripts/hooks/selfcheck.py): every question file loads, every module
with questions has enough, and the rendering keeps answers out of the page until the checker
decodes them."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from selfcheck_helpers import DOCS, QUESTIONS, load_module, modules_with_questions, section_pages

import selfcheck as sc  # scripts/hooks is on sys.path (conftest.py)
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

FILES = sorted(QUESTIONS.glob("*/*.py"))
MODULES = modules_with_questions()
CONFIG = {
    "markdown_extensions": ["attr_list", "md_in_html", "pymdownx.arithmatex",
                            "pymdownx.superfences", "pymdownx.inlinehilite"],
    "mdx_configs": {"pymdownx.arithmatex": {"generic": True}},
}


@pytest.fixture(scope="module")
def renderer():
    r = sc.Renderer(CONFIG)
    yield r
    r.close()


# --- Every question file of the course ----------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_question_file_loads_and_has_its_page(path):
    pages = sc.load_all(DOCS)
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
        assert 2 <= len(pages[page]) <= 4, f"{module}/{page}: {len(pages[page])} questions"


# --- Bad files fail the build with their path -------------------------------------------


def _module_dir(tmp_path: Path, body: str, page: str = "p") -> Path:
    docs = tmp_path / "docs"
    (docs / "00-x").mkdir(parents=True)
    (docs / "00-x" / f"{page}.md").write_text("# P\n")
    (docs / "questions" / "00-x").mkdir(parents=True)
    (docs / "questions" / "00-x" / "p.py").write_text(body)
    return docs


GOOD = ("from syllabus_code.selfcheck import Numeric\n"
        "def questions():\n"
        "    return [Numeric(id='a', prompt='P?', answer=2, tolerance=0, solution='2', hint='h')]\n")


@pytest.mark.parametrize("body, message", [
    ("def questions(:\n", "SyntaxError"),
    ("x = 1\n", "must define questions()"),
    ("def questions():\n    return []\n", "non-empty list"),
    ("def questions():\n    return ['what?']\n", "is not a syllabus_code.selfcheck"),
    ("def questions():\n    raise RuntimeError('boom')\n", "boom"),
    (GOOD.replace("return [", "return [Numeric(id='a', prompt='Q', answer=1, tolerance=0, "
                  "solution='1', hint='h'), "), "used twice"),
    (GOOD.replace("tolerance=0", "tolerance=1, mistakes=(Mistake(2.5, 'x'),)")
         .replace("import Numeric", "import Numeric, Mistake"), "accepted as the answer"),
])
def test_a_bad_question_file_fails_the_build_naming_its_path(tmp_path, body, message):
    docs = _module_dir(tmp_path, body)
    with pytest.raises(PluginError, match=re.escape(str(docs / "questions" / "00-x" / "p.py"))) as err:
        sc.load_all(docs)
    assert message in str(err.value)


def test_a_question_file_without_a_page_fails(tmp_path):
    docs = _module_dir(tmp_path, GOOD, page="other")
    with pytest.raises(PluginError, match="there is no page docs/00-x/p.md"):
        sc.load_all(docs)


def test_loading_leaves_no_bytecode_in_docs(tmp_path):
    docs = _module_dir(tmp_path, GOOD)
    assert [q.id for q in sc.load_all(docs)["00-x/p.md"].questions] == ["a"]
    assert not list(docs.rglob("__pycache__"))


# --- Rendering and encoding ---------------------------------------------------------------

NUM = Numeric(id="out", prompt=r"Size for \(n = 28\)? Give 2 decimals.", answer=13.75,
              tolerance=0.005, solution=r"\(\lfloor 27.5 \rfloor\) ... so **13.75**.",
              hint="Use *the* formula.", mistakes=(Mistake(14.0, r"Forgot \(\lfloor\cdot\rfloor\)."),),
              unit="px")
CHO = Choice(id="pick", prompt="Which?", options=(
    Option(r"\(a\)", False, "No: a."), Option("b", True, "Yes: b."), Option("c", False, "No: c.")),
    solution="Because b.")
PQ = sc.PageQuestions("00-x", "page", Path("docs/questions/00-x/page.py"), [NUM, CHO])


def _secret(fragment: str, qid: str) -> dict:
    m = re.search(rf'data-selfcheck="{qid}"[^>]*data-secret="([^"]+)"', fragment)
    return sc.decode_secret(html.unescape(m.group(1)), "00-x/page", qid)


def test_numeric_question_html_hides_the_answer_and_decodes_to_rendered_parts(renderer):
    out = sc.question_html(NUM, 1, PQ, renderer, "../solutions/")
    visible = re.sub(r'data-secret="[^"]*"', "", out)
    for secret in ("13.75", "formula", "Forgot", "27.5"):
        assert secret not in visible
    assert 'class="arithmatex"' in visible  # the prompt's maths: katex_render.py renders it
    assert '<a href="../solutions/#page-out">' in out and 'data-unit="px"' in out
    s = _secret(out, "out")
    assert s["answer"] == 13.75 and s["tolerance"] == 0.005 and s["display"] == "13.75"
    assert s["mistakes"][0]["value"] == 14.0 and 'class="katex"' in s["mistakes"][0]["hint"]
    assert "<em>the</em>" in s["hint"]
    assert 'class="katex"' in s["solution"] and "\\(" not in s["solution"]  # rendered here


def test_choice_question_shows_options_but_not_which_is_right(renderer):
    out = sc.question_html(CHO, 2, PQ, renderer, "../solutions/")
    visible = re.sub(r'data-secret="[^"]*"', "", out)
    assert visible.count("<li data-index=") == 3 and "Yes: b" not in visible
    s = _secret(out, "pick")
    assert s["correct"] == 1 and s["explanations"][1] == "<p>Yes: b.</p>"


def test_encoding_round_trips_and_matches_the_javascript_test_vector():
    data = {"answer": 1.5, "hint": "<p>σ² ≤ 1</p>"}
    text = sc.encode_secret(data, "00-x/page", "q-1")
    assert sc.decode_secret(text, "00-x/page", "q-1") == data
    js = (Path(__file__).parent / "js" / "selfcheck.test.mjs").read_text()
    assert f'const fromPython = "{text}"' in js


def test_links_to_pages_in_question_text_are_refused(renderer):
    with pytest.raises(PluginError, match="links to pages"):
        renderer.html("See [notation](notation.md).", "here")
    assert "https://example.org" in renderer.html("[x](https://example.org)", "here")
    with pytest.raises(PluginError, match="code block"):
        renderer.html("Run\n\n```python\nprint(1)\n```\n", "here")
    assert "<code>print(1)</code>" in renderer.html("Run `print(1)`.", "here")


@pytest.mark.parametrize("x, tol, text", [
    (13.75, 0.005, "13.75"), (100480, 0, "100480"), (0.16239, 0.0005, "0.162"),
    (-0.125, 0.0005, "\u22120.125"), (-0.0001, 0.005, "0.00"), (0.25, 0, "0.25"), (2.0, 0.5, "2"),
])
def test_format_number(x, tol, text):
    assert sc.format_number(x, tol) == text


@pytest.mark.parametrize("frm, to, rel", [
    ("00-x/page/", "00-x/solutions/", "../solutions/"),
    ("00-x/", "00-x/solutions/", "solutions/"),
    ("00-x/page.html", "00-x/solutions.html", "solutions.html"),
])
def test_relative_url(frm, to, rel):
    assert sc.relative_url(frm, to) == rel


def test_solutions_page_lists_every_answer_and_solution(tmp_path):
    (tmp_path / "00-x").mkdir()
    (tmp_path / "00-x" / "index.md").write_text("# Module X\n")
    (tmp_path / "00-x" / "page.md").write_text("# A page\n")
    md = sc.solutions_markdown("00-x", [PQ], tmp_path)
    assert "# Answers: Module X" in md and "## A page { #page }" in md
    assert md.startswith("---\nsearch:\n  exclude: true\n---")
    assert "### Question 1 { #page-out }" in md and "**Answer:** 13.75 px (accepted within ±0.005)" in md
    assert "**Answer:** B." in md and "- **C.** c — No: c." in md
    assert "Because b." in md and "[Back to the questions on" in md


def test_on_files_drops_the_question_files_and_adds_unlisted_answer_pages(tmp_path):
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(DOCS), "site_dir": str(tmp_path / "s")})
    config.validate()
    config.plugins._current_plugin = "selfcheck"  # File.generated records who made a file
    files = Files([File(f"questions/{p.parent.name}/{p.name}", str(DOCS), str(tmp_path), True)
                   for p in FILES] + [File("index.md", str(DOCS), str(tmp_path), True)])
    out = sc.on_files(files, config)
    uris = {f.src_uri for f in out}
    assert not any(u.startswith("questions/") for u in uris)
    for module in MODULES:
        f = out.get_file_from_path(f"{module}/solutions.md")
        assert f is not None and f.inclusion == InclusionLevel.NOT_IN_NAV


def test_progress_box_carries_the_module_ids_and_count():
    pages = {"00-x/page.md": PQ}
    out = sc.progress_html("00-x", pages, "solutions/")
    assert 'data-total="2"' in out and "00-x/page/out" in html.unescape(out)
    assert "This module has 2 self-check questions" in out


def test_modules_0_to_2_have_questions():
    assert {"00-foundations", "01-ml-fundamentals", "02-perceptron"} <= set(MODULES)
