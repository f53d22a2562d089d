"""Content tables are wrapped at build in the boxes Material's bundle would wrap them in.

Material's bundle, when a page starts, moves every content table without a class
(``table:not([class])``) into ``<div class="md-typeset__scrollwrap"><div
class="md-typeset__table">``, so a wide table scrolls sideways in its own box. Moving an
element of the article makes the browser restyle the whole article: on the linear algebra
page, 7,600 elements, 30-80 ms on a laptop and four times that on a phone, for one table.

This hook writes the same two boxes around each such table of a page's ``<article>`` and
marks the table with an empty class attribute, which the bundle's query no longer matches,
so it finds nothing to move. Material's stylesheet styles these tables through the same
selector, so theme_css.py rewrites it (``rewrite_selectors``) to match a table with no class
or an empty one; an empty class is what only this hook writes (docs/stylesheets/print.css
uses the same form). tests/test_site_table_wrap.py checks in the browser that no table is
moved or wrapped twice and that the cells are styled as Material styles its own.
"""

from __future__ import annotations

import re

MATERIAL_SELECTOR = "table:not([class])"
SELECTOR = 'table:is(:not([class]),[class=""])'
OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
CLOSE = "</div></div>"
_TABLE = re.compile(r"<(/?)table\b([^>]*)>", re.I)
_CLASS = re.compile(r"\sclass\s*=", re.I)
_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*)(</article>)", re.S | re.I)


def wrap_tables(html: str) -> tuple[str, int]:
    """``html`` with every ``<table>`` that has no class attribute inside its ``<article>``
    wrapped as Material wraps it and given ``class=""``; and how many were wrapped. Tables
    with a class (highlighted code, data frames) and tables outside the article are left as
    they are; a second pass changes nothing."""
    article = _ARTICLE.search(html)
    if article is None:
        return html, 0
    body = article.group(2)
    out: list[str] = []
    stack: list[bool] = []  # for each open table: was it wrapped
    last = count = 0
    for m in _TABLE.finditer(body):
        out.append(body[last : m.start()])
        last = m.end()
        if m.group(1):  # </table>
            if not stack:
                raise ValueError(f"unbalanced </table> at {m.start()} of an article")
            out.append(m.group(0) + (CLOSE if stack.pop() else ""))
        elif _CLASS.search(m.group(2)):
            stack.append(False)
            out.append(m.group(0))
        else:
            stack.append(True)
            count += 1
            out.append(f'{OPEN}<table class=""{m.group(2)}>')
    if stack:
        raise ValueError("a <table> of the article is never closed")
    out.append(body[last:])
    return html[: article.start(2)] + "".join(out) + html[article.end(2) :], count


def rewrite_selectors(css: str) -> str:
    """Material's stylesheet with its selector for content tables matching the tables this
    hook marked (same specificity: ``:is()`` counts as its most specific argument)."""
    return css.replace(MATERIAL_SELECTOR, SELECTOR)


def on_post_page(output: str, page, config) -> str:
    return wrap_tables(output)[0]
