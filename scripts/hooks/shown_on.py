"""API reference: under each function or class whose code a page shows, a line "Shown on: ..."
linking those pages (worked out at build from the pages' snippet includes, scripts/hooks/snippets.py)."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import snippets

HEADING_RE = re.compile(r'<h(?P<level>[2-6]) id="(?P<id>syllabus_code\.[\w.]+)"[^>]*>.*?</h(?P=level)>', re.DOTALL)

_shown: dict[str, list[str]] = {}


def on_files(files, config):
    global _shown
    _shown = snippets.shown_objects(Path(config["docs_dir"]))
    return files


def shown_on_html(page_html: str, shown: dict[str, list[str]], link) -> str:
    """Insert a "Shown on" paragraph after each reference heading whose object a page shows.
    ``link(src)`` gives (url, title) for a page's source path relative to docs/, or None."""
    def add(m: re.Match) -> str:
        pages = [link(src) for src in shown.get(m["id"], [])]
        pages = [p for p in pages if p]
        if not pages:
            return m[0]
        links = ", ".join(f'<a href="{html.escape(u)}">{html.escape(t)}</a>' for u, t in pages)
        return m[0] + f'\n<p class="shown-on">Shown on: {links}</p>'
    return HEADING_RE.sub(add, page_html)


def page_title(path: Path) -> str:
    """A page's title: its first level-1 heading (with its module number for a module page)."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"^# (.+)$", text, flags=re.MULTILINE)
    title = m.group(1).strip() if m else path.stem
    module = re.match(r"(\d\d)-", path.parent.name)
    return f"Module {int(module.group(1))}: {title}" if module else title


def on_page_content(page_html, page, config, files):
    if not page.file.src_uri.startswith("reference/"):
        return page_html

    def link(src: str):
        f = files.get_file_from_path(src)
        if f is None or not f.is_documentation_page():
            return None
        return f.url_relative_to(page.file), page_title(Path(config["docs_dir"]) / src)

    return shown_on_html(page_html, _shown, link)
