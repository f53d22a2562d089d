"""Run every example file that pages include (docs/examples/<module>/<name>.py).

An example whose printed output a page shows (``<name>.out``) must still print exactly that,
or, when the example states ``OUTPUT_TOLERANCE`` (for a long chaotic computation whose last
digits depend on the CPU), the same text with every number within that absolute tolerance.
"""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"
FILES = sorted(EXAMPLES.rglob("*.py"))
NUMBER = re.compile(r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)")


def output_mismatch(printed: str, recorded: str, tolerance: float | None) -> str | None:
    """Why ``printed`` does not match ``recorded`` (None when it does). With a tolerance, the
    text between numbers must be identical and each number within ``tolerance`` of its twin."""
    if tolerance is None:
        return None if printed == recorded else "the output differs"
    got, want = NUMBER.split(printed), NUMBER.split(recorded)
    if len(got) != len(want):
        return f"{(len(got) - 1) // 2} numbers printed, {(len(want) - 1) // 2} recorded"
    for i, (g, w) in enumerate(zip(got, want)):
        if i % 2 == 0 and g != w:
            return f"the text differs: {g!r} printed where {w!r} is recorded"
        if i % 2 == 1 and not abs(float(g) - float(w)) <= tolerance:
            return f"{g} printed where {w} is recorded (tolerance {tolerance})"
    return None


@pytest.mark.parametrize(
    "path", FILES, ids=[p.relative_to(EXAMPLES).as_posix() for p in FILES]
)
def test_example_runs(path: Path, capsys):
    namespace = runpy.run_path(str(path), run_name="__main__")
    printed = capsys.readouterr().out
    recorded = path.with_suffix(".out")
    # a page shows this output: it must be what the example prints now
    if recorded.is_file():
        tolerance = namespace.get("OUTPUT_TOLERANCE")
        problem = output_mismatch(
            printed, recorded.read_text(encoding="utf-8"), tolerance
        )
        assert problem is None, (
            f"{recorded.name} is stale: {problem}\n--- printed:\n{printed}"
        )


def test_examples_are_in_module_folders():
    for path in FILES:
        folder = path.relative_to(EXAMPLES).parts[0]
        assert (EXAMPLES.parent / folder / "index.md").is_file(), (
            f"{path} is not under a module folder"
        )


def test_tolerant_comparison_accepts_close_numbers_only():
    recorded = "N  error\n4  0.2162\n32 0.2458\n"
    assert output_mismatch("N  error\n4  0.2162\n32 0.2347\n", recorded, 0.03) is None
    assert "0.3 printed" in output_mismatch(
        "N  error\n4  0.2162\n32 0.3\n", recorded, 0.03
    )
    assert "text differs" in output_mismatch(
        "N  loss\n4  0.2162\n32 0.2458\n", recorded, 0.03
    )
    assert "numbers printed" in output_mismatch("N  error\n4  0.2162\n", recorded, 0.03)
    assert output_mismatch("1e-3 and -2.5%\n", "0.0011 and -2.49%\n", 0.01) is None
    # 'nan' is text, not a number
    assert output_mismatch("x = nan\n", "x = 0.5\n", 1.0) is not None
    # exact by default
    assert output_mismatch("0.2347\n", "0.2458\n", None) == "the output differs"
