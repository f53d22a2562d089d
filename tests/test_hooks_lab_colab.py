"""The labs' Colab settings, link and install cell (scripts/hooks/lab_colab.py)."""

from __future__ import annotations

import lab_colab as lc  # scripts/hooks is on sys.path (root conftest.py)
import pytest
from mkdocs.exceptions import PluginError

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free

REPO = {
    "colab": {
        "repo": "someone/course",
        "branch": "main",
        "notebooks_branch": "notebooks",
    }
}


# -- settings -------------------------------------------------------------------------------


def test_settings_default_to_no_repository():
    assert lc.colab_settings({}, {}) == {
        "repo": "",
        "branch": "main",
        "notebooks_branch": "notebooks",
    }
    assert lc.colab_url(lc.colab_settings(None, {}), "02-perceptron") is None


def test_environment_overrides_the_config_and_an_empty_value_switches_colab_off():
    env = {"SYLLABUS_COLAB_REPO": "fork/course", "SYLLABUS_COLAB_BRANCH": "abc123"}
    s = lc.colab_settings(REPO, env)
    assert s == {
        "repo": "fork/course",
        "branch": "abc123",
        "notebooks_branch": "notebooks",
    }
    assert lc.colab_settings(REPO, {"SYLLABUS_COLAB_REPO": ""})["repo"] == ""


def test_colab_url_points_at_the_notebooks_branch():
    s = lc.colab_settings(REPO, {"SYLLABUS_COLAB_NOTEBOOKS_BRANCH": "nb"})
    assert lc.colab_url(s, "05-cnn") == (
        "https://colab.research.google.com/github/someone/course/blob/nb/labs/05-cnn.ipynb"
    )


@pytest.mark.parametrize(
    "colab",
    [
        {"repo": "not a repo"},
        {"repo": "o/r", "branch": 'x"; rm'},
        {"repo": "o/r", "branch": "a..b"},
        {"repo": "o/r", "brnach": "main"},
    ],
)
def test_malformed_settings_are_refused(colab):
    with pytest.raises(PluginError):
        lc.colab_settings({"colab": colab}, {})


# -- the install cell -----------------------------------------------------------------------


def run_cell(source: str, monkeypatch, importable: bool) -> list:
    """Run a cell's source as IPython would (magics transformed), with syllabus_code made
    importable or not; returns the line magics it called."""
    import importlib.util

    from IPython.core.inputtransformer2 import TransformerManager

    calls = []
    shell = type("Shell", (), {"run_line_magic": lambda self, *a: calls.append(a)})()
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: (
            (real(name, *a) if importable else None)
            if name == "syllabus_code"
            else real(name, *a)
        ),
    )
    exec(TransformerManager().transform_cell(source), {"get_ipython": lambda: shell})
    return calls


def test_install_cell_installs_from_the_repository_only_when_the_package_is_missing(
    monkeypatch,
):
    source = lc.install_source(lc.colab_settings(REPO, {}))
    assert run_cell(source, monkeypatch, importable=True) == []
    assert run_cell(source, monkeypatch, importable=False) == [
        ("pip", 'install "git+https://github.com/someone/course@main"')
    ]


def test_without_a_repository_the_cell_says_how_to_install(monkeypatch):
    source = lc.install_source(lc.colab_settings({}, {}))
    assert run_cell(source, monkeypatch, importable=True) == []
    with pytest.raises(ModuleNotFoundError, match="pip install -e"):
        run_cell(source, monkeypatch, importable=False)
