"""The whole course on one page, for paper: ``docs/print.md`` becomes every module in order.

``docs/print.md`` holds only the page's introduction. While the site builds, this hook fills
that page with the content of every page of modules 0 to 9 in the order of ``nav`` (labs
included), then the reading list: each module opens with its title from ``nav`` on a new
sheet, and each page's headings move one level down under it. The content is what the pages
themselves show (MkDocs renders every page's Markdown before it writes any page), so the
code is there, the figures are there, and the maths is rendered by
``scripts/hooks/katex_render.py`` like every page's. For print:

* widgets are not started: ``data-widget`` becomes ``data-print-widget``, so
  ``javascripts/main.js`` leaves each one's fallback table in place;
* images load at once (no ``loading="lazy"``: a printed page is not scrolled);
* collapsed blocks (``??? note``) are opened, and scripts inside the content are dropped
  (notebook outputs' clipboard helpers); identical ``<style>`` blocks (each lab carries the
  notebook stylesheet) are kept once;
* every ``id`` gets the page's prefix (``p12-``), so ids stay unique, and every link is
  rewritten for this page: a link to a part of a page that is here goes to that part here,
  any other relative link or image is made relative to this page.

``scripts/print_pdf.py`` prints this page to ``site/print/course.pdf`` with the headless
browser after the build (``make site``, ``make test-site``); ``stylesheets/print.css`` is its
print stylesheet.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from urllib.parse import urlsplit

PRINT_SRC = "print.md"
_MODULE = re.compile(r"^\d+ · ")
_ATTR = re.compile(
    r'\s(id|for|href|src|aria-labelledby|aria-describedby|aria-controls)="([^"]*)"'
)
_HEADING = re.compile(r"<(/?)h([1-5])\b")
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)


def course_parts(nav) -> list[tuple[str, list]]:
    """(title, pages) of each module section of ``nav`` in order, then the reading list."""
    parts = []
    for item in nav.items:
        if item.is_section and _MODULE.match(item.title or ""):
            parts.append((item.title, [p for p in _pages(item)]))
        elif item.is_page and item.file.src_uri == "reading-list.md":
            parts.append((item.title, [item]))
    return parts


def _pages(section) -> list:
    out = []
    for child in section.children:
        if child.is_page:
            out.append(child)
        elif child.is_section:
            out += _pages(child)
    return out


def _page_path(url: str) -> str:
    """A page's folder as an absolute path: ``00-foundations/notation/`` -> ``/00-foundations/notation/``."""
    return "/" + url if not url.startswith("/") else url


def rewrite(
    content: str, page_url: str, prefix: str, anchors: dict[str, str], print_url: str
) -> str:
    """``content`` of the page at ``page_url`` as it must read inside the print page."""
    base = _page_path(page_url)
    here = _page_path(print_url)

    def attr(m: re.Match) -> str:
        name, value = m.group(1), m.group(2)
        if name in ("id", "for"):
            return f' {name}="{prefix}{value}"'
        if name.startswith("aria-"):
            return f' {name}="{" ".join(prefix + v for v in value.split())}"'
        if value.startswith("#"):
            return f' {name}="#{prefix}{value[1:]}"' if len(value) > 1 else m.group(0)
        parts = urlsplit(value)
        if (
            parts.scheme
            or parts.netloc
            or value.startswith(("/", "data:", "mailto:"))
            or not value
        ):
            return m.group(0)
        target = posixpath.normpath(posixpath.join(base, parts.path))
        if parts.path.endswith("/") or parts.path == "":
            target = target.rstrip("/") + "/"
        if name == "href" and target in anchors:  # a page that is here: its part here
            other = anchors[target]
            return (
                f' href="#{other}{parts.fragment}"'
                if parts.fragment
                else f' href="#{other}top"'
            )
        rel = posixpath.relpath(target, here.rstrip("/") or "/")
        if target.endswith("/") and not rel.endswith("/"):
            rel += "/"
        if parts.query:
            rel += "?" + parts.query
        if parts.fragment:
            rel += "#" + parts.fragment
        return f' {name}="{rel}"'

    content = _ATTR.sub(attr, content)
    content = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", content)
    content = content.replace("data-widget=", "data-print-widget=")
    content = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", content)
    return _SCRIPT.sub("", content)


def _keep_styles_once(content: str, seen: set[str]) -> str:
    def style(m: re.Match) -> str:
        digest = hashlib.sha1(m.group(1).encode()).hexdigest()
        if digest in seen:
            return ""
        seen.add(digest)
        return m.group(0)

    return _STYLE.sub(style, content)


def build(parts, print_url: str) -> str:
    anchors, n = {}, 0
    for _, pages in parts:
        for page in pages:
            n += 1
            anchors[_page_path(page.url)] = f"p{n}-"
    out, seen_styles, n = [], set(), 0
    for m, (title, pages) in enumerate(parts):
        # No id on the sections: Material names each code block after its nearest ancestor
        # with an id, which must not be shared by several blocks.
        out.append(f'<section class="print-module">\n<h1 id="module-{m}">{title}</h1>')
        for page in pages:
            n += 1
            prefix = f"p{n}-"
            content = rewrite(page.content or "", page.url, prefix, anchors, print_url)
            content = _keep_styles_once(content, seen_styles).replace(
                ' loading="lazy"', ""
            )
            out.append(
                f'<section class="print-page"><span id="{prefix}top"></span>\n{content}\n</section>'
            )
        out.append("</section>")
    return "\n".join(out)


def on_page_context(context, page, config, nav):
    """Every other page's content is rendered by now (MkDocs renders all the Markdown
    before it writes any page)."""
    if page.file.src_uri != PRINT_SRC:
        return context
    parts = course_parts(nav)
    page.content = (page.content or "") + build(parts, page.url)
    return context
