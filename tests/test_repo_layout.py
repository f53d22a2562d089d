"""The repository's layout rules that no other test covers."""

from __future__ import annotations

from pathlib import Path

import pytest

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 300  # a file longer than this is split by concern into files named for what they hold


def python_files(*folders: str) -> list[Path]:
    return sorted(
        p
        for folder in folders
        for p in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in p.parts
    )


def test_no_python_file_in_the_package_or_scripts_is_over_300_lines():
    files = python_files("syllabus_code", "scripts")
    assert len(files) > 50  # the walk found the package and the hooks
    too_long = {
        str(p.relative_to(ROOT)): n
        for p in files
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not too_long, f"over {MAX_LINES} lines (split by concern): {too_long}"
