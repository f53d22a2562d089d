"""The self-check HTML and the answers page (used by ``selfcheck.py``): each question's visible part
(prompt, options, a link to its answer) with its encoded ``data-secret``, a page's section, a
module's progress box, and the Markdown of a module's answers page (the no-JavaScript route).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from katex_render import KatexProcess, render_maths  # noqa: E402
from selfcheck_encode import encode_secret, format_number, tolerance_text  # noqa: E402
from selfcheck_load import PageQuestions  # noqa: E402

from syllabus_code.selfcheck import Choice, Numeric  # noqa: E402

SECTION_ID = "check-your-understanding"  # the id of the section's heading, linked from the answers page


class Renderer:
    """Markdown fragments (a prompt, a hint, a solution) to HTML with the site's extensions;
    ``secret`` fragments also have their maths rendered here (they leave this hook encoded)."""

    def __init__(self, config) -> None:
        import markdown

        self.md = markdown.Markdown(
            extensions=config["markdown_extensions"],
            extension_configs=config["mdx_configs"],
        )
        self.katex = KatexProcess()

    def html(self, text: str, where: str, secret: bool = False) -> str:
        self.md.reset()
        out = self.md.convert(text)
        if re.search(r'href="(?![a-z][a-z0-9+.-]*:)[^"#]*\.md[#"]', out):
            raise PluginError(
                f"{where}: links to pages are not resolved in self-check text; "
                "name the page in words instead"
            )
        if "<pre" in out:
            raise PluginError(
                f"{where}: a code block in self-check text would be shown but "
                "never run; use inline code"
            )
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
            "mistakes": [
                {"value": m.value, "hint": r.html(m.hint, where, secret=True)}
                for m in q.mistakes
            ],
            "solution": solution,
        }
    return {
        "kind": "choice",
        "correct": next(i for i, o in enumerate(q.options) if o.correct),
        "explanations": [r.html(o.explanation, where, secret=True) for o in q.options],
        "solution": solution,
    }


LETTERS = "ABCDEFGHIJ"


def question_html(
    q, number: int, pq: PageQuestions, r: Renderer, solutions_url: str
) -> str:
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
    head = " ".join(
        f'{k}="{html.escape(str(v), quote=True)}"' for k, v in attrs.items()
    )
    parts = [
        f"<div {head}>",
        f'<p class="selfcheck-label" id="q-{q.id}-label"><strong>Question {number}</strong>'
        + (" · with the widget above" if q.widget else "")
        + "</p>",
        f'<div class="selfcheck-prompt">{r.html(q.prompt, where)}</div>',
    ]
    if isinstance(q, Choice):
        items = "".join(
            f'<li data-index="{i}"><span class="selfcheck-letter">{LETTERS[i]}.</span> '
            f'<span class="selfcheck-option-text">{_inline(r.html(o.text, where))}</span></li>'
            for i, o in enumerate(q.options)
        )
        parts.append(f'<ol class="selfcheck-options">{items}</ol>')
    parts.append(
        f'<p class="selfcheck-nojs"><a href="{solutions_url}#{anchor(pq, q)}">'
        "Answer and worked solution</a></p>"
    )
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
    base = (
        posixpath.dirname(from_url)
        if not from_url.endswith("/")
        else from_url.rstrip("/")
    )
    rel = posixpath.relpath(to_url or ".", base or ".")
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def section_html(
    pq: PageQuestions, page_url: str, solutions_url: str, r: Renderer
) -> str:
    link = relative_url(page_url, solutions_url)
    intro = (
        '<p class="selfcheck-intro"><span class="selfcheck-intro-js" hidden>Answer each '
        "question, then check it: a wrong answer gets a hint, and after any attempt the "
        "worked solution opens. Your answers stay in this browser; nothing is sent "
        'anywhere.</span><span class="selfcheck-intro-nojs">Each question links to its '
        "answer and worked solution on this module's answers page. With JavaScript on, "
        "this page checks your answers itself.</span></p>"
    )
    body = "".join(
        question_html(q, i + 1, pq, r, link) for i, q in enumerate(pq.questions)
    )
    return f'<div class="selfcheck-section">{intro}{body}</div>'


def progress_html(
    module: str, pages: dict[str, PageQuestions], solutions_url: str
) -> str:
    ids = [
        f"{pq.key}/{q.id}"
        for pq in pages.values()
        if pq.module == module
        for q in pq.questions
    ]
    data = html.escape(json.dumps(ids), quote=True)
    n = len(ids)
    # The parts JavaScript keeps up to date (view.js mountProgress: the reader's count, the
    # reset button, where answers are kept) are in the page from the start, shown only with
    # JavaScript on (selfcheck.css), so the box does not grow under the reader as it mounts.
    live = (
        '<div class="selfcheck-progress-live">'
        '<p class="selfcheck-progress-count" data-role="count"><strong>Self-check: </strong>'
        f"0 of {n} answered correctly.</p>"
        '<div class="selfcheck-actions"><button type="button" class="selfcheck-button" '
        'data-role="reset" disabled>Reset my answers for this module</button></div>'
        '<p class="selfcheck-progress-note" data-role="note" role="status">'
        "Your answers are kept in this browser only.</p></div>"
    )
    return (
        f'<div class="selfcheck-progress" data-selfcheck-module="{module}" '
        f'data-total="{n}" data-ids="{data}">{live}'
        f'<p class="selfcheck-progress-text">This module has {n} self-check questions, '
        f'at the end of its section pages (<a href="{solutions_url}">answers and worked '
        "solutions</a>).</p></div>"
    )


# --- The answers page (JavaScript off) -----------------------------------------------------


def page_title(md_path: Path) -> str:
    for line in md_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return md_path.stem


def solutions_markdown(module: str, pages: list[PageQuestions], docs_dir: Path) -> str:
    title = page_title(Path(docs_dir) / module / "index.md")
    out = [
        "---",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# Answers: {title}",
        "",
        "Every self-check question of this module with its answer and worked solution. "
        "Try each question on its page first: with JavaScript on, the page checks your "
        "answer and gives a hint aimed at the likely mistake.",
        "",
    ]
    for pq in pages:
        name = page_title(Path(docs_dir) / pq.src_uri)
        out += [
            f"## {name} {{ #{pq.page} }}",
            "",
            f"[Back to the questions on “{name}”]({pq.page}.md#{SECTION_ID})",
            "",
        ]
        for i, q in enumerate(pq.questions, 1):
            out += [
                f"### Question {i} {{ #{anchor(pq, q)} }}",
                "",
                q.prompt.strip(),
                "",
            ]
            if isinstance(q, Numeric):
                unit = f" {q.unit}" if q.unit else ""
                out += [
                    f"**Answer:** {format_number(q.answer, q.tolerance)}{unit} "
                    f"(accepted {tolerance_text(q)}).",
                    "",
                ]
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
