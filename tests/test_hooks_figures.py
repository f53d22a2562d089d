"""The figure hook: themed scripts are drawn light and dark, and pages get both images."""

from __future__ import annotations

import figures  # scripts/hooks is on sys.path (tests/conftest.py)
import pytest
from mkdocs.exceptions import PluginError

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


def test_the_worker_pool_draws_the_same_bytes_as_this_process(tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "_cpus", lambda: 2)  # the pool, whatever this machine
    (tmp_path / "a_themed.py").write_text(THEMED)
    (tmp_path / "b_plain.py").write_text(PLAIN)
    themed, plain = sorted(tmp_path.glob("*.py"))
    drawn = figures.render_all([themed, plain])
    assert drawn[themed] == [
        (theme, figures.render_svg(themed, theme)) for theme in ("light", "dark")
    ]
    assert drawn[plain] == [(None, figures.render_svg(plain))]


@pytest.mark.parametrize("cpus", [1, 2])
def test_a_broken_script_fails_the_build_with_its_name(tmp_path, monkeypatch, cpus):
    """The same failure whether the scripts are drawn here or by the worker pool: the first
    broken script in order, named, with its error."""
    monkeypatch.setattr(figures, "_cpus", lambda: cpus)
    (tmp_path / "a_plain.py").write_text(PLAIN)
    broken = tmp_path / "b_broken.py"
    broken.write_text("def make_figure():\n    raise ValueError('no data')\n")
    (tmp_path / "c_broken.py").write_text("def make_figure():\n    raise KeyError(1)\n")
    with pytest.raises(PluginError) as err:
        figures.render_all(sorted(tmp_path.glob("*.py")))
    assert str(err.value) == f"figure script {broken} failed: ValueError('no data')"
    (tmp_path / "d_none.py").write_text("x = 1\n")
    (tmp_path / "e_plain.py").write_text(PLAIN)  # not drawn yet (a_plain is cached)
    with pytest.raises(PluginError) as err:
        figures.render_all([tmp_path / "d_none.py", tmp_path / "e_plain.py"])
    assert str(err.value) == (
        f"{tmp_path / 'd_none.py'}: a figure script must define make_figure()"
    )
