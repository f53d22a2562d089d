"""Print the whole-course page of the built site to ``site/print/course.pdf``.

Run after ``mkdocs build`` (``make site`` and ``make test-site`` do):

    .venv/bin/python scripts/print_pdf.py [--site site]

It serves ``site/`` on 127.0.0.1, opens ``print/`` (the page ``scripts/hooks/print_page.py``
fills with every module) in the headless browser the site tests drive (Debian's chromium,
or ``$SYLLABUS_CHROMIUM``; Playwright, never a downloaded browser), waits until every image
and font has loaded, and saves the page as an A4 PDF with the print stylesheet
(``docs/stylesheets/print.css``), page numbers, a bookmark outline of the headings and tagged
structure for screen readers. The PDF is a build output (``site/`` is not committed).
tests/test_site_print.py checks it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)

READY = """async () => {
  document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; });
  await Promise.all([...document.images].map(img => img.complete ? null :
    new Promise(done => { img.onload = img.onerror = done; })));
  await document.fonts.ready;
  const broken = [...document.images].filter(img => !img.naturalWidth).map(img => img.src);
  return {broken, widgets: document.querySelectorAll('[data-widget]').length};
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def chromium() -> str:
    return (
        os.environ.get("SYLLABUS_CHROMIUM")
        or shutil.which("chromium")
        or "/usr/bin/chromium"
    )


def print_pdf(site: Path, out: Path) -> float:
    from playwright.sync_api import sync_playwright

    start = time.monotonic()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            origin = f"http://127.0.0.1:{server.server_address[1]}/"
            # nothing from another origin
            page.route(
                "**/*",
                lambda r: (
                    r.continue_()
                    if r.request.url.startswith((origin, "data:"))
                    else r.abort()
                ),
            )
            page.goto(origin + "print/", wait_until="load", timeout=180_000)
            state = page.evaluate(READY)
            if state["broken"] or state["widgets"]:
                sys.exit(
                    f"print/: images that did not load {state['broken'][:5]}, "
                    f"{state['widgets']} widgets that would start"
                )
            page.pdf(
                path=str(out),
                format="A4",
                print_background=True,
                prefer_css_page_size=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                outline=True,
                tagged=True,
            )
            browser.close()
    finally:
        server.shutdown()
    return time.monotonic() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    args = ap.parse_args()
    if not (args.site / "print" / "index.html").is_file():
        sys.exit(f"{args.site}/print/ is not built: run `mkdocs build --strict` first")
    out = args.site / "print" / "course.pdf"
    seconds = print_pdf(args.site, out)
    print(
        f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
        f"{out.stat().st_size / 1e6:.1f} MB in {seconds:.0f} s"
    )


if __name__ == "__main__":
    main()
