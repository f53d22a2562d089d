"""Which KaTeX fonts a page preloads (scripts/hooks/font_preload.py), from KaTeX's own sheet.

The browser check on the built site is tests/test_site_font_preload.py; here the reading of
the stylesheet on a small one and on KaTeX's installed one.
"""

from __future__ import annotations

import font_preload
import pytest
from font_preload import KATEX_CSS, font_links, font_rules, page_fonts

pytestmark = pytest.mark.numeric_free

CSS = (
    "@font-face{font-family:KaTeX_Main;font-style:normal;font-weight:400;"
    'src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2")}'
    "@font-face{font-family:KaTeX_Main;font-style:normal;font-weight:700;"
    'src:url(fonts/KaTeX_Main-Bold.woff2) format("woff2")}'
    "@font-face{font-family:KaTeX_Size1;font-style:normal;font-weight:400;"
    'src:url(fonts/KaTeX_Size1-Regular.woff2) format("woff2")}'
    ".katex{font:normal 1.21em KaTeX_Main,Times New Roman,serif}"
    ".katex .textbf{font-weight:700}"
    ".katex .delimsizing.size1{font-family:KaTeX_Size1}"
    "@media screen{.katex .x{color:red}}"
)


def page(*classes: str) -> str:
    spans = "".join(f'<span class="{c}">x</span>' for c in classes)
    return f'<html><head></head><body><span class="katex">{spans}</span></body></html>'


def test_the_base_font_always_and_others_when_their_classes_occur_together():
    assert page_fonts(page("mord"), CSS) == ["KaTeX_Main-Regular.woff2"]
    assert page_fonts(page("textbf"), CSS) == [
        "KaTeX_Main-Bold.woff2",
        "KaTeX_Main-Regular.woff2",
    ]
    # .delimsizing.size1 needs both classes on one element, not just on the page
    assert "KaTeX_Size1-Regular.woff2" not in page_fonts(
        page("delimsizing", "sizing size1"), CSS
    )
    assert "KaTeX_Size1-Regular.woff2" in page_fonts(page("delimsizing size1"), CSS)


def test_a_page_without_maths_preloads_nothing():
    assert page_fonts("<html><p class='md-typeset'>x</p></html>", CSS) == []


def test_katex_installed_sheet_gives_every_rule_a_file():
    files, rules = font_rules(KATEX_CSS.read_text(encoding="utf-8"))
    assert len(files) >= 19 and all(name.endswith(".woff2") for name in files.values())
    assert len(rules) > 30
    # every face a rule gives is a file KaTeX ships
    assert all(face in files for _, face in rules)


def test_links_are_relative_to_the_page():
    assert font_links("a/b/", ["F.woff2"]) == (
        '<link rel="preload" href="../../assets/katex/fonts/F.woff2" as="font" '
        'type="font/woff2" crossorigin>'
    )
    assert font_links("", ["F.woff2"], "prefetch").startswith(
        '<link rel="prefetch" href="assets/katex/fonts/F.woff2"'
    )


def test_fonts_only_marked_blocks_use_are_prefetched_not_preloaded(monkeypatch):
    monkeypatch.setattr(font_preload, "katex_css", lambda: CSS)
    article = (
        '<article class="md-content__inner md-typeset">'
        '<p><span class="katex">a</span></p>'
        '<p class="md-lazy"><span class="katex"><span class="textbf">b</span></span></p>'
        "</article>"
    )
    html = f"<html><head></head><body>{article}</body></html>"
    out = font_preload.on_post_page(html, type("Page", (), {"url": "m/p/"}), None)
    top = out.split("<body>")[1].split("<article")[0]
    assert (
        'rel="preload" href="../../assets/katex/fonts/KaTeX_Main-Regular.woff2"' in top
    )
    assert 'rel="prefetch" href="../../assets/katex/fonts/KaTeX_Main-Bold.woff2"' in top
    assert top.count("<link") == 2
    # the same block drawn at load: the bold font is preloaded
    eager = font_preload.on_post_page(
        html.replace(' class="md-lazy"', ""), type("Page", (), {"url": "m/p/"}), None
    )
    assert (
        'rel="preload" href="../../assets/katex/fonts/KaTeX_Main-Bold.woff2"' in eager
    )
    assert "prefetch" not in eager


