"""Maths on the built site is HTML from the build (scripts/hooks/katex_render.py).

With JavaScript off, a markdown page and a notebook page show KaTeX's markup and no raw TeX;
no built page refers to KaTeX's JavaScript, and the build does not ship it. (That no page
requests it in a browser is checked page by page in tests/test_site_browser.py.)
Run after `mkdocs build` (marked ``site``).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.site

# A maths-heavy markdown page (inline and display maths) and a notebook page with $ and $$.
PAGES = ["00-foundations/linear-algebra/", "labs/08-efficient/"]

RAW_TEX = """() => {
    const article = document.querySelector('article').cloneNode(true);
    article.querySelectorAll('.katex, pre, code, script, style').forEach(el => el.remove());
    const text = article.textContent;
    return {
        katex: document.querySelectorAll('article .katex').length,
        display: document.querySelectorAll('article .katex-display').length,
        errors: document.querySelectorAll('.katex-error').length,
        raw: (text.match(/\\\\\\(|\\\\\\[|\\$[^$\\n]+\\$/g) || []).slice(0, 5),
    };
}"""


def test_maths_reads_with_javascript_off(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    scripts = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    try:
        for rel in PAGES:
            page.goto(site_url + rel, wait_until="load")
            state = page.evaluate(RAW_TEX)
            assert state["katex"] > 10 and state["display"] >= 1, (rel, state)
            assert state["errors"] == 0 and not state["raw"], (rel, state)
            # KaTeX's fonts are served by the site and the formulas take up space on the page
            box = page.locator("article .katex-display").first.bounding_box()
            assert box and box["height"] > 10, (rel, box)
    finally:
        context.close()
    assert not scripts, f"scripts ran with JavaScript off: {scripts}"


def test_no_page_refers_to_katex_javascript(site_dir):
    assert not (site_dir / "assets" / "katex" / "katex.min.js").exists()
    assert (site_dir / "assets" / "katex" / "katex.min.css").is_file()
    offenders = [
        html.relative_to(site_dir).as_posix()
        for html in site_dir.rglob("*.html")
        if "katex.min.js" in (text := html.read_text(encoding="utf-8"))
        or "auto-render" in text
    ]
    assert not offenders, f"pages that load KaTeX's JavaScript: {offenders}"
