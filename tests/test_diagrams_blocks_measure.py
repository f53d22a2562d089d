"""Measuring text for block diagrams (diagrams/blocks/measure.py)."""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from syllabus_code.diagrams.blocks.measure import text_size  # noqa: E402


def test_text_size_grows_with_length_and_lines():
    w1, h1 = text_size("conv")
    w2, h2 = text_size("conv 3×3, 64→64")
    w3, h3 = text_size("conv\nconv")
    assert w2 > w1 and h3 == pytest.approx(2 * h1) and w3 == pytest.approx(w1)
