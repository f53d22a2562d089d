"""The pruned Material stylesheet on the built site: no rule that went matches anything.

``scripts/hooks/theme_css.py`` drops the rules of Material's stylesheet that no page and no
script of the site can match. The check here does not reuse its reasoning: it takes every
selector of Material's own stylesheet (from the installed package) that is missing from the
built one, makes it broader (pseudo-classes, pseudo-elements and ``:not(...)`` removed, so a
state such as ``:hover`` or ``:checked`` cannot hide a match) and asks the browser whether it
matches any element of the live page: after Material's scripts have built their markup, with
search open and showing results, on a page of each kind. Run after ``mkdocs build`` (marked
``site``).
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import tinycss2
from css_prune import _split_selectors
from table_wrap import rewrite_selectors

pytestmark = pytest.mark.site
PAGES = [
    "",
    "00-foundations/linear-algebra/",
    "05-cnns/convolution/",
    "widgets/architecture-playground/",
    "labs/08-efficient/",
]
_PSEUDO = re.compile(r"::?[a-zA-Z-]+")


def selectors(css: str) -> set[str]:
    found: set[str] = set()

    def walk(rules) -> None:
        for rule in rules:
            if rule.type == "qualified-rule":
                found.update(_split_selectors(tinycss2.serialize(rule.prelude)))
            elif rule.type == "at-rule" and rule.content is not None:
                walk(tinycss2.parse_rule_list(rule.content, True, True))

    walk(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    return found


def broader(selector: str) -> str:
    """``selector`` with every pseudo-class and pseudo-element (arguments included) removed:
    it matches at least what ``selector`` matches. A compound left empty stands for any
    element (``*``)."""
    out, i = [], 0
    while (m := _PSEUDO.search(selector, i)) is not None:
        out.append(selector[i : m.start()] + "\0")  # \0 marks where a pseudo was
        j = m.end()
        if j < len(selector) and selector[j] == "(":
            depth = 0
            while j < len(selector):
                depth += {"(": 1, ")": -1}.get(selector[j], 0)
                j += 1
                if depth == 0:
                    break
        i = j
    out.append(selector[i:])
    parts = re.split(r"(\s*[>+~]\s*|\s+)", "".join(out).strip())
    for k in range(0, len(parts), 2):  # compounds; the odd places are combinators
        parts[k] = parts[k].replace("\0", "") or "*"
    for k in range(1, len(parts), 2):
        parts[k] = f" {parts[k].strip()} " if parts[k].strip() else " "
    return "".join(parts)


@pytest.fixture(scope="module")
def dropped(site_dir: Path) -> list[str]:
    theme = Path(material.__file__).parent / "templates/assets/stylesheets"
    (original,) = theme.glob("main.*.min.css")
    (built,) = (site_dir / "assets/stylesheets").glob("main.*.min.css")
    # The content tables' selector is rewritten on purpose (table_wrap.py; its own test).
    gone = selectors(
        rewrite_selectors(original.read_text(encoding="utf-8"))
    ) - selectors(built.read_text(encoding="utf-8"))
    assert len(gone) > 100, "the build dropped almost nothing: is the hook still on?"
    return sorted({broader(s) for s in gone})


MATCHES = """(sels) => sels.filter((s) => {
  try { return document.querySelector(s) !== null; } catch (e) { return false; }
})"""


@pytest.mark.parametrize("path", PAGES)
def test_no_dropped_rule_matches_the_live_page(page_and_log, site_url, dropped, path):
    page, log = page_and_log
    page.goto(site_url + path, wait_until="networkidle")
    assert page.evaluate(MATCHES, dropped) == []
    page.keyboard.press("/")  # search open, with results
    page.locator("[data-md-component=search-query]").fill("gradient")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.evaluate(MATCHES, dropped) == []
    log.assert_clean()


def test_the_broader_selector_matches_at_least_as_much():
    assert broader(".a:hover > .b::before") == ".a > .b"
    assert broader(".md-typeset :is(h1, h2):not(.x) + p") == ".md-typeset * + p"
    assert broader(":first-child") == "*"
