"""How the self-check hook writes answers (scripts/hooks/selfcheck_encode.py): the encoding that
logic.js decodes, and numbers as the checker and the answers page show them."""

from __future__ import annotations

from pathlib import Path

import pytest
import selfcheck_encode as sce  # scripts/hooks is on sys.path (conftest.py)

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free


def test_encoding_round_trips_and_matches_the_javascript_test_vector():
    data = {"answer": 1.5, "hint": "<p>σ² ≤ 1</p>"}
    text = sce.encode_secret(data, "00-x/page", "q-1")
    assert sce.decode_secret(text, "00-x/page", "q-1") == data
    js = (Path(__file__).parent / "js" / "selfcheck.test.mjs").read_text()
    assert f'const fromPython = "{text}"' in js


@pytest.mark.parametrize(
    "x, tol, text",
    [
        (13.75, 0.005, "13.75"),
        (100480, 0, "100480"),
        (0.16239, 0.0005, "0.162"),
        (-0.125, 0.0005, "\u22120.125"),
        (-0.0001, 0.005, "0.00"),
        (0.25, 0, "0.25"),
        (2.0, 0.5, "2"),
    ],
)
def test_format_number(x, tol, text):
    assert sce.format_number(x, tol) == text
