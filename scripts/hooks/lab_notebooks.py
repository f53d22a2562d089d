"""Each lab also as an executed ``.ipynb``, with an "Open in Colab" link.

mkdocs-jupyter executes each lab (``docs/labs/*.py``, jupytext percent format) to render its
page, and ``include_source`` copies the ``.py`` beside the page. This hook keeps the notebook
that execution produced, so the ``.ipynb`` a learner downloads has exactly the outputs the page
shows, without executing the lab a second time:

* while mkdocs-jupyter renders a lab, nbconvert's ``ExecutePreprocessor`` is wrapped to copy
  the executed notebook it returns (``capture_executed``);
* mkdocs-jupyter caches a rendered lab in ``.cache/mkdocs-jupyter/<key>.json`` (the key hashes
  the ``.py`` and the plugin's options) and then does not execute it again: the executed
  notebook is stored in that same file, so page and notebook always come from one execution.
  A cache file without it (written before this hook existed) is deleted, so the lab runs again;
* the downloadable notebook is the executed one with a first cell that installs
  ``syllabus_code`` from the repository when it is not importable (Colab, a fresh machine);
  it is written beside the page as ``<lab>.ipynb`` (``site/labs/<lab>/<lab>.ipynb``);
* each cell's id is made from its source (``stable_cell_ids``), where nbformat would draw a
  random one each time it reads the ``.py``: the same sources build the same page and the same
  ``.ipynb``, so two builds can be compared file by file;
* the lab's kernel draws figures inline (``kernel_environ``; the build's ``MPLBACKEND=Agg``
  would otherwise leave every plot out of the page and the notebook);
* under the lab's title the page links the ``.ipynb``, the ``.py`` and, when a repository is
  configured, Colab.

Colab opens notebooks from GitHub (``/github/<owner>/<repo>/blob/<branch>/<path>``) or a gist;
it has no form for an arbitrary URL (googlecolab/colabtools#1305 is that open request), so the
Pages artifact's copy cannot be opened there. The Pages workflow therefore also commits the
built notebooks to a branch of the repository (``notebooks``: one commit, replaced at each
deploy, holding ``labs/<lab>.ipynb``), and the Colab link points there.

Settings (``extra: colab:`` in mkdocs.yml, or the environment) and the Colab URL and install cell
they give are in ``lab_colab.py``.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import html
import json
import os
import pathlib
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from lab_colab import colab_settings, colab_url, install_source  # noqa: E402
from page_html import insert_after_h1  # noqa: E402

PLUGIN = "mkdocs-jupyter"
CACHE_KEY = "syllabus_executed_notebook"  # our entry in mkdocs-jupyter's cache file
# The build runs with MPLBACKEND=Agg (Makefile), which a kernel inherits: its figures would
# then never be displayed, so neither the page nor the notebook would have them.
INLINE = "module://matplotlib_inline.backend_inline"

_notebooks: dict[
    str, object
] = {}  # page src -> its downloadable notebook, render to post_page


# -- the notebook ---------------------------------------------------------------------------


@contextlib.contextmanager
def kernel_environ(**values: str) -> Iterator[None]:
    """Set environment variables for the kernels started within the block, then restore."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


INSTALL_CELL_ID = "install"  # not hexadecimal: never one of stable_cell_ids' ids


def stable_cell_ids(nb) -> None:
    """Give each cell of ``nb`` (nbformat 4.5 or later, which has cell ids) an id made from
    its source: the first 8 hexadecimal digits of its SHA-1, then ``-2``, ``-3``, ... for a
    second, third, ... cell with the same source. A cell keeps its id when other cells change.
    Older notebooks have no ids and are left alone."""
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        return
    seen: Counter[str] = Counter()
    for cell in nb.cells:
        digest = hashlib.sha1(cell.source.encode("utf-8")).hexdigest()[:8]
        seen[digest] += 1
        cell.id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"


@contextlib.contextmanager
def capture_executed() -> Iterator[list]:
    """Within the block, every notebook nbconvert's ExecutePreprocessor executes gets stable
    cell ids first (``stable_cell_ids``: the page is rendered from it, ids included) and is
    also appended (a deep copy, as it left the kernel) to the yielded list."""
    from nbconvert.preprocessors import ExecutePreprocessor

    captured: list = []
    original = ExecutePreprocessor.preprocess

    def preprocess(self, nb, resources=None, km=None):
        stable_cell_ids(nb)
        nb, resources = original(self, nb, resources, km)
        captured.append(copy.deepcopy(nb))
        return nb, resources

    ExecutePreprocessor.preprocess = preprocess
    try:
        yield captured
    finally:
        ExecutePreprocessor.preprocess = original


def downloadable(executed, settings: Mapping):
    """The executed notebook as a learner gets it: the install cell first (no output), the
    jupytext pairing metadata dropped, a Python kernelspec, stable cell ids; validated by
    nbformat."""
    import nbformat

    nb = copy.deepcopy(executed)
    nb.metadata.pop("jupytext", None)
    nb.metadata.setdefault(
        "kernelspec",
        nbformat.from_dict(
            {"name": "python3", "display_name": "Python 3", "language": "python"}
        ),
    )
    stable_cell_ids(nb)  # a lab the build does not execute has not had them yet
    cell = nbformat.v4.new_code_cell(install_source(settings))
    if (nb.nbformat, nb.nbformat_minor) < (4, 5):
        del cell["id"]
    else:
        cell.id = INSTALL_CELL_ID
    nb.cells.insert(0, cell)
    nbformat.validate(nb)
    return nb


