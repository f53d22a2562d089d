"""Pruning a stylesheet to the rules a page can use (scripts/hooks/css_prune.py)."""

from __future__ import annotations

import re
from pathlib import Path

import mkdocs_jupyter
import pytest
import soupsieve
from bs4 import BeautifulSoup
from css_prune import page_names, prune_css, prune_stylesheets, selector_may_match

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free

JUPYTER_CSS = (
    Path(mkdocs_jupyter.__file__).parent / "templates/mkdocs_html/assets/index.css"
)
# The markup of a notebook page's cells, as mkdocs-jupyter writes it.
CELLS = """
<div class="jupyter-wrapper"><div class="jp-Notebook" data-jp-theme-light="true">
 <div class="jp-Cell jp-MarkdownCell jp-Notebook-cell"><div class="jp-Cell-inputWrapper">
  <div class="jp-InputArea jp-Cell-inputArea"><div class="jp-InputPrompt jp-InputArea-prompt"></div>
  <div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput" data-mime-type="text/markdown">
   <h2 id="x">Title</h2><p>Text with <code>code</code>.</p></div></div></div></div>
 <div class="jp-Cell jp-CodeCell jp-Notebook-cell"><div class="jp-Cell-inputWrapper">
  <div class="jp-InputArea jp-Cell-inputArea"><div class="jp-InputPrompt jp-InputArea-prompt">In [1]:</div>
  <div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor"><div class="highlight-ipynb">
   <pre><span></span><span class="n">x</span> <span class="o">=</span> <span class="mi">1</span></pre>
  </div></div></div></div>
  <div class="jp-Cell-outputWrapper"><div class="jp-OutputArea jp-Cell-outputArea">
   <div class="jp-OutputArea-child"><div class="jp-OutputPrompt jp-OutputArea-prompt"></div>
   <div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain"><pre>1</pre></div>
   </div><div class="jp-OutputArea-child"><div class="jp-RenderedImage jp-OutputArea-output">
   <img alt="" src="x.png"></div></div></div></div></div>
</div></div>
"""


def names(html: str):
    return page_names(html)


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        (".a", True),
        (".a .b", True),
        (".a.c", False),
        ("#i", True),
        ("#j", False),
        ("p", True),
        ("table", False),
        (".a > p:hover", True),
        ("p::before", True),
        (".a:not(.zzz)", True),
        (".zzz:not(.a)", False),
        ("table:not(.a)", False),
        ('[data-x=".zzz"]', True),
        (".a [class~='table']", True),
        ("*", True),
        (":is(.zzz, .a)", True),
        ("p:nth-child(2n+1)", True),
        ("html body .a", True),
    ],
)
def test_a_selector_is_dropped_only_when_the_page_lacks_what_it_requires(
    selector, expected
):
    assert (
        selector_may_match(selector, names('<div class="a b" id="i"><p>x</p></div>'))
        is expected
    )


def test_rules_media_blocks_keyframes_and_variables():
    css = """
    :root { --used: red; --chained: var(--used); --unused: blue; }
    .a { color: var(--chained); animation: spin 1s; }
    .zzz { color: var(--unused); }
    .a, .zzz { margin: 0 }
    @media (max-width: 10px) { .a { padding: 1px } .zzz { padding: 2px } }
    @media print { .zzz { padding: 3px } }
    @keyframes spin { from { opacity: 0 } to { opacity: 1 } }
    @keyframes unused { from { opacity: 0 } }
    @font-face { font-family: X; src: url(x.woff2) }
    """
    out = prune_css(css, names('<html><body><div class="a"></div></body></html>'))
    assert ":root{--used:red;--chained:var(--used)}" in out
    assert "--unused" not in out and ".zzz" not in out
    assert ".a{margin:0}" in out  # the selector list keeps only what may match
    assert (
        "@media (max-width: 10px){.a{padding:1px}}" in out and "@media print" not in out
    )
    assert "@keyframes spin" in out and "@keyframes unused" not in out
    assert "@font-face" in out


def test_variables_are_followed_across_the_sheets_of_a_page():
    sheets = [".a { color: var(--ink) }", ".b { --ink: black; --paper: white }"]
    out = prune_stylesheets(sheets, names('<div class="a b"></div>'))
    assert out == [".a{color:var(--ink)}", ".b{--ink:black}"]


def _plain(selector: str) -> str | None:
    """The selector without pseudo-classes and pseudo-elements, for soupsieve; None where
    that leaves nothing soupsieve can evaluate."""
    plain = re.sub(r"::?[a-zA-Z-]+(\([^()]*\))?", "", selector).strip()
    return plain if plain and not plain.endswith((">", "+", "~")) else None


def test_no_rule_of_jupyterlab_that_matches_a_cell_is_dropped():
    """An independent check of the one-way promise: soupsieve matches each selector of the
    real JupyterLab stylesheet against notebook cells; every selector that matches is kept."""
    css = JUPYTER_CSS.read_text(encoding="utf-8")
    soup = BeautifulSoup(f"<html><body>{CELLS}</body></html>", "html.parser")
    pruned = prune_css(css, page_names(str(soup)))
    kept = set(re.findall(r"(?:^|})([^{}@]+)\{", pruned))
    kept_selectors = {s.strip() for group in kept for s in group.split(",")}
    matched = 0
    for group in re.findall(r"(?:^|})\s*([^{}@]+?)\s*\{", css):
        for selector in (s.strip() for s in group.split(",")):
            plain = _plain(selector)
            if plain is None:
                continue
            try:
                hit = soupsieve.select_one(plain, soup) is not None
            except Exception:  # selectors soupsieve does not know
                continue
            if hit:
                matched += 1
                assert re.sub(r"\s+", " ", selector) in {
                    re.sub(r"\s+", " ", k) for k in kept_selectors
                } or selector.replace(" ", "") in {
                    k.replace(" ", "") for k in kept_selectors
                }, selector
    assert matched > 50  # the cells do match many rules: the check is not vacuous
    assert len(pruned) < len(css) / 10


def test_other_at_rules_are_kept_as_they_are():
    css = "@page { margin: 25mm } @layer base; .zzz { color: red }"
    out = prune_css(css, names("<p></p>"))
    assert "@page" in out and "margin: 25mm" in out and "@layer base" in out
    assert ".zzz" not in out


def test_keep_variables_keeps_every_custom_property():
    css = ":root { --used: red; --unused: blue } .a { color: var(--used) }"
    page = names('<div class="a"></div>')
    assert "--unused" not in prune_css(css, page)
    assert ":root{--used:red;--unused:blue}" in prune_css(
        css, page, keep_variables=True
    )


def test_a_name_built_at_run_time_counts_through_its_prefix():
    page = names('<div class="a"></div>')
    page.prefixes = ("tabbed-control--",)
    assert selector_may_match(".tabbed-control--next", page)
    assert not selector_may_match(".tabbed-controls", page)
