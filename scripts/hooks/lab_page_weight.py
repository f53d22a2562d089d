"""Lab pages as light as the other pages: only the notebook CSS they use, figures as files.

A lab page rendered by mkdocs-jupyter carried JupyterLab's whole stylesheet inline (about
570 KB, 88 KB gzip; most of it for menus, dialogs and widgets no lab has) and every figure
as a base64 PNG inside the HTML, so the page weighed over 300 KB gzip before a phone could
use it, and the browser matched 3,000 unused rules against every element. This hook, on
each lab page's content:

* prunes its inline ``<style>`` blocks to the rules the page can use (``css_prune``;
  a rule is dropped only when the page lacks a class, id or element its selector needs);
* writes each inline PNG beside the page (``<lab>-figure-<n>.png``) and points the image at
  it, with its width and height (read from the PNG, so the page does not shift when it
  arrives) and ``loading="lazy"``: a figure below the screen is fetched when the reader
  scrolls near it, not before the page is usable.

It works on the page content, before ``print_page`` gathers the labs into the print page
(which drops the lazy loading: a printed page has no scrolling). Checked by
tests/test_hooks_lab_page_weight.py and, on the built site, tests/test_site_labs.py.
"""

from __future__ import annotations

import base64
import binascii
import pathlib
import re
import struct
import sys
from html import escape as html_escape
from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from css_prune import page_names, prune_stylesheets  # noqa: E402

_STYLE = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.S | re.I)
_PNG_IMG = re.compile(
    r'<img\b([^>]*?)\ssrc="data:image/png;base64,([^"]+)"([^>]*)>', re.S
)
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# Elements and classes that Material's JavaScript adds inside the content after load (copy
# buttons on code blocks); rules for them must survive pruning.
_ADDED_BY_THEME = {
    "tags": {"button", "nav", "span", "div", "a", "svg", "path"},
    "classes": {"md-clipboard", "md-icon", "md-code__nav", "md-code__button"},
}


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (its IHDR chunk)."""
    if data[:8] != _PNG_MAGIC or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file (no PNG signature and IHDR chunk)")
    return struct.unpack(">II", data[16:24])


def prune_styles(html: str) -> str:
    """Each ``<style>`` in ``html`` pruned to the rules its markup can use."""
    names = page_names(_STYLE.sub("", html))
    names.tags |= _ADDED_BY_THEME["tags"]
    names.classes |= _ADDED_BY_THEME["classes"]
    pruned = iter(prune_stylesheets([m.group(2) for m in _STYLE.finditer(html)], names))
    return _STYLE.sub(lambda m: m.group(1) + next(pruned) + m.group(3), html)


_DESCRIPTION = re.compile(r"^[ \t]*# Figure: (.+(?:\n[ \t]*#[ \t]{2,}\S.*)*)", re.M)


def figure_descriptions(nb, stem: str) -> dict[str, str]:
    """Each figure a lab's executed notebook shows (its PNG, base64) -> its description: the
    ``# Figure: ...`` comment of the cell that draws it (one per figure, in order; more
    comment lines indented by two spaces continue it). A figure without one fails the build:
    "No description has been provided for this image" tells a screen-reader user nothing."""
    out = {}
    for n, cell in enumerate(nb.cells, 1):
        if cell.cell_type != "code":
            continue
        texts = [
            " ".join(
                part.strip().lstrip("#").strip() for part in m.group(1).split("\n")
            )
            for m in _DESCRIPTION.finditer(cell.source)
        ]
        pngs = [
            o.data["image/png"].replace("\n", "")
            for o in cell.get("outputs", [])
            if "image/png" in o.get("data", {})
        ]
        if len(texts) != len(pngs):
            raise PluginError(
                f"lab_page_weight: {stem}, cell {n}: it shows {len(pngs)} figure(s) and "
                f"describes {len(texts)}; give each figure a '# Figure: ...' comment"
            )
        out.update(zip(pngs, texts))
    return out


def figures_to_files(
    html: str, folder: pathlib.Path, stem: str, alts: dict[str, str] | None = None
) -> str:
    """Each inline PNG of ``html`` written to ``folder`` and referenced by file name, with
    its description from ``alts`` (base64 -> text) as its alt text when given."""
    count = 0

    def write(m: re.Match) -> str:
        nonlocal count
        encoded = re.sub(r"\s", "", m.group(2))
        try:
            data = base64.b64decode(encoded, validate=True)
            width, height = png_size(data)
        except (binascii.Error, ValueError) as err:
            raise PluginError(
                f"lab_page_weight: {stem}: a figure is not a valid PNG ({err})"
            ) from err
        count += 1
        name = f"{stem}-figure-{count}.png"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        attrs = (m.group(1) + m.group(3)).rstrip().rstrip("/").rstrip()
        attrs = re.sub(r'\s(width|height|loading|decoding)="[^"]*"', "", attrs)
        if alts is not None:
            if encoded not in alts:
                raise PluginError(
                    f"lab_page_weight: {stem}: figure {count} has no description"
                )
            attrs = (
                re.sub(r'\salt="[^"]*"', "", attrs)
                + f' alt="{html_escape(alts[encoded])}"'
            )
        return (
            f'<img{attrs} src="{name}" width="{width}" height="{height}" '
            f'loading="lazy" decoding="async">'
        )

    return _PNG_IMG.sub(write, html)


def on_page_content(html: str, page, config, files) -> str:
    if "jupyter-wrapper" not in html:
        return html
    stem = PurePosixPath(page.file.src_uri).stem
    # lab_notebooks keeps the executed notebook there (hooks are separate modules)
    nb = page.meta.get("executed_notebook")
    alts = figure_descriptions(nb, stem) if nb is not None else None
    folder = pathlib.Path(page.file.abs_dest_path).parent
    return prune_styles(figures_to_files(html, folder, stem, alts))
