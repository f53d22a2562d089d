"""The run record the stamps are made from (scripts/hooks/run_record.py)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
import run_record  # scripts/hooks is on sys.path (root conftest.py)

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free


def report(nodeid, outcome="passed", when="call", text=""):
    return SimpleNamespace(
        nodeid=nodeid,
        outcome=outcome,
        when=when,
        skipped=outcome == "skipped",
        longreprtext=text,
    )


def finish(recorder):
    recorder.pytest_sessionfinish(SimpleNamespace(config=SimpleNamespace()))


def test_a_run_replaces_the_previous_record(tmp_path, monkeypatch):
    path = tmp_path / "record.json"
    monkeypatch.setenv("SYLLABUS_RUN_RECORD", str(path))
    path.write_text(
        json.dumps(
            {"env": {"date": "2020-01-01"}, "results": {"docs/old.md": {"passed": 3}}}
        )
    )
    rec = run_record.RunRecorder()
    rec.pytest_runtest_logreport(report("docs/m/p.md::line 5"))
    rec.pytest_runtest_logreport(
        report("docs/m/p.md::line 9", "failed", text="[gw1] linux -- Python\nE   boom")
    )
    rec.pytest_runtest_logreport(
        report("tests/test_docs_examples.py::test_example_runs[m/e.py]")
    )
    finish(rec)
    data = run_record.load(path)
    # the old page is gone: nothing is merged
    assert set(data["results"]) == {
        "docs/m/p.md",
        "tests/test_docs_examples.py",
        "tests/test_docs_examples.py::test_example_runs[m/e.py]",
    }
    assert data["results"]["docs/m/p.md"] == {"passed": 1, "failed": 1}
    assert data["failures"]["docs/m/p.md"] == [
        {"test": "line 9", "when": "call", "report": "E   boom"}
    ]
    assert data["env"]["date"] != "2020-01-01" and data["env"]["finished"]


def test_a_run_without_page_code_leaves_the_record_alone(tmp_path, monkeypatch):
    path = tmp_path / "record.json"
    monkeypatch.setenv("SYLLABUS_RUN_RECORD", str(path))
    path.write_text('{"results": {"docs/a.md": {"passed": 1}}}')
    rec = run_record.RunRecorder()
    rec.pytest_runtest_logreport(report("tests/test_shapes.py::test_x"))
    finish(rec)
    assert json.loads(path.read_text()) == {"results": {"docs/a.md": {"passed": 1}}}


def test_setup_errors_count_as_failures_and_long_reports_keep_their_end(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("SYLLABUS_RUN_RECORD", str(tmp_path / "r.json"))
    rec = run_record.RunRecorder()
    rec.pytest_runtest_logreport(
        report("docs/m/p.md::line 5", "failed", "setup", "x" * 10_000 + "END")
    )
    # not counted
    rec.pytest_runtest_logreport(report("docs/m/p.md::line 5", "passed", "teardown"))
    finish(rec)
    data = run_record.load()
    assert data["results"]["docs/m/p.md"] == {"failed": 1}
    kept = data["failures"]["docs/m/p.md"][0]["report"]
    assert kept.endswith("END") and len(kept) <= run_record.MAX_REPORT_CHARS + 2


def test_xdist_workers_never_write(tmp_path, monkeypatch):
    path = tmp_path / "r.json"
    monkeypatch.setenv("SYLLABUS_RUN_RECORD", str(path))
    rec = run_record.RunRecorder()
    rec.pytest_runtest_logreport(report("docs/m/p.md::line 5"))
    rec.pytest_sessionfinish(SimpleNamespace(config=SimpleNamespace(workerinput={})))
    assert not path.exists()
