"""Each widget's static version (for readers without JavaScript), computed at build by syllabus_code.

A widget's embed, its ``<div data-widget=...>`` and the fallback shown when JavaScript is off,
lives in one file, ``docs/widgets/_embeds/<widget>.md`` (left out of the site by
``exclude_docs``). The widget's own page and its module page include that file with
pymdownx.snippets (``--8<-- "docs/widgets/_embeds/<widget>.md"``). Where the numbers go, the
embed has the line ``<!-- widget-fallback: <widget> -->``; this hook adds a Markdown
preprocessor, run just after snippets, that replaces the line by ``FALLBACKS[<widget>]()`` of
``widget_tables.py``: Markdown whose every number ``syllabus_code`` computes from the widget's
initial state. An unknown widget name fails the build.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
from widget_tables import FALLBACKS  # noqa: E402

MARKER = re.compile(r"^\s*<!--\s*widget-fallback:\s*([\w-]+)\s*-->\s*$")


# --- the hook ------------------------------------------------------------------------------------


class FallbackPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for line in lines:
            m = MARKER.match(line)
            if m is None:
                out.append(line)
                continue
            if m.group(1) not in FALLBACKS:
                raise PluginError(
                    f"widget-fallback: unknown widget {m.group(1)!r}; known: {sorted(FALLBACKS)}"
                )
            out += FALLBACKS[m.group(1)]().split("\n")
        return out


class FallbackExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's name)
        # snippets: 32
        md.preprocessors.register(FallbackPreprocessor(md), "widget_fallback", 31)


def on_config(config):
    if not any(isinstance(e, FallbackExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(FallbackExtension())
    return config
