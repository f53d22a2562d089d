"""Fixtures for tests of the built site (marked ``site``): a local server and a real browser.

The site in ``site/`` (``mkdocs build``) is served on 127.0.0.1 by a thread of this process.
The browser is Debian's chromium (or ``$SYLLABUS_CHROMIUM``) driven by Playwright with
``executable_path``; Playwright's own browser download is never used. Each page fixture records console errors,
uncaught exceptions and every request to another origin, so a test can assert there were none.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").is_file():
        pytest.fail(
            "site/ is not built: run `mkdocs build --strict` (or `make test-site`) first"
        )
    return SITE


def built_site_port(site_dir: Path) -> int:
    """The port of the site_url the site was built for (Material's instant navigation only
    follows links whose host and port match the sitemap's)."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    loc = sitemap.split("<loc>", 1)[1].split("</loc>", 1)[0]
    return urlparse(loc).port or 80


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    try:  # serve where the site expects to be served; any free port if that one is busy
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", built_site_port(site_dir)), handler
        )
    except OSError:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def chromium_path() -> str:
    """The browser to drive: ``$SYLLABUS_CHROMIUM`` if set (on GitHub's hosted Ubuntu runner,
    where apt's chromium is a snap stub that cannot run headless, the workflows point it at the
    runner's Google Chrome), else Debian's ``/usr/bin/chromium``."""
    path = (
        os.environ.get("SYLLABUS_CHROMIUM")
        or shutil.which("chromium")
        or "/usr/bin/chromium"
    )
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"no browser at {path}: install Debian's chromium (`make chromium`) or set "
            "SYLLABUS_CHROMIUM to a Chromium or Chrome executable"
        )
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class PageLog:
    """What happened while a page was open."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    transferred: int = 0

    def assert_clean(self) -> None:
        assert not self.foreign_requests, (
            f"requests to other origins: {self.foreign_requests}"
        )
        assert not self.page_errors, f"uncaught exceptions: {self.page_errors}"
        assert not self.console_errors, f"console errors: {self.console_errors}"


@contextmanager
def watched_phone_page(
    browser, url: str, init_script: str, width: int = 390, height: int = 844, **options
):
    """``url`` loaded in a new phone-sized (390 x 844, or ``width`` x ``height``) context
    whose ``init_script`` runs before any of the page's scripts, settled for a moment after
    ``load``; yields the page and its uncaught errors, and closes the context afterwards."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, **options
    )
    context.add_init_script(init_script)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(
            300
        )  # e.g. Material unmarks <body> a frame after a switch
        yield page, errors
    finally:
        context.close()


def logged_page(context, site_url: str):
    """A new page of ``context`` on the local site, and the log of what it does."""
    page = context.new_page()
    origin = urlparse(site_url).netloc
    log = PageLog(origin=origin)

    def route(route):
        # Never let a request leave the machine: anything foreign is recorded and aborted.
        url = urlparse(route.request.url)
        if url.scheme in ("http", "https") and url.netloc != origin:
            log.foreign_requests.append(route.request.url)
            return route.abort()
        return route.continue_()

    page.on(
        "console", lambda m: m.type == "error" and log.console_errors.append(m.text)
    )
    page.on("pageerror", lambda e: log.page_errors.append(str(e)))
    page.on(
        "response",
        lambda r: setattr(
            log,
            "transferred",
            log.transferred + int(r.headers.get("content-length", 0) or 0),
        ),
    )
    page.route("**/*", route)
    return page, log


@pytest.fixture
def page_and_log(browser, site_url):
    """A fresh browser page on the local site, and the log of what it did."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield logged_page(context, site_url)
    context.close()
