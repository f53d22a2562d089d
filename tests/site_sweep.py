"""One sweep of every built page in a real browser, shared by the per-page site tests.

Three tests look at every page: tests/test_site_browser.py (it loads clean: no console error,
exception or foreign request; maths rendered; stamps), tests/test_site_mobile.py (it fits a
390 px screen) and tests/test_site_accessibility.py (axe-core finds no WCAG 2.1 A/AA
violation, in the light and dark palettes, at 1280 and 390 px). Opening each page once per
test cost three loads of every page; this sweep opens every page once, at 390 x 844, runs
every check that belongs to that width, then widens the same load to 1280 x 900 (a resize:
Material's layout and the site's scripts follow the width, and a11y.js re-examines its scroll
boxes) and runs the checks of that width. Errors logged during the load belong to the 390 px
visit, those logged after widening to the 1280 px one.
axe runs once per palette the page is checked in, on the same load: the body's
``data-md-color-scheme`` (what Material's palette toggle and ``prefers-color-scheme`` set,
and the only thing the site's and the theme's stylesheets read) is switched to ``slate`` and
back between the runs (tests/test_site_accessibility.py checks that the dark palette a
reader's system chooses sets exactly that attribute).

The sweep runs once per test session (``page_sweep`` fixture), only the checks that the
session's selected tests need, and only the widths they need. Several browser tabs work at
once, so that one page loads while axe works on another; each tab is taken up again as soon
as its page has done what it was given (its load event, or a message on its console at the
end of settling and of axe: tests/site_sweep_js.py), never kept waiting on another tab.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from site_fixtures import logged_page
from site_sweep_js import (  # noqa: F401  (SETTLED and MATHS_STATE: other tests import them here)
    DONE,
    MATHS_STATE,
    SETTLED,
    START_AXE,
    START_SETTLING,
)

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {1280: 900, 390: 844}
WORKERS = 3
# The tests that read the sweep, and what each needs from it.
NEEDS = {
    "test_every_page_loads_clean_with_rendered_maths": "clean",
    "test_every_page_fits_a_390px_screen": "mobile",
    "test_axe_finds_no_wcag21_aa_violation": "axe",
}


def built_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, except the whole-course print page: its content is the
    other pages' content, checked on those pages; tests/test_site_print.py checks the rest."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        if rel.startswith(("assets", "search")) or rel in ("404", "print"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def open_settled(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.evaluate(SETTLED)


COMBOS = [(390, "default"), (1280, "slate"), (390, "slate"), (1280, "default")]


def axe_jobs(
    pages: list[str], everything: bool = False
) -> set[tuple[str, tuple[int, str]]]:
    """The (page, (width, palette)) pairs axe checks: by default every page once, the four
    combinations taken in turn along the sorted page list, and the widget pages in all four;
    with ``everything`` every page in all four."""
    if everything:
        return {(rel, combo) for rel in pages for combo in COMBOS}
    jobs = {(rel, COMBOS[i % len(COMBOS)]) for i, rel in enumerate(pages)}
    jobs |= {
        (rel, combo) for rel in pages if rel.startswith("widgets/") for combo in COMBOS
    }
    return jobs


@dataclass
class PageVisit:
    """What one load of one page at one width showed."""

    rel: str
    width: int
    # console errors, exceptions, foreign requests
    errors: list[str] = field(default_factory=list)
    katex_js: list[str] = field(default_factory=list)
    maths: dict | None = None  # at 1280 px
    mobile: dict | None = None  # at 390 px
    widgets: int = 0
    axe: dict[str, list] = field(default_factory=dict)  # palette -> violations


@dataclass
class Sweep:
    pages: list[str]
    needs: set[str]
    axe_jobs: set[tuple[str, tuple[int, str]]]
    visits: dict[tuple[str, int], PageVisit] = field(default_factory=dict)
    seconds: float = 0.0  # the whole sweep
    # waiting with every tab's page loading, settling or running axe
    wait_seconds: float = 0.0


POLL_MS = 20  # how often the sweep looks for a tab that is done, while none is
STALLED_S = 60  # a tab not done by then is waited for (Playwright's timeouts apply)


class _Tab:
    """One browser tab. It opens a page at the first width, then widens the same load to the
    next width (a resize, not a second load). Each step only starts work in the browser
    (navigating, settling, axe); the tab says when that work is done (``ready``: the page's
    load event, or its console message), and only then does the sweep collect it and start
    the next step, so no tab waits on another's page."""

    def __init__(self, context, site_url: str):
        self.page, self.log = logged_page(context, site_url)
        self.katex_js: list[str] = []
        self.visit: PageVisit | None = None
        self.rel: str | None = None  # the page loaded in this tab
        self.widths: list[int] = []  # the widths still to check on it
        self.phase: str | None = None  # "loading", "settling", "axe" or None (free)
        self.ready = False  # the browser has done what the phase started
        self.since = 0.0  # when the phase started
        self.page.on("request", self._request)
        self.page.on("load", lambda _: self._done("loading"))
        self.page.on("console", lambda m: m.text == DONE and self._done(None))

    def _request(self, request) -> None:
        if "katex" in request.url and ".js" in request.url:
            self.katex_js.append(request.url)

    def _done(self, phase: str | None) -> None:
        if phase is None or self.phase == phase:
            self.ready = True

    def _start(self, phase: str) -> None:
        self.phase, self.ready, self.since = phase, False, time.monotonic()

    def due(self) -> bool:
        """Whether the tab's step can be collected now (or must be waited for)."""
        return self.ready or time.monotonic() - self.since > STALLED_S

    def begin(self, site_url: str, rel: str) -> None:
        """Open ``rel`` (or widen the page already open) at the next width."""
        width = self.widths.pop(0)
        self.visit = PageVisit(rel, width)
        self.page.set_viewport_size({"width": width, "height": VIEWPORTS[width]})
        if rel != self.rel:
            self.rel = rel
            self._start("loading")
            self.page.goto(site_url + rel, wait_until="commit")
        else:  # the same load, now at this width (a11y.js re-examines scroll boxes)
            self._start("settling")
            self.page.evaluate(START_SETTLING, DONE)

    def advance(self, sweep: Sweep, mobile) -> PageVisit | None:
        """One step: collect what the browser was doing and start the next thing; the visit
        when it is complete."""
        if self.phase == "loading":
            self.page.wait_for_load_state("load")
            self._start("settling")
            self.page.evaluate(START_SETTLING, DONE)
        elif self.phase == "settling":
            self.page.evaluate("() => window.__settled")
            self._start("axe")
            self.ready = self._check(sweep, mobile)
        else:  # "axe": the visit is complete once its result is in
            self.phase = None
            return self._finish()
        return None

    def _check(self, sweep: Sweep, mobile) -> bool:
        """The checks of the visit's width, and axe started if it has a job here; whether
        the step is already done (no axe)."""
        visit = self.visit
        if visit.width == 1280 and "clean" in sweep.needs:
            visit.maths = self.page.evaluate(MATHS_STATE)
        if visit.width == 390 and "mobile" in sweep.needs:
            visit.mobile = self.page.evaluate(*mobile)
            visit.widgets = self.page.locator(".widget").count()
        schemes = [
            s
            for s in ("default", "slate")
            if (visit.rel, (visit.width, s)) in sweep.axe_jobs
        ]
        if schemes and "axe" in sweep.needs:
            if not self.page.evaluate("typeof axe !== 'undefined'"):
                self.page.add_script_tag(path=str(AXE))
            self.page.evaluate(START_AXE, [TAGS, schemes, DONE])
            return False
        self.page.evaluate("window.__axeResult = null")
        return True

    def _finish(self) -> PageVisit:
        """The visit's axe result, and what the tab logged since the last visit ended (the
        load's errors go to the first width's visit)."""
        visit, self.visit = self.visit, None
        visit.axe = self.page.evaluate("() => window.__axeResult") or {}
        log = self.log
        visit.errors = (
            [f"console error: {e}" for e in log.console_errors]
            + [f"uncaught exception: {e}" for e in log.page_errors]
            + [f"request to another origin: {u}" for u in log.foreign_requests]
        )
        visit.katex_js = list(self.katex_js)
        for seen in (log.console_errors, log.page_errors, log.foreign_requests):
            seen.clear()
        self.katex_js.clear()
        return visit


