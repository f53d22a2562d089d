"""Material's stylesheet cut to the rules the site can use (scripts/hooks/theme_css.py).

The one-way promise (no rule that may match is dropped) is css_prune's, tested in
tests/test_hooks_css_prune.py; tests/test_site_theme_css.py checks it on the built site in
the browser. Here: which names count (pages, inline and file scripts, run-time prefixes) and
what the hook does to a built site.
"""

from __future__ import annotations

import pytest
from theme_css import prune_theme, site_names

pytestmark = pytest.mark.numeric_free

PAGE = """<!doctype html><html><head><link rel="stylesheet"
href="../assets/stylesheets/main.0123abcd.min.css"></head>
<body class='md-body'><div class="a  b" id="top"><p class=c>x</p></div>
<script>el.classList.add("from-inline")</script></body></html>"""


def test_names_come_from_markup_and_from_scripts():
    names = site_names(
        [PAGE], ['x("div", {class: `tabbed-control tabbed-control--${e}`})']
    )
    assert {"md-body", "a", "b", "c", "from-inline", "tabbed-control"} <= names.classes
    assert "top" in names.ids and {"p", "div", "link"} <= names.tags
    assert "tabbed-control--" in names.prefixes
    assert "zzz" not in names.classes


@pytest.fixture
def site(tmp_path):
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (sheets / "main.0123abcd.min.css").write_text(
        ":root{--md-x:1px;--md-unread:2px}.a{color:red}.zzz{color:blue}"
        ".tabbed-control--next{margin:0}.from-js{padding:0}@page{margin:25mm}",
        encoding="utf-8",
    )
    (sheets / "main.0123abcd.min.css.map").write_text("{}", encoding="utf-8")
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "bundle.js").write_text(
        'add("from-js"); x(`tabbed-control--${e}`)', encoding="utf-8"
    )
    return tmp_path


def test_the_site_gets_a_pruned_sheet_under_a_new_name(site):
    old, new, before, after = prune_theme(site)
    assert old == "main.0123abcd.min.css" and new != old and after < before
    sheets = site / "assets" / "stylesheets"
    assert sorted(p.name for p in sheets.iterdir()) == [
        new
    ]  # the original and its map go
    css = (sheets / new).read_text(encoding="utf-8")
    assert ".zzz" not in css
    for kept in (
        ".a{",
        ".from-js{",
        ".tabbed-control--next{",
        "@page",
        "--md-unread:2px",
    ):
        assert kept in css, kept
    html = (site / "page" / "index.html").read_text(encoding="utf-8")
    assert f"assets/stylesheets/{new}" in html and old not in html


def test_a_site_without_exactly_one_material_sheet_is_an_error(site):
    sheets = site / "assets" / "stylesheets"
    (sheets / "main.ffffffff.min.css").write_text(".a{}", encoding="utf-8")
    with pytest.raises(RuntimeError, match="expected one Material main stylesheet"):
        prune_theme(site)
