"""Preload the KaTeX fonts each page of maths uses.

The maths is HTML from the build (katex_render.py), set in KaTeX's web fonts, which the
browser only requests once it has the stylesheet and has laid the page out. Two things go
wrong when a font arrives late: the formulas were laid out with a fallback font and move
(Lighthouse measured a layout shift of 0.12 on a page of maths), and the browser restyles
every element set in that font (on the linear algebra page the AMS and delimiter-size fonts
arrived while Material's bundle started and made it restyle all 8,100 elements).

So each page with maths preloads, with its stylesheets, the fonts its formulas need. Which
ones is read from KaTeX's own stylesheet (parsed as css_prune.py parses a sheet): each rule
that sets a font (``.katex .mathbb{font-family:KaTeX_AMS}``, ``.katex .delimsizing.size1
{font-family:KaTeX_Size1}``) counts when, for each element its selector names, some element
of the page has all its classes, and the face it gives (family, weight, style; KaTeX_Main,
normal, upright where the rule does not say) is the ``@font-face`` file. ``.katex`` itself
gives KaTeX_Main.

Only the fonts of what the browser draws as the page loads are preloaded: a font used only
in blocks lazy_blocks.py marks to be drawn later (``md-lazy``) is not requested at load, and
a preload of it would compete with what the first screen needs. Such a font is prefetched
instead (fetched once the page has loaded, at low priority), so that it is at hand when the
reader scrolls to its block. The files are the fonts' first halves (katex_subset.py keeps
in them the characters the site's maths uses), under KaTeX's own names.
tests/test_site_font_preload.py checks in the browser that the fonts a page loads are the
ones it preloaded, and that after scrolling to the end every font it uses was preloaded or
prefetched. Pages without maths preload nothing. Listed after
katex_render.py and lazy_blocks.py in mkdocs.yml.

Preloading is not enough on a slow connection: a preload does not hold up the first paint
(in ``<body>``, where it goes, see below), and the page's stylesheets (smaller than its
fonts) can arrive first. The browser then lays the page out with a fallback font for the
maths (invisible, font-display: block), and when the fonts arrive each line with a formula
changes width: paragraphs re-wrap and everything below moves (a layout shift of 0.3 on
backpropagation at 390 px, seen with the CPU busy). So a page that preloads fonts also gets
a small inline script, right after the preloads, that marks ``<html>`` ``md-fonts-wait``
until every preload has finished and the fonts are ready, or for at most ``FONT_WAIT_MS``.
Meanwhile stylesheets/extra.css keeps laid out but not shown the article's first block with
a formula and every block after it: ``mark_wait`` marks that block ``md-fonts-from`` (in a
lab, the notebook cell, and the block holding the notebook ``md-fonts-within``). What comes
before the first formula does not depend on the maths fonts, cannot move when they come,
and is shown at once, with the header and navigation: often the page's opening paragraph,
the largest thing on a phone's first screen (Lighthouse's largest contentful paint on
linear algebra came about 0.6 s sooner, simulated, once it no longer waited for the fonts).
Without JavaScript nothing waits. tests/test_site_font_preload.py checks that on a slow
network nothing moves, that a font that never comes does not hide the page, and that the
header and the text above the first formula are drawn at once.

The preloads and the script go at the top of ``<body>``, not in ``<head>``. Chromium (its
RenderBlockingFonts feature, on by default in the Chromium 156 the tests run) holds back
the whole first paint, header included, while a font preload made in ``<head>`` is
pending, for up to 1.5 s from the start of navigation. Only the maths needs its fonts, and
the script already holds back just the content; in ``<body>`` a preload blocks nothing,
and the browser's preload scanner still finds it as soon as the page's first bytes arrive.
Under Lighthouse the first paint of the linear algebra page came at about 1.25 s in four
runs out of five with the preloads in ``<head>``, though the fonts had arrived after
0.13 s; at 0.23-0.38 s with the feature switched off
(``--disable-features=RenderBlockingFonts``); and at 0.16-0.31 s in five runs out of five
with the preloads in ``<body>``. (Why the arrived fonts still held the paint there is not
known: a plain load in Playwright's Chromium painted at 0.2-0.4 s either way.)
"""

from __future__ import annotations

import functools
import posixpath
import re
import sys
from pathlib import Path

import tinycss2

sys.path.insert(0, str(Path(__file__).resolve().parent))
from css_prune import _CLASS, _declarations, _split_selectors  # noqa: E402
from lazy_blocks import ARTICLE, NOTEBOOK, add_classes, children_of, drawn_at_load  # noqa: E402

KATEX_CSS = (
    Path(__file__).resolve().parents[2] / "node_modules/katex/dist/katex.min.css"
)
_FAMILY = re.compile(r"\b(KaTeX_\w+)")
_SRC = re.compile(r"url\(fonts/([\w-]+\.woff2)\)")
_CLASS_ATTR = re.compile(r'\sclass="([^"]*)"')
_COMBINATOR = re.compile(r"[\s>+~]+")

# family, weight ("400" or "700"), style ("normal" or "italic")
Face = tuple[str, str, str]
Compounds = tuple[frozenset[str], ...]  # the classes of each element a selector names


def _rules(rules):
    """(selector text or "@font-face", declarations) of each style rule and font face,
    those inside @media and other blocks included."""
    for rule in rules:
        if rule.type == "qualified-rule":
            yield tinycss2.serialize(rule.prelude), rule.content
        elif rule.type == "at-rule" and rule.content is not None:
            if rule.lower_at_keyword == "font-face":
                yield "@font-face", rule.content
            else:
                yield from _rules(
                    tinycss2.parse_rule_list(
                        rule.content, skip_whitespace=True, skip_comments=True
                    )
                )


