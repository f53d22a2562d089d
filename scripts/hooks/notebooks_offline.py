"""Keep notebook pages free of requests to other origins.

mkdocs-jupyter's HTML template adds <script src="https://..."> tags for MathJax and Mermaid
(and RequireJS when asked). The site renders notebook maths with its own KaTeX instead, so
those tags are removed; a test checks that no page requests another origin.
"""

from __future__ import annotations

import re

EXTERNAL_SCRIPT = re.compile(r'<script[^>]*\bsrc="(?:https?:)?//[^"]*"[^>]*>\s*</script>', re.I)
MATHJAX_CONFIG = re.compile(r'<script type="text/x-mathjax-config">.*?</script>', re.S)


def on_page_content(html: str, page, config, files) -> str:
    if "jupyter-wrapper" not in html:
        return html
    html = EXTERNAL_SCRIPT.sub("", html)
    return MATHJAX_CONFIG.sub("", html)
