"""Blocks of a long page that lie well below its first screen are marked, so the browser can
skip drawing them until the reader scrolls near.

A browser lays out and styles every element of a page before it can answer a tap. On the
linear algebra page (8,000 elements, two thirds of them typeset maths) that is most of what
a phone does before the page responds. ``content-visibility: auto`` lets the browser skip a
block that is far from the screen and keep a placeholder of its size instead
(docs/stylesheets/extra.css applies it to the class this hook writes, ``md-lazy``). The text
stays in the page: the browser's search finds it, screen readers read it, the keyboard
reaches it, and a link to an anchor in it scrolls there.

A block skipped while it is on the screen is first drawn at its placeholder's size and then
at its own, and what is below it moves (Chromium does this on the first frame). So the
blocks a first screen can show are never marked: the hook adds up an estimate of each
block's height, made so that it comes out lower than the real one (few characters to a line
of a wide desktop column; a phone's narrow column only makes blocks taller), and marks only
what starts below ``EAGER_PX``, more than the tallest screen shows. A phone's first screen is
much shorter and its lines much shorter too, so a second, phone estimate (fewer characters
to a line) marks ``md-lazy-narrow`` the blocks that start below ``NARROW_EAGER_PX`` of it;
extra.css skips those only on a phone-sized screen (``NARROW_MEDIA``). Marked are the plain
blocks of the article (paragraphs, lists, display maths, code, tables, notes) and a lab's
notebook cells; never a block that holds a heading (Material's table of contents measures
where each heading is, which would make the browser lay out the block at once), nor a widget
or a self-check (their scripts measure them as they start). tests/test_hooks_lazy_blocks.py checks the estimates and the marks;
tests/test_site_lazy_render.py checks in the browser that nothing moves as a page loads and
that each marked block is drawn as it comes into view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

CLASS = "md-lazy"
CLASS_NARROW = "md-lazy-narrow"  # skipped only on a phone-sized screen (NARROW_MEDIA)
# The first screen of the tallest display a reader is likely to have (a 1440p monitor at
# 100 %: about 1,300 CSS px below the header), with room to spare.
EAGER_PX = 2000
# The screens extra.css skips md-lazy-narrow blocks on (CSS px: 480 wide, 1,000 tall at most:
# phones upright), and the first screen of the tallest of them with room to spare.
NARROW_MEDIA = "screen and (max-width: 30em) and (max-height: 62.5em)"
NARROW_EAGER_PX = 1400
# Low estimates of a block's height in CSS px, for a desktop column (about 700 px of text,
# Material's 0.8 rem type with line height 1.6); on a phone at most 480 px wide the column is
# at most 450 px, under 75 characters of 16 px text.
CHARS_PER_LINE = 110
CHARS_PER_LINE_NARROW = 75
LINE_PX = 25
CODE_LINE_PX = 18
ROW_PX = 28
DISPLAY_MATHS_PX = 40
IMAGE_PX = 100
HEADING_PX = 40
# Which children of a container may be marked (tag, and a class one of them must have).
_MARKABLE = {
    "p": None,
    "ul": None,
    "ol": None,
    "details": None,
    "div": {
        "arithmatex",
        "highlight",
        "md-typeset__scrollwrap",
        "admonition",
        "jp-Cell",
    },
}
VOID = {  # elements without an end tag
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
_HIDDEN = {"script", "style", "template"}  # text that is not drawn
# The start tags of the containers whose children are blocks: the page's article, and a
# lab's notebook (inside the article).
ARTICLE = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b')
NOTEBOOK = re.compile(r'<div\b[^>]*\bclass="[^"]*\bjp-Notebook\b')
_CONTAINERS = (ARTICLE, NOTEBOOK)


@dataclass
class Block:
    """One child element of a container: where its start tag is, and what its height is
    estimated from."""

    tag: str
    classes: set[str]
    start: int  # offset of its start tag in the page
    tag_end: int  # offset just past its start tag
    # offset of its end tag (-1: none found; its start tag's end if void)
    end_tag: int = -1
    chars: int = 0  # characters of text outside code and maths
    code_lines: int = 0
    rows: int = 0  # table rows and list items
    display_maths: int = 0
    images: int = 0
    headings: int = 0
    _in: list[str] = field(default_factory=list)  # open elements inside it

    @property
    def markable(self) -> bool:
        if self.tag not in _MARKABLE or self.headings:
            return False
        needed = _MARKABLE[self.tag]
        return needed is None or bool(needed & self.classes)

    def height(self, chars_per_line: int = CHARS_PER_LINE) -> int:
        """A low estimate of the block's height in CSS px on a wide screen (on a phone with
        ``chars_per_line=CHARS_PER_LINE_NARROW``)."""
        if self.tag in _HIDDEN:
            return 0
        text_lines = -(-self.chars // chars_per_line)
        return (
            max(text_lines, self.rows) * LINE_PX
            + self.code_lines * CODE_LINE_PX
            + self.display_maths * DISPLAY_MATHS_PX
            + self.images * IMAGE_PX
            + self.headings * HEADING_PX
        )


class _Children(HTMLParser):
    """The child elements of the element whose start tag ends at ``offset``."""

    def __init__(self, html: str, offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.lines = [0] + [m.end() for m in re.finditer("\n", html)]
        self.base = offset
        self.depth = 0  # inside the container
        self.blocks: list[Block] = []
        self.done = False

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.depth == 0:
            start = self.base + self._pos()
            text = self.get_starttag_text() or ""
            block = Block(tag, classes, start, start + len(text))
            if tag in VOID:
                block.end_tag = block.tag_end
            self.blocks.append(block)
        else:
            block = self.blocks[-1] if self.blocks else None
            if block is not None:
                if tag in ("tr", "li"):
                    block.rows += 1
                elif tag == "img":
                    block.images += 1
                elif re.fullmatch(r"h[1-6]", tag):
                    block.headings += 1
                if "katex-display" in classes:
                    block.display_maths += 1
                if tag not in VOID:
                    block._in.append(tag if "katex" not in classes else "katex")
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.done:
            return
        if self.depth == 0:
            start = self.base + self._pos()
            text = self.get_starttag_text() or ""
            block = Block(tag, set(), start, start + len(text))
            block.end_tag = block.tag_end
            self.blocks.append(block)
        elif tag == "img" and self.blocks:
            self.blocks[-1].images += 1

    def handle_endtag(self, tag):
        if self.done or tag in VOID:
            return
        self.depth -= 1
        if self.depth < 0:  # the container's own end tag
            self.done = True
        elif self.depth == 0 and self.blocks:  # a child's end tag
            self.blocks[-1].end_tag = self.base + self._pos()
        elif self.depth > 0 and self.blocks and self.blocks[-1]._in:
            self.blocks[-1]._in.pop()

    def handle_data(self, data):
        if self.done or self.depth == 0 or not self.blocks:
            return
        block = self.blocks[-1]
        inside = {block.tag, *block._in}
        if "katex" in inside or _HIDDEN & inside:
            return
        if "pre" in inside:
            block.code_lines += data.count("\n")
        else:
            block.chars += len(" ".join(data.split()))


def children(html: str, container_tag_end: int) -> list[Block]:
    """The child elements of the element whose start tag ends at ``container_tag_end``."""
    parser = _Children(html[container_tag_end:], container_tag_end)
    parser.feed(html[container_tag_end:])
    parser.close()
    return parser.blocks


def children_of(html: str, start_tag: re.Match) -> list[Block]:
    """The child elements of the element whose start tag ``start_tag`` found (as far as its
    class: ``ARTICLE``, ``NOTEBOOK``)."""
    return children(html, html.index(">", start_tag.end()) + 1)


def containers(html: str) -> list[list[Block]]:
    """The child elements of each container of the page that holds markable blocks (the
    article, and a lab's notebook)."""
    found = []
    for pattern in _CONTAINERS:
        m = pattern.search(html)
        if m is not None:
            found.append(children_of(html, m))
    return found


def _add_class(start_tag: str, name: str) -> str:
    m = re.search(r'\sclass="([^"]*)"', start_tag)
    if m:
        classes = f"{m.group(1)} {name}".strip()
        return f"{start_tag[: m.start(1)]}{classes}{start_tag[m.end(1) :]}"
    end = -2 if start_tag.endswith("/>") else -1
    return f'{start_tag[:end]} class="{name}"{start_tag[end:]}'


def mark_blocks(
    html: str, eager_px: int = EAGER_PX, narrow_eager_px: int = NARROW_EAGER_PX
) -> tuple[str, int]:
    """``html`` with ``md-lazy`` added to the class of each markable child of the page's
    article (and of a lab's notebook) that starts below ``eager_px`` of estimated height, and
    ``md-lazy-narrow`` to each other one that starts below ``narrow_eager_px`` of the phone
    estimate; and how many were marked (both kinds). A second pass changes nothing."""
    marks: list[tuple[Block, str]] = []
    for blocks in containers(html):
        top = top_narrow = 0
        for block in blocks:
            if block.markable and not {CLASS, CLASS_NARROW} & block.classes:
                if top >= eager_px:
                    marks.append((block, CLASS))
                elif top_narrow >= narrow_eager_px:
                    marks.append((block, CLASS_NARROW))
            top += block.height()
            top_narrow += block.height(CHARS_PER_LINE_NARROW)
    return add_classes(html, marks), len(marks)


def add_classes(html: str, marks: list[tuple[Block, str]]) -> str:
    """``html`` with each block's start tag given the class named with it."""
    out, last = [], 0
    for block, name in sorted(marks, key=lambda m: m[0].start):
        out.append(html[last : block.start])
        out.append(_add_class(html[block.start : block.tag_end], name))
        last = block.tag_end
    out.append(html[last:])
    return "".join(out)


def drawn_at_load(html: str) -> str:
    """``html`` without what is inside its ``md-lazy`` blocks: the part of the page the
    browser draws as it loads on a wide screen (font_preload.py preloads the fonts this part
    uses; a phone draws less, ``md-lazy-narrow`` blocks waiting too, and gets the fonts of
    those a little early)."""
    spans = [
        (block.tag_end, block.end_tag)
        for blocks in containers(html)
        for block in blocks
        if CLASS in block.classes and block.end_tag > block.tag_end
    ]
    out, last = [], 0
    for start, end in sorted(spans):
        if start >= last:  # (a marked block is never inside another; kept safe anyway)
            out.append(html[last:start])
            last = end
    out.append(html[last:])
    return "".join(out)


def on_post_page(output: str, page, config) -> str:
    return mark_blocks(output)[0]
