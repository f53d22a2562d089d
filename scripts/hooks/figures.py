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

The scripts are drawn by a pool of worker processes, one per CPU (figures_render.py, which
also explains why they are spawned, not forked); the images and the build's failure for a
broken script (its name and error) are the same as drawing them one after another here.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

HOOKS = str(Path(__file__).parent)
if HOOKS not in sys.path:  # mkdocs adds it only while it loads the hook
    sys.path.insert(0, HOOKS)
from figures_render import (  # noqa: E402
    is_themed,
    load_script,
    render_reported,
    render_script,
    render_svg,
)

__all__ = ["is_themed", "load_script", "render_svg", "render_all", "svg_size"]
log = logging.getLogger("mkdocs.hooks.figures")
# (script, mtime) -> [(theme, svg)], so `mkdocs serve` redraws only the scripts that changed
_CACHE: dict[tuple[str, float], list[tuple[str | None, bytes]]] = {}
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


def _cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _failed(script: Path, error: str) -> PluginError:
    """A broken figure fails the build, with its name."""
    return PluginError(f"figure script {script} failed: {error}")


def render_all(scripts: list[Path]) -> dict[Path, list[tuple[str | None, bytes]]]:
    """Every script's images, drawn by as many processes as there are CPUs (each script
    in a fresh interpreter's worker, as figures_render explains; one CPU: in this process).
    A failing script fails the build with its name, the first such in ``scripts``' order."""
    key = {script: (str(script), script.stat().st_mtime) for script in scripts}
    todo = [script for script in scripts if key[script] not in _CACHE]
    if min(len(todo), _cpus()) <= 1:
        for script in todo:
            try:
                _CACHE[key[script]] = render_script(script)
            except PluginError:
                raise
            except Exception as exc:
                raise _failed(script, repr(exc)) from exc
    else:
        # a worker imports figures_render by its name, from the sys.path it gets from here
        # (mkdocs restores sys.path after loading the hooks)
        if HOOKS not in sys.path:
            sys.path.append(HOOKS)
        spawn = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(min(len(todo), _cpus()), mp_context=spawn) as pool:
            futures = [(s, pool.submit(render_reported, s)) for s in todo]
            for script, future in futures:
                status, result = future.result()
                if status != "ok":
                    pool.shutdown(cancel_futures=True)
                if status == "plugin":
                    raise PluginError(result)
                if status == "error":
                    worker = RuntimeError(f"in the figure's worker:\n{result[1]}")
                    raise _failed(script, result[0]) from worker
                _CACHE[key[script]] = result
    return {script: _CACHE[key[script]] for script in scripts}


def on_files(files: Files, config) -> Files:
    root = Path(config["docs_dir"]) / "figures"
    _THEMED.clear()
    _SIZES.clear()
    # a script whose name starts with "_" is a helper module shared by a section's scripts
    scripts = [s for s in sorted(root.glob("*/*.py")) if not s.name.startswith("_")]
    for script, images in render_all(scripts).items():
        section = script.parent.name
        for theme, svg in images:
            suffix = ".dark.svg" if theme == "dark" else ".svg"
            try:
                _SIZES[f"{section}/{script.stem}{suffix}"] = svg_size(svg)
            except PluginError:
                raise
            except Exception as exc:
                raise _failed(script, repr(exc)) from exc
            files.append(
                File.generated(
                    config, f"{section}/figures/{script.stem}{suffix}", content=svg
                )
            )
        if images[0][0] is not None:
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
