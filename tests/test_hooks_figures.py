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


def test_only_themed_images_become_a_light_and_dark_pair():
    figures._THEMED.clear()
    figures._THEMED.add("05-cnns/block")
    md = "![A block.](figures/block.svg)\n\n![A plot.](figures/plot.svg)"
    out = figures.themed_images(md, "05-cnns")
    assert (
        "![A block.](figures/block.svg#only-light)![A block.](figures/block.dark.svg#only-dark)"
        in out
    )
    assert "![A plot.](figures/plot.svg)" in out  # not themed: unchanged
    # another section's name
    assert figures.themed_images(md, "06-cnn-architectures") == md


def test_alt_text_with_brackets_keeps_its_pair():
    figures._THEMED.clear()
    figures._THEMED.add("06-cnn-architectures/bottleneck")
    md = "![ResNet-50 layer2[0]: 256 -> 512.](figures/bottleneck.svg)"
    out = figures.themed_images(md, "06-cnn-architectures")
    assert out.count("layer2[0]") == 2 and "bottleneck.dark.svg#only-dark" in out
