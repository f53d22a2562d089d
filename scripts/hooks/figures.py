"""Render the course's figures from code at build time.

Each ``docs/figures/<section>/<name>.py`` defines ``make_figure()`` returning a Matplotlib
figure. The build runs it and serves the result as ``<section>/figures/<name>.svg``, so a page
in ``docs/<section>/`` shows it with ``![alt](figures/<name>.svg)``. A figure is therefore
always drawn by the code of the current commit, never a stale image file in the repo.
"""

from __future__ import annotations

import importlib.util
import io
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

log = logging.getLogger("mkdocs.hooks.figures")
_CACHE: dict[tuple[str, float], bytes] = {}


def render_svg(script: Path) -> bytes:
    """Run one figure script and return its SVG bytes (cached on the script's mtime)."""
    key = (str(script), script.stat().st_mtime)
    if key in _CACHE:
        return _CACHE[key]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    spec = importlib.util.spec_from_file_location(f"figure_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "make_figure"):
        raise PluginError(f"{script}: a figure script must define make_figure()")
    with matplotlib.rc_context({"svg.hashsalt": "syllabus", "svg.fonttype": "path"}):
        fig = module.make_figure()
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    _CACHE[key] = buf.getvalue()
    return _CACHE[key]


def on_files(files: Files, config) -> Files:
    root = Path(config["docs_dir"]) / "figures"
    for script in sorted(root.glob("*/*.py")):
        section = script.parent.name
        try:
            svg = render_svg(script)
        except PluginError:
            raise
        except Exception as exc:  # a broken figure must fail the build, with its name
            raise PluginError(f"figure script {script} failed: {exc!r}") from exc
        files.append(File.generated(config, f"{section}/figures/{script.stem}.svg", content=svg))
        log.debug("rendered %s", script)
    return files
