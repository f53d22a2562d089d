"""The built site on a phone: every page at 390 x 844 CSS px in a real browser.

* No page scrolls sideways (``documentElement.scrollWidth <= innerWidth``).
* No display equation is cut off: each ``.katex-display`` box lies within the screen, and one
  whose maths is wider than the box scrolls inside it (``overflow-x: auto``) and can be
  reached by keyboard (``tabindex="0"``, ``role="region"`` with a name; set by
  ``javascripts/a11y.js``). The check reads the rendered ``.katex-display`` elements, which
  exist whether KaTeX runs in the browser or at build time.
* Each widget fits its box: a table wider than the widget scrolls inside a box of its own
  within the widget.
* Every control of a widget (button, input, select; a radio button's label) is a touch
  target of at least 44 x 44 px (WCAG 2.5.5).

Every page is opened once at this size by the sweep the per-page tests share
(tests/site_sweep.py). Run after ``mkdocs build`` (marked ``site``).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.site
WIDTH, HEIGHT = 390, 844
TARGET = 44

MEASURE = """(target) => {
  const problems = [];
  const vw = window.innerWidth;
  const where = (el) => {
    const t = (el.textContent || '').replace(/\\s+/g, ' ').trim();
    return (el.className || el.tagName) + ' "' + t.slice(0, 50) + '"';
  };
  const scrollsX = (el) => /(auto|scroll)/.test(getComputedStyle(el).overflowX);
  if (document.documentElement.scrollWidth > vw)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`);
  let displays = 0, scrolling = 0;
  for (const el of document.querySelectorAll('.katex-display')) {
    displays += 1;
    const r = el.getBoundingClientRect();
    if (r.left < -1 || r.right > vw + 1)
      problems.push(`equation box outside the screen (${Math.round(r.left)}..${Math.round(r.right)}): ${where(el)}`);
    if (el.scrollWidth > el.clientWidth + 1) {
      scrolling += 1;
      const name = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (!scrollsX(el))
        problems.push(`equation cut off (${el.scrollWidth} px in ${el.clientWidth} px, no scrolling): ${where(el)}`);
      else if (el.getAttribute('tabindex') !== '0' || !name || el.getAttribute('role') !== 'region')
        problems.push(`scrolling equation not reachable by keyboard (tabindex/role/name): ${where(el)}`);
    }
  }
  for (const w of document.querySelectorAll('.widget')) {
    const r = w.getBoundingClientRect();
    if (r.left < -1 || r.right > vw + 1 || w.scrollWidth > w.clientWidth + 1)
      problems.push(`widget wider than the screen or its box (${w.scrollWidth} px in ${w.clientWidth} px): ${where(w)}`);
    for (const t of w.querySelectorAll('table')) {
      let box = t.parentElement;
      while (box !== w && !scrollsX(box)) box = box.parentElement;
      const wide = t.getBoundingClientRect().width > box.clientWidth + 1;
      if (wide && box === w)
        problems.push(`widget table wider than the widget with no scroll box of its own: ${where(t)}`);
    }
    for (const c of w.querySelectorAll('button, input, select, textarea')) {
      if (!c.getClientRects().length) continue;  // hidden
      const hit = (c.type === 'radio' || c.type === 'checkbox') && c.closest('label') ? c.closest('label') : c;
      const b = hit.getBoundingClientRect();
      if (b.width < target - 0.5 || b.height < target - 0.5)
        problems.push(`touch target ${Math.round(b.width)} x ${Math.round(b.height)} px: ` +
                      `${c.tagName.toLowerCase()} ${c.getAttribute('aria-label') || c.dataset.role || c.type}`);
    }
  }
  return {problems, displays, scrolling};
}"""


def test_every_page_fits_a_390px_screen(page_sweep):
    """Read from the one sweep of the site (tests/site_sweep.py), which opens every page at
    390 x 844 and runs ``MEASURE`` once its widgets mounted and its fonts loaded."""
    problems, displays, scrolling, widgets, checked = [], 0, 0, 0, set()
    for (rel, width), visit in sorted(page_sweep.visits.items()):
        if visit.mobile is None:
            continue
        assert width == WIDTH
        checked.add(rel)
        displays += visit.mobile["displays"]
        scrolling += visit.mobile["scrolling"]
        widgets += visit.widgets
        problems += [f"/{rel}: {p}" for p in visit.mobile["problems"]]
    assert checked == set(page_sweep.pages) and len(checked) >= 10, (
        "pages the sweep did not check at 390 px"
    )
    assert not problems, f"{len(problems)} problems at {WIDTH} px:\n" + "\n".join(
        problems[:60]
    )
    # The checks had something to check: display maths (some of it wider than a phone) and widgets.
    assert displays > 100 and scrolling > 0 and widgets >= 5, (
        displays,
        scrolling,
        widgets,
    )
