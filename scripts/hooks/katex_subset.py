"""Cut each KaTeX font in two: the characters the site's maths uses, and the rest.

KaTeX's fonts hold every character KaTeX can set (Main-Regular: 283, with accented
letters, Cyrillic and rare symbols), and a page of maths preloads the ones it needs before
its maths can be shown (font_preload.py): about 80 KB on linear algebra, the largest part of
what a phone fetches before that page is drawn. After the build this hook collects every
character inside the site's typeset maths (``class="katex"``: the HTML KaTeX drew and its
MathML, which the browser lays out too), plus what KaTeX's stylesheet writes itself (the
equation numbers' digits and brackets), and splits each woff2 file with fontTools:

* ``assets/katex/fonts/<name>.woff2``, the same name, now only the glyphs of the characters
  the site uses (what pages preload);
* ``assets/katex/fonts/<name>.rest.woff2``, the glyphs of every other character.

The built ``katex.min.css`` gets two ``@font-face`` rules for each face, one per file, with
``unicode-range`` set to the characters in it, so the browser fetches the second only for a
character the build did not see (none on this site; tests/test_site_font_preload.py checks
no page loads one), and nothing KaTeX can set is lost. Glyph outlines, metrics and the
fonts' layout tables are kept as they are. tests/test_hooks_katex_subset.py checks the
split (the two halves' characters are the original's, the ranges are the files'), the
stylesheet, and that every character of every built page's maths is in the first half.
"""

from __future__ import annotations

import io
import logging
import re
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lazy_blocks import VOID  # noqa: E402

log = logging.getLogger("mkdocs.hooks.katex_subset")
KATEX_DIST = Path(__file__).resolve().parents[2] / "node_modules" / "katex" / "dist"

# Characters KaTeX's stylesheet writes itself: equation numbers, "(" counter ")".
CSS_TEXT = "0123456789()"
_FACE = re.compile(r"@font-face\{([^}]*)\}")
_SRC = re.compile(r"src:url\(fonts/([\w-]+)\.woff2\)[^;}]*")


class _MathsText(HTMLParser):
    """The characters inside elements whose class includes ``katex``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # for each open element: does it start maths?
        self.depth = 0  # how many open elements start maths
        self.chars: set[str] = set()

    def handle_starttag(self, tag, attrs):
        starts = "katex" in (dict(attrs).get("class") or "").split()
        if tag in VOID:
            return
        self.stack.append(starts)
        self.depth += starts

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        self.depth -= self.stack.pop()

    def handle_data(self, data):
        if self.depth > 0:
            self.chars.update(data)


def maths_characters(html: str) -> set[str]:
    """Every character of text inside the page's typeset maths (``class="katex"``)."""
    parser = _MathsText()
    parser.feed(html)
    parser.close()
    return parser.chars


def site_characters(site_dir: Path) -> set[int]:
    """The code points of the maths of every built page, and of KaTeX's own CSS text."""
    chars = set(CSS_TEXT)
    for path in site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if 'class="katex' in html:
            chars |= maths_characters(html)
    return {ord(c) for c in chars}


def unicode_range(points: set[int]) -> str:
    """CSS ``unicode-range`` for ``points``: runs of consecutive code points as ranges."""
    runs: list[list[int]] = []
    for p in sorted(points):
        if runs and p == runs[-1][1] + 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return ",".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in runs)


def _options() -> subset.Options:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # every OpenType feature, as KaTeX shipped them
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.legacy_kern = True
    options.hinting = True
    return options


def subset_font(data: bytes, points: set[int]) -> bytes:
    """The woff2 font ``data`` cut to the glyphs of ``points`` (and what they need)."""
    # KaTeX's own timestamp kept: the same site gives the same font files, build after build
    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    cutter = subset.Subsetter(_options())
    cutter.populate(unicodes=points)
    cutter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def cmap_points(data: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(data)).getBestCmap())


def split_font(data: bytes, used: set[int]) -> tuple[bytes, set[int], bytes, set[int]]:
    """(the used part, its code points, the rest, its code points) of woff2 ``data``. The
    code points are read back from each half: a half may keep a few characters more than
    asked for (fontTools keeps every character of a glyph it keeps), and such a character
    counts as the first half's."""
    points = cmap_points(data)
    first = subset_font(data, points & used)
    first_points = cmap_points(first)
    rest_points = points - first_points
    if not rest_points:
        return first, first_points, b"", set()
    rest = subset_font(data, rest_points)
    return first, first_points, rest, cmap_points(rest) - first_points


def split_faces(css: str, ranges: dict[str, tuple[set[int], set[int]]]) -> str:
    """KaTeX's stylesheet with each ``@font-face`` of a split font written twice: the first
    half under the font's own name, the rest under ``<name>.rest.woff2``, each with its
    ``unicode-range`` (and only the woff2 source: the site ships no other format)."""

    def face(m: re.Match) -> str:
        body = m.group(1)
        src = _SRC.search(body)
        if src is None or src.group(1) not in ranges:
            return m.group(0)
        name = src.group(1)
        first, rest = ranges[name]
        out = []
        for file, points in ((name, first), (name + ".rest", rest)):
            if points:
                new = _SRC.sub(f'src:url(fonts/{file}.woff2) format("woff2")', body)
                out.append(f"@font-face{{{new};unicode-range:{unicode_range(points)}}}")
        return "".join(out)

    return _FACE.sub(face, css)


def split_site_fonts(site_dir: Path, dist: Path = KATEX_DIST) -> tuple[int, int]:
    """Split every KaTeX font the built site has (read from KaTeX's own files in ``dist``,
    so a second run splits the originals again); the bytes of the fonts before and of their
    first halves after."""
    katex = site_dir / "assets" / "katex"
    css_path = katex / "katex.min.css"
    if not css_path.is_file():
        return 0, 0
    used = site_characters(site_dir)
    ranges, before, after = {}, 0, 0
    for path in sorted((katex / "fonts").glob("*.woff2")):
        if path.name.endswith(".rest.woff2"):
            continue
        data = (dist / "fonts" / path.name).read_bytes()
        first, first_points, rest, rest_points = split_font(data, used)
        if not first_points:  # no character of this font is used: left whole
            path.write_bytes(data)
            continue
        path.write_bytes(first)
        if rest:
            path.with_name(path.stem + ".rest.woff2").write_bytes(rest)
        ranges[path.stem] = (first_points, rest_points)
        before, after = before + len(data), after + len(first)
    css = (dist / "katex.min.css").read_text(encoding="utf-8")
    css_path.write_text(split_faces(css, ranges), encoding="utf-8")
    return before, after


def on_post_build(config, **kwargs) -> None:
    started = time.perf_counter()
    before, after = split_site_fonts(Path(config["site_dir"]))
    log.info(
        "KaTeX fonts cut to the site's characters: %.0f KB -> %.0f KB in %.1f s",
        before / 1024,
        after / 1024,
        time.perf_counter() - started,
    )
