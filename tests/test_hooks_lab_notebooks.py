"""The labs' downloadable notebooks and their links (scripts/hooks/lab_notebooks.py); the Colab
settings, link and install cell are tested in test_hooks_lab_colab.py."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import lab_notebooks as ln  # scripts/hooks is on sys.path (root conftest.py)
import nbformat
import pytest
from lab_colab import colab_settings, install_source

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free

ROOT = Path(__file__).resolve().parents[1]
REPO = {
    "colab": {
        "repo": "someone/course",
        "branch": "main",
        "notebooks_branch": "notebooks",
    }
}


def executed_notebook():
    nb = nbformat.v4.new_notebook(metadata={"jupytext": {"formats": "py:percent"}})
    cell = nbformat.v4.new_code_cell("print(1)", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    nb.cells = [nbformat.v4.new_markdown_cell("# Lab"), cell]
    return nb


def test_downloadable_prepends_the_install_cell_and_keeps_the_outputs():
    nb = executed_notebook()
    out = ln.downloadable(nb, colab_settings(REPO, {}))
    nbformat.validate(out)
    assert out.cells[0].source == install_source(colab_settings(REPO, {}))
    assert out.cells[0].outputs == [] and out.cells[0].execution_count is None
    assert [c.source for c in out.cells[1:]] == [c.source for c in nb.cells]
    assert [c.get("outputs") for c in out.cells[1:]] == [
        c.get("outputs") for c in nb.cells
    ]
    expected = nbformat.from_dict(nb)  # the ids the cells get: from their sources
    ln.stable_cell_ids(expected)
    assert [c.id for c in out.cells] == [ln.INSTALL_CELL_ID] + [
        c.id for c in expected.cells
    ]
    assert "jupytext" not in out.metadata and out.metadata.kernelspec.name == "python3"
    assert len(nb.cells) == 2 and "jupytext" in nb.metadata  # the input is left alone


def test_stable_cell_ids_come_from_the_sources():
    import hashlib

    import jupytext

    def digest(source: str) -> str:
        return hashlib.sha1(source.encode("utf-8")).hexdigest()[:8]

    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(src) for src in ["x = 1", "print(x)", "x = 1"]]
    )
    ln.stable_cell_ids(nb)
    assert [c.id for c in nb.cells] == [
        digest("x = 1"),
        digest("print(x)"),
        digest("x = 1") + "-2",
    ]
    nbformat.validate(nb)
    # nbformat draws random ids at each read; the stable ones do not change
    first, second = (
        jupytext.reads(LAB, fmt="py:percent"),
        jupytext.reads(LAB, fmt="py:percent"),
    )
    assert [c.id for c in first.cells] != [c.id for c in second.cells]
    ln.stable_cell_ids(first)
    ln.stable_cell_ids(second)
    assert [c.id for c in first.cells] == [c.id for c in second.cells]
    # a cell keeps its id when another cell changes
    second.cells[0].source += " (edited)"
    ln.stable_cell_ids(second)
    assert second.cells[0].id != first.cells[0].id
    assert [c.id for c in second.cells[1:]] == [c.id for c in first.cells[1:]]


def test_stable_cell_ids_leave_notebooks_without_ids_alone():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    nb.nbformat_minor = 4
    del nb.cells[0]["id"]
    ln.stable_cell_ids(nb)
    assert "id" not in nb.cells[0]
    nbformat.validate(nb)


def test_capture_keeps_what_the_kernel_returned_and_restores_nbconvert():
    from nbconvert.preprocessors import ExecutePreprocessor

    original = ExecutePreprocessor.preprocess
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    with ln.capture_executed() as captured:
        ExecutePreprocessor(kernel_name="python3", timeout=60).preprocess(nb, {})
    assert ExecutePreprocessor.preprocess is original
    assert [o.text for o in captured[0].cells[0].outputs] == ["42\n"]


def test_kernel_environ_sets_and_restores(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("SYLLABUS_TEST_UNSET", raising=False)
    with ln.kernel_environ(MPLBACKEND=ln.INLINE, SYLLABUS_TEST_UNSET="1"):
        import os

        assert (
            os.environ["MPLBACKEND"] == ln.INLINE
            and os.environ["SYLLABUS_TEST_UNSET"] == "1"
        )
    assert os.environ["MPLBACKEND"] == "Agg" and "SYLLABUS_TEST_UNSET" not in os.environ


# -- the page -------------------------------------------------------------------------------


def test_links_sit_under_the_title_and_colab_only_when_configured():
    page = '<div><h1 id="lab">Lab<a href="#lab">¶</a></h1><p>Text</p></div>'
    with_colab = ln.insert_after_h1(
        page, ln.links_html("05-cnn", "https://colab.example/x")
    )
    assert (
        with_colab.index("</h1>")
        < with_colab.index('href="05-cnn.ipynb"')
        < with_colab.index("Text")
    )
    assert (
        'href="05-cnn.py"' in with_colab
        and "Download the notebook (.ipynb)" in with_colab
    )
    assert 'href="https://colab.example/x">Open in Colab' in with_colab
    assert "Colab" not in ln.links_html("05-cnn", None)


# -- through mkdocs-jupyter, with its cache -------------------------------------------------

LAB = """\
# %% [markdown]
# # A tiny lab