def run_sweep(browser, site_url: str, sweep: Sweep, widths: list[int]) -> None:
    """Every page in ``sweep.pages`` at each of ``widths``: loaded once, at the narrowest
    width, then widened; several tabs at once, each advanced as soon as its page is done."""
    from test_site_mobile import MEASURE, TARGET

    start = time.monotonic()
    order = sorted(widths)
    context = browser.new_context(
        viewport={"width": order[0], "height": VIEWPORTS[order[0]]},
        color_scheme="light",
    )
    try:
        tabs = [_Tab(context, site_url) for _ in range(WORKERS)]
        queue = list(sweep.pages)
        while queue or any(t.phase or t.widths for t in tabs):
            moved = False
            for tab in tabs:
                if tab.phase:
                    if tab.due():
                        moved = True
                        visit = tab.advance(sweep, (MEASURE, TARGET))
                        if visit is not None:
                            sweep.visits[visit.rel, visit.width] = visit
                elif tab.widths:
                    moved = True
                    tab.begin(site_url, tab.rel)
                elif queue:
                    moved = True
                    tab.widths = list(order)
                    tab.begin(site_url, queue.pop(0))
            if not moved:  # every tab is busy in the browser: let its events arrive
                t0 = time.monotonic()
                tabs[0].page.wait_for_timeout(POLL_MS)
                sweep.wait_seconds += time.monotonic() - t0
    finally:
        context.close()
    sweep.seconds = time.monotonic() - start


@pytest.fixture(scope="session")
def page_sweep(request, browser, site_dir, site_url) -> Sweep:
    import os

    selected = {
        getattr(item, "originalname", item.name) for item in request.session.items
    }
    needs = {need for name, need in NEEDS.items() if name in selected}
    if "axe" in needs and not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` first")
    pages = built_pages(site_dir)
    sweep = Sweep(
        pages, needs, axe_jobs(pages, os.environ.get("SYLLABUS_A11Y_ALL") == "1")
    )
    widths = [
        w
        for w in VIEWPORTS
        if ("clean" in needs and w == 1280)
        or ("mobile" in needs and w == 390)
        or ("axe" in needs and any(c[0] == w for _, c in sweep.axe_jobs))
    ]
    run_sweep(browser, site_url, sweep, widths)
    print(
        f"\nsite sweep: {len(pages)} pages at {widths} px in {sweep.seconds:.0f} s "
        f"(every tab busy in the browser {sweep.wait_seconds:.0f} s of it)"
    )
    return sweep
