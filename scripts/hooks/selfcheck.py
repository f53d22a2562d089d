"""Self-check questions at the end of each section page, checked in the browser.

A page ``docs/<module>/<page>.md`` gets the questions of ``docs/questions/<module>/<page>.py``
(a file defining ``questions() -> list[Numeric | Choice]``, see ``syllabus_code/selfcheck.py``):
the build appends a "Check your understanding" section to the page's Markdown (so the heading
is in the table of contents) holding a placeholder, and replaces the placeholder, once the page
is HTML, by the questions:

- what a reader may see before an attempt (the prompt, a multiple-choice question's options,
  a link to the module's answers page for readers without JavaScript) is plain HTML whose maths
  ``katex_render.py`` renders like the rest of the page;
- what only the checker may show after an attempt (the answer and tolerance, each likely
  mistake's value and hint, the generic hint, the options' explanations, the worked solution)
  is rendered here (Markdown, then KaTeX), and then encoded into the question's
  ``data-secret`` attribute: the JSON's UTF-8 bytes XOR-ed with a key made from the page and
  question id, in base64. It is obfuscation, not secrecy: the aim is that an answer cannot be
  read off the page (or the search index, which is made from the HTML at this stage) by accident.
  ``docs/javascripts/widgets/selfcheck/logic.js`` decodes it.

Each module with questions also gets a generated answers page, ``<module>/solutions/`` (not in
the navigation, left out of the search index), listing every question's answer and worked
solution: the no-JavaScript route, linked from every question. Each module's index page shows
"k of n answered" from the browser's localStorage (``selfcheck/view.js``); the build puts the
module's question ids there. The question files themselves are never copied to the site.

A question file that fails to load, returns anything but questions, repeats an id or has no
page stops the build with its path.
"""

from __future__ import annotations

import base64
import html
import importlib.util
import json
import logging
import math
import posixpath
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

sys.path.insert(0, str(Path(__file__).parent))
from katex_render import KatexProcess, render_maths  # noqa: E402
from page_html import insert_after_h1  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from syllabus_code.selfcheck import Choice, Numeric  # noqa: E402

log = logging.getLogger("mkdocs.hooks.selfcheck")
QUESTIONS = "questions"  # under docs/
SECTION_TITLE = "Check your understanding"
SECTION_ID = "check-your-understanding"
SOLUTIONS = "solutions.md"  # generated in each module folder that has questions
PLACEHOLDER = '<div class="selfcheck-placeholder" data-selfcheck-page="{key}"></div>'
_PLACEHOLDER = re.compile(r'<div class="selfcheck-placeholder" data-selfcheck-page="([^"]+)"></div>')
_MODULE = re.compile(r"^\d\d-[a-z0-9-]+$")


@dataclass
class PageQuestions:
    module: str  # "00-foundations"
    page: str  # "linear-algebra" (the Markdown file's stem)
    path: Path  # the question file
    questions: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.module}/{self.page}"

    @property
    def src_uri(self) -> str:
        return f"{self.module}/{self.page}.md"


# --- Loading -------------------------------------------------------------------------------


def load_questions(path: Path) -> list:
    """The questions of one file, checked; a PluginError naming the file otherwise."""
    path = Path(path)
    name = "selfcheck_questions_" + re.sub(r"\W", "_", f"{path.parent.name}_{path.stem}")
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        dont_write, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # no __pycache__ in docs/
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        finally:
            sys.dont_write_bytecode = dont_write
            sys.modules.pop(name, None)
        if not callable(getattr(module, "questions", None)):
            raise ValueError("it must define questions() -> list[Numeric | Choice]")
        found = module.questions()
    except PluginError:
        raise
    except Exception as exc:  # a broken question file fails the build, with its path
        raise PluginError(f"self-check question file {path} failed: {exc!r}") from exc
    if not isinstance(found, (list, tuple)) or not found:
        raise PluginError(f"self-check question file {path}: questions() must return a "
                          f"non-empty list, got {found!r:.80}")
    seen = set()
    for q in found:
        if not isinstance(q, (Numeric, Choice)):
            raise PluginError(f"self-check question file {path}: {q!r:.80} is not a "
                              "syllabus_code.selfcheck Numeric or Choice")
        if q.id in seen:
            raise PluginError(f"self-check question file {path}: id {q.id!r} is used twice")
        seen.add(q.id)
    return list(found)


