"""One embed per widget (scripts/hooks/widget_fallbacks.py): the file in docs/widgets/_embeds/ is
included by the widget's own page and its module page, which render the same embed with the
fallback's marker replaced; an unknown widget fails the build. The numbers are tested in
test_hooks_widget_tables.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import widget_fallbacks as wf  # scripts/hooks is on sys.path (root conftest.py)
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EMBEDS = DOCS / "widgets" / "_embeds"
MODULE_PAGES = {  # widget: the module page that embeds it too
    "activation-visualizer": "03-neural-networks/activations.md",
    "network-visualizer": "03-neural-networks/backpropagation.md",
    "signal-graph": "05-cnns/convolution.md",
    "conv2d-worked-example": "05-cnns/convolution.md",
    "architecture-playground": "05-cnns/receptive-field.md",
}


def render(page: Path) -> str:
    md = markdown.Markdown(
        extensions=[
            "attr_list",
            "md_in_html",
            "tables",
            "pymdownx.snippets",
            "pymdownx.arithmatex",
            wf.FallbackExtension(),
        ],
        extension_configs={
            "pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True},
            "pymdownx.arithmatex": {"generic": True},
        },
    )
    return md.convert(page.read_text(encoding="utf-8"))


def embed_html(html: str, name: str) -> str:
    start = re.search(rf'<div [^>]*data-widget="{name}"', html).start()
    end = html.index("</div>\n</div>", start)
    return html[start:end]


@pytest.mark.parametrize("name", sorted(MODULE_PAGES))
def test_the_widget_page_and_the_module_page_show_the_same_embed(name):
    line = f'--8<-- "docs/widgets/_embeds/{name}.md"'
    pages = [DOCS / "widgets" / f"{name}.md", DOCS / MODULE_PAGES[name]]
    for page in pages:
        assert page.read_text(encoding="utf-8").count(line) == 1, page
    shown = [embed_html(render(page), name) for page in pages]
    assert shown[0] == shown[1]
    assert '<div class="widget-fallback">' in shown[0] and "<table>" in shown[0]
    assert "widget-fallback:" not in shown[0]  # the marker was replaced
    assert "Static version (JavaScript is off)." in shown[0]


def test_no_page_writes_an_embed_by_hand():
    for page in DOCS.rglob("*.md"):
        if EMBEDS not in page.parents:
            assert "data-widget=" not in page.read_text(encoding="utf-8"), page
    assert (
        sorted(p.stem for p in EMBEDS.glob("*.md"))
        == sorted(wf.FALLBACKS)
        == sorted(MODULE_PAGES)
    )


def test_an_unknown_widget_fails_the_build():
    with pytest.raises(PluginError, match="unknown widget 'nope'"):
        markdown.Markdown(extensions=[wf.FallbackExtension()]).convert(
            "<!-- widget-fallback: nope -->"
        )
