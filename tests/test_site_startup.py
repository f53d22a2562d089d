"""``docs/javascripts/startup.js`` on the built site: Material's palette works as before.

startup.js holds back the ``data-md-color-switching`` mark that Material's bundle puts on
``<body>`` when it re-applies the reader's palette at load, unless the palette really
changes. These tests watch the mark from before any script runs (an init script with a
MutationObserver): on a first visit from a light-mode phone the palette does not change and
the mark never appears (the two restyles of the page are saved); from a dark-mode phone it
changes to the dark palette and the mark appears, as Material wrote it; a switch the reader
makes afterwards marks and unmarks ``<body>`` as before. Run after ``mkdocs build`` (marked
``site``).
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest

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
"""


@contextmanager
def open_page(browser, site_url, scheme: str):
    """The page in a phone-sized context with the reader's colour scheme, and its uncaught
    errors; the context is closed afterwards."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme
    )
    context.add_init_script(WATCH)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(site_url + PAGE, wait_until="load")
        page.wait_for_timeout(300)  # Material unmarks <body> a frame after the switch
        yield page, errors
    finally:
        context.close()


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


def test_light_first_visit_keeps_the_palette_without_marking_body(browser, site_url):
    with open_page(browser, site_url, "light") as (page, errors):
        state = body_state(page)
        assert state["scheme"] == "default"
        assert state["marks"] == [], "the palette did not change, yet <body> was marked"
        assert not state["marked"] and not state["overridden"], state
        # Instant navigation still finds every address absolute, as Material makes them.
        assert state["relative"] == [], state["relative"][:5]
        assert errors == []


def test_dark_first_visit_switches_with_transitions_held(browser, site_url):
    with open_page(browser, site_url, "dark") as (page, errors):
        state = body_state(page)
        assert state["scheme"] == "slate"
        assert state["marks"] == ["set", "removed"], state["marks"]
        assert not state["marked"] and not state["overridden"], state
        assert errors == []


def test_a_readers_switch_marks_body_as_material_does(browser, site_url):
    with open_page(browser, site_url, "light") as (page, errors):
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        page.wait_for_function(
            "document.body.getAttribute('data-md-color-scheme') === 'slate'"
        )
        page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
        assert body_state(page)["marks"] == ["set", "removed"]
        assert errors == []
