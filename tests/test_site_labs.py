"""The built labs: each page links its executed notebook, its source and (when a repository is
configured) Colab, and the notebook holds the outputs the page shows
(scripts/hooks/lab_notebooks.py). Run after `mkdocs build`, in the same environment: the Colab
settings are read from mkdocs.yml and the environment as the build read them."""

from __future__ import annotations

import base64
import html
import os
import re
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import jupytext
import lab_notebooks as ln  # scripts/hooks is on sys.path (root conftest.py)
import lab_page_weight as lpw
import nbformat
import pytest

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[1]
LABS = sorted(p.stem for p in (ROOT / "docs/labs").glob("*.py"))


def colab_settings() -> dict:
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return ln.colab_settings(yaml_load(f).get("extra"), os.environ)


class Links(HTMLParser):
    """The anchors inside the page's <p class="lab-links">."""

    def __init__(self):
        super().__init__()
        self.inside, self.links = False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "p" and attrs.get("class") == "lab-links":
            self.inside = True
        elif tag == "a" and self.inside:
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "p":
            self.inside = False


def page_and_notebook(site_dir: Path, stem: str):
    page = (site_dir / "labs" / stem / "index.html").read_text(encoding="utf-8")
    notebook = site_dir / "labs" / stem / f"{stem}.ipynb"
    assert notebook.is_file(), f"{notebook} was not built"
    return page, nbformat.read(notebook, as_version=4)


@pytest.mark.parametrize("stem", LABS)
def test_notebook_is_valid_and_holds_the_outputs_the_page_shows(site_dir, stem):
    page, nb = page_and_notebook(site_dir, stem)
    nbformat.validate(nb)
    install, *cells = nb.cells
    assert install.source == ln.install_source(colab_settings()), (
        "the install cell names another repository: build and test with the same SYLLABUS_COLAB_*"
    )
    assert not install.outputs
    source = jupytext.read(ROOT / "docs/labs" / f"{stem}.py")
    # the lab, whole
    assert [c.source for c in cells] == [c.source for c in source.cells]

    text = html.unescape(re.sub(r"<[^>]+>", "", page))  # what the page shows, as text
    # Figures are files beside the page (scripts/hooks/lab_page_weight.py), each with its size.
    images = {}
    for src, width, height in re.findall(
        r'<img[^>]*\ssrc="([^":/]+\.png)" width="(\d+)" height="(\d+)"', page
    ):
        data = (site_dir / "labs" / stem / src).read_bytes()
        assert lpw.png_size(data) == (int(width), int(height)), (
            f"{stem}: {src} has another size"
        )
        images[base64.b64encode(data).decode()] = src
    assert "data:image/png" not in page, f"{stem}: a figure is still inline in the page"
    # each figure's alt text is the description its cell gives (# Figure: ...)
    described = lpw.figure_descriptions(nb, stem)
    alts = dict(
        (src, html.unescape(alt))
        for alt, src in re.findall(
            r'<img[^>]*\salt="([^"]*)"[^>]*\ssrc="([^":/]+\.png)"', page
        )
    )
    assert alts.keys() == set(images.values()), f"{stem}: a figure has no alt text"
    for encoded, src in images.items():
        assert alts[src] == described[encoded], f"{stem}: {src} has another alt text"
    shown, pngs = 0, 0
    for cell in cells:
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"{stem}: a code cell was not executed"
        for out in cell.outputs:
            assert out.output_type != "error", f"{stem}: {out.get('ename')}"
            body = (
                out.text
                if out.output_type == "stream"
                else out.get("data", {}).get("text/plain", "")
            )
            if out.output_type != "stream" and "image/png" in out.data:
                png = out.data["image/png"].replace("\n", "")
                assert base64.b64decode(png)[:8] == b"\x89PNG\r\n\x1a\n"
                assert png in images, (
                    f"{stem}: a figure of the notebook is not on the page"
                )
                pngs += 1
                continue
            for line in filter(None, (s.strip() for s in body.splitlines())):
                assert line in text, f"{stem}: output line {line!r} is not on the page"
                shown += 1
    assert shown > 0  # every lab prints something: the comparison is not vacuous
    assert pngs == len(images), f"{stem}: the page has figures the notebook lacks"


@pytest.mark.parametrize("stem", LABS)
def test_lab_page_links_its_notebook_source_and_colab(site_dir, site_url, stem):
    page, _ = page_and_notebook(site_dir, stem)
    parser = Links()
    parser.feed(page)
    links = {
        a["href"].rsplit(".", 1)[-1] if "colab" not in a["href"] else "colab": a
        for a in parser.links
    }
    page_url = urljoin(site_url, f"labs/{stem}/")
    for ext in ("ipynb", "py"):
        url = urljoin(page_url, links[ext]["href"])
        rel = url[len(site_url) :]
        assert (site_dir / rel) == site_dir / "labs" / stem / f"{stem}.{ext}"
        with urllib.request.urlopen(
            url
        ) as r:  # the page's own origin: the local server
            assert r.read() == (site_dir / rel).read_bytes()
        assert "download" in links[ext]
    assert "Download the notebook (.ipynb)" in page
    expected = ln.colab_url(colab_settings(), stem)
    if expected is None:
        assert "colab" not in links, (
            "built with a Colab repository the test's environment lacks"
        )
    else:
        assert links["colab"]["href"] == expected
        assert expected.endswith(f"/labs/{stem}.ipynb")
