"""Run every example file that pages include (docs/examples/<module>/<name>.py)."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
FILES = sorted(EXAMPLES.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(EXAMPLES).as_posix() for p in FILES])
def test_example_runs(path: Path, capsys):
    runpy.run_path(str(path), run_name="__main__")
    capsys.readouterr()  # examples may print; what they print is checked where a page shows it


def test_examples_are_in_module_folders():
    for path in FILES:
        folder = path.relative_to(EXAMPLES).parts[0]
        assert (EXAMPLES.parent / folder / "index.md").is_file(), f"{path} is not under a module folder"
