"""The course PDF (``site/print/course.pdf``) for the tests that read it (``course_pdf``).

``make site`` prints it after the build (scripts/print_pdf.py). When a test session that
reads it starts on a site whose PDF is missing, or older than the print page it is printed
from (a build since), the same script prints it in the background as soon as the tests are
collected, so the browser tests run meanwhile: printing keeps about one CPU core busy for a
minute (tests/test_site_print.py), and the page sweep that runs first has the other. The
``course_pdf`` fixture waits for it, and fails with the script's output if it failed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRINT = ROOT / "site" / "print"
PDF = PRINT / "course.pdf"
_printing: list[subprocess.Popen] = []  # the background print, while it is running
printed: list[str] = []  # what the script said, for the end of the session's report


def pdf_is_current() -> bool:
    """Whether the PDF was printed from the print page the site has now."""
    page = PRINT / "index.html"
    return PDF.is_file() and PDF.stat().st_mtime >= page.stat().st_mtime


def start_printing(session) -> None:
    """At the end of collection: print the PDF in the background when a selected test reads
    it and the built site has no current one."""
    if session.config.option.collectonly or _printing:
        return
    if not any("course_pdf" in getattr(i, "fixturenames", ()) for i in session.items):
        return
    if not (PRINT / "index.html").is_file() or pdf_is_current():
        return
    _printing.append(
        subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "print_pdf.py")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
    )


def stop_printing() -> None:
    """At the end of the session: a print no test waited for is stopped."""
    while _printing:
        job = _printing.pop()
        job.kill()
        job.communicate()


@pytest.fixture(scope="session")
def course_pdf(site_dir) -> Path:
    """The course PDF, once the background print (if one was started) has finished."""
    if _printing:
        job = _printing.pop()
        out, _ = job.communicate()
        if job.returncode != 0:
            pytest.fail(f"scripts/print_pdf.py failed ({job.returncode}):\n{out}")
        printed.append(out.strip())
    pdf = site_dir / "print" / "course.pdf"
    if not pdf.is_file():
        pytest.fail(
            f"{pdf} is missing: run `python scripts/print_pdf.py` after the build "
            "(`make site` does)"
        )
    return pdf
