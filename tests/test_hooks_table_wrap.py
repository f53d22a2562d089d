"""Content tables wrapped at build as Material's bundle would wrap them (table_wrap.py)."""

from __future__ import annotations

import pytest
from table_wrap import CLOSE, OPEN, SELECTOR, rewrite_selectors, wrap_tables

pytestmark = pytest.mark.numeric_free


def page(article: str) -> str:
    return f'<html><body><table><tr><td>nav</td></tr></table><article class="md-content__inner">{article}</article></body></html>'


def test_a_plain_table_is_boxed_and_marked_and_the_rest_left_alone():
    html, n = wrap_tables(
        page(
            '<p>a</p><table><tr><td>1</td></tr></table><table class="highlighttable"></table>'
        )
    )
    assert n == 1
    assert f'{OPEN}<table class=""><tr><td>1</td></tr></table>{CLOSE}' in html
    assert '<table class="highlighttable"></table>' in html
    assert html.startswith("<html><body><table><tr>")  # outside the article


def test_other_attributes_are_kept_and_nested_tables_close_their_own_boxes():
    html, n = wrap_tables(
        page(
            '<table id="t" style="x"><tr><td><table><tr><td>in</td></tr></table></td></tr></table>'
        )
    )
    assert n == 2
    inner = f'{OPEN}<table class=""><tr><td>in</td></tr></table>{CLOSE}'
    assert html.count(OPEN) == 2 and inner in html
    assert (
        f'{OPEN}<table class="" id="t" style="x"><tr><td>{inner}</td></tr></table>{CLOSE}'
        in html
    )


def test_a_second_pass_and_a_page_without_article_change_nothing():
    once, _ = wrap_tables(page("<table><tr><td>1</td></tr></table>"))
    assert wrap_tables(once) == (once, 0)
    assert wrap_tables("<table></table>") == ("<table></table>", 0)


def test_unbalanced_tables_fail_loudly():
    with pytest.raises(ValueError, match="never closed"):
        wrap_tables(page("<table><tr><td>1</td></tr>"))
    with pytest.raises(ValueError, match="unbalanced"):
        wrap_tables(page("</table>"))


def test_materials_selector_is_widened_to_the_marked_tables():
    css = ".md-typeset table:not([class]) th{a:b}.md-typeset table:not([class])+*{c:d}"
    assert rewrite_selectors(css) == (
        f".md-typeset {SELECTOR} th{{a:b}}.md-typeset {SELECTOR}+*{{c:d}}"
    )
