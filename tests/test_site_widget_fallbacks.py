"""The widgets' static versions in the built site (scripts/hooks/widget_fallbacks.py): the widget's
page and its module page carry the same fallback, rendered (a table, KaTeX maths), and with
JavaScript off a reader sees it. Run after `mkdocs build`."""

from __future__ import annotations

import re

import pytest
from test_hooks_widget_fallbacks import MODULE_PAGES

pytestmark = pytest.mark.site


def built(site_dir, md_path: str) -> str:
    return (site_dir / md_path.removesuffix(".md") / "index.html").read_text(
        encoding="utf-8"
    )


def fallback(html: str, name: str) -> str:
    start = re.search(
        rf'<div [^>]*data-widget="{name}"[^>]*>\s*<div class="widget-fallback">', html
    ).end()
    return html[start : html.index("</div>\n</div>", start)]


@pytest.mark.parametrize("name", sorted(MODULE_PAGES))
def test_both_pages_carry_the_same_rendered_fallback(site_dir, name):
    own, module = (
        fallback(built(site_dir, p), name)
        for p in (f"widgets/{name}.md", MODULE_PAGES[name])
    )
    assert own == module
    assert "<table" in own and "\\(" not in own  # maths rendered by KaTeX at build
    # Markdown rendered, marker replaced
    assert "| ---" not in own and "widget-fallback:" not in own


def test_with_javascript_off_the_fallbacks_show(browser, site_url):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    try:
        page = context.new_page()
        for path, names in {
            "05-cnns/convolution/": ["signal-graph", "conv2d-worked-example"],
            "widgets/network-visualizer/": ["network-visualizer"],
        }.items():
            page.goto(site_url + path)
            for name in names:
                box = page.locator(f'[data-widget="{name}"] .widget-fallback')
                assert box.is_visible(), (path, name)
                assert (
                    box.locator("table").count() == 1
                    and "Static version" in box.inner_text()
                ), (path, name)
    finally:
        context.close()
