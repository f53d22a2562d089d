"""Keep notebook pages free of requests to other origins.

mkdocs-jupyter's HTML template adds <script src="https://..."> tags for MathJax and Mermaid
(and RequireJS when asked), an empty ``<script src="">`` where no MathJax address is set, and
a module script that imports Mermaid from a CDN when a notebook has a diagram. The site
renders notebook maths with its own KaTeX and no lab draws Mermaid diagrams, so all of them
are removed; a test checks that no page requests another origin.
"""

from __future__ import annotations

import re

EXTERNAL_SCRIPT = re.compile(
    r'<script[^>]*\bsrc="(?:https?:)?//[^"]*"[^>]*>\s*</script>', re.I
)
MATHJAX_CONFIG = re.compile(r'<script type="text/x-mathjax-config">.*?</script>', re.S)
EMPTY_SCRIPT = re.compile(r'<script\b[^>]*\bsrc=""[^>]*>\s*</script>', re.I)
FOREIGN_IMPORT = re.compile(
    r"<script\b[^>]*>(?:(?!</script>).)*?import\(\s*[\"'](?:https?:)?//.*?</script>",
    re.S | re.I,
)


def on_page_content(html: str, page, config, files) -> str:
    if "jupyter-wrapper" not in html:
        return html
    for pattern in (EXTERNAL_SCRIPT, MATHJAX_CONFIG, EMPTY_SCRIPT, FOREIGN_IMPORT):
        html = pattern.sub("", html)
    return html
