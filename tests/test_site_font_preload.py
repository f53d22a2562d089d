"""KaTeX fonts on the built site: each page preloads exactly the fonts its maths uses.

``scripts/hooks/font_preload.py`` works out from KaTeX's stylesheet which of its fonts a
page's formulas need and preloads them, so none arrives late (a late font moves the
formulas and restyles every element set in it). Here the browser says which KaTeX font
faces a page actually loaded once it has settled; they must be the preloaded ones: none
missing (it would arrive late) and none unused (wasted bytes on a phone). A face used only in
blocks the browser draws later (``md-lazy``, scripts/hooks/lazy_blocks.py) is not loaded at
first and must be prefetched instead; after scrolling to the end of the page, every face it
loaded was preloaded or prefetched, and every prefetched one was loaded; and no page fetched
the second half of a font (scripts/hooks/katex_subset.py cuts each font in two: the
characters the site's maths uses, and the rest). The pages cover
the faces the course uses: AMS and the delimiter sizes (linear algebra), calligraphic
(probability), bold, typewriter and the largest delimiters (the print page, every module).
Run after ``mkdocs build`` (marked ``site``).
"""

from __future__ import annotations

import functools
import http.server
import threading
import time

import pytest
from font_preload import FONT_WAIT_MS
from site_fixtures import _QuietHandler, watched_phone_page

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
REST_FETCHED = """() => performance.getEntriesByType('resource')
  .map((e) => e.name).filter((name) => name.endsWith('.rest.woff2'))"""
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
    # Only the first halves of the fonts (katex_subset.py: the characters the build saw)
    rest = page.evaluate(REST_FETCHED)
    assert rest == [], f"maths character outside the fonts' first halves: {rest}"
    log.assert_clean()


# The fonts on a slow connection: served late by a server of this test's own.

SLOW_PAGES = ["00-foundations/linear-algebra/", "03-neural-networks/backpropagation/"]
# Before any page script: every layout shift, and when <html> loses md-fonts-wait.
WATCH = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__shifts.push(e.value);
}).observe({type: 'layout-shift', buffered: true});
window.__shown = null;
window.__waited = null;
// (the document, as <html> may not exist yet; each change of <html>'s class as it happens)
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target !== document.documentElement) continue;
    const waits = document.documentElement.classList.contains('md-fonts-wait');
    if (window.__shown === null && !waits && window.__waited) window.__shown = performance.now();
    if (waits && !window.__waited) window.__waited = performance.now();
  }
}).observe(document, {attributes: true, attributeFilter: ['class'], subtree: true});
"""
STATE = """async () => {
  // the article's blocks before its first formula, and the one after it (visibility)
  const from = document.querySelector('.md-fonts-from');
  const above = () => {
    const seen = [];
    for (let el = from.parentElement.firstElementChild; el !== from; el = el.nextElementSibling)
      seen.push(getComputedStyle(el).visibility);
    return seen;
  };
  const below = () => from.nextElementSibling &&
    getComputedStyle(from.nextElementSibling).visibility;
  const fonts = performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith('.woff2')).map((e) => e.responseEnd);
  return {shifts: window.__shifts, waited: window.__waited, shown: window.__shown,
    waiting: document.documentElement.classList.contains('md-fonts-wait'),
    visibility: getComputedStyle(document.querySelector('.md-fonts-from')).visibility,
    above: above(), below: below(),
    fontsArrived: fonts.length ? Math.max(...fonts) : null};
}"""


FIRST_PAINT = """() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return fcp ? fcp.startTime : null;
}"""


@pytest.fixture(scope="module")
def slow_fonts(site_dir):
    """A server of the built site that holds each font back ``delay["s"]`` seconds."""
    delay = {"s": 0.0}

    class Handler(_QuietHandler):
        def do_GET(self):
            if self.path.endswith(".woff2"):
                time.sleep(delay["s"])
            super().do_GET()

    handler = functools.partial(Handler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", delay
    server.shutdown()


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900)], ids=["390", "1280"])
@pytest.mark.parametrize("path", SLOW_PAGES)
def test_late_fonts_move_nothing(browser, slow_fonts, path, width, height):
    """Fonts 0.6 s behind the stylesheets: without the wait the page is drawn with fallback
    metrics and re-wraps when they come (a shift of 0.03-0.3 on these pages)."""
    url, delay = slow_fonts
    delay["s"] = 0.6
    with watched_phone_page(browser, url + path, WATCH, width=width, height=height) as (
        page,
        errors,
    ):
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(300)
        state = page.evaluate(STATE)
    assert state["waited"] and not state["waiting"], state
    assert state["visibility"] == "visible", state
    assert state["shown"] >= state["fontsArrived"], "shown before its fonts came"
    assert sum(state["shifts"]) < 0.001, f"moved as the fonts came: {state['shifts']}"
    assert errors == []


def test_fonts_that_do_not_come_do_not_hide_the_page(browser, slow_fonts):
    """Fonts held back 6 s: the content from the first formula on waits, hidden, and is
    shown FONT_WAIT_MS after; the header and the text above the first formula are drawn at
    once."""
    url, delay = slow_fonts
    delay["s"] = 6.0
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(WATCH)
    try:
        page = context.new_page()
        page.goto(url + SLOW_PAGES[1], wait_until="commit")
        page.wait_for_function("() => document.querySelector('.md-content')")
        early = page.evaluate(STATE)
        page.wait_for_function("() => window.__shown !== null", timeout=5000)
        late = page.evaluate(STATE)
        painted = page.evaluate(FIRST_PAINT)
    finally:
        context.close()
    assert early["waiting"] and early["visibility"] == "hidden", early
    assert early["below"] == "hidden", early
    assert early["above"] and set(early["above"]) == {"visible"}, early
    assert late["fontsArrived"] is None and late["visibility"] == "visible", late
    assert late["below"] == "visible", late
    waited = late["shown"] - late["waited"]
    assert FONT_WAIT_MS - 50 <= waited <= FONT_WAIT_MS + 500, late
    # Only the maths and what follows wait: the header was drawn long before.
    assert painted is not None and painted < late["shown"] - 300, (painted, late)
