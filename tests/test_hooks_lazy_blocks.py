"""scripts/hooks/lazy_blocks.py: which blocks of a page are marked ``md-lazy``, and the low
estimates of height that decide it (the browser side: tests/test_site_lazy_render.py)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts" / "hooks"))
import lazy_blocks as lb  # noqa: E402


def page(*blocks: str, notebook: str = "") -> str:
    return (
        '<html><body><nav><p>menu</p></nav><article class="md-content__inner md-typeset">'
        + "".join(blocks)
        + notebook
        + "</article><footer><p>end</p></footer></body></html>"
    )


def para(chars: int) -> str:
    return "<p>" + "x" * chars + "</p>"


def marked(html: str, name: str = lb.CLASS) -> list[str]:
    """The start tags that carry the class ``name``."""
    out = []
    for part in html.split("<")[1:]:
        tag = part.split(">", 1)[0]
        classes = re.search(r'class="([^"]*)"', tag)
        if classes and name in classes.group(1).split():
            out.append("<" + tag + ">")
    return out


def test_only_blocks_that_start_below_the_eager_height_are_marked():
    # Each paragraph: 4 lines of 110 characters = 100 px; 20 of them fill 2,000 px.
    html = page(*[para(4 * lb.CHARS_PER_LINE) for _ in range(25)])
    out, count = lb.mark_blocks(html, narrow_eager_px=10**9)
    assert count == 5 and len(marked(out)) == 5
    # The 21st paragraph onwards: the first 20 (0 to 1,900 px) start above 2,000 px.
    assert out.split("<p")[1:21] == html.split("<p")[1:21]
    assert lb.mark_blocks(html, eager_px=10_000, narrow_eager_px=10**9)[1] == 0


def test_blocks_below_a_phones_first_screens_are_marked_for_phones_only():
    # On a phone each paragraph is 440 / 75 -> 6 lines = 150 px: the 11th starts at 1,500 px,
    # below NARROW_EAGER_PX (1,400), the 10th at 1,350 px above it.
    assert lb.CHARS_PER_LINE_NARROW == 75 and lb.NARROW_EAGER_PX == 1400
    html = page(*[para(4 * lb.CHARS_PER_LINE) for _ in range(25)])
    out, count = lb.mark_blocks(html)
    assert count == 15
    tags = out.split("<p")[2:27]  # the article's paragraphs (after the menu's)
    assert all(lb.CLASS_NARROW not in t and lb.CLASS not in t for t in tags[:10])
    assert all(t.startswith(f' class="{lb.CLASS_NARROW}"') for t in tags[10:20])
    assert all(t.startswith(f' class="{lb.CLASS}"') for t in tags[20:])
    assert len(marked(out)) == 5 and len(marked(out, lb.CLASS_NARROW)) == 10


def test_the_stylesheet_skips_phone_only_blocks_on_the_screens_the_hook_assumes():
    css = (
        Path(__file__).resolve().parents[1] / "docs/stylesheets/extra.css"
    ).read_text()
    rule = re.search(
        r"@media ([^{]*)\{\s*\.md-content \." + lb.CLASS_NARROW + r"\s*\{([^}]*)\}", css
    )
    assert rule, "extra.css has no rule for the phone-only blocks"
    assert rule.group(1).strip() == lb.NARROW_MEDIA
    assert "content-visibility: auto" in rule.group(2)
    # the widest such screen is no wider than the column the estimate assumes (450 px
    # of 16 px text at 75 characters to a line, 6 px a character at the least)
    assert "max-width: 30em" in lb.NARROW_MEDIA


def test_headings_and_blocks_that_hold_one_or_unlisted_ones_are_never_marked():
    tall = para(100 * lb.CHARS_PER_LINE)  # 2,500 px
    html = page(
        tall,
        '<h2 id="a">A</h2>',
        '<div class="admonition"><h3 id="b">B</h3><p>in a note</p></div>',
        '<div class="widget" data-widget="x"><p>widget</p></div>',
        '<div class="selfcheck-section"><p>question</p></div>',
        '<div class="admonition note"><p>a note</p></div>',
        "<ul><li>one</li></ul>",
    )
    out, count = lb.mark_blocks(html)
    assert count == 2
    assert marked(out) == [
        f'<div class="admonition note {lb.CLASS}">',
        f'<ul class="{lb.CLASS}">',
    ]


def test_every_kind_of_plain_block_can_be_marked_and_classes_are_kept():
    tall = para(100 * lb.CHARS_PER_LINE)
    blocks = [
        '<p class="lead">p</p>',
        "<ol><li>o</li></ol>",
        "<details><summary>s</summary><p>d</p></details>",
        '<div class="arithmatex"><span class="katex-display">m</span></div>',
        '<div class="language-python highlight"><pre><code>x = 1\n</code></pre></div>',
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        '<table class=""><tr><td>1</td></tr></table></div></div>',
    ]
    out, count = lb.mark_blocks(page(tall, *blocks))
    assert count == len(blocks)
    assert f'<p class="lead {lb.CLASS}">' in out
    assert '<table class="">' in out  # the table itself is not a child of the article


def test_a_second_pass_changes_nothing_and_pages_without_an_article_are_kept():
    html = page(*[para(4 * lb.CHARS_PER_LINE) for _ in range(30)])
    once, count = lb.mark_blocks(html)
    assert count > 0 and lb.mark_blocks(once) == (once, 0)
    other = "<html><body><p>" + "x" * 100_000 + "</p></body></html>"
    assert lb.mark_blocks(other) == (other, 0)


def test_notebook_cells_are_marked_below_the_first_screens_unless_they_hold_a_heading():
    code = "<br>".join("x = 1" for _ in range(3))
    cell = (
        '<div class="jp-Cell jp-CodeCell"><div class="highlight-ipynb"><pre>'
        + "print(1)\n" * 30  # 30 lines of 18 px = 540 px
        + "</pre></div>"
        + code
        + "</div>"
    )
    heading = '<div class="jp-Cell jp-MarkdownCell"><h2 id="part">Part</h2></div>'
    notebook = (
        '<div class="jupyter-wrapper"><div class="jp-Notebook">'
        + cell * 4
        + heading
        + cell
        + "</div></div>"
    )
    out, count = lb.mark_blocks(page(notebook=notebook))
    # Each cell: 540 px of code and a line of text (565 px). 4 cells reach 2,260 px: the 5th
    # child (the heading's cell) is not marked, the 6th is; on a phone the 4th (at 1,695 px).
    assert count == 2
    assert marked(out) == [f'<div class="jp-Cell jp-CodeCell {lb.CLASS}">']
    assert marked(out, lb.CLASS_NARROW) == [
        f'<div class="jp-Cell jp-CodeCell {lb.CLASS_NARROW}">'
    ]


@pytest.mark.parametrize(
    "block,height",
    [
        (para(lb.CHARS_PER_LINE + 1), 2 * lb.LINE_PX),
        ("<ul>" + "<li>a</li>" * 3 + "</ul>", 3 * lb.LINE_PX),
        ("<pre><code>a\nb\nc\n</code></pre>", 3 * lb.CODE_LINE_PX),
        # Typeset maths counts as display maths only, never as characters of text.
        (
            '<div class="arithmatex"><span class="katex-display"><span class="katex">'
            + "y" * 500
            + "</span></span></div>",
            lb.DISPLAY_MATHS_PX,
        ),
        ('<p><img src="a.svg" alt="a"></p>', lb.IMAGE_PX),
        ("<style>" + "a{}" * 500 + "</style>", 0),
        ("<script>" + "var a;" * 500 + "</script>", 0),
    ],
)
def test_height_estimates(block, height):
    html = page(block)
    start = html.index(">", html.index("<article")) + 1
    [child] = lb.children(html, start)
    assert child.height() == height


def test_drawn_at_load_drops_exactly_the_inside_of_marked_blocks():
    early = [para(4 * lb.CHARS_PER_LINE) for _ in range(20)]
    late = [
        '<p>late <span class="katex">y</span></p>',
        "<hr>",
        '<div class="highlight">z</div>',
    ]
    out, count = lb.mark_blocks(
        page(
            *early,
            *late,
            notebook='<div class="jp-Notebook"><div class="jp-Cell">c</div></div>',
        )
    )
    # the paragraph and the code; not the rule, not the notebook's wrapper; and the last 10
    # early paragraphs for phones only (drawn at load on a wide screen: kept below)
    assert count == 12
    drawn = lb.drawn_at_load(out)
    assert "late" not in drawn and ">z<" not in drawn and 'class="katex"' not in drawn
    # the marked blocks themselves stay (empty), and everything else is untouched
    assert '<p class="md-lazy"></p>' in drawn
    assert '<div class="highlight md-lazy"></div>' in drawn
    assert drawn.count("x" * lb.CHARS_PER_LINE) == out.count("x" * lb.CHARS_PER_LINE)
    assert "<hr>" in drawn and ">c<" in drawn and "<p>end</p>" in drawn
    assert lb.drawn_at_load(page(*early)) == page(*early)  # nothing marked: all of it
