"""The whole course on paper: the print page (``docs/print.md``, filled by
scripts/hooks/print_page.py) and its PDF (``site/print/course.pdf``, written by
scripts/print_pdf.py after the build, as ``make site`` does, or by the test session itself,
in the background while the other browser tests run, when the build has none yet:
tests/site_pdf.py).

The PDF holds every module's title and every page of the modules in the order of ``nav``,
and no raw TeX (the maths is rendered); the print page starts no widget (each shows its
fallback table), loads every image, and its ids are unique with every in-page link landing.
The PDF's text is read by tests/pdf_text.py, itself checked first on a PDF printed from
known HTML. Run after the build (marked ``site``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from pdf_text import pdf_pages

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[1]
RAW_TEX = re.compile(
    r"\\(?:frac|sum|prod|mathbf|mathrm|operatorname|left|right|begin|end|sqrt|partial"
    r"|nabla|cdot|top|in|le|ge|alpha|beta|theta|sigma|lambda|\(|\)|\[|\])(?![A-Za-z])"
)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def flat(text: str) -> str:
    """Text without any whitespace: where a PDF breaks a line, or changes font inside a word
    (the reader separates text objects with a newline), does not matter."""
    return re.sub(r"\s+", "", text)


def module_titles() -> list[str]:
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        nav = yaml_load(f)["nav"]
    return [
        next(iter(item))
        for item in nav
        if isinstance(item, dict) and re.match(r"^\d+ · ", next(iter(item)))
    ]


def page_headings(print_html: str) -> list[str]:
    """The first heading of each course page on the print page, as text."""
    out = []
    for section in re.split(r'<section class="print-page"', print_html)[1:]:
        m = re.search(r"<h2[^>]*>(.*?)</h2>", section, re.S)
        text = re.sub(
            r'<a class="headerlink".*?</a>|<[^>]+>', "", m.group(1), flags=re.S
        )
        # a notebook's permalink
        out.append(squash(html.unescape(text).replace("¶", "")))
    return out


def test_pdf_reader_reads_what_chromium_printed(browser, tmp_path):
    page = browser.new_page()
    try:
        page.set_content(
            "<h1>5 · Convolutional networks</h1><p>Bold <b>fi</b>nal \\frac{a}{b} "
            "x² — ∑ θ</p><pre>print(f(x))</pre>"
        )
        page.pdf(path=str(tmp_path / "t.pdf"), tagged=True)
    finally:
        page.close()
    text = "\n".join(pdf_pages((tmp_path / "t.pdf").read_bytes()))
    assert "5 · Convolutional networks" in text
    assert "final\\frac{a}{b}x²—∑θ" in flat(text)
    assert "print(f(x))" in text
    assert RAW_TEX.search(text), (
        "the raw-TeX pattern must find \\frac in text that has it"
    )


def test_course_pdf_has_every_module_and_page_in_order_and_no_raw_tex(
    site_dir, course_pdf
):
    pages = pdf_pages(course_pdf.read_bytes())
    text = flat(" ".join(pages))
    titles = module_titles()
    assert len(titles) == 10, titles
    # Module titles and page headings, each after the one before it.
    pos, missing, order = 0, [], []
    html_text = (site_dir / "print" / "index.html").read_text(encoding="utf-8")
    # (the first module with maths also has md-fonts-from: scripts/hooks/font_preload.py)
    for chunk in re.split(r'<section class="print-module\b[^"]*"', html_text)[1:]:
        title = squash(
            html.unescape(
                re.sub(
                    r"<[^>]+>",
                    "",
                    re.search(r"<h1[^>]*>(.*?)</h1>", chunk, re.S).group(1),
                )
            )
        )
        order.append(title)
        order += page_headings(chunk)
    assert [t for t in order if t in titles] == titles, "the print page lacks a module"
    assert len(order) > 60, len(order)
    for wanted in order:
        found = text.find(flat(wanted), pos)
        if found < 0:
            missing.append(wanted)
        else:
            pos = found + len(flat(wanted))
    assert not missing, f"not in the PDF, or out of order: {missing[:10]}"
    # Code may hold TeX (docstrings such as \\(\\sigma(z)\\)): a match counts when the text
    # around it is not text of the print page's code.
    code = flat(
        html.unescape(
            re.sub(
                r"<[^>]+>",
                "",
                " ".join(
                    re.findall(r"<(?:pre|code)\b.*?</(?:pre|code)>", html_text, re.S)
                ),
            )
        )
    )
    raw = []
    for m in RAW_TEX.finditer(text):
        left, right = (
            text[max(0, m.start() - 12) : m.end()],
            text[m.start() : m.end() + 12],
        )
        if left not in code and right not in code:
            raw.append(text[max(0, m.start() - 40) : m.end() + 40])
    assert not raw, f"raw TeX in the PDF outside code: {raw[:10]}"
    assert len(pages) > 100, len(pages)


def test_print_page_shows_fallbacks_images_and_working_links(site_url, page_and_log):
    page, log = page_and_log
    page.goto(site_url + "print/", wait_until="load", timeout=120_000)
    state = page.evaluate("""async () => {
        document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; });
        await Promise.all([...document.images].map(img => img.complete ? null :
            new Promise(done => { img.onload = img.onerror = done; })));
        const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
        const idSet = new Set(ids);
        return {
            duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i).slice(0, 10),
            deadLinks: [...document.querySelectorAll('article a[href^="#"]')]
                .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
                .filter(id => id && !idSet.has(id)).slice(0, 10),
            broken: [...document.images].filter(img => !img.naturalWidth).map(img => img.src).slice(0, 10),
            images: document.images.length,
            widgets: document.querySelectorAll('[data-widget]').length,
            fallbacks: [...document.querySelectorAll('[data-print-widget] .widget-fallback')]
                .filter(el => !el.hidden && el.querySelector('table')).length,
            katex: document.querySelectorAll('article .katex').length,
            katexErrors: document.querySelectorAll('.katex-error').length,
            modules: document.querySelectorAll('section.print-module').length,
        };
    }""")
    assert state["widgets"] == 0 and state["fallbacks"] >= 5, state
    assert not state["broken"] and state["images"] > 20, state
    assert not state["duplicateIds"], state
    assert not state["deadLinks"], state
    assert state["katex"] > 1000 and state["katexErrors"] == 0, state
    assert state["modules"] == 11, state  # modules 0-9 and the reading list
    log.assert_clean()


def test_home_page_links_the_print_page_and_the_pdf(site_dir):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'href="print/"' in home and 'href="print/course.pdf"' in home
