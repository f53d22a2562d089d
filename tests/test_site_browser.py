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

pytestmark = pytest.mark.site
SHOTS = Path(__file__).resolve().parents[1] / ".cache" / "screenshots"


def built_pages(site_dir: Path) -> list[str]:
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        if rel.startswith(("assets", "search")) or rel == "404":
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def maths_state(page) -> dict:
    return page.evaluate(
        """() => ({
            arithmatex: document.querySelectorAll('.arithmatex').length,
            katex: document.querySelectorAll('.katex').length,
            errors: document.querySelectorAll('.katex-error').length,
            raw: [...document.querySelectorAll('.arithmatex')].filter(
                el => /\\\\\\(|\\\\\\[/.test(el.textContent) && !el.querySelector('.katex')).length,
            notebookRaw: [...document.querySelectorAll('.jupyter-wrapper .jp-RenderedMarkdown')].filter(el => {
                const copy = el.cloneNode(true);
                copy.querySelectorAll('.katex, code, pre').forEach(k => k.remove());
                return /\\$[^$\\n]+\\$/.test(copy.textContent);
            }).length,
        })"""
    )


def test_every_page_loads_clean_with_rendered_maths(site_dir, site_url, page_and_log):
    page, log = page_and_log
    problems = []
    pages = built_pages(site_dir)
    assert len(pages) >= 10
    katex_js = []  # the maths is rendered at build: no page may fetch KaTeX's renderer
    page.on("request", lambda r: "katex" in r.url and ".js" in r.url and katex_js.append(r.url))
    for rel in pages:
        log.console_errors.clear(), log.page_errors.clear(), log.foreign_requests.clear()
        katex_js.clear()
        page.goto(site_url + rel, wait_until="load")
        page.wait_for_timeout(150)  # let document$ subscribers (widgets) run
        state = maths_state(page)
        if state["arithmatex"] and not state["katex"]:
            problems.append(f"{rel}: maths not rendered")
        if state["notebookRaw"]:
            problems.append(f"{rel}: {state['notebookRaw']} notebook cells with unrendered $maths$")
        if state["errors"] or state["raw"]:
            problems.append(f"{rel}: {state['errors']} KaTeX errors, {state['raw']} raw formulas")
        if katex_js:
            problems.append(f"{rel}: loads KaTeX's JavaScript: {katex_js}")
        for kind in ("console_errors", "page_errors", "foreign_requests"):
            if getattr(log, kind):
                problems.append(f"{rel}: {kind}: {getattr(log, kind)}")
        if page.locator(".exec-stamp--missing").count():
            problems.append(f"{rel}: code on the page was not in the run the site was built from")
        if page.locator(".exec-stamp--failed").count():
            problems.append(f"{rel}: {page.locator('.exec-stamp--failed').inner_text()[:300]}")
    assert not problems, "\n".join(problems)


def test_dark_toggle_and_instant_navigation_rerender_maths(site_dir, site_url, page_and_log):
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
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    assert scheme() != before
    # Instant navigation: follow an in-site link; the page is swapped without a reload.
    page.evaluate("window.__marker = 1")
    page.locator("article a[href*='00-foundations']").first.click()
    page.wait_for_function("location.pathname.includes('00-foundations')")
    page.wait_for_function("document.querySelectorAll('.katex').length > 0")
    assert page.evaluate("window.__marker") == 1, "the link caused a full reload: instant navigation is off"
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
