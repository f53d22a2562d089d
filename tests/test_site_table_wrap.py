"""Content tables on the built site: boxed at build, never moved by Material's bundle.

``scripts/hooks/table_wrap.py`` writes the two boxes Material's bundle would put around each
content table and marks the table (``class=""``) so the bundle leaves it where it is; moving
it made the browser restyle the whole article while the page started. Here, on pages with
tables: no table is inserted or removed once the page's scripts start (a MutationObserver
set up before Material's DOMContentLoaded handler), every table without a class of its own
sits in exactly one pair of boxes (a widget's own fallback table, which the widget replaces, is
not a content table), and Material's table style reaches it (a border and cell
padding that the browser's own table style does not give). Run after ``mkdocs build``
(marked ``site``).
"""

from __future__ import annotations

import pytest
from site_fixtures import watched_phone_page

pytestmark = pytest.mark.site
PAGES = [
    "00-foundations/linear-algebra/",
    "reference/maths/",
    "05-cnns/convolution/",
]
# Registered before any page script, so it runs before Material's own handler.
WATCH = """
window.__moved = [];
document.addEventListener('DOMContentLoaded', () => {
  const tables = (nodes) => [...nodes].some(
    (n) => n.nodeType === 1 && (n.matches('table') || n.querySelector('table')));
  new MutationObserver((records) => {
    for (const r of records) {
      // A widget replacing its fallback table is not a move.
      if (r.target.closest('[data-widget]')) continue;
      if (tables(r.addedNodes) || tables(r.removedNodes)) window.__moved.push(r.target.className);
    }
  }).observe(document.querySelector('article'), {subtree: true, childList: true});
});
"""
STATE = """() => {
  const own = [...document.querySelectorAll('article table')]
    .filter((t) => !t.className && !t.closest('[data-widget]'));
  return {
    moved: window.__moved,
    count: own.length,
    unboxed: own.filter((t) => !(t.parentElement.matches('.md-typeset__table')
      && t.parentElement.parentElement.matches('.md-typeset__scrollwrap'))).length,
    doubled: document.querySelectorAll('.md-typeset__table > .md-typeset__scrollwrap').length,
    unstyled: own.filter((t) => {
      const cell = t.querySelector('td, th');
      return parseFloat(getComputedStyle(t).borderTopWidth) === 0
        || parseFloat(getComputedStyle(cell).paddingLeft) < 4;
    }).length,
  };
}"""


@pytest.mark.parametrize("path", PAGES)
def test_tables_are_boxed_styled_and_never_moved(browser, site_url, path):
    with watched_phone_page(browser, site_url + path, WATCH) as (page, errors):
        state = page.evaluate(STATE)
    assert state["count"] > 0, (
        f"{path} has no content table any more: pick another page"
    )
    assert state["moved"] == [], "a table was moved after the page's scripts started"
    assert state["unboxed"] == 0 and state["doubled"] == 0, state
    assert state["unstyled"] == 0, "a content table lacks Material's table style"
    assert errors == []
