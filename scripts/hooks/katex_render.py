"""Render the pages' maths to HTML at build time, with KaTeX's own renderer.

Markdown pages: pymdownx.arithmatex (generic mode) leaves ``\\( \\)`` in
``<span class="arithmatex">`` and ``\\[ \\]`` in ``<div class="arithmatex">``. Notebook pages
(mkdocs-jupyter) keep the ``$ $``, ``$$ $$``, ``\\( \\)`` and ``\\[ \\]`` of their markdown cells,
found here as KaTeX's auto-render found them in the browser (text outside code, delimiters
matched with braces balanced). Every formula is replaced by ``katex.renderToString`` output
(display maths keeps KaTeX's ``.katex-display`` wrapper), so the pages need no KaTeX
JavaScript, only its stylesheet and fonts (``katex_assets.py``), and maths reads with
JavaScript off.

One ``node`` process (``scripts/katex_render.mjs``) serves the whole build: a page's formulas
go to it as one JSON line and come back as one; identical formulas are rendered once. A
formula KaTeX cannot parse stops the build with the page, the formula and KaTeX's message.

The HTML is rewritten in ``on_post_page``, after the search plugin has indexed the page, so the
search index keeps the TeX source rather than KaTeX's markup.
"""

from __future__ import annotations

import html as htmllib
import json
import logging
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.katex_render")
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "katex_render.mjs"

# pymdownx.arithmatex, generic mode: the element's text is the escaped TeX with its delimiters.
ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.S)
# Notebook pages: tags, comments and the elements whose text is never maths.
TAG = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S
)
RAW_TEXT = {"script", "style", "textarea"}
NO_MATHS = {"pre", "code", "noscript", "option"}
MARKDOWN_CELL = re.compile(
    r"""class=["'][^"']*\bjp-(?:RenderedMarkdown|MarkdownOutput)\b"""
)
# auto-render's delimiters for notebook cells, longest first where two share a start.
NOTEBOOK_DELIMITERS = [
    ("$$", "$$", True),
    ("$", "$", False),
    ("\\[", "\\]", True),
    ("\\(", "\\)", False),
]
NOTEBOOK_LEFT = re.compile(r"\$\$|\$|\\\[|\\\(")


@dataclass
class Formula:
    start: int  # where the source text to replace starts and ends in the page's HTML
    end: int
    tex: str  # the TeX KaTeX gets (unescaped, no delimiters)
    display: bool
    source: str  # the formula as written, delimiters included, for error messages
    before: str = ""  # kept around KaTeX's output (the arithmatex wrapper)
    after: str = ""


def arithmatex_formulas(page_html: str) -> list[Formula]:
    found = []
    for m in ARITHMATEX.finditer(page_html):
        tag, body = m.group(1), htmllib.unescape(m.group(2))
        text = body.strip()
        if text.startswith("\\(") and text.endswith("\\)"):
            tex, display = text[2:-2], False
        elif text.startswith("\\[") and text.endswith("\\]"):
            tex, display = text[2:-2], True
        else:  # a bare \begin{env}...\end{env} block
            tex, display = text, tag == "div"
        found.append(
            Formula(
                m.start(),
                m.end(),
                tex,
                display,
                text,
                f'<{tag} class="arithmatex">',
                f"</{tag}>",
            )
        )
    return found


def _end_of_maths(text: str, right: str, start: int) -> int:
    """auto-render's findEndOfMath: the right delimiter at brace level <= 0, skipping \\x."""
    i, braces = start, 0
    while i < len(text):
        if braces <= 0 and text.startswith(right, i):
            return i
        ch = text[i]
        if ch == "\\":
            i += 1
        elif ch == "{":
            braces += 1
        elif ch == "}":
            braces -= 1
        i += 1
    return -1


def _maths_in_text(text: str, offset: int) -> list[Formula]:
    found, pos = [], 0
    while True:
        m = NOTEBOOK_LEFT.search(text, pos)
        if not m:
            return found
        left, right, display = next(
            d for d in NOTEBOOK_DELIMITERS if text.startswith(d[0], m.start())
        )
        end = _end_of_maths(text, right, m.start() + len(left))
        if end < 0:
            return found
        stop = end + len(right)
        source = htmllib.unescape(text[m.start() : stop])
        tex = htmllib.unescape(text[m.start() + len(left) : end])
        found.append(Formula(offset + m.start(), offset + stop, tex, display, source))
        pos = stop


