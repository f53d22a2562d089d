"""Drawing primitives: inch-based canvas, fit to the drawing, text collection, minus signs."""

from __future__ import annotations

import io

import pytest

from syllabus_code.diagrams.draw import canvas, figure_texts, num


def test_num_writes_a_true_minus_sign():
    assert (
        num(-0.5) == "\u22120.5"
        and num(2) == "2"
        and num(-1.234, "{:.2f}") == "\u22121.23"
    )


def test_fit_trims_the_canvas_to_the_drawing_and_keeps_inches():
    cv = canvas(8, 8)
    cv.box(1, 1, 2, 1, "weight", "W")
    fig = cv.fit(pad=0.1)
    w, h = fig.get_size_inches()
    assert w == pytest.approx(2.2, abs=0.05) and h == pytest.approx(1.2, abs=0.05)
    x0, x1 = cv.ax.get_xlim()
    assert x1 - x0 == pytest.approx(w)  # one data unit is still one inch


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_figure_texts_lists_what_is_drawn_in_the_theme_ink(theme):
    cv = canvas(3, 2, theme)
    cv.text(1, 1, "a label")
    cv.unit(2, 1, role="activation", text="$a$")
    fig = cv.fit()
    assert figure_texts(fig) == ["a label", "$a$"]
    assert all(t.get_color() == cv.p.ink for t in cv.ax.texts)
    assert not fig.patch.get_visible() or fig.patch.get_alpha() == 0
    buf = io.BytesIO()
    fig.savefig(buf, format="svg")
    assert b"<svg" in buf.getvalue()
