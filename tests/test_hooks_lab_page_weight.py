"""Lab pages: notebook CSS pruned, figures moved to files (scripts/hooks/lab_page_weight.py)."""

from __future__ import annotations

import base64
import io

import lab_page_weight as lpw
import pytest
from mkdocs.exceptions import PluginError
from PIL import Image

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free


def png_bytes(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def test_png_size_reads_the_header_and_refuses_other_data():
    assert lpw.png_size(png_bytes(7, 3)) == (7, 3)
    with pytest.raises(ValueError, match="not a PNG"):
        lpw.png_size(b"GIF89a" + bytes(30))


def test_each_inline_figure_becomes_a_lazily_loaded_file_of_its_own_size(tmp_path):
    data = [png_bytes(40, 20), png_bytes(10, 30)]
    # nbconvert wraps the base64
    encoded = [base64.encodebytes(d).decode() for d in data]
    html = (
        f'<p>a</p><img alt="Loss curve" class="" src="data:image/png;base64,{encoded[0]}"/>'
        f'<img src="data:image/png;base64,{encoded[1]}" width="99">'
    )
    out = lpw.figures_to_files(html, tmp_path / "labs" / "x", "x")
    assert "data:image" not in out
    assert (
        '<img alt="Loss curve" class="" src="x-figure-1.png" width="40" height="20" '
        'loading="lazy" decoding="async">'
    ) in out
    # width replaced
    assert '<img src="x-figure-2.png" width="10" height="30" loading="lazy"' in out
    for n, d in enumerate(data, 1):
        assert (tmp_path / "labs" / "x" / f"x-figure-{n}.png").read_bytes() == d


def test_a_figure_that_is_not_a_png_fails_the_build(tmp_path):
    bad = base64.b64encode(b"not an image at all").decode()
    with pytest.raises(PluginError, match="x: a figure is not a valid PNG"):
        lpw.figures_to_files(f'<img src="data:image/png;base64,{bad}">', tmp_path, "x")


def test_styles_keep_what_the_cells_and_the_theme_use():
    html = (
        "<style>.jp-Cell{margin:0}.jp-Dialog{margin:1px}.jupyter-wrapper button{border:0}"
        ".md-clipboard{color:red}</style><div class='jupyter-wrapper'>"
        "<div class='jp-Cell'></div></div>"
    )
    out = lpw.prune_styles(html)
    assert ".jp-Cell{margin:0}" in out and ".jp-Dialog" not in out
    # Material adds copy buttons to code blocks after load: their rules stay
    assert (
        ".jupyter-wrapper button{border:0}" in out and ".md-clipboard{color:red}" in out
    )


def notebook_with_figures(source: str, n_figures: int):
    import nbformat

    cell = nbformat.v4.new_code_cell(source, execution_count=1)
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"image/png": base64.encodebytes(png_bytes(4 + i, 3)).decode()},
        )
        for i in range(n_figures)
    ]
    return nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# Lab"), cell]
    )


def test_each_figure_gets_the_description_its_cell_gives_it(tmp_path):
    source = (
        "fig, ax = plt.subplots()\n"
        "# Figure: Training loss against epoch: it falls from 2.3\n"
        "#   to about 0.1 in five epochs.\n"
        "ax.plot(loss)\n"
        '# Figure: Ten test digits & their "predicted" labels.\n'
    )
    nb = notebook_with_figures(source, 2)
    alts = lpw.figure_descriptions(nb, "x")
    assert list(alts.values()) == [
        "Training loss against epoch: it falls from 2.3 to about 0.1 in five epochs.",
        'Ten test digits & their "predicted" labels.',
    ]
    html = "".join(
        f'<img alt="No description has been provided for this image" '
        f'src="data:image/png;base64,{o.data["image/png"]}">'
        for o in nb.cells[1].outputs
    )
    out = lpw.figures_to_files(html, tmp_path, "x", alts)
    assert "No description" not in out
    assert 'alt="Training loss against epoch: it falls from 2.3 to about 0.1' in out
    assert 'alt="Ten test digits &amp; their &quot;predicted&quot; labels."' in out


def test_a_figure_without_a_description_fails_the_build():
    nb = notebook_with_figures("plt.plot([1, 2])\n", 1)
    with pytest.raises(
        PluginError, match=r"x, cell 2: it shows 1 figure\(s\) and describes 0"
    ):
        lpw.figure_descriptions(nb, "x")
