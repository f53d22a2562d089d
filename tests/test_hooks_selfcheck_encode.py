"""How the self-check hook writes answers (scripts/hooks/selfcheck_encode.py): the encoding that
logic.js decodes, and numbers as the checker and the answers page show them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import selfcheck_encode as sce  # scripts/hooks is on sys.path (conftest.py)

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free


def test_encoding_round_trips_and_matches_the_javascript_test_vector():
    data = {"answer": 1.5, "hint": "<p>σ² ≤ 1</p>"}
    text = sce.encode_secret(data, "00-x/page", "q-1")
    assert sce.decode_secret(text, "00-x/page", "q-1") == data
    assert "hint" not in text and "1.5" not in text and "σ" not in text
    js = (Path(__file__).parent / "js" / "selfcheck.test.mjs").read_text()
    assert f"const fromPython = {json.dumps(text)};" in js


def test_an_encoded_secret_compresses_like_its_json():
    """The server gzips the page: a secret of typeset maths (repetitive HTML) must shrink
    about as much as its JSON does. The earlier encoding, XOR with a repeating key in base64,
    gzipped to ten times the JSON's size here (1,844 against 192 bytes); a shift that does
    not depend on the position keeps every repeat a repeat."""
    span = '<span class="mord mathnormal">x</span><span class="mbin">+</span>'
    data = {"answer": 2.5, "solution": f"<p>{span * 200}</p>", "hint": "σ² ≤ 1"}
    plain = json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode()
    text = sce.encode_secret(data, "03-nn/losses", "bce").encode()
    assert sce.decode_secret(text.decode(), "03-nn/losses", "bce") == data
    assert len(gzip.compress(text)) < 1.1 * len(gzip.compress(plain))
    assert len(gzip.compress(text)) < 0.1 * len(text)
    # a different question moves the characters by a different number of places
    assert sce.encode_secret(data, "03-nn/losses", "other").encode() != text


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
