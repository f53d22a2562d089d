"""The record of one test run, which the site build turns into each page's execution stamp.

A pytest session that runs page code (any ``docs/**/*.md`` block or ``docs/examples`` file)
writes ``.cache/docs-run.json`` when it ends, **replacing** whatever an earlier run left there:
the stamps then describe exactly the run that preceded the build, never a merge of old ones.
A session that ran no page code (``pytest tests/test_shapes.py``, the built-site tests) leaves
the record alone. ``SYLLABUS_RUN_RECORD`` names another file (the generic-kernel pass of
``make test`` writes its own, so it cannot replace the record of the run the site is built from).

The record holds the environment (date and time, versions, device, CPU kernels), the count of
passed/failed/skipped items per file, and for every failure its test id and pytest's report,
so a page can say which of its blocks failed and how (``scripts/hooks/stamp.py``).

The plugin is registered for every pytest invocation by the checkout's root ``conftest.py``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_RECORD = ROOT / ".cache" / "docs-run.json"
# a failure's report as kept in the record (the end of it, where the error is)
MAX_REPORT_CHARS = 4000


def record_path() -> Path:
    """Where this process reads and writes the record (``$SYLLABUS_RUN_RECORD`` or the default)."""
    override = os.environ.get("SYLLABUS_RUN_RECORD")
    return Path(override).resolve() if override else DEFAULT_RECORD


def load(path: Path | None = None) -> dict:
    """The record, or ``{}`` when there is none (or it cannot be read)."""
    try:
        return json.loads((path or record_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def runs_page_code(nodeid: str) -> bool:
    """Whether a test id is page code: a block of a docs page or a docs example."""
    return nodeid.startswith("docs/") or nodeid.startswith(
        "tests/test_docs_examples.py::test_example_runs"
    )


def environment() -> dict:
    """Versions, device and the CPU kernels in use (as the stamp names them)."""
    import numpy
    import torch

    return {
        "date": _dt.date.today().isoformat(),
        "finished": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "torch": torch.__version__.split("+")[0],
        "device": f"GPU: {torch.cuda.get_device_name(0)}"
        if torch.cuda.is_available()
        else "CPU",
        "machine": platform.machine(),
        "torch_cpu_kernels": torch.backends.cpu.get_cpu_capability(),
        "threads": torch.get_num_threads(),
    }


class RunRecorder:
    """A pytest plugin: counts outcomes per file and keeps each failure's report."""

    def __init__(self) -> None:
        self.results: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.failures: dict[str, list[dict]] = defaultdict(list)
        self.ran_page_code = False

    def pytest_runtest_logreport(self, report) -> None:
        failed_outside_call = report.when != "call" and report.outcome == "failed"
        if not (
            report.when == "call"
            or failed_outside_call
            or (report.when == "setup" and report.skipped)
        ):
            return
        outcome = "failed" if failed_outside_call else report.outcome
        self.ran_page_code |= runs_page_code(report.nodeid)
        path, _, name = report.nodeid.partition("::")
        keys = [path]
        if "[" in name and path == "tests/test_docs_examples.py":
            # one key per example, so each page knows its own
            keys.append(report.nodeid)
        for key in keys:
            self.results[key][outcome] += 1
            if outcome == "failed":
                self.failures[key].append(
                    {
                        "test": name,
                        "when": report.when,
                        "report": _tail(report.longreprtext),
                    }
                )

    def pytest_sessionfinish(self, session) -> None:
        if hasattr(session.config, "workerinput") or not self.ran_page_code:
            return  # xdist workers: the controller receives every report and writes once
        path = record_path()
        data = {
            "env": environment(),
            "results": {k: dict(v) for k, v in sorted(self.results.items())},
            "failures": dict(sorted(self.failures.items())),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        tmp.replace(path)  # whole or not at all: a build never reads half a record


def _tail(text: str) -> str:
    # pytest-xdist starts a report with the worker's name and interpreter path: not for readers
    text = re.sub(r"^\[gw\d+\] [^\n]*\n", "", text.strip())
    return text if len(text) <= MAX_REPORT_CHARS else "…\n" + text[-MAX_REPORT_CHARS:]
