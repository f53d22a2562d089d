"""Self-check questions at the end of each section page, checked in the browser.

A page ``docs/<module>/<page>.md`` gets the questions of ``docs/questions/<module>/<page>.py``
(a file defining ``questions() -> list[Numeric | Choice]``, see ``syllabus_code/selfcheck.py``):
the build appends a "Check your understanding" section to the page's Markdown (so the heading
is in the table of contents) holding a placeholder, and replaces the placeholder, once the page
is HTML, by the questions:

- what a reader may see before an attempt (the prompt, a multiple-choice question's options,
  a link to the module's answers page for readers without JavaScript) is plain HTML whose maths
  ``katex_render.py`` renders like the rest of the page;
- what only the checker may show after an attempt (the answer and tolerance, each likely
  mistake's value and hint, the generic hint, the options' explanations, the worked solution)
  is rendered here (Markdown, then KaTeX), and then encoded into the question's
  ``data-secret`` attribute: the JSON with its characters moved by a shift made from the page
  and question id (selfcheck_encode.py). It is obfuscation, not secrecy: the aim is that an
  answer cannot be read off the page (or the search index, which is made from the HTML at this
  stage) by accident.
  ``docs/javascripts/widgets/selfcheck/logic.js`` decodes it.

Each module with questions also gets a generated answers page, ``<module>/solutions/`` (not in
the navigation, left out of the search index), listing every question's answer and worked
solution: the no-JavaScript route, linked from every question. Each module's index page shows
"k of n answered" from the browser's localStorage (``selfcheck/view.js``); the build puts the
module's question ids there. The question files themselves are never copied to the site.

A question file that fails to load, returns anything but questions, repeats an id or has no
page stops the build with its path.

This file holds the MkDocs events; the work is done by ``selfcheck_load.py`` (finding and
checking the question files), ``selfcheck_encode.py`` (numbers shown and the ``data-secret``
encoding) and ``selfcheck_render.py`` (the HTML and the answers page).
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

sys.path.insert(0, str(Path(__file__).parent))
from page_html import insert_after_h1  # noqa: E402
from selfcheck_load import MODULE_FOLDER, QUESTIONS, PageQuestions, load_all  # noqa: E402
from selfcheck_render import (  # noqa: E402
    SECTION_ID,
    Renderer,
    progress_html,
    relative_url,
    section_html,
    solutions_markdown,
)

log = logging.getLogger("mkdocs.hooks.selfcheck")
SECTION_TITLE = "Check your understanding"
SOLUTIONS = "solutions.md"  # generated in each module folder that has questions
PLACEHOLDER = '<div class="selfcheck-placeholder" data-selfcheck-page="{key}"></div>'
_PLACEHOLDER = re.compile(
    r'<div class="selfcheck-placeholder" data-selfcheck-page="([^"]+)"></div>'
)


# --- MkDocs events -------------------------------------------------------------------------

_pages: dict[str, PageQuestions] = {}
_renderer: Renderer | None = None


def module_of(src_uri: str) -> str | None:
    parts = src_uri.split("/")
    return parts[0] if len(parts) == 2 and MODULE_FOLDER.match(parts[0]) else None


def on_files(files: Files, config) -> Files:
    global _pages
    docs_dir = Path(config["docs_dir"])
    _pages = load_all(docs_dir)
    for f in list(files):
        if f.src_uri.startswith(QUESTIONS + "/"):
            files.remove(f)  # the answers are in the question files: never copy them
    modules = sorted({pq.module for pq in _pages.values()})
    for module in modules:
        pages = sorted(
            (pq for pq in _pages.values() if pq.module == module),
            key=lambda pq: nav_position(config, pq.src_uri),
        )
        generated = File.generated(
            config,
            f"{module}/{SOLUTIONS}",
            content=solutions_markdown(module, pages, docs_dir),
        )
        generated.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(generated)
    n = sum(len(pq.questions) for pq in _pages.values())
    log.info(
        "self-check: %d questions on %d pages of %d modules",
        n,
        len(_pages),
        len(modules),
    )
    return files


def nav_position(config, src_uri: str) -> tuple:
    """Pages in the order of the navigation (then by name), for the answers page."""
    order: list[str] = []

    def walk(items) -> None:
        for item in items or []:
            if isinstance(item, str):
                order.append(item)
            elif isinstance(item, dict):
                for v in item.values():
                    walk([v] if isinstance(v, str) else v)

    walk(config.get("nav"))
    return (order.index(src_uri) if src_uri in order else len(order), src_uri)


def on_page_markdown(markdown: str, page, config, files) -> str:
    pq = _pages.get(page.file.src_uri)
    if pq is None:
        return markdown
    return (
        markdown.rstrip("\n")
        + f"\n\n## {SECTION_TITLE} {{ #{SECTION_ID} }}\n\n"
        + PLACEHOLDER.format(key=pq.key)
        + "\n"
    )


def _solutions_url(module: str, config) -> str:
    return (
        f"{module}/solutions/"
        if config.get("use_directory_urls", True)
        else f"{module}/solutions.html"
    )


def on_page_content(page_html: str, page, config, files) -> str:
    global _renderer
    src = page.file.src_uri
    module = module_of(src)
    if module is None:
        return page_html
    if _renderer is None:
        _renderer = Renderer(config)
    solutions_url = _solutions_url(module, config)
    pq = _pages.get(src)
    if pq is not None:
        section = section_html(pq, page.url, solutions_url, _renderer)
        page_html, n = _PLACEHOLDER.subn(lambda m: section, page_html, count=1)
        if n != 1:
            raise PluginError(
                f"{src}: the self-check placeholder was lost on the way to HTML"
            )
    if page.file.name == "index" and any(p.module == module for p in _pages.values()):
        url = relative_url(page.url, solutions_url)
        page_html = insert_after_h1(page_html, progress_html(module, _pages, url))
    return page_html


def on_post_build(config) -> None:
    _close()


def on_build_error(error) -> None:
    _close()


def on_shutdown() -> None:
    _close()


def _close() -> None:
    global _renderer
    if _renderer is not None:
        _renderer.close()
        _renderer = None
