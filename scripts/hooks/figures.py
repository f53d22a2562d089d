"""Render the course's figures from code at build time.

Each ``docs/figures/<section>/<name>.py`` defines ``make_figure()`` returning a Matplotlib
figure. The build runs it and serves the result as ``<section>/figures/<name>.svg``, so a page
in ``docs/<section>/`` shows it with ``![alt](figures/<name>.svg)``. A figure is therefore
always drawn by the code of the current commit, never a stale image file in the repo.

A script whose ``make_figure`` takes a ``theme`` argument ("light" or "dark", the colours of
``syllabus_code.diagrams.palette``) is drawn once per theme: ``<name>.svg`` and
``<name>.dark.svg``. The page still writes ``![alt](figures/<name>.svg)``; the build turns that
into the pair Material shows one of (``#only-light`` / ``#only-dark``), both with the alt text.
"""

from __future__ import annotations

import importlib.util
import inspect
import io
import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.figures")
_CACHE: dict[tuple[str, float, str | None], bytes] = {}
_THEMED: set[str] = set()  # "<section>/<name>" of scripts drawn in both themes


def load_script(script: Path):
    spec = importlib.util.spec_from_file_location(f"figure_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "make_figure"):
        raise PluginError(f"{script}: a figure script must define make_figure()")
    return module


def is_themed(script: Path) -> bool:
    """Whether the script's make_figure takes a ``theme`` (and so is drawn light and dark)."""
    return "theme" in inspect.signature(load_script(script).make_figure).parameters


def render_svg(script: Path, theme: str | None = None) -> bytes:
    """Run one figure script and return its SVG bytes (cached on the script's mtime)."""
    key = (str(script), script.stat().st_mtime, theme)
    if key in _CACHE:
        return _CACHE[key]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    module = load_script(script)
    with matplotlib.rc_context({"svg.hashsalt": "syllabus", "svg.fonttype": "path"}):
        fig = module.make_figure() if theme is None else module.make_figure(theme=theme)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    _CACHE[key] = buf.getvalue()
    return _CACHE[key]


def on_files(files: Files, config) -> Files:
    root = Path(config["docs_dir"]) / "figures"
    _THEMED.clear()
    for script in sorted(root.glob("*/*.py")):
        if script.name.startswith("_"):
            continue  # a helper module shared by a section's scripts
        section = script.parent.name
        try:
            themes = ("light", "dark") if is_themed(script) else (None,)
            for theme in themes:
                svg = render_svg(script, theme)
                suffix = ".dark.svg" if theme == "dark" else ".svg"
                files.append(
                    File.generated(
                        config, f"{section}/figures/{script.stem}{suffix}", content=svg
                    )
                )
        except PluginError:
            raise
        except Exception as exc:  # a broken figure must fail the build, with its name
            raise PluginError(f"figure script {script} failed: {exc!r}") from exc
        if themes[0] is not None:
            _THEMED.add(f"{section}/{script.stem}")
        log.debug("rendered %s", script)
    return files


# alt text may hold balanced brackets, one level deep ("layer2[0]")
_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(figures/(?P<name>[\w-]+)\.svg\)"
)


def themed_images(markdown: str, section: str) -> str:
    """``![alt](figures/x.svg)`` of a themed figure -> the light and the dark image."""

    def pair(m: re.Match) -> str:
        if f"{section}/{m['name']}" not in _THEMED:
            return m[0]
        alt, name = m["alt"], m["name"]
        return f"![{alt}](figures/{name}.svg#only-light)![{alt}](figures/{name}.dark.svg#only-dark)"

    return _IMAGE.sub(pair, markdown)


def on_page_markdown(markdown: str, page, config, files) -> str:
    section = Path(page.file.src_uri).parent.as_posix()
    return themed_images(markdown, section)
