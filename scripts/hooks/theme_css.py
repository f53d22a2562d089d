"""Material's stylesheet, cut to the rules this site can use.

Material for MkDocs ships one stylesheet (about 137 KB) for every feature it has: content
tabs, cards, blog posts, annotations, tooltips and more. A browser tries the rules against
the elements each time it recomputes styles, and on a long page (linear algebra: 8,600
elements, most of them maths and highlighted code) Material's own scripts force several
full recomputations while the page starts; on a phone that is most of the time the page is
unresponsive. Rules such as the content tabs' ``... > :nth-child(7)`` (over a hundred of
them) are tried on every element and can never match here.

After the build this hook keeps the rules whose selectors may match some page of the site
(``css_prune``: a rule goes only when no page and no script of the site has a class, id or
element name the selector needs), writes the result as ``main.<hash>.min.css`` and points
every page at it. Markup that scripts make counts: every word of the site's JavaScript
(Material's bundle builds the search results, copy buttons and tooltips; the widgets build
their controls) counts as a name that may occur, and a word that ends in ``-`` or ``_`` as
the start of names built at run time (``tabbed-control--${e}``). Every custom property is
kept, since scripts and other stylesheets read them. ``tests/test_site_theme_css.py`` checks
in the browser that no rule that went matches anything on the pages, search open. The
content tables' selector is then widened to the tables table_wrap.py wrapped at build.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from css_prune import Names, prune_css  # noqa: E402
from table_wrap import rewrite_selectors  # noqa: E402

MAIN = "assets/stylesheets"
# A built page's tags and its class and id attributes (the build writes them quoted).
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_CLASS = re.compile(r"""\sclass=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_WORD = re.compile(r"[A-Za-z_-][\w-]*")


def _values(pattern: re.Pattern, html: str):
    for m in pattern.finditer(html):
        yield m.group(1) or m.group(2) or m.group(3) or ""


def site_names(pages: list[str], scripts: list[str]) -> Names:
    """The names the site's pages and scripts may put in a document."""
    names = Names()
    words: set[str] = set()
    for html in pages:
        names.tags.update(t.lower() for t in _TAG.findall(html))
        for value in _values(_CLASS, html):
            names.classes.update(value.split())
        names.ids.update(v for v in _values(_ID, html) if v)
        for js in _SCRIPT.findall(html):  # inline scripts
            words.update(_WORD.findall(js))
    for js in scripts:
        words.update(_WORD.findall(js))
    names.classes |= words
    names.ids |= words
    names.tags |= {w.lower() for w in words}
    names.prefixes = tuple(
        sorted(w for w in words if len(w) > 3 and w.endswith(("-", "_")))
    )
    return names


def prune_theme(site: Path) -> tuple[str, str, int, int]:
    """Prune Material's main stylesheet in a built ``site`` and repoint its pages; returns
    (old name, new name, old size, new size)."""
    sheets = sorted((site / MAIN).glob("main.*.min.css"))
    if len(sheets) != 1:
        raise RuntimeError(
            f"expected one Material main stylesheet in {site / MAIN}, found {sheets}"
        )
    old = sheets[0]
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    scripts = [p.read_text(encoding="utf-8") for p in site.rglob("*.js")]
    css = old.read_text(encoding="utf-8")
    pruned = rewrite_selectors(
        prune_css(css, site_names(list(pages.values()), scripts), keep_variables=True)
    )
    digest = hashlib.sha256(pruned.encode()).hexdigest()[:8]
    new = old.with_name(f"main.{digest}.min.css")
    new.write_text(pruned, encoding="utf-8")
    ref_old, ref_new = f"{MAIN}/{old.name}", f"{MAIN}/{new.name}"
    for path, html in pages.items():
        if ref_old in html:
            path.write_text(html.replace(ref_old, ref_new), encoding="utf-8")
    old.unlink()
    old.with_name(old.name + ".map").unlink(missing_ok=True)
    return old.name, new.name, len(css), len(pruned)


def on_post_build(config, **kwargs) -> None:
    prune_theme(Path(config["site_dir"]))
