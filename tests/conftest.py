"""Fixtures shared by the unit tests (the session setup every run needs, data and the run
record included, is in the checkout's root ``conftest.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def rng():
    """A seeded NumPy generator: every test that draws random numbers is repeatable."""
    import numpy as np

    return np.random.default_rng(0)


# Built-site fixtures (site_url, browser, page_and_log) for the tests marked `site`.
from site_fixtures import browser, page_and_log, site_dir, site_url  # noqa: E402,F401

# The course PDF, printed in the background while the browser tests run when the build has
# none yet (tests/site_pdf.py).
from site_pdf import course_pdf, printed, start_printing, stop_printing  # noqa: E402,F401

# One browser sweep of every page, read by the per-page site tests (tests/site_sweep.py).
from site_sweep import page_sweep  # noqa: E402,F401


def pytest_collection_finish(session) -> None:
    start_printing(session)


def pytest_sessionfinish(session, exitstatus) -> None:
    stop_printing()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Print the code-block audit's counts (written by tests/test_docs_audit.py in this run),
    and what the course PDF's background print said."""
    for line in printed:
        terminalreporter.write_line(line)
    audit = ROOT / ".cache" / "audit.json"
    started = getattr(config, "_syllabus_started", None)
    if started is None or not audit.is_file() or audit.stat().st_mtime < started:
        return
    counts = json.loads(audit.read_text(encoding="utf-8"))
    terminalreporter.section("code blocks on the site (audit)")
    for key in sorted(counts):
        terminalreporter.write_line(f"{counts[key]:6d}  {key}")
    checks = counts.get("shown package code: argument-check statements")
    lines = counts.get("shown package code: statements")
    if checks is not None and lines:
        terminalreporter.write_line(
            f"{checks / lines:6.1%}  of the shown package code is argument checks "
            "(limit 3% of statements)"
        )


def pytest_sessionstart(session) -> None:
    import time

    session.config._syllabus_started = time.time()


@pytest.fixture
def one_torch_thread():
    """Run a test on one torch thread: small convolutions on a busy 2-core machine are many
    times faster without thread contention (used by the model tests)."""
    import torch

    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)