# -- the page -------------------------------------------------------------------------------


def links_html(stem: str, colab: str | None) -> str:
    """The row of links under a lab's title (relative: the files sit beside the page)."""
    parts = [
        f'<a href="{html.escape(stem)}.ipynb" download>Download the notebook (.ipynb)</a>, '
        "with the outputs shown here",
        f'<a href="{html.escape(stem)}.py" download>the source (.py)</a>, a jupytext notebook',
    ]
    if colab:
        parts.append(
            f'<a class="lab-colab" href="{html.escape(colab)}">Open in Colab</a>'
        )
    return '<p class="lab-links">' + " · ".join(parts) + "</p>"


# -- mkdocs-jupyter's cache -----------------------------------------------------------------


def _executes(plugin, page) -> bool:
    """Whether mkdocs-jupyter executes this page (``execute``, less ``execute_ignore``)."""
    cfg = plugin.config
    return bool(cfg["execute"]) and not any(
        pathlib.PurePath(page.file.abs_src_path).match(p)
        for p in cfg.get("execute_ignore") or []
    )


def _cache_path(plugin, page) -> pathlib.Path | None:
    """The cache file mkdocs-jupyter uses for this page (its own key function), or None."""
    cfg = plugin.config
    if not cfg.get("cache"):
        return None
    from mkdocs_jupyter import plugin as mj

    src = page.file.abs_src_path
    key = mj._compute_cache_key(src, cfg, _executes(plugin, page))
    path = mj._get_cache_path(cfg["cache_dir"], key)
    if path not in getattr(plugin, "_used_cache_paths", {path}):
        raise PluginError(
            f"lab_notebooks: mkdocs-jupyter's cache key for {src} changed; update the hook"
        )
    return path


def _read_cache(path: pathlib.Path | None) -> dict | None:
    if path is None or not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


# -- events ---------------------------------------------------------------------------------


@event_priority(-50)  # after mkdocs-jupyter has replaced page.render
def executed_on(nb) -> str | None:
    """The date (YYYY-MM-DD) the notebook's first code cell was executed, from the timing that
    nbclient records in cell metadata; None when there is none. A lab served from
    mkdocs-jupyter's cache keeps the date of the run that produced its outputs."""
    for cell in nb.cells:
        started = (
            cell.get("metadata", {}).get("execution", {}).get("iopub.execute_input")
        )
        if cell.cell_type == "code" and started:
            return str(started)[:10]
    return None


def on_pre_page(page, config, files):
    plugin = config.plugins.get(PLUGIN)
    if plugin is None or not plugin.should_include(page.file):
        return page
    import jupytext
    import nbformat

    settings = colab_settings(config.get("extra"))
    cache = _cache_path(plugin, page)
    render = page.render
    src = page.file.src_uri

    def render_and_keep(self, config, files):
        # not executed: the notebook has no outputs either
        if not _executes(plugin, page):
            render(config, files)
            _notebooks[src] = downloadable(
                jupytext.read(page.file.abs_src_path), settings
            )
            page.meta["executed_notebook"] = _notebooks[src]  # for lab_page_weight
            return
        cached = _read_cache(cache)
        if cached is not None and CACHE_KEY not in cached:
            cache.unlink()  # rendered before this hook: execute again to get the notebook
        with kernel_environ(MPLBACKEND=INLINE), capture_executed() as captured:
            render(config, files)
        if captured:
            executed = captured[-1]
            cached = _read_cache(cache)
            if cached is not None:
                cached[CACHE_KEY] = nbformat.writes(executed)
                cache.write_text(json.dumps(cached), encoding="utf-8")
        elif cached is not None and CACHE_KEY in cached:
            executed = nbformat.reads(cached[CACHE_KEY], as_version=4)
        else:
            raise PluginError(f"lab_notebooks: {src} was rendered but not executed")
        _notebooks[src] = downloadable(executed, settings)
        page.meta["executed_notebook"] = _notebooks[src]  # for lab_page_weight
        # the stamp dates the outputs by it
        page.meta["executed_on"] = executed_on(executed)

    page.render = render_and_keep.__get__(page, Page)
    return page


def on_page_content(page_html: str, page, config, files) -> str:
    if page.file.src_uri not in _notebooks:
        return page_html
    stem = PurePosixPath(page.file.src_uri).stem
    colab = colab_url(colab_settings(config.get("extra")), stem)
    return insert_after_h1(page_html, links_html(stem, colab))


def on_post_page(output: str, page, config) -> str:
    nb = _notebooks.pop(page.file.src_uri, None)
    if nb is not None:
        import nbformat

        stem = PurePosixPath(page.file.src_uri).stem
        target = pathlib.Path(page.file.abs_dest_path).parent / f"{stem}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(target))
    return output
