"""The build-time KaTeX hook (scripts/hooks/katex_render.py), with the real node renderer."""

from __future__ import annotations

import katex_render as kr  # scripts/hooks is on sys.path (tests/conftest.py)
import pytest
from mkdocs.exceptions import PluginError

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free


@pytest.fixture(scope="module")
def katex():
    proc = kr.KatexProcess()
    yield proc
    proc.close()


def test_arithmatex_inline_and_display_are_rendered_in_their_wrappers(katex):
    page = (
        '<p>Let <span class="arithmatex">\\(a &lt; b\\)</span>.</p>\n'
        '<div class="arithmatex">\\[\n\\begin{pmatrix} 1 &amp; 2 \\end{pmatrix}\n\\]</div>'
    )
    out = kr.render_maths(page, "m/p.md", katex)
    assert "\\(" not in out and "\\[" not in out
    inline, display = out.split("</span>.</p>", 1)
    assert inline.startswith('<p>Let <span class="arithmatex"><span class="katex">')
    assert '<annotation encoding="application/x-tex">a &lt; b</annotation>' in inline
    assert display.strip().startswith(
        '<div class="arithmatex"><span class="katex-display">'
    )
    assert display.endswith("</div>")


def test_notebook_cells_render_dollars_outside_code_only(katex):
    page = (
        '<div class="jp-Cell"><div class="jp-RenderedHTMLCommon jp-RenderedMarkdown">'
        "<p>Cost $C_\\text{in}k^2$ and</p><p>$$\\frac{1}{k^2}.$$</p>"
        "<p><code>$HOME</code> costs $5</p></div></div>"
        '<div class="jp-OutputArea"><pre>$x$</pre></div><p>$y$ outside a cell</p>'
    )
    out = kr.render_maths(page, "labs/x.py", katex)
    assert out.count('<span class="katex">') == 2
    assert '<p><span class="katex-display">' in out
    # code, an unmatched dollar, and text outside the markdown cells stay as written
    assert (
        "<code>$HOME</code> costs $5" in out
        and "<pre>$x$</pre>" in out
        and "$y$ outside" in out
    )


def test_notebook_maths_scanner_follows_auto_render():
    cell = '<div class="jp-RenderedMarkdown"><p>{}</p></div><script>var s = "$a$";</script>'
    found = [
        f.source for f in kr.notebook_formulas(cell.format("$x_{a$b}$, \\(y\\), $$z$$"))
    ]
    assert found == ["$x_{a$b}$", "\\(y\\)", "$$z$$"]


def test_a_bad_formula_fails_naming_the_page_and_the_formula(katex):
    page = (
        '<p><span class="arithmatex">\\(x^2\\)</span> '
        '<span class="arithmatex">\\(\\frac{1}{\\)</span></p>'
    )
    with pytest.raises(PluginError) as err:
        kr.render_maths(page, "00-foundations/linear-algebra.md", katex)
    message = str(err.value)
    assert "00-foundations/linear-algebra.md" in message
    assert "\n  \\(\\frac{1}{\\)\n" in message and "1 formula" in message
    assert "KaTeX parse error: " in message and "x^2" not in message


def test_an_unknown_macro_in_a_notebook_fails_too(katex):
    page = '<div class="jp-RenderedMarkdown"><p>$\\nosuchmacro x$</p></div>'
    expected = r"labs/x\.py(.|\n)*\$\\nosuchmacro x\$(.|\n)*Undefined control sequence"
    with pytest.raises(PluginError, match=expected):
        kr.render_maths(page, "labs/x.py", katex)


def test_pages_without_maths_are_untouched_and_formulas_rendered_once(katex):
    assert (
        kr.render_maths("<p>no maths, $5</p>", "p.md", katex) == "<p>no maths, $5</p>"
    )
    page = '<span class="arithmatex">\\(q_{17}\\)</span>' * 3
    before = len(katex.cache)
    out = kr.render_maths(page, "p.md", katex)
    assert out.count('class="katex"') == 3 and len(katex.cache) == before + 1
