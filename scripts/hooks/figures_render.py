"""Drawing one figure script (``docs/figures/<section>/<name>.py``), for scripts/hooks/figures.py.

This is a module of its own, importable by its name (``figures_render``), so that the build's
worker processes can run it: figures.py draws the scripts in a pool of processes started with
the *spawn* method (a fresh interpreter each, which imports this module by name from the
``sys.path`` the build hands it), never by forking the build (it has started PyTorch's and
OpenMP's threads by then, and a fork copies their locks in whatever state they are).
"""

from __future__ import annotations

import importlib.util
import inspect
import io
import traceback
from pathlib import Path

from mkdocs.exceptions import PluginError


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
    """Run one figure script (loaded afresh) and return its SVG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    module = load_script(script)
    with matplotlib.rc_context({"svg.hashsalt": "syllabus", "svg.fonttype": "path"}):
        fig = module.make_figure() if theme is None else module.make_figure(theme=theme)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return buf.getvalue()


def render_script(script: Path) -> list[tuple[str | None, bytes]]:
    """Every image of one script: ``[(None, svg)]``, or ``[("light", svg), ("dark", svg)]``
    for a themed one."""
    themes = ("light", "dark") if is_themed(script) else (None,)
    return [(theme, render_svg(script, theme)) for theme in themes]


def render_reported(script: Path) -> tuple[str, object]:
    """``render_script`` in a worker: ``("ok", images)``, or the failure as plain text, which
    always crosses back to the build (an exception object may not survive pickling):
    ``("plugin", message)`` for a PluginError, else ``("error", (repr, traceback))``."""
    try:
        return "ok", render_script(script)
    except PluginError as exc:
        return "plugin", str(exc)
    except Exception as exc:
        return "error", (repr(exc), traceback.format_exc())
