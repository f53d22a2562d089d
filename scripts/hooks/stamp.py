"""Stamp each page with where and when its code was last executed.

The test run (``tests/conftest.py``) records every doc-block and test outcome in
``.cache/docs-run.json`` together with the environment it ran in. At build time this hook
reads that record and ends each page that shows code with a line such as

    Code on this page executed on 2026-11-23 with Python 3.11.7, NumPy 2.4.6, PyTorch 2.14.1 (CPU).

A page whose blocks did not all pass in the recorded run says so instead; notebook pages are
executed by the build itself and are stamped with the build's environment.
"""

from __future__ import annotations

import datetime as _dt
import json
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import codeblocks  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RECORD = ROOT / ".cache" / "docs-run.json"


def load_record() -> dict:
    try:
        return json.loads(RECORD.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def describe(env: dict) -> str:
    return (
        f"Python {env['python']}, NumPy {env['numpy']}, PyTorch {env['torch']} ({env['device']})"
    )


def build_env() -> dict:
    import numpy
    import torch

    device = f"GPU: {torch.cuda.get_device_name(0)}" if torch.cuda.is_available() else "CPU"
    return {
        "date": _dt.date.today().isoformat(),
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "torch": torch.__version__.split("+")[0],
        "device": device,
    }


def stamp_for(markdown: str, src: str, record: dict) -> str | None:
    blocks = codeblocks.classify(markdown)
    executed = codeblocks.executed_count(blocks)
    included = [f for f in blocks if f.category == "included"]
    if not executed and not included:
        return None
    env = record.get("env")
    results = record.get("results", {})
    parts = []
    ok = env is not None
    if executed:
        res = results.get(f"docs/{src}", {})
        ok = ok and res.get("passed", 0) == executed and not res.get("failed")
    tests = sorted({_test_of(path) for f in included for path, _ in codeblocks.snippet_targets(f.body)})
    for t in tests:
        res = results.get(t, {})
        ok = ok and res.get("passed", 0) > 0 and not res.get("failed")
    if not ok:
        return (
            '<p class="exec-stamp exec-stamp--missing">The code on this page has not been '
            "executed for this build: run <code>make test</code> (or <code>make serve</code>) "
            "to execute it and stamp the page.</p>"
        )
    if executed:
        parts.append(f"{executed} code block{'s' * (executed != 1)} on this page executed")
    if tests:
        names = ", ".join(f"<code>{t}</code>" for t in tests)
        parts.append(f"the package code shown is tested by {names}")
    text = "; ".join(parts)
    return (
        f'<p class="exec-stamp">{text[0].upper() + text[1:]} on {env["date"]} with '
        f"{describe(env)}.</p>"
    )


def _test_of(path: str) -> str:
    return codeblocks.mirror_test(path) or "tests/test_docs_examples.py"


def on_page_markdown(markdown: str, page, config, files) -> str:
    stamp = stamp_for(markdown, page.file.src_uri, load_record())
    return markdown if stamp is None else f"{markdown}\n\n{stamp}\n"


def on_page_content(html: str, page, config, files) -> str:
    if "jupyter-wrapper" in html and not page.file.src_uri.endswith(".md"):
        env = build_env()
        html += (
            f'<p class="exec-stamp">This notebook was executed while building the site on '
            f"{env['date']} with {describe(env)}.</p>"
        )
    return html
