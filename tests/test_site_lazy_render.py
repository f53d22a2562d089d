"""Blocks far below the first screen are drawn only as the reader comes near them.

``scripts/hooks/lazy_blocks.py`` marks the blocks of a long page that start below its first
screens ``md-lazy`` (``md-lazy-narrow`` where only a phone's screens are above them);
``docs/stylesheets/extra.css`` gives them ``content-visibility: auto`` (the narrow ones on a
phone-sized screen only), so the browser skips their layout until they come near the screen; Material sets up code
blocks as they come into view (feature ``content.lazy``); ``docs/javascripts/a11y.js``
measures a scroll box when its block is drawn. Here, in the browser:

* while a page loads, at 390 x 844, 480 x 1000 (the largest screen that also skips the
  phone-only ``md-lazy-narrow`` blocks) and 1280 x 900, nothing moves (layout shift < 0.001)
  and no block the screen skips starts on it; on linear algebra the phone-only blocks are
  skipped on the phone sizes and drawn on the desktop; every marked block clips what is
  inside it or scrolls (a script that lays out a skipped block's contents, axe-core for one,
  must not find them spilling over the footer);
* on linear algebra the browser really skips blocks when the page has loaded (so the work is
  saved), and Material has not yet set up the code blocks far below;
* until Material has set a code block up, a11y.js gives it a tab stop (it may scroll);
* scrolling to the end draws every marked block; then every code block has its copy button,
  and every display equation and code block has a tab stop exactly when it scrolls sideways
  (a box taken to scroll before its block was drawn has lost its tab stop if it does not);
* a link to an anchor inside a marked block, or to a heading below many of them, opens the
  page with that anchor on the screen.

Run after ``mkdocs build`` (marked ``site``).
"""

from __future__ import annotations

import pytest
from site_fixtures import watched_phone_page