@functools.cache
def font_rules(css: str) -> tuple[dict[Face, str], list[tuple[Compounds, Face]]]:
    """From KaTeX's stylesheet: the woff2 file of each face, and for each selector of a rule
    that sets a font, the classes each of its compounds needs (``katex`` left out) and the
    face it gives."""
    files: dict[Face, str] = {}
    rules: list[tuple[Compounds, Face]] = []
    sheet = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    for head, content in _rules(sheet):
        decls = dict(_declarations(tinycss2.serialize(content)))
        family = _FAMILY.search(decls.get("font-family") or decls.get("font") or "")
        weight = "700" if decls.get("font-weight") in ("700", "bold") else "400"
        style = decls.get("font-style") or "normal"
        if head == "@font-face":
            src = _SRC.search(decls.get("src", ""))
            if family and src:
                files[(family.group(1), weight, style)] = src.group(1)
        elif family or {"font-weight", "font-style"} & decls.keys():
            face = (family.group(1) if family else "KaTeX_Main", weight, style)
            for selector in _split_selectors(head):
                if ".katex" in selector:
                    compounds = (
                        frozenset(_CLASS.findall(c)) - {"katex"}
                        for c in _COMBINATOR.split(selector.strip())
                    )
                    rules.append((tuple(c for c in compounds if c), face))
    return files, rules


@functools.cache
def katex_css() -> str:
    return KATEX_CSS.read_text(encoding="utf-8")


def page_fonts(html: str, css: str) -> list[str]:
    """The woff2 files of KaTeX's faces that the maths of ``html`` needs, sorted."""
    elements = {frozenset(value.split()) for value in _CLASS_ATTR.findall(html)}
    if not any("katex" in e for e in elements):
        return []
    files, rules = font_rules(css)

    def occurs(compounds: Compounds) -> bool:  # each compound's classes on one element
        return all(any(c <= e for e in elements) for c in compounds)

    return sorted({files[f] for cs, f in rules if f in files and occurs(cs)})


def font_links(page_url: str, fonts: list[str], rel: str = "preload") -> str:
    here = page_url.rstrip("/") or "."
    return "".join(
        f'<link rel="{rel}" href="{posixpath.relpath("assets/katex/fonts/" + name, here)}" '
        'as="font" type="font/woff2" crossorigin>'
        for name in fonts
    )


# The longest the content waits for its fonts, in ms from when the script runs. Past it the
# page is shown (its maths invisible until the fonts come, as font-display: block does).
FONT_WAIT_MS = 1500
# Runs as the parser reaches it: the preloads above it are in the document, not yet loaded.
FONT_WAIT = """<script>(function () {
  var root = document.documentElement, fonts = document.fonts;
  var links = document.querySelectorAll('link[rel="preload"][as="font"]');
  if (!fonts || !links.length || !window.Promise) return;
  var show = function () { root.classList.remove("md-fonts-wait"); };
  root.classList.add("md-fonts-wait");
  setTimeout(show, $WAIT_MS);
  Promise.all(Array.prototype.map.call(links, function (link) {
    return new Promise(function (done) { link.onload = link.onerror = done; });
  })).then(function () { return fonts.ready; }).then(function () {
    requestAnimationFrame(show);
  });
})();</script>""".replace("$WAIT_MS", str(FONT_WAIT_MS))


_BODY = re.compile(r"<body\b[^>]*>")
# The article's first block with a formula (hidden while the fonts are awaited, with what
# follows it), and the block that holds it when it is a lab's notebook cell.
WAIT_FROM = "md-fonts-from"
WAIT_WITHIN = "md-fonts-within"
_KATEX = 'class="katex'


def mark_wait(html: str) -> tuple[str, bool]:
    """``html`` with the first child of its article that holds a formula marked
    ``md-fonts-from`` (for a lab whose first formula is in its notebook: that cell, and the
    article's child holding the notebook ``md-fonts-within``); and whether one was."""
    article = ARTICLE.search(html)
    if article is None:
        return html, False

    def has_maths(block) -> bool:
        return _KATEX in html[block.start : max(block.end_tag, block.tag_end)]

    block = next((b for b in children_of(html, article) if has_maths(b)), None)
    if block is None:
        return html, False
    notebook = NOTEBOOK.search(html, block.tag_end, max(block.end_tag, 0))
    cells = children_of(html, notebook) if notebook else []
    cell = next((c for c in cells if has_maths(c)), None)
    if cell is None:
        return add_classes(html, [(block, WAIT_FROM)]), True
    return add_classes(html, [(block, WAIT_WITHIN), (cell, WAIT_FROM)]), True


def on_post_page(output: str, page, config) -> str:
    if page.url and not page.url.endswith("/"):  # 404.html: served at any depth
        return output
    body = _BODY.search(output)
    if _KATEX not in output or body is None:
        return output
    css = katex_css()
    now = page_fonts(drawn_at_load(output), css)
    later = sorted(set(page_fonts(output, css)) - set(now))
    # (the marks are inside the article, after <body>: its offset stays)
    output, waits = mark_wait(output) if now else (output, False)
    links = font_links(page.url, now) + (FONT_WAIT if waits else "")
    links += font_links(page.url, later, "prefetch")
    return output[: body.end()] + links + output[body.end() :]
