"""Serve KaTeX's stylesheet and fonts from the site itself.

KaTeX is installed by npm (``package.json``) into ``node_modules/katex``; this hook adds the
files the pages need to the build as ``assets/katex/...``, so nothing is copied into the repo
by hand and no page asks a CDN for it. The maths is rendered to HTML at build time
(``katex_render.py``), so no page loads KaTeX's JavaScript. After the build,
``katex_subset.py`` cuts each font copied here to the characters the site's maths uses (and
a second file with the rest).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
# What the pages load: the stylesheet and the fonts it refers to (woff2 only: every browser
# that runs the site reads woff2).
WANTED = ["katex.min.css"]


def on_files(files: Files, config) -> Files:
    if not (KATEX_DIST / "katex.min.css").is_file():
        raise PluginError(
            f"KaTeX not found in {KATEX_DIST}. Install the site's JavaScript dependencies "
            "first: `npm ci` (the Makefile's `make site` and `make serve` do this)."
        )
    paths = [KATEX_DIST / rel for rel in WANTED]
    paths += sorted((KATEX_DIST / "fonts").glob("*.woff2"))
    for path in paths:
        rel = path.relative_to(KATEX_DIST).as_posix()
        files.append(
            File.generated(config, f"assets/katex/{rel}", abs_src_path=str(path))
        )
    return files