# %%
import time
import matplotlib.pyplot as plt
print("stamp", time.time_ns())
plt.plot([0, 1])
"""


def render(tmp_path: Path):
    """Load a one-lab site's config, render the lab through mkdocs-jupyter and the hook, and
    write its page's notebook (as `mkdocs build` does for one page)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    config = load_config(str(tmp_path / "mkdocs.yml"))
    config.plugins.on_pre_build(config=config)
    files = config.plugins.on_files(get_files(config), config=config)
    file = files.get_file_from_path("labs/tiny.py")
    page = Page(None, file, config)
    page = config.plugins.on_pre_page(page, config=config, files=files)
    page.render(config, files)
    content = config.plugins.on_page_content(
        page.content, page=page, config=config, files=files
    )
    config.plugins.on_post_page("", page=page, config=config)
    notebook = nbformat.read(tmp_path / "site/labs/tiny/tiny.ipynb", as_version=4)
    outputs = [o for c in notebook.cells for o in c.get("outputs", [])]
    stamp = next((o.text for o in outputs if "stamp" in o.get("text", "")), None)
    return content, notebook, stamp


def one_lab_site(tmp_path: Path, execute: bool) -> None:
    (tmp_path / "docs/labs").mkdir(parents=True)
    (tmp_path / "docs/index.md").write_text("# Home\n")
    (tmp_path / "docs/labs/tiny.py").write_text(LAB)
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(f"""\
        site_name: t
        site_url: http://127.0.0.1:8000/
        plugins:
          - mkdocs-jupyter:
              include: ["labs/*.py"]
              execute: {str(execute).lower()}
              allow_errors: false
              include_source: true
              kernel_name: python3
        hooks:
          - {ROOT / "scripts/hooks/lab_notebooks.py"}
        """)
    )


def test_the_notebook_has_the_outputs_of_the_one_execution_the_page_shows(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    # as the build runs: the lab must still get its figure
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("SYLLABUS_COLAB_REPO", "someone/course")
    one_lab_site(tmp_path, execute=True)
    content, notebook, stamp = render(tmp_path)
    nbformat.validate(notebook)
    assert (
        "%pip install" in notebook.cells[0].source
        and "someone/course@main" in notebook.cells[0].source
    )
    assert stamp.strip() in content  # the page shows the notebook's own execution
    assert any("image/png" in o.get("data", {}) for o in notebook.cells[-1].outputs)
    assert (
        "colab.research.google.com/github/someone/course/blob/notebooks/labs/tiny.ipynb"
        in content
    )

    cache = list((tmp_path / ".cache/mkdocs-jupyter").glob("*.json"))
    assert len(cache) == 1 and ln.CACHE_KEY in json.loads(cache[0].read_text())
    # a cache hit: not executed again, same outputs
    content2, _, stamp2 = render(tmp_path)
    assert stamp2 == stamp and stamp.strip() in content2

    ids = re.findall(r'id="cell-id=([^"]+)"', content)
    assert ids and ids == [c.id for c in notebook.cells[1:]]  # page and notebook agree

    data = json.loads(cache[0].read_text())  # a cache file written without the hook
    del data[ln.CACHE_KEY]
    cache[0].write_text(json.dumps(data))
    # is executed again, page and notebook together
    content3, _, stamp3 = render(tmp_path)
    assert (
        stamp3 != stamp and stamp3.strip() in content3 and stamp.strip() not in content3
    )
    # a second execution of the same source: the same cell ids (nbformat's own are random)
    assert re.findall(r'id="cell-id=([^"]+)"', content3) == ids


def test_a_lab_the_build_does_not_execute_downloads_without_outputs(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SYLLABUS_COLAB_REPO", raising=False)
    one_lab_site(tmp_path, execute=False)
    content, notebook, stamp = render(tmp_path)
    nbformat.validate(notebook)
    assert stamp is None and 'href="tiny.ipynb"' in content and "Colab" not in content
    assert "ModuleNotFoundError" in notebook.cells[0].source
    assert all(not c.get("outputs") for c in notebook.cells)


def test_executed_on_reads_the_first_code_cells_timing():
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# lab"), nbformat.v4.new_code_cell("1")]
    assert ln.executed_on(nb) is None  # never executed
    nb.cells[1].metadata["execution"] = {
        "iopub.execute_input": "2026-11-29T23:59:01.5Z"
    }
    assert ln.executed_on(nb) == "2026-11-29"
