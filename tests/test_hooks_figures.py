"""The figure hook: themed scripts are drawn light and dark, and pages get both images."""

from __future__ import annotations

import figures  # scripts/hooks is on sys.path (tests/conftest.py)

from syllabus_code.diagrams.palette import palette

THEMED = """
from matplotlib.figure import Figure
from syllabus_code.diagrams.palette import palette

def make_figure(theme="light"):
    fig = Figure(figsize=(1, 1))
    fig.text(0.5, 0.5, "x", color=palette(theme).ink)
    return fig
"""
PLAIN = THEMED.replace('theme="light"', "").replace(
    "palette(theme)", 'palette("light")'
)


def test_a_themed_script_is_drawn_in_each_theme_with_that_themes_ink(tmp_path):
    script = tmp_path / "demo.py"
    script.write_text(THEMED)
    assert figures.is_themed(script)
    light, dark = (
        figures.render_svg(script, "light"),
        figures.render_svg(script, "dark"),
    )
    assert (
        palette("light").ink.encode() in light and palette("dark").ink.encode() in dark
    )


def test_an_unthemed_script_is_not_themed(tmp_path):
    script = tmp_path / "plain.py"
    script.write_text(PLAIN)
    assert not figures.is_themed(script)


def test_figures_get_their_size_and_lazy_loading_and_themed_ones_a_pair():
    figures._THEMED.clear()
    figures._THEMED.add("05-cnns/block")
    figures._SIZES.clear()
    figures._SIZES.update(
        {
            "05-cnns/block.svg": (300, 200),
            "05-cnns/block.dark.svg": (301, 200),
            "05-cnns/plot.svg": (640, 480),
        }
    )
    md = "![A block.](figures/block.svg)\n\n![A plot.](figures/plot.svg)\n![x](figures/none.svg)"
    out = figures.figure_images(md, "05-cnns")
    assert (
        "![A block.](figures/block.svg#only-light){ loading=lazy width=300 height=200 }"
        "![A block.](figures/block.dark.svg#only-dark){ loading=lazy width=301 height=200 }"
    ) in out
    assert "![A plot.](figures/plot.svg){ loading=lazy width=640 height=480 }" in out
    assert "![x](figures/none.svg)\n" not in out and out.endswith(
        "![x](figures/none.svg)"
    )
    # another section's files: unchanged
    assert figures.figure_images(md, "06-cnn-architectures") == md


def test_svg_size_reads_points_as_css_pixels():
    svg = (
        b'<?xml?>\n<svg xmlns="x" width="432pt" height="288.3pt" viewBox="0 0 432 288">'
    )
    assert figures.svg_size(svg) == (576, 384)
    assert figures.svg_size(b'<svg width="10" height="20px">') == (10, 20)


def test_alt_text_with_brackets_keeps_its_pair():
    figures._THEMED.clear()
    figures._THEMED.add("06-cnn-architectures/bottleneck")
    md = "![ResNet-50 layer2[0]: 256 -> 512.](figures/bottleneck.svg)"
    out = figures.figure_images(md, "06-cnn-architectures")
    assert out.count("layer2[0]") == 2 and "bottleneck.dark.svg#only-dark" in out