def find_question_files(docs_dir: Path) -> list[Path]:
    root = Path(docs_dir) / QUESTIONS
    return sorted(p for p in root.glob("*/*.py") if not p.name.startswith("_"))


def load_all(docs_dir: Path) -> dict[str, PageQuestions]:
    """Every page's questions, keyed by the page's src_uri ("00-foundations/notation.md")."""
    docs_dir = Path(docs_dir)
    pages: dict[str, PageQuestions] = {}
    for path in find_question_files(docs_dir):
        module = path.parent.name
        if not _MODULE.match(module):
            raise PluginError(f"self-check question file {path}: its folder must be a module "
                              "folder such as 00-foundations")
        pq = PageQuestions(module, path.stem, path)
        if not (docs_dir / pq.src_uri).is_file():
            raise PluginError(f"self-check question file {path}: there is no page "
                              f"docs/{pq.src_uri} for it")
        pq.questions = load_questions(path)
        pages[pq.src_uri] = pq
    return pages


# --- Encoding ------------------------------------------------------------------------------


def secret_key(page_key: str, qid: str) -> bytes:
    return f"selfcheck:{page_key}/{qid}".encode("utf-8")


def encode_secret(data: dict, page_key: str, qid: str) -> str:
    """JSON -> UTF-8 -> XOR with the question's key -> base64 (logic.js: decodeSecret)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    key = secret_key(page_key, qid)
    return base64.b64encode(bytes(b ^ key[i % len(key)] for i, b in enumerate(raw))).decode("ascii")


def decode_secret(text: str, page_key: str, qid: str) -> dict:
    raw = base64.b64decode(text)
    key = secret_key(page_key, qid)
    return json.loads(bytes(b ^ key[i % len(key)] for i, b in enumerate(raw)).decode("utf-8"))


def decimals_for(tolerance: float) -> int | None:
    """How many decimals show an answer accepted within ``tolerance`` (None: as it is)."""
    if tolerance <= 0:
        return None
    return max(0, min(12, math.ceil(-math.log10(2 * tolerance) - 1e-9)))  # 0.005: 2


def format_number(x: float, tolerance: float = 0.0) -> str:
    """The answer as the answers page and the checker show it (minus sign as U+2212)."""
    d = decimals_for(tolerance)
    if d is None:
        text = str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))
    else:
        text = f"{x:.{d}f}"
        if text.lstrip("-").strip("0.") == "":
            text = text.lstrip("-")  # no "-0.000"
    return text.replace("-", "\u2212")


def tolerance_text(q: Numeric) -> str:
    return "exactly" if q.tolerance == 0 else f"within \u00b1{format_number(q.tolerance)}"


# --- Rendering -----------------------------------------------------------------------------


class Renderer:
    """Markdown fragments (a prompt, a hint, a solution) to HTML with the site's extensions;
    ``secret`` fragments also have their maths rendered here (they leave this hook encoded)."""

    def __init__(self, config) -> None:
        import markdown

        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"])
        self.katex = KatexProcess()

    def html(self, text: str, where: str, secret: bool = False) -> str:
        self.md.reset()
        out = self.md.convert(text)
        if re.search(r'href="(?![a-z][a-z0-9+.-]*:)[^"#]*\.md[#"]', out):
            raise PluginError(f"{where}: links to pages are not resolved in self-check text; "
                              "name the page in words instead")
        if "<pre" in out:
            raise PluginError(f"{where}: a code block in self-check text would be shown but "
                              "never run; use inline code")
        return render_maths(out, where, self.katex) if secret else out

    def close(self) -> None:
        self.katex.close()


def question_secret(q, pq: PageQuestions, r: Renderer) -> dict:
    where = f"{pq.path} question {q.id!r}"
    solution = r.html(q.solution, where, secret=True) if q.solution else ""
    if isinstance(q, Numeric):
        return {
            "kind": "numeric",
            "answer": q.answer,
            "tolerance": q.tolerance,
            "display": format_number(q.answer, q.tolerance),
            "toleranceDisplay": format_number(q.tolerance),
            "unit": q.unit,
            "hint": r.html(q.hint, where, secret=True),
            "mistakes": [{"value": m.value, "hint": r.html(m.hint, where, secret=True)}
                         for m in q.mistakes],
            "solution": solution,
        }
    return {
        "kind": "choice",
        "correct": next(i for i, o in enumerate(q.options) if o.correct),
        "explanations": [r.html(o.explanation, where, secret=True) for o in q.options],
        "solution": solution,
    }


LETTERS = "ABCDEFGHIJ"


def question_html(q, number: int, pq: PageQuestions, r: Renderer, solutions_url: str) -> str:
    where = f"{pq.path} question {q.id!r}"
    kind = "numeric" if isinstance(q, Numeric) else "choice"
    attrs = {
        "class": "selfcheck",
        "id": f"q-{q.id}",
        "role": "group",
        "aria-labelledby": f"q-{q.id}-label",
        "data-selfcheck": q.id,
        "data-selfcheck-page": pq.key,
        "data-kind": kind,
        "data-secret": encode_secret(question_secret(q, pq, r), pq.key, q.id),
    }
    if isinstance(q, Numeric) and q.unit:
        attrs["data-unit"] = q.unit
    if q.widget:
        attrs["data-widget-task"] = q.widget
    head = " ".join(f'{k}="{html.escape(str(v), quote=True)}"' for k, v in attrs.items())
    parts = [f"<div {head}>",
             f'<p class="selfcheck-label" id="q-{q.id}-label"><strong>Question {number}</strong>'
             + (" · with the widget above" if q.widget else "") + "</p>",
             f'<div class="selfcheck-prompt">{r.html(q.prompt, where)}</div>']
    if isinstance(q, Choice):
        items = "".join(
            f'<li data-index="{i}"><span class="selfcheck-letter">{LETTERS[i]}.</span> '
            f'<span class="selfcheck-option-text">{_inline(r.html(o.text, where))}</span></li>'
            for i, o in enumerate(q.options))
        parts.append(f'<ol class="selfcheck-options">{items}</ol>')
    parts.append(f'<p class="selfcheck-nojs"><a href="{solutions_url}#{anchor(pq, q)}">'
                 "Answer and worked solution</a></p>")
    parts.append("</div>")
    return "".join(parts)


def _inline(fragment: str) -> str:
    """A one-paragraph fragment without its <p> (option texts sit inside a list item)."""
    m = re.fullmatch(r"\s*<p>(.*)</p>\s*", fragment, re.S)
    return m.group(1) if m and "<p>" not in m.group(1) else fragment


def anchor(pq: PageQuestions, q) -> str:
    return f"{pq.page}-{q.id}"


def relative_url(from_url: str, to_url: str) -> str:
    """The link from page URL ``from_url`` to ``to_url`` (both site-relative, as page.url)."""
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    rel = posixpath.relpath(to_url or ".", base or ".")
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def section_html(pq: PageQuestions, page_url: str, solutions_url: str, r: Renderer) -> str:
    link = relative_url(page_url, solutions_url)
    intro = ('<p class="selfcheck-intro"><span class="selfcheck-intro-js" hidden>Answer each '
             "question, then check it: a wrong answer gets a hint, and after any attempt the "
             "worked solution opens. Your answers stay in this browser; nothing is sent "
             'anywhere.</span><span class="selfcheck-intro-nojs">Each question links to its '
             "answer and worked solution on this module's answers page. With JavaScript on, "
             "this page checks your answers itself.</span></p>")
    body = "".join(question_html(q, i + 1, pq, r, link) for i, q in enumerate(pq.questions))
    return f'<div class="selfcheck-section">{intro}{body}</div>'


def progress_html(module: str, pages: dict[str, PageQuestions], solutions_url: str) -> str:
    ids = [f"{pq.key}/{q.id}" for pq in pages.values() if pq.module == module for q in pq.questions]
    data = html.escape(json.dumps(ids), quote=True)
    n = len(ids)
    return (f'<div class="selfcheck-progress" data-selfcheck-module="{module}" '
            f'data-total="{n}" data-ids="{data}">'
            f'<p class="selfcheck-progress-text">This module has {n} self-check questions, '
            f'at the end of its section pages (<a href="{solutions_url}">answers and worked '
            "solutions</a>).</p></div>")


# --- The answers page (JavaScript off) -----------------------------------------------------


def page_title(md_path: Path) -> str:
    for line in md_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return md_path.stem


def solutions_markdown(module: str, pages: list[PageQuestions], docs_dir: Path) -> str:
    title = page_title(Path(docs_dir) / module / "index.md")
    out = ["---", "search:", "  exclude: true", "---", "",
           f"# Answers: {title}", "",
           "Every self-check question of this module with its answer and worked solution. "
           "Try each question on its page first: with JavaScript on, the page checks your "
           "answer and gives a hint aimed at the likely mistake.", ""]
    for pq in pages:
        name = page_title(Path(docs_dir) / pq.src_uri)
        out += [f"## {name} {{ #{pq.page} }}", "",
                f"[Back to the questions on “{name}”]({pq.page}.md#{SECTION_ID})", ""]
        for i, q in enumerate(pq.questions, 1):
            out += [f"### Question {i} {{ #{anchor(pq, q)} }}", "", q.prompt.strip(), ""]
            if isinstance(q, Numeric):
                unit = f" {q.unit}" if q.unit else ""
                out += [f"**Answer:** {format_number(q.answer, q.tolerance)}{unit} "
                        f"(accepted {tolerance_text(q)}).", ""]
            else:
                right = next(i for i, o in enumerate(q.options) if o.correct)
                out += [f"**Answer:** {LETTERS[right]}.", ""]
                for j, o in enumerate(q.options):
                    text = " ".join(o.text.split())
                    expl = " ".join(o.explanation.split())
                    out += [f"- **{LETTERS[j]}.** {text} — {expl}"]
                out += [""]
            if q.solution:
                out += ["**Worked solution.**", "", q.solution.strip(), ""]
    return "\n".join(out) + "\n"


# --- MkDocs events -------------------------------------------------------------------------

_pages: dict[str, PageQuestions] = {}
_renderer: Renderer | None = None


def module_of(src_uri: str) -> str | None:
    parts = src_uri.split("/")
    return parts[0] if len(parts) == 2 and _MODULE.match(parts[0]) else None


def on_files(files: Files, config) -> Files:
    global _pages
    docs_dir = Path(config["docs_dir"])
    _pages = load_all(docs_dir)
    for f in list(files):
        if f.src_uri.startswith(QUESTIONS + "/"):
            files.remove(f)  # the answers are in the question files: never copy them
    modules = sorted({pq.module for pq in _pages.values()})
    for module in modules:
        pages = sorted((pq for pq in _pages.values() if pq.module == module),
                       key=lambda pq: nav_position(config, pq.src_uri))
        generated = File.generated(config, f"{module}/{SOLUTIONS}",
                                   content=solutions_markdown(module, pages, docs_dir))
        generated.inclusion = InclusionLevel.NOT_IN_NAV
        files.append(generated)
    n = sum(len(pq.questions) for pq in _pages.values())
    log.info("self-check: %d questions on %d pages of %d modules", n, len(_pages), len(modules))
    return files


def nav_position(config, src_uri: str) -> tuple:
    """Pages in the order of the navigation (then by name), for the answers page."""
    order: list[str] = []

    def walk(items) -> None:
        for item in items or []:
            if isinstance(item, str):
                order.append(item)
            elif isinstance(item, dict):
                for v in item.values():
                    walk([v] if isinstance(v, str) else v)

    walk(config.get("nav"))
    return (order.index(src_uri) if src_uri in order else len(order), src_uri)


def on_page_markdown(markdown: str, page, config, files) -> str:
    pq = _pages.get(page.file.src_uri)
    if pq is None:
        return markdown
    return (markdown.rstrip("\n") + f"\n\n## {SECTION_TITLE} {{ #{SECTION_ID} }}\n\n"
            + PLACEHOLDER.format(key=pq.key) + "\n")


def _solutions_url(module: str, config) -> str:
    return f"{module}/solutions/" if config.get("use_directory_urls", True) \
        else f"{module}/solutions.html"


def on_page_content(page_html: str, page, config, files) -> str:
    global _renderer
    src = page.file.src_uri
    module = module_of(src)
    if module is None:
        return page_html
    if _renderer is None:
        _renderer = Renderer(config)
    solutions_url = _solutions_url(module, config)
    pq = _pages.get(src)
    if pq is not None:
        section = section_html(pq, page.url, solutions_url, _renderer)
        page_html, n = _PLACEHOLDER.subn(lambda m: section, page_html, count=1)
        if n != 1:
            raise PluginError(f"{src}: the self-check placeholder was lost on the way to HTML")
    if page.file.name == "index" and any(p.module == module for p in _pages.values()):
        url = relative_url(page.url, solutions_url)
        page_html = insert_after_h1(page_html, progress_html(module, _pages, url))
    return page_html


def on_post_build(config) -> None:
    _close()


def on_build_error(error) -> None:
    _close()


def on_shutdown() -> None:
    _close()


def _close() -> None:
    global _renderer
    if _renderer is not None:
        _renderer.close()
        _renderer = None
