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
    printed = capsys.readouterr().out
    recorded = path.with_suffix(".out")
    if recorded.is_file():  # a page shows this output: it must be what the example prints now
        assert printed == recorded.read_text(encoding="utf-8"), f"{recorded.name} is stale"


def test_examples_are_in_module_folders():
    for path in FILES:
        folder = path.relative_to(EXAMPLES).parts[0]
        assert (EXAMPLES.parent / folder / "index.md").is_file(), f"{path} is not under a module folder"
