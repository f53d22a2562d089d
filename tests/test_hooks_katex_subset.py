"""scripts/hooks/katex_subset.py: KaTeX's fonts cut in two, the characters the maths uses
and the rest, and the stylesheet that names both halves (the browser side:
tests/test_site_font_preload.py checks no page fetches a second half)."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts" / "hooks"))
import katex_subset as ks  # noqa: E402
from fontTools.pens.recordingPen import RecordingPen  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402

pytestmark = pytest.mark.numeric_free
ROOT = Path(__file__).resolve().parents[1]
MAIN = ks.KATEX_DIST / "fonts" / "KaTeX_Main-Regular.woff2"


def test_unicode_ranges_join_runs_of_code_points():
    assert ks.unicode_range({0x41, 0x42, 0x43, 0x61, 0x2212}) == "U+41-43,U+61,U+2212"
    assert ks.unicode_range(set()) == ""


def test_the_characters_of_the_maths_and_only_those():
    html = (
        "<p>text ∑ outside</p>"
        '<span class="katex"><span class="katex-mathml"><math><mi>α</mi></math></span>'
        '<span class="katex-html"><span class="mord">x</span><br>'
        '<span class="mrel">≤</span></span></span>'
        "<p>after é</p>"
        '<div class="katex-display"><span class="katex"><span>∫</span></span></div>'
    )
    assert ks.maths_characters(html) == {"α", "x", "≤", "∫"}


def outline(font: TTFont, char: str):
    name = font.getBestCmap()[ord(char)]
    pen = RecordingPen()
    font.getGlyphSet()[name].draw(pen)
    return pen.value, font["hmtx"][name]


@pytest.fixture(scope="module")
def main_split():
    data = MAIN.read_bytes()
    used = {ord(c) for c in "x+1=≤∂"} | {0x10FFFF}  # one not in the font at all
    return data, used, ks.split_font(data, used)


def test_the_halves_hold_the_used_characters_and_the_rest_of_the_font(main_split):
    data, used, (first, first_points, rest, rest_points) = main_split
    points = ks.cmap_points(data)
    assert used & points <= first_points and 0x10FFFF not in first_points
    # a glyph two characters share keeps both: a few more than asked, not many
    assert len(first_points) < len(used) + 5
    assert first_points | rest_points == points and not first_points & rest_points
    assert ks.cmap_points(first) == first_points
    assert ks.cmap_points(rest) - first_points == rest_points
    assert len(first) < len(data) / 3


def test_glyphs_and_metrics_are_kept(main_split):
    data, _, (first, _, rest, _) = main_split
    original = TTFont(MAIN)
    for char, half in (("x", first), ("∂", first), ("Ω", rest), ("(", rest)):
        font = TTFont(io.BytesIO(half))
        assert outline(font, char) == outline(original, char), char
    for table in ("head", "hhea", "OS/2"):
        kept = TTFont(io.BytesIO(first))[table]
        for field in (
            "unitsPerEm",
            "ascent",
            "descent",
            "sTypoAscender",
            "usWinAscent",
        ):
            if hasattr(original[table], field):
                assert getattr(kept, field) == getattr(original[table], field)


def test_each_split_face_becomes_two_faces_with_their_ranges():
    css = (ks.KATEX_DIST / "katex.min.css").read_text(encoding="utf-8")
    ranges = {"KaTeX_Main-Regular": ({0x41, 0x42}, {0x43})}
    out = ks.split_faces(css, ranges)
    faces = re.findall(r"@font-face\{[^}]*\}", out)
    main = [f for f in faces if "KaTeX_Main-Regular" in f]
    assert main == [
        "@font-face{font-display:block;font-family:KaTeX_Main;font-style:normal;"
        'font-weight:400;src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2");'
        "unicode-range:U+41-42}",
        "@font-face{font-display:block;font-family:KaTeX_Main;font-style:normal;"
        'font-weight:400;src:url(fonts/KaTeX_Main-Regular.rest.woff2) format("woff2");'
        "unicode-range:U+43}",
    ]
    # every other face is as KaTeX wrote it, and nothing else changed
    assert len(faces) == len(re.findall(r"@font-face", css)) + 1
    assert out.replace("".join(main), "") == css.replace(
        re.search(r"@font-face\{[^}]*KaTeX_Main-Regular[^}]*\}", css).group(0), ""
    )


@pytest.mark.site
def test_the_built_stylesheet_names_each_halfs_characters_exactly():
    """On the built site: each ``@font-face`` range is the cmap of the file it names, the two
    halves of a font share none, and together they are KaTeX's font."""
    site = ROOT / "site" / "assets" / "katex"
    css = (site / "katex.min.css").read_text(encoding="utf-8")
    faces = re.findall(
        r"src:url\(fonts/([\w.-]+\.woff2)\)[^;]*;unicode-range:([^;}]*)", css
    )
    assert len(faces) >= 30, "the built KaTeX stylesheet names no split fonts"
    halves: dict[str, set[int]] = {}
    for file, ranges in faces:
        points = set()
        for part in ranges.split(","):
            a, _, b = part.removeprefix("U+").partition("-")
            points |= set(range(int(a, 16), int(b or a, 16) + 1))
        assert points == ks.cmap_points((site / "fonts" / file).read_bytes()), file
        halves[file] = points
    for file, points in halves.items():
        if file.endswith(".rest.woff2"):
            first = halves[file.replace(".rest.woff2", ".woff2")]
            assert not first & points
            original = ks.cmap_points(
                (ks.KATEX_DIST / "fonts" / file.replace(".rest", "")).read_bytes()
            )
            assert first | points == original, file


def test_the_halves_keep_katex_timestamp_so_builds_repeat(main_split):
    """A font saved with today's date would change the file at every build (new bytes for
    every reader's cache to fetch again) though nothing in it changed."""
    _, _, (first, _, rest, _) = main_split
    modified = TTFont(MAIN)["head"].modified
    for half in (first, rest):
        assert TTFont(io.BytesIO(half))["head"].modified == modified
