"""KaTeX fonts on the built site: each page preloads exactly the fonts its maths uses.

``scripts/hooks/font_preload.py`` works out from KaTeX's stylesheet which of its fonts a
page's formulas need and preloads them, so none arrives late (a late font moves the
formulas and restyles every element set in it). Here the browser says which KaTeX font
faces a page actually loaded once it has settled; they must be the preloaded ones: none
missing (it would arrive late) and none unused (wasted bytes on a phone). A face used only in
blocks the browser draws later (``md-lazy``, scripts/hooks/lazy_blocks.py) is not loaded at
first and must be prefetched instead; after scrolling to the end of the page, every face it
loaded was preloaded or prefetched, and every prefetched one was loaded. The pages cover
the faces the course uses: AMS and the delimiter sizes (linear algebra), calligraphic
(probability), bold, typewriter and the largest delimiters (the print page, every module).
Run after ``mkdocs build`` (marked ``site``).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.site
PAGES = [
    "00-foundations/linear-algebra/",
    "00-foundations/probability/",
    "reference/maths/",
    "labs/08-efficient/",
    "print/",
]
# A page with a face used only far down (calligraphic), which it must prefetch.
PREFETCHES = "00-foundations/probability/"
FONTS = """async () => {
  await document.fonts.ready;
  const file = (f) => {
    const bold = f.weight === '700' || f.weight === 'bold', italic = f.style === 'italic';
    const variant = bold ? (italic ? 'BoldItalic' : 'Bold') : (italic ? 'Italic' : 'Regular');
    return `${f.family.replace(/"/g, '')}-${variant}.woff2`;
  };
  return {
    loaded: [...document.fonts]
      .filter((f) => f.status === 'loaded' && f.family.includes('KaTeX_')).map(file).sort(),
    preloaded: [...document.querySelectorAll('link[rel=preload][as=font]')]
      .map((l) => new URL(l.href).pathname.split('/').pop()).sort(),
    prefetched: [...document.querySelectorAll('link[rel=prefetch][as=font]')]
      .map((l) => new URL(l.href).pathname.split('/').pop()).sort(),
  };
}"""
SCROLL_TO_END = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.7) {
    scrollTo(0, y);
    await new Promise((r) => setTimeout(r, 30));
  }
}"""


@pytest.mark.parametrize("path", PAGES)
def test_the_preloaded_fonts_are_the_ones_the_page_loads(page_and_log, site_url, path):
    page, log = page_and_log
    page.goto(site_url + path, wait_until="load")
    fonts = page.evaluate(FONTS)
    assert "KaTeX_Main-Regular.woff2" in fonts["loaded"], fonts
    missing = sorted(set(fonts["loaded"]) - set(fonts["preloaded"]))
    unused = sorted(set(fonts["preloaded"]) - set(fonts["loaded"]))
    assert missing == [], f"loaded late, not preloaded: {missing}"
    assert unused == [], f"preloaded, not used as the page loads: {unused}"
    # A font used only in blocks drawn later (md-lazy) is prefetched, and is used there.
    if path == PREFETCHES:
        assert fonts["prefetched"], (
            f"{path} prefetches no font any more: pick another page"
        )
    page.evaluate(SCROLL_TO_END)
    after = page.evaluate(FONTS)
    neither = sorted(
        set(after["loaded"]) - set(fonts["preloaded"]) - set(fonts["prefetched"])
    )
    assert neither == [], (
        f"used further down, neither preloaded nor prefetched: {neither}"
    )
    unused = sorted(set(fonts["prefetched"]) - set(after["loaded"]))
    assert unused == [], f"prefetched, never used: {unused}"
    log.assert_clean()