def notebook_formulas(page_html: str) -> list[Formula]:
    """Maths in the text of notebook markdown cells (not in code, pre, script or style)."""
    if "jp-RenderedMarkdown" not in page_html and "jp-MarkdownOutput" not in page_html:
        return []
    found: list[Formula] = []
    divs: list[bool] = []  # for each open <div>: is it a markdown cell?
    cells = skipped = 0
    pos, lower = 0, page_html.lower()
    while pos < len(page_html):
        m = TAG.search(page_html, pos)
        text_end = m.start() if m else len(page_html)
        if cells and not skipped and text_end > pos:
            found += _maths_in_text(page_html[pos:text_end], pos)
        if not m:
            break
        pos = m.end()
        closing, name = m.group(1), (m.group(2) or "").lower()
        if not name:  # a comment
            continue
        if name in RAW_TEXT and not closing:
            close = lower.find(f"</{name}", pos)
            pos = len(page_html) if close < 0 else close
        elif name == "div" and not closing:
            divs.append(bool(MARKDOWN_CELL.search(m.group(3) or "")))
            cells += divs[-1]
        elif name == "div" and divs:
            cells -= divs.pop()
        elif name in NO_MATHS and not (m.group(3) or "").rstrip().endswith("/"):
            skipped = max(0, skipped + (-1 if closing else 1))
    return found


class KatexProcess:
    """The long-lived ``node scripts/katex_render.mjs`` child, with a cache of its answers."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.cache: dict[tuple[str, bool], dict] = {}
        self.formulas = 0  # formulas rendered (from the cache or not)
        # time in on_post_page: finding, rendering and replacing them
        self.seconds = 0.0

    def _start(self) -> subprocess.Popen:
        node = shutil.which("node")
        if node is None:
            raise PluginError(
                "KaTeX renders the maths at build time and needs Node.js (`node`) on PATH."
            )
        if not (ROOT / "node_modules" / "katex" / "package.json").is_file():
            raise PluginError(
                "KaTeX is not installed: run `npm ci` first (`make site` does)."
            )
        return subprocess.Popen(
            [node, str(SCRIPT)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )

    def render(self, requests: list[tuple[str, bool]]) -> list[dict]:
        """KaTeX's answer for each (tex, display): {"html": ...} or {"error": message}."""
        self.formulas += len(requests)
        todo = list(dict.fromkeys(r for r in requests if r not in self.cache))
        if todo:
            if self.proc is None or self.proc.poll() is not None:
                self.proc = self._start()
            payload = [{"tex": tex, "display": display} for tex, display in todo]
            try:
                self.proc.stdin.write(json.dumps(payload) + "\n")
                self.proc.stdin.flush()
                line = self.proc.stdout.readline()
            except OSError as err:
                line = ""
                reason = str(err)
            else:
                reason = f"exit status {self.proc.poll()}"
            if not line:
                self.close()
                raise PluginError(
                    f"the KaTeX process ({SCRIPT.name}) stopped: {reason}"
                )
            answers = json.loads(line)
            if isinstance(answers, dict):
                raise PluginError(
                    f"the KaTeX process ({SCRIPT.name}) failed: {answers.get('fatal')}"
                )
            self.cache.update(zip(todo, answers))
        return [self.cache[r] for r in requests]

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            proc.stdin.close()
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()


def render_maths(page_html: str, where: str, katex: KatexProcess) -> str:
    """``page_html`` with every formula rendered; ``where`` names the page in errors."""
    formulas = arithmatex_formulas(page_html)
    taken = [(f.start, f.end) for f in formulas]
    formulas += [
        f
        for f in notebook_formulas(page_html)
        if not any(s < f.end and f.start < e for s, e in taken)
    ]
    formulas.sort(key=lambda f: f.start)
    if not formulas:
        return page_html
    answers = katex.render([(f.tex, f.display) for f in formulas])
    bad = [(f, a["error"]) for f, a in zip(formulas, answers) if "error" in a]
    if bad:
        lines = "\n".join(f"  {f.source}\n    {error}" for f, error in bad)
        raise PluginError(
            f"{where}: KaTeX cannot render {len(bad)} formula(s):\n{lines}"
        )
    out, pos = [], 0
    for f, answer in zip(formulas, answers):
        out += [page_html[pos : f.start], f.before, answer["html"], f.after]
        pos = f.end
    out.append(page_html[pos:])
    return "".join(out)


_katex = KatexProcess()


def on_post_page(output: str, page, config) -> str:
    started = time.perf_counter()
    try:
        return render_maths(output, page.file.src_uri, _katex)
    finally:
        _katex.seconds += time.perf_counter() - started


def on_post_build(config) -> None:
    log.info(
        "KaTeX rendered %d formulas (%d distinct) in %.1f s",
        _katex.formulas,
        len(_katex.cache),
        _katex.seconds,
    )
    _katex.close()


def on_build_error(error) -> None:
    _katex.close()


def on_shutdown() -> None:
    _katex.close()
