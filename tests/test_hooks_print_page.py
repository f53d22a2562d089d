"""The print page hook (scripts/hooks/print_page.py): how a page's content is rewritten to sit
inside the whole-course page, and which pages it takes from ``nav``."""

from __future__ import annotations

from types import SimpleNamespace as NS

import print_page as pp  # scripts/hooks is on sys.path (root conftest.py)
import pytest

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free

ANCHORS = {"/00-foundations/calculus/": "p3-", "/00-foundations/linear-algebra/": "p2-"}


def rewrite(content: str) -> str:
    return pp.rewrite(
        content, "00-foundations/linear-algebra/", "p2-", ANCHORS, "print/"
    )


def test_ids_labels_and_in_page_links_get_the_page_prefix():
    out = rewrite(
        '<h2 id="norms">Norms</h2><a href="#norms">x</a><input id="t1"><label for="t1">'
        '<div aria-labelledby="a b"></div><a href="#">top</a>'
    )
    assert 'id="p2-norms"' in out and 'href="#p2-norms"' in out
    assert 'id="p2-t1"' in out and 'for="p2-t1"' in out
    assert 'aria-labelledby="p2-a p2-b"' in out
    assert 'href="#"' in out


def test_links_to_pages_that_are_here_go_to_their_part_here():
    out = rewrite('<a href="../calculus/#chain-rule">c</a><a href="../calculus/">c</a>')
    assert 'href="#p3-chain-rule"' in out and 'href="#p3-top"' in out


def test_other_relative_links_and_images_are_made_relative_to_the_print_page():
    out = rewrite(
        '<img src="../figures/norms.svg#only-light"><a href="../../reference/maths/#x">r</a>'
        '<a href="https://example.org/a">e</a><img src="data:image/png;base64,AAA">'
    )
    assert 'src="../00-foundations/figures/norms.svg#only-light"' in out
    assert 'href="../reference/maths/#x"' in out
    assert (
        'href="https://example.org/a"' in out
        and 'src="data:image/png;base64,AAA"' in out
    )


def test_headings_move_down_widgets_stay_unstarted_details_open_scripts_go():
    out = rewrite(
        '<h1>T</h1><h3>S</h3><h6>x</h6><div data-widget="signal-graph"></div>'
        '<details class="note"><summary>s</summary></details><script>alert(1)</script>'
    )
    assert "<h2>T</h2>" in out and "<h4>S</h4>" in out and "<h6>x</h6>" in out
    assert 'data-print-widget="signal-graph"' in out and "data-widget=" not in out
    assert '<details open class="note">' in out
    assert "<script" not in out


def test_identical_styles_are_kept_once():
    seen: set[str] = set()
    a = pp._keep_styles_once("<style>x{}</style><style>y{}</style>", seen)
    b = pp._keep_styles_once("<style>x{}</style>", seen)
    assert a.count("<style>") == 2 and b == ""


def page(src: str, url: str, title: str = "") -> NS:
    return NS(
        is_page=True,
        is_section=False,
        file=NS(src_uri=src),
        url=url,
        title=title,
        content=f"<h1>{title}</h1>",
    )


def test_course_parts_are_the_module_sections_in_order_then_the_reading_list():
    nav = NS(
        items=[
            page("index.md", "", "Home"),
            NS(
                is_page=False,
                is_section=True,
                title="0 · Foundation mathematics",
                children=[
                    page("00/index.md", "00/", "M0"),
                    NS(
                        is_page=False,
                        is_section=True,
                        title="sub",
                        children=[page("00/a.md", "00/a/", "A")],
                    ),
                ],
            ),
            NS(
                is_page=False,
                is_section=True,
                title="Interactive",
                children=[page("w.md", "w/", "W")],
            ),
            page("reading-list.md", "reading-list/", "Reading list"),
        ]
    )
    parts = pp.course_parts(nav)
    assert [(t, [p.url for p in ps]) for t, ps in parts] == [
        ("0 · Foundation mathematics", ["00/", "00/a/"]),
        ("Reading list", ["reading-list/"]),
    ]
    built = pp.build(parts, "print/")
    assert built.index("M0") < built.index(">A<") < built.index("Reading list</h1>")
    assert built.count('class="print-module"') == 2


def test_lazily_loaded_figures_load_at_once_on_paper():
    lab = page("labs/x.py", "labs/x/", "Lab")
    lab.content = (
        '<h1>Lab</h1><img src="x-figure-1.png" width="4" height="3" loading="lazy">'
    )
    built = pp.build([("Labs", [lab])], "print/")
    assert 'src="../labs/x/x-figure-1.png" width="4" height="3">' in built
    assert "lazy" not in built
