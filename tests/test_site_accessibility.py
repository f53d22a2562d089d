"""Accessibility of the built site: axe-core finds no WCAG 2.1 A/AA violation.

axe-core (npm, ``node_modules/axe-core/axe.min.js``, injected into each page) runs with the
rule tags ``wcag2a``, ``wcag2aa``, ``wcag21a`` and ``wcag21aa`` on the pages of ``site/``, in
the four combinations of palette (Material's ``default`` light scheme and ``slate`` dark
scheme, chosen as a reader's ``prefers-color-scheme`` would) and width (1280 px desktop and
390 px phone). Run after ``mkdocs build`` (marked ``site``).

What runs by default, and why not every page in all four combinations: one axe run costs
1 to 3 s per page on the 2-core machine this was written on (colour contrast on pages with
thousands of KaTeX spans is most of it), so the full matrix (90 pages x 4) took 20 minutes
there, and every page in three combinations would take ~15, far over the few minutes the
site-test stage may take; the default below took 4.5 minutes. So by default every page is checked once, the combinations taken in
turn along the sorted page list (each combination covers about a quarter of the pages, from
every module, notebook labs and API reference included), and the widget pages, whose
colours and controls are the site's own, are checked in all four.
``SYLLABUS_A11Y_ALL=1`` checks every page in all four combinations (run it after changing
colours, the theme or a stylesheet). Pages are opened by several browser pages at once so
that one page loads while axe works on another.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from test_site_browser import built_pages

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
COMBOS = [(390, "default"), (1280, "slate"), (390, "slate"), (1280, "default")]
WORKERS = 3

START_AXE = """(tags) => {
  window.__axeResult = axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']})
    .then(r => r.violations.map(v => ({
      id: v.id, impact: v.impact, count: v.nodes.length,
      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' +
                                     (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240)),
    })))
    .catch(e => [{id: 'axe-error', impact: 'critical', count: 1, nodes: [String(e)]}]);
}"""

SETTLED = """async () => {
  // Widgets mount asynchronously; KaTeX's fonts change the width of the maths, and
  // javascripts/a11y.js re-examines scroll boxes 100 ms after they load.
  const t0 = performance.now();
  while (document.querySelector('[data-mounted=pending]') && performance.now() - t0 < 5000)
    await new Promise(r => setTimeout(r, 50));
  await document.fonts.ready;
  await new Promise(r => setTimeout(r, 250));
}"""


def open_settled(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.evaluate(SETTLED)


def axe_jobs(pages: list[str]) -> list[tuple[str, tuple[int, str]]]:
    if os.environ.get("SYLLABUS_A11Y_ALL") == "1":
        return [(rel, combo) for rel in pages for combo in COMBOS]
    jobs = [(rel, COMBOS[i % len(COMBOS)]) for i, rel in enumerate(pages)]
    always = [rel for rel in pages if rel.startswith("widgets/")]
    jobs += [(rel, combo) for rel in always for combo in COMBOS if (rel, combo) not in jobs]
    return jobs


def run_axe(browser, site_url: str, jobs) -> dict:
    """axe's violations for each (page, (width, scheme)) job. Several browser pages work at
    once: while axe runs in one, the next page is loaded in another."""
    contexts, pages = [], {}

    def page_for(worker: int, combo: tuple[int, str]):
        if (worker, combo) not in pages:
            width, scheme = combo
            ctx = browser.new_context(
                viewport={"width": width, "height": 844 if width < 600 else 900},
                color_scheme="dark" if scheme == "slate" else "light",
            )
            contexts.append(ctx)
            pages[worker, combo] = ctx.new_page()
        return pages[worker, combo]

    results, queue, busy = {}, list(jobs), [None] * WORKERS
    try:
        while queue or any(busy):
            for w in range(WORKERS):
                if busy[w]:
                    job, page = busy[w]
                    results[job] = page.evaluate("() => window.__axeResult")
                    busy[w] = None
                if queue:
                    job = queue.pop(0)
                    rel, (width, scheme) = job
                    page = page_for(w, job[1])
                    open_settled(page, site_url + rel)
                    got = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
                    assert got == scheme, f"{rel}: palette {got!r}, expected {scheme!r}"
                    page.add_script_tag(path=str(AXE))
                    page.evaluate(START_AXE, TAGS)
                    busy[w] = (job, page)
    finally:
        for ctx in contexts:
            ctx.close()
    return results


def test_axe_finds_no_wcag21_aa_violation(site_dir, site_url, browser):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` first")
    pages = built_pages(site_dir)
    assert len(pages) >= 10
    jobs = axe_jobs(pages)
    assert {combo for _, combo in jobs} == set(COMBOS)
    assert {rel for rel, _ in jobs} == set(pages)
    start = time.monotonic()
    results = run_axe(browser, site_url, jobs)
    seconds = time.monotonic() - start
    failing = {job: v for job, v in results.items() if v}
    if failing:
        lines = [f"axe: violations on {len(failing)} of {len(results)} page checks ({seconds:.0f} s)"]
        for (rel, (width, scheme)), violations in sorted(failing.items()):
            counts = ", ".join(f"{v['id']} ({v['impact']}): {v['count']}" for v in violations)
            lines.append(f"/{rel} at {width} px, {scheme}: {counts}")
        lines.append("First nodes of each:")
        for (rel, (width, scheme)), violations in sorted(failing.items())[:8]:
            for v in violations:
                lines += [f"  /{rel} {width} {scheme} {v['id']}: {n}" for n in v["nodes"]]
        pytest.fail("\n".join(lines), pytrace=False)