pytestmark = pytest.mark.site
LONG = "00-foundations/linear-algebra/"
PAGES = [
    LONG,
    "00-foundations/probability/",
    "03-neural-networks/backpropagation/",
    "05-cnns/convolution/",
    "06-cnn-architectures/solutions/",
    "labs/08-efficient/",
]
# a phone; the widest and tallest screen that skips md-lazy-narrow blocks too
# (lazy_blocks.NARROW_MEDIA); a desktop
SIZES = [(390, 844), (480, 1000), (1280, 900)]
# Layout shift allowed while a page loads. A block drawn on the screen at its placeholder's
# size first moves what is below it by 0.001-0.02 (seen at 1280 px before the first screen
# was left unmarked). Shifts far below that happen now and then without any marked block:
# a KaTeX span by a pixel's fraction as a font arrives (0.0002), the notebook's copy button
# (0.00004).
SHIFT_LIMIT = 0.001
# Before any page script: every layout shift, and every block the browser starts drawing.
WATCH = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__shifts.push({value: e.value,
    what: (e.sources || []).map((s) => s.node && s.node.nodeType === 1
      ? s.node.tagName + '.' + s.node.className : String(s.node))});
}).observe({type: 'layout-shift', buffered: true});
window.__drawn = new Set();
document.addEventListener('contentvisibilityautostatechange', (e) => {
  if (!e.skipped) window.__drawn.add(e.target);
}, true);
"""
LOADED = """() => {
  // the marked blocks this screen skips when far away (md-lazy-narrow: on a phone only)
  const lazy = [...document.querySelectorAll('.md-lazy, .md-lazy-narrow')]
    .filter((el) => getComputedStyle(el).contentVisibility === 'auto');
  const top = lazy.length ? lazy[0].getBoundingClientRect().top + scrollY : null;
  // A skipped block's own box is kept (a placeholder); what is inside it is not drawn.
  const skipped = lazy.filter((el) => {
    const inside = el.querySelector('*');
    return inside && !inside.checkVisibility({contentVisibilityAuto: true});
  });
  const code = lazy.filter((el) => el.matches('div.highlight'));
  return {
    shifts: window.__shifts, marked: lazy.length, firstTop: top, screen: innerHeight,
    narrow: lazy.filter((el) => el.matches('.md-lazy-narrow')).length,
    skipped: skipped.length,
    // a block's contents never show outside its box, also to a script that lays them out
    unclipped: lazy.filter((el) => getComputedStyle(el).overflowY === 'visible').length,
    codeSetUp: code.filter((el) => el.querySelector('.md-code__button')).length,
    code: code.length,
    // Not yet set up by Material, so not yet measured: a11y.js gives it a tab stop.
    codeWithoutStop: [...document.querySelectorAll('.md-content pre > code')].filter((el) =>
      !el.parentElement.querySelector('.md-code__nav') && el.getAttribute('tabindex') !== '0')
      .length,
  };
}"""
SCROLL_DOWN = """async () => {
  const pause = () => new Promise((r) => setTimeout(r, 60));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.7) {
    scrollTo(0, y);
    await pause();
  }
  scrollTo(0, document.documentElement.scrollHeight);
  await new Promise((r) => setTimeout(r, 400));  // a11y.js measures 100 ms after a change
}"""
SCROLLED = """() => {
  const lazy = [...document.querySelectorAll('.md-lazy, .md-lazy-narrow')]
    .filter((el) => getComputedStyle(el).contentVisibility === 'auto');
  const displays = [...document.querySelectorAll('.md-typeset .katex-display')];
  const scrolls = (el) => el.scrollWidth > el.clientWidth + 1;
  const code = [...document.querySelectorAll('.md-content pre > code')];
  const stop = (el) => el.getAttribute('tabindex') === '0';
  return {
    undrawn: lazy.filter((el) => !window.__drawn.has(el)).length,
    codeWithoutButton: [...document.querySelectorAll('.md-typeset div.highlight')]
      .filter((el) => el.querySelector('pre > code') && !el.querySelector('.md-code__button'))
      .length,
    codeScrolling: code.filter(scrolls).length,
    codeScrollWithoutStop: code.filter((el) => scrolls(el) && !stop(el)).length,
    codeStopWithoutScroll: code.filter((el) => stop(el) && !scrolls(el)).length,
    displays: displays.length,
    scrolling: displays.filter(scrolls).length,
    stopWithoutScroll: displays.filter((el) => el.hasAttribute('data-a11y-scroll')
      && el.getAttribute('tabindex') === '0' && !scrolls(el)).length,
    scrollWithoutStop: displays.filter((el) => scrolls(el)
      && !(el.getAttribute('tabindex') === '0' && el.getAttribute('role') === 'region')).length,
  };
}"""


@pytest.mark.parametrize("width,height", SIZES, ids=["390px", "480px", "1280px"])
@pytest.mark.parametrize("path", PAGES)
def test_nothing_moves_and_the_first_screen_is_drawn_at_once(
    browser, site_url, path, width, height
):
    with watched_phone_page(
        browser, site_url + path, WATCH, width=width, height=height
    ) as (page, errors):
        page.wait_for_timeout(300)
        state = page.evaluate(LOADED)
    assert state["marked"] > 0, f"{path} has no marked block any more: pick another"
    moved = sum(s["value"] for s in state["shifts"])
    assert moved < SHIFT_LIMIT, (
        f"something moved while {path} loaded: {state['shifts']}"
    )
    assert state["unclipped"] == 0, f"marked blocks that let contents spill: {state}"
    assert state["firstTop"] >= state["screen"], (
        f"a marked block starts on the first screen ({state['firstTop']} px)"
    )
    if path == LONG:  # phone-only marks are skipped on a phone, and only there
        assert (state["narrow"] > 0) == (width <= 480), state
    assert errors == []


def test_far_blocks_are_skipped_then_drawn_as_the_reader_scrolls(browser, site_url):
    with watched_phone_page(browser, site_url + LONG, WATCH) as (page, errors):
        loaded = page.evaluate(LOADED)
        # The work is saved: most marked blocks are not drawn, code far below not set up.
        assert loaded["skipped"] > 10, loaded
        assert loaded["code"] > 0 and loaded["codeSetUp"] < loaded["code"], loaded
        # ... and the keyboard reaches every one of them that may scroll.
        assert loaded["codeWithoutStop"] == 0, loaded
        page.evaluate(SCROLL_DOWN)
        state = page.evaluate(SCROLLED)
    assert state["undrawn"] == 0, "a marked block was never drawn while scrolling by it"
    assert state["codeWithoutButton"] == 0, "a code block seen has no copy button"
    # Once set up, a code block has a tab stop exactly when it scrolls (Material's rule on a
    # screen with hover, as here).
    assert state["codeScrolling"] > 0, state
    assert state["codeScrollWithoutStop"] == 0, state
    assert state["codeStopWithoutScroll"] == 0, state
    assert state["displays"] > 10 and state["scrolling"] > 0, state
    assert state["scrollWithoutStop"] == 0, "an equation that scrolls has no tab stop"
    assert state["stopWithoutScroll"] == 0, (
        "an equation that does not scroll kept a tab stop"
    )
    assert errors == []


FIRST_ANCHOR_IN_LAZY = """() => {
  const el = document.querySelector('.md-lazy [id]');
  return el ? el.id : null;
}"""
LAST_H2 = """() => [...document.querySelectorAll('article h2[id]')].pop().id"""
ON_SCREEN = """(id) => {
  const r = document.getElementById(id).getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, screen: innerHeight, y: scrollY};
}"""


def test_links_to_anchors_below_skipped_blocks_land_on_them(browser, site_url):
    with watched_phone_page(browser, site_url + LONG, "") as (page, _):
        inside = page.evaluate(FIRST_ANCHOR_IN_LAZY)
        heading = page.evaluate(LAST_H2)
    assert inside, "no anchor inside a marked block of linear algebra: pick another"
    for anchor in (inside, heading):
        with watched_phone_page(browser, f"{site_url}{LONG}#{anchor}", WATCH) as (
            page,
            errors,
        ):
            page.wait_for_timeout(500)
            where = page.evaluate(ON_SCREEN, anchor)
        assert where["y"] > 0 and 0 <= where["top"] < where["screen"] * 0.5, (
            anchor,
            where,
        )
        assert errors == []
