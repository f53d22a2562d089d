"""``docs/javascripts/startup.js`` on the built site: Material's palette works as before.

startup.js holds back the ``data-md-color-switching`` mark that Material's bundle puts on
``<body>`` when it re-applies the reader's palette at load, unless the palette really
changes. These tests watch the mark from before any script runs (an init script with a
MutationObserver): on a first visit from a light-mode phone the palette does not change and
the mark never appears (the two restyles of the page are saved); from a dark-mode phone it
changes to the dark palette and the mark appears, as Material wrote it; a switch the reader
makes afterwards marks and unmarks ``<body>`` as before.

The same watcher records the page's colour-scheme ``<meta>`` and ``<html>``'s class: the one
in ``overrides/main.html`` inserts the meta with the scheme the reader gets, and swaps
``no-js`` for ``js`` (and adds the focus-visible polyfill's mark), before ``<body>`` exists, and nothing changes either afterwards unless
the reader switches (then the meta follows, as Material's own would). Each change would have
restyled the whole page. Run after ``mkdocs build`` (marked ``site``).
"""

from __future__ import annotations

import pytest
from site_fixtures import watched_phone_page

pytestmark = pytest.mark.site
PAGE = "00-foundations/linear-algebra/"
WATCH = """
window.__marks = [];
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target === document.body) {
      window.__marks.push(r.target.hasAttribute('data-md-color-switching') ? 'set' : 'removed');
    }
  }
}).observe(document, {
  subtree: true, attributes: true, attributeFilter: ['data-md-color-switching'],
});
// The colour-scheme metas inserted into <head> and every later change of their content,
// and each change of <html>'s class, with whether <body> existed then.
window.__schemes = [];
window.__classes = [];
new MutationObserver((records) => {
  const body = Boolean(document.body);
  for (const r of records) {
    if (r.type === 'childList') {
      for (const n of r.addedNodes) {
        if (n.nodeName === 'META' && n.name === 'color-scheme') {
          window.__schemes.push({added: n.content, body});
        }
      }
    } else if (r.target === document.documentElement) {
      window.__classes.push({value: r.target.className, body});
    } else if (r.target.nodeName === 'META' && r.target.name === 'color-scheme') {
      window.__schemes.push({changed: r.target.content, body});
    }
  }
}).observe(document, {
  subtree: true, childList: true, attributes: true, attributeFilter: ['content', 'class'],
});
"""


def open_page(browser, site_url, scheme: str):
    """The page on a phone with the reader's colour scheme, watched from the start."""
    return watched_phone_page(browser, site_url + PAGE, WATCH, color_scheme=scheme)


def body_state(page) -> dict:
    return page.evaluate(
        """() => ({
          scheme: document.body.getAttribute('data-md-color-scheme'),
          marked: document.body.hasAttribute('data-md-color-switching'),
          marks: window.__marks,
          overridden: Object.prototype.hasOwnProperty.call(document.body, 'setAttribute')
            || Object.prototype.hasOwnProperty.call(document.body, 'removeAttribute'),
          relative: [...document.querySelectorAll('a[href], link[href], img[src]')]
            .map((el) => el.getAttribute(el.hasAttribute('href') ? 'href' : 'src'))
            .filter((v) => !/^(?:[a-z]+:)?\\/\\//i.test(v)),
        })"""
    )


def scheme_state(page) -> dict:
    """The watcher's records, the colour-scheme metas in the page and the colour scheme
    Material's stylesheet gives the header (what Material's own meta would say)."""
    return page.evaluate(
        """() => ({
          schemes: window.__schemes,
          classes: window.__classes,
          metas: [...document.querySelectorAll('meta[name="color-scheme"]')]
            .map((m) => m.content),
          header: getComputedStyle(document.querySelector('.md-header')).colorScheme,
        })"""
    )


def assert_set_before_body(state: dict, scheme: str) -> None:
    """One meta, inserted before <body> with the header's scheme and never changed since;
    no-js swapped for js, and js-focus-visible (the polyfill's mark) added, before <body>,
    and <html>'s class never different afterwards."""
    assert state["schemes"] == [{"added": scheme, "body": False}], state["schemes"]
    assert state["metas"] == [scheme] and state["header"] == scheme, state
    marks = {"js", "js-focus-visible"}
    first = state["classes"][0]
    assert first["body"] is False and marks <= set(first["value"].split()), state[
        "classes"
    ]
    assert all(
        marks <= set(c["value"].split()) and "no-js" not in c["value"].split()
        for c in state["classes"]
    ), state["classes"]


def test_light_first_visit_keeps_the_palette_without_marking_body(browser, site_url):
    with open_page(browser, site_url, "light") as (page, errors):
        state = body_state(page)
        assert state["scheme"] == "default"
        assert state["marks"] == [], "the palette did not change, yet <body> was marked"
        assert not state["marked"] and not state["overridden"], state
        # Instant navigation still finds every address absolute, as Material makes them.
        assert state["relative"] == [], state["relative"][:5]
        assert_set_before_body(scheme_state(page), "light")
        assert errors == []


def test_dark_first_visit_switches_with_transitions_held(browser, site_url):
    with open_page(browser, site_url, "dark") as (page, errors):
        state = body_state(page)
        assert state["scheme"] == "slate"
        assert state["marks"] == ["set", "removed"], state["marks"]
        assert not state["marked"] and not state["overridden"], state
        assert_set_before_body(scheme_state(page), "dark")
        assert errors == []


def test_a_readers_switch_marks_body_as_material_does(browser, site_url):
    with open_page(browser, site_url, "light") as (page, errors):
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        page.wait_for_function(
            "document.body.getAttribute('data-md-color-scheme') === 'slate'"
        )
        page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
        assert body_state(page)["marks"] == ["set", "removed"]
        state = scheme_state(page)
        assert state["schemes"][1:] == [{"changed": "dark", "body": True}], state
        assert state["metas"] == ["dark"] and state["header"] == "dark", state
        # The next page load starts from the palette Material stored: dark, on a light phone.
        page.reload(wait_until="load")
        page.wait_for_timeout(300)
        assert body_state(page)["scheme"] == "slate"
        assert_set_before_body(scheme_state(page), "dark")
        assert errors == []
