"""The page scripts of the built site: all deferred, in the order they depend on.

``overrides/main.html`` defers every script it and Material put at the end of ``<body>``, so
that Material's bundle runs in a task of its own once the page is parsed, and not inside the
task that parses the end of the page (where its first read of the scroll offset made the
browser lay out the whole page: benchmarks/lighthouse.py, benchmarks/compile_hints.py).
Deferred scripts run in document order, before ``DOMContentLoaded``: startup.js and
search-on-demand.js must come before the bundle (they take over some of what it does as it
starts), and the extra scripts after it (they subscribe to its ``document$``). Run after
``mkdocs build`` (marked ``site``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml
from site_fixtures import ROOT

pytestmark = pytest.mark.site
BEFORE_BUNDLE = ["javascripts/startup.js", "javascripts/search-on-demand.js"]
BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
_SITE_PATH = re.compile(r"^(?:\.\./)*/?")  # a page's way up to the site root


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("src"):
            self.found.append(dict(attrs))


def extra_javascript() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV and python tags that a plain YAML reader does not know
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return [e if isinstance(e, str) else e["path"] for e in config["extra_javascript"]]


def page_scripts(html: str) -> list[dict[str, str | None]]:
    parser = _Scripts()
    parser.feed(html)
    return parser.found


def test_every_page_defers_its_scripts_in_dependency_order(site_dir):
    extra = extra_javascript()
    pages = [
        p for p in site_dir.rglob("*.html") if "<body" in p.read_text(encoding="utf-8")
    ]
    assert len(pages) > 50
    problems = []
    for path in pages:
        scripts = page_scripts(path.read_text(encoding="utf-8"))
        rel = path.relative_to(site_dir)
        srcs = [s["src"] for s in scripts]
        bundle = [i for i, src in enumerate(srcs) if BUNDLE.search(src)]
        if len(bundle) != 1:
            problems.append(f"{rel}: {len(bundle)} Material bundles in {srcs}")
            continue
        before = [_SITE_PATH.sub("", src) for src in srcs[: bundle[0]]]
        after = [_SITE_PATH.sub("", src) for src in srcs[bundle[0] + 1 :]]
        if before[-2:] != BEFORE_BUNDLE:
            problems.append(
                f"{rel}: before the bundle {before}, expected to end {BEFORE_BUNDLE}"
            )
        if after[: len(extra)] != extra:
            problems.append(f"{rel}: after the bundle {after}, expected {extra} first")
        for s in scripts:
            if "defer" not in s and s.get("type") != "module" and "async" not in s:
                problems.append(f"{rel}: {s['src']} is neither deferred nor a module")
    assert not problems, "\n".join(problems[:20])


def test_deferred_scripts_have_all_run_when_material_starts(browser, site_url):
    """An init script's DOMContentLoaded listener on ``document`` runs before Material's
    (it was added first): by then every deferred script has run, and Material's observables
    and search-on-demand.js's stand-in worker are in place. A listener on ``window`` runs
    after Material's (the event bubbles up to it), at the end of Material's start: the
    self-checks and the accessibility fixes have not run yet, in a task of their own (main.js,
    selfcheck.js, a11y.js), and they have run by the time the page has loaded."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(
        """const count = (sel) => document.querySelectorAll(sel).length;
           const MOUNTED = '.selfcheck[data-selfcheck-mounted]', FIXED = '[data-a11y-scroll]';
           document.addEventListener('DOMContentLoaded', () => {
             window.__beforeMaterial = {
               state: document.readyState,
               documentObservable: typeof window.document$ === 'object',
               component: typeof window.component$ === 'object',
               workerStandIn: !/native code/.test(String(window.Worker)),
             };
           });
           window.addEventListener('DOMContentLoaded', () => {
             window.__afterMaterial = {
               started: document.documentElement.classList.contains('js'),
               selfchecks: count(MOUNTED), fixed: count(FIXED),
             };
           });
           window.addEventListener('load', () => {
             setTimeout(() => { window.__loaded = { selfchecks: count(MOUNTED), fixed: count(FIXED) }; }, 200);
           });"""
    )
    try:
        page.goto(site_url + "00-foundations/linear-algebra/", wait_until="load")
        page.wait_for_function("window.__loaded !== undefined")
        before, after, loaded = page.evaluate(
            "[window.__beforeMaterial, window.__afterMaterial, window.__loaded]"
        )
        assert before == {
            "state": "interactive",
            "documentObservable": True,
            "component": True,
            "workerStandIn": True,
        }
        assert after == {"started": True, "selfchecks": 0, "fixed": 0}
        assert loaded["selfchecks"] > 0 and loaded["fixed"] > 0, loaded
    finally:
        context.close()
