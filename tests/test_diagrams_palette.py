"""The diagram palette: one colour per role, readable in both themes."""

from __future__ import annotations

import pytest

from syllabus_code.diagrams.palette import ROLES, THEMES, contrast, palette


@pytest.mark.parametrize("theme", THEMES)
def test_palette_text_and_lines_meet_wcag_contrast(theme):
    p = palette(theme)
    for role in ROLES:
        assert contrast(p.ink, p.fill(role)) >= 4.5, role  # text on a box
        assert contrast(p.edge(role), p.background) >= 3.0, role  # a line on the page


def test_palette_rejects_unknown_names():
    with pytest.raises(ValueError, match="theme must be one of"):
        palette("sepia")
    with pytest.raises(ValueError, match="role must be one of"):
        palette().fill("bias")
