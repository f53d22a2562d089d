"""Test-session setup shared by the unit tests and the executed doc blocks.

* Offline data: ``SYLLABUS_DATA`` defaults to the shared offline copy beside the checkout,
  so ``syllabus_code.data`` finds MNIST without the network (a user's own setting wins).
* Matplotlib draws off-screen.
* Every outcome is recorded in ``.cache/docs-run.json`` with the environment it ran in; the
  site build reads it to stamp each page (``scripts/hooks/stamp.py``).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
RECORD = ROOT / ".cache" / "docs-run.json"

os.environ.setdefault("MPLBACKEND", "Agg")
# The MkDocs hooks (scripts/hooks/*.py) are plain modules: tests import them by name.
sys.path.insert(0, str(ROOT / "scripts" / "hooks"))
if SHARED_DATA.is_dir():
    os.environ.setdefault("SYLLABUS_DATA", str(SHARED_DATA))


class OutcomeRecorder:
    """Counts passed/failed/skipped per file (and per parametrised example) for the stamps."""

    def __init__(self) -> None:
        self.results: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def pytest_runtest_logreport(self, report) -> None:
        if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
            keys = [report.nodeid.split("::")[0]]
            if "[" in report.nodeid and report.nodeid.startswith("tests/test_docs_examples.py"):
                keys.append(report.nodeid)
            for key in keys:
                self.results[key][report.outcome] += 1

    def pytest_sessionfinish(self, session) -> None:
        if hasattr(session.config, "workerinput") or not self.results:
            return  # xdist workers: the controller receives every report and writes once
        import numpy
        import torch

        try:
            previous = json.loads(RECORD.read_text(encoding="utf-8")).get("results", {})
        except (OSError, ValueError):
            previous = {}
        previous.update({k: dict(v) for k, v in self.results.items()})
        env = {
            "date": _dt.date.today().isoformat(),
            "python": platform.python_version(),
            "numpy": numpy.__version__,
            "torch": torch.__version__.split("+")[0],
            "device": f"GPU: {torch.cuda.get_device_name(0)}" if torch.cuda.is_available() else "CPU",
        }
        RECORD.parent.mkdir(parents=True, exist_ok=True)
        RECORD.write_text(json.dumps({"env": env, "results": previous}, indent=1), encoding="utf-8")


def pytest_configure(config) -> None:
    config.pluginmanager.register(OutcomeRecorder(), "syllabus-outcome-recorder")


@pytest.fixture
def rng():
    """A seeded NumPy generator: every test that draws random numbers is repeatable."""
    import numpy as np

    return np.random.default_rng(0)


# Built-site fixtures (site_url, browser, page_and_log) for the tests marked `site`.
from site_fixtures import browser, page_and_log, site_dir, site_url  # noqa: E402,F401


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Print the code-block audit's counts (written by tests/test_docs_audit.py in this run)."""
    audit = ROOT / ".cache" / "audit.json"
    started = getattr(config, "_syllabus_started", None)
    if started is None or not audit.is_file() or audit.stat().st_mtime < started:
        return
    counts = json.loads(audit.read_text(encoding="utf-8"))
    terminalreporter.section("code blocks on the site (audit)")
    for key in sorted(counts):
        terminalreporter.write_line(f"{counts[key]:6d}  {key}")


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
