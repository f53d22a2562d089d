"""Small edits of a page's HTML shared by the hooks that add to a page."""

from __future__ import annotations

import re

_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def insert_after_h1(page_html: str, snippet: str) -> str:
    """``snippet`` right under the page's title (at the start when the page has none)."""
    m = _H1_END.search(page_html)
    return (
        page_html[: m.end()] + snippet + page_html[m.end() :]
        if m
        else snippet + page_html
    )
