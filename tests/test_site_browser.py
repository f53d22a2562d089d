"""The built site in a real browser (Debian chromium through Playwright).

Every page loads with no console error, no uncaught exception and no request to another
origin; its maths arrives rendered (KaTeX at build time) and no page loads KaTeX's
JavaScript; the dark palette toggle works; maths is there after instant navigation; and every
page that shows code carries a real execution stamp, from the `make docs-run` record the site
was built from, with no failure. Run after `mkdocs build` (marked ``site``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_sweep import MATHS_STATE, built_pages  # noqa: F401  (built_pages: other tests import it here)

pytestmark = pytest.mark.site
SHOTS = Path(__file__).resolve().parents[1] / ".cache" / "screenshots"


def maths_state(page) -> dict:
    return page.evaluate(MATHS_STATE)


def test_every_page_loads_clean_with_rendered_maths(page_sweep):
    """Read from the one sweep of the site (tests/site_sweep.py): each page at 1280 px (and
    at 390 px, where errors are collected too), after its widgets mounted and fonts loaded."""
    problems = []
    assert len(page_sweep.pages) >= 10
    for (rel, width), visit in sorted(page_sweep.visits.items()):
        if visit.errors:
            problems.append(f"{rel} at {width} px: {visit.errors}")
        # the maths is rendered at build: no page may fetch KaTeX's renderer
        if visit.katex_js:
            problems.append(f"{rel}: loads KaTeX's JavaScript: {visit.katex_js}")
        state = visit.maths
        if state is None:
            continue
        if state["arithmatex"] and not state["katex"]:
            problems.append(f"{rel}: maths not rendered")
        if state["notebookRaw"]:
            problems.append(
                f"{rel}: {state['notebookRaw']} notebook cells with unrendered $maths$"
            )
        if state["errors"] or state["raw"]:
            problems.append(
                f"{rel}: {state['errors']} KaTeX errors, {state['raw']} raw formulas"
            )
        if state["stampMissing"]:
            problems.append(
                f"{rel}: code on the page was not in the run the site was built from"
            )
        problems += [f"{rel}: {text}" for text in state["stampFailed"]]
    checked = {
        rel for (rel, width), v in page_sweep.visits.items() if v.maths is not None
    }
    assert checked == set(page_sweep.pages), "pages the sweep did not check at 1280 px"
    assert not problems, "\n".join(problems)


def test_dark_toggle_and_instant_navigation_rerender_maths(
    site_dir, site_url, page_and_log
):
    from site_fixtures import built_site_port

    page, log = page_and_log
    port = built_site_port(site_dir)
    assert site_url.endswith(f":{port}/"), (
        f"port {port} (from site_url in mkdocs.yml) was busy, so the site is served at {site_url}, "
        "where Material's instant navigation does not apply: free the port and run again"
    )
    page.goto(site_url, wait_until="networkidle")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    before = scheme()
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_function(
        f"document.body.getAttribute('data-md-color-scheme') !== '{before}'"
    )
    assert scheme() != before
    # Instant navigation: follow an in-site link; the page is swapped without a reload.
    page.evaluate("window.__marker = 1")
    page.locator("article a[href*='00-foundations']").first.click()
    page.wait_for_function("location.pathname.includes('00-foundations')")
    page.wait_for_function("document.querySelectorAll('.katex').length > 0")
    assert page.evaluate("window.__marker") == 1, (
        "the link caused a full reload: instant navigation is off"
    )
    assert page.locator(".katex-error").count() == 0
    log.assert_clean()


def test_screenshot_of_module_0(site_url, page_and_log):
    page, log = page_and_log
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(site_url + "00-foundations/", wait_until="networkidle")
    page.wait_for_function("document.querySelectorAll('.katex').length > 0")
    page.screenshot(path=str(SHOTS / "module-0.png"), full_page=False)
    assert (SHOTS / "module-0.png").stat().st_size > 10_000
    log.assert_clean()
