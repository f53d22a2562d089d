"""Render the course's figures from code at build time.

Each ``docs/figures/<section>/<name>.py`` defines ``make_figure()`` returning a Matplotlib
figure. The build runs it and serves the result as ``<section>/figures/<name>.svg``, so a page
in ``docs/<section>/`` shows it with ``![alt](figures/<name>.svg)``. A figure is therefore
always drawn by the code of the current commit, never a stale image file in the repo.

A script whose ``make_figure`` takes a ``theme`` argument ("light" or "dark", the colours of
``syllabus_code.diagrams.palette``) is drawn once per theme: ``<name>.svg`` and
``<name>.dark.svg``. The page still writes ``![alt](figures/<name>.svg)``; the build turns that
into the pair Material shows one of (``#only-light`` / ``#only-dark``), both with the alt text.

Every figure image gets its width and height (from the SVG) and ``loading="lazy"``: the browser
fetches a figure when the reader scrolls near it (and never the hidden half of a pair), and
the page does not shift when it arrives. The print page loads them at once.
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
_SIZES: dict[
    str, tuple[int, int]
] = {}  # "<section>/<file>.svg" -> (width, height) in CSS px
_LENGTH = re.compile(r'\s(width|height)="([\d.]+)(pt|px)?"')


def svg_size(svg: bytes) -> tuple[int, int]:
    """The (width, height) in CSS pixels of an SVG's root element (Matplotlib writes points,
    and 1 pt = 4/3 px)."""
    head = svg[svg.index(b"<svg") : svg.index(b">", svg.index(b"<svg"))].decode()
    size = {
        k: float(v) * (4 / 3 if unit == "pt" else 1)
        for k, v, unit in _LENGTH.findall(head)
    }
    if set(size) != {"width", "height"}:
        raise PluginError("an SVG figure must give its width and height")
    return round(size["width"]), round(size["height"])


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
    _SIZES.clear()
    for script in sorted(root.glob("*/*.py")):
        if script.name.startswith("_"):
            continue  # a helper module shared by a section's scripts
        section = script.parent.name
        try:
            themes = ("light", "dark") if is_themed(script) else (None,)
            for theme in themes:
                svg = render_svg(script, theme)
                suffix = ".dark.svg" if theme == "dark" else ".svg"
                _SIZES[f"{section}/{script.stem}{suffix}"] = svg_size(svg)
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


def figure_images(markdown: str, section: str) -> str:
    """``![alt](figures/x.svg)`` -> the image with its size and ``loading="lazy"`` (it is
    fetched when the reader scrolls near it, and the page does not shift when it arrives);
    a themed figure becomes the light and the dark image (only the shown one is fetched)."""

    def image(alt: str, file: str, fragment: str = "") -> str:
        size = _SIZES.get(f"{section}/{file}")
        attrs = f"{{ loading=lazy width={size[0]} height={size[1]} }}" if size else ""
        return f"![{alt}](figures/{file}{fragment}){attrs}"

    def replace(m: re.Match) -> str:
        alt, name = m["alt"], m["name"]
        if f"{section}/{name}" not in _THEMED:
            return (
                image(alt, f"{name}.svg") if f"{section}/{name}.svg" in _SIZES else m[0]
            )
        return image(alt, f"{name}.svg", "#only-light") + image(
            alt, f"{name}.dark.svg", "#only-dark"
        )

    return _IMAGE.sub(replace, markdown)


def on_page_markdown(markdown: str, page, config, files) -> str:
    section = Path(page.file.src_uri).parent.as_posix()
    return figure_images(markdown, section)