def test_a_page_that_preloads_fonts_waits_for_them_after_its_preloads(monkeypatch):
    """The preloads and the inline wait open <body>, before the content the wait hides; the
    wait comes after the preloads (it reads them as the parser reaches it). Nothing goes in
    <head>, where Chromium would hold back the whole first paint for a pending font preload.
    A page without maths gets neither."""
    monkeypatch.setattr(font_preload, "katex_css", lambda: CSS)
    html = (
        '<html><head><title>t</title></head><body class="b">'
        '<article class="md-content__inner"><p><span class="katex">a</span></p></article>'
        "</body></html>"
    )
    out = font_preload.on_post_page(html, type("Page", (), {"url": "m/"}), None)
    head, body = out.split("</head>")
    assert head == "<html><head><title>t</title>"
    top = body.split('<body class="b">')[1].split("<article")[0]
    assert top.count(font_preload.FONT_WAIT) == 1
    assert top.startswith('<link rel="preload"')
    assert top.rindex('<link rel="preload"') < top.index(font_preload.FONT_WAIT)
    assert f"setTimeout(show, {font_preload.FONT_WAIT_MS})" in font_preload.FONT_WAIT
    plain = "<html><head></head><body><p>no maths</p></body></html>"
    assert (
        font_preload.on_post_page(plain, type("Page", (), {"url": "m/"}), None) == plain
    )


ARTICLE = '<article class="md-content__inner md-typeset">{}</article>'


def test_the_wait_hides_from_the_first_block_with_a_formula():
    """What comes before the article's first formula cannot move when the fonts come: only
    that block and those after it wait (stylesheets/extra.css hides them)."""
    html = ARTICLE.format(
        "<h1>T</h1><p>plain</p>"
        '<div class="admonition"><p>note <span class="katex">x</span></p></div>'
        '<p>after <span class="katex">y</span></p>'
    )
    out, waits = font_preload.mark_wait(html)
    assert waits
    assert out == html.replace(
        '<div class="admonition">', '<div class="admonition md-fonts-from">'
    )
    # the first block itself a formula, with a class of its own
    html = ARTICLE.format('<div class="arithmatex"><span class="katex">x</span></div>')
    assert 'class="arithmatex md-fonts-from"' in font_preload.mark_wait(html)[0]


def test_in_a_lab_the_wait_starts_at_the_notebook_cell_with_the_first_formula():
    cell = '<div class="jp-Cell">{}</div>'
    notebook = (
        '<div class="jupyter-wrapper"><div class="jp-Notebook">'
        + cell.format("<p>intro</p>")
        + cell.format('<p><span class="katex">x</span></p>')
        + cell.format("<p>more</p>")
        + "</div></div>"
    )
    html = ARTICLE.format("<p>download</p>" + notebook + "<p>end</p>")
    out, waits = font_preload.mark_wait(html)
    assert waits
    assert '<div class="jupyter-wrapper md-fonts-within">' in out
    assert out.count("md-fonts-from") == 1
    assert '<div class="jp-Cell md-fonts-from"><p><span class="katex">' in out
    assert "<p>download</p>" in out and '<div class="jp-Cell"><p>intro' in out


def test_no_formula_in_the_article_no_wait(monkeypatch):
    """Maths only outside the article (a heading's formula in the table of contents): its
    fonts are preloaded, but nothing is hidden and no wait is set."""
    monkeypatch.setattr(font_preload, "katex_css", lambda: CSS)
    html = (
        '<html><head></head><body><nav><span class="katex">x</span></nav>'
        + ARTICLE.format("<p>plain</p>")
        + "</body></html>"
    )
    assert font_preload.mark_wait(html) == (html, False)
    out = font_preload.on_post_page(html, type("Page", (), {"url": "m/"}), None)
    assert 'rel="preload"' in out
    assert font_preload.FONT_WAIT not in out
