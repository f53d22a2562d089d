"""Accessibility of the built site: axe-core finds no WCAG 2.1 A/AA violation.

axe-core (npm, ``node_modules/axe-core/axe.min.js``, injected into each page) runs with the
rule tags ``wcag2a``, ``wcag2aa``, ``wcag21a`` and ``wcag21aa`` on the pages of ``site/``, in
the four combinations of palette (Material's ``default`` light scheme and ``slate`` dark
scheme) and width (1280 px desktop and 390 px phone). Run after ``mkdocs build`` (marked
``site``).

The pages are opened by the one sweep of the site that the other per-page tests share
(tests/site_sweep.py: each page loaded once at each width); axe runs on that load, once per
palette, switching the body's ``data-md-color-scheme`` between the runs.
``test_the_dark_palette_is_the_scheme_attribute`` checks that this is what a reader's dark
system setting does.

What runs by default, and why not every page in all four combinations: one axe run costs
1 to 3 s per page on the 2-core machine this was written on (colour contrast on pages with
thousands of KaTeX spans is most of it), so the full matrix (90 pages x 4) took 20 minutes
there. So by default every page is checked once, the combinations taken in turn along the
sorted page list (each combination covers about a quarter of the pages, from every module,
notebook labs and API reference included), and the widget pages, whose colours and controls
are the site's own, are checked in all four. ``SYLLABUS_A11Y_ALL=1`` checks every page in
all four combinations (run it after changing colours, the theme or a stylesheet).
"""

from __future__ import annotations

import pytest
from site_sweep import COMBOS, SETTLED, axe_jobs, open_settled  # noqa: F401  (imported from here by other tests)

pytestmark = pytest.mark.site


def test_axe_finds_no_wcag21_aa_violation(page_sweep):
    pages = page_sweep.pages
    assert len(pages) >= 10
    jobs = page_sweep.axe_jobs
    assert {combo for _, combo in jobs} == set(COMBOS)
    assert {rel for rel, _ in jobs} == set(pages)
    results, missing = {}, []
    for rel, (width, scheme) in jobs:
        axe = page_sweep.visits[rel, width].axe
        if "error" in axe:
            results[rel, (width, scheme)] = axe["error"]
        elif scheme not in axe:
            missing.append((rel, width, scheme))
        else:
            results[rel, (width, scheme)] = axe[scheme]
    assert not missing, f"axe did not run on {missing[:5]}"
    failing = {job: v for job, v in results.items() if v}
    if failing:
        seconds = page_sweep.seconds
        lines = [
            f"axe: violations on {len(failing)} of {len(results)} page checks (sweep {seconds:.0f} s)"
        ]
        for (rel, (width, scheme)), violations in sorted(failing.items()):
            counts = ", ".join(
                f"{v['id']} ({v['impact']}): {v['count']}" for v in violations
            )
            lines.append(f"/{rel} at {width} px, {scheme}: {counts}")
        lines.append("First nodes of each:")
        for (rel, (width, scheme)), violations in sorted(failing.items())[:8]:
            for v in violations:
                lines += [
                    f"  /{rel} {width} {scheme} {v['id']}: {n}" for n in v["nodes"]
                ]
        pytest.fail("\n".join(lines), pytrace=False)


def test_the_dark_palette_is_the_scheme_attribute(browser, site_url):
    """The sweep checks the dark palette by setting ``data-md-color-scheme="slate"`` on the
    page it loaded in the light one. That is all a reader's dark system setting changes: the
    page chooses ``slate`` under ``prefers-color-scheme: dark`` and ``default`` under light,
    with the same primary and accent colours, and no stylesheet reads the media query."""
    attrs = {}
    for system in ("light", "dark"):
        context = browser.new_context(color_scheme=system)
        try:
            page = context.new_page()
            page.goto(site_url + "widgets/signal-graph/", wait_until="load")
            attrs[system] = page.evaluate(
                """() => Object.fromEntries([...document.body.attributes]
                     .filter(a => a.name.startsWith('data-md-color-'))
                     .map(a => [a.name, a.value]))"""
            )
            media_rules = page.evaluate(
                """() => [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; }
                           catch (e) { return []; } })
                     .filter(r => r.media && /prefers-color-scheme/.test(r.media.mediaText)).length"""
            )
            assert media_rules == 0, (
                "a stylesheet reads prefers-color-scheme: toggling the attribute is not enough"
            )
        finally:
            context.close()
    assert attrs["light"]["data-md-color-scheme"] == "default"
    assert attrs["dark"]["data-md-color-scheme"] == "slate"
    # noqa: E731
    rest = lambda a: {
        k: v
        for k, v in a.items()
        if k not in ("data-md-color-scheme", "data-md-color-media")
    }
    assert rest(attrs["light"]) == rest(attrs["dark"]), attrs
