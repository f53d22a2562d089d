"""Stamp each page with the run its code was last executed in.

The run before the build (``make docs-run``, which ``make serve``, ``make site``, ``make test``
and the Pages workflow all call) leaves its record in ``.cache/docs-run.json``
(``scripts/hooks/run_record.py``). This hook reads that record and ends each page that shows
code with a line such as

    Run for this build on 2026-11-23 with Python 3.11.7, NumPy 2.4.6, PyTorch 2.14.1
    (CPU, AVX2 kernels): the 4 code blocks on this page. All passed.

A page whose code failed in that run says so at its top, visibly: which block (its number on
the page and its line in the source) or which test of the code shown failed, and pytest's
report of how. A page whose code was not in the recorded run says that instead. Notebook
pages are executed by the build itself and are stamped with the build's environment.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import codeblocks  # noqa: E402
import run_record  # noqa: E402
from page_html import insert_after_h1  # noqa: E402

EXAMPLES_TEST = "tests/test_docs_examples.py"
_PHASE = {"setup": " while being set up", "teardown": " while cleaning up after itself"}
_stamps: dict[
    str, tuple[str, bool]
] = {}  # page src -> (stamp html, failed?) between the two events


def describe(env: dict) -> str:
    device = env["device"]
    kernels = env.get("torch_cpu_kernels")
    if device == "CPU" and kernels:
        device = f"CPU, {kernels} kernels"
    return f"Python {env['python']}, NumPy {env['numpy']}, PyTorch {env['torch']} ({device})"


def build_env() -> dict:
    """The environment of this build (notebook pages are executed by the build itself)."""
    return run_record.environment()


def test_key(path: str) -> str:
    """The record key whose outcome vouches for an included file: a package file's mirror test
    file, or the one parametrised case of ``tests/test_docs_examples.py`` that runs an example."""
    mirror = codeblocks.mirror_test(path)
    if mirror:
        return mirror
    example = Path(path).relative_to("docs/examples").with_suffix(".py").as_posix()
    return f"{EXAMPLES_TEST}::test_example_runs[{example}]"


def stamp_for(markdown: str, src: str, record: dict) -> tuple[str, bool] | None:
    """The stamp of a page (HTML) and whether it reports a failure; None for a page without code."""
    blocks = codeblocks.classify(markdown)
    executed = [f for f in blocks if f.category == "executed" and not f.cont]
    included = [f for f in blocks if f.category == "included"]
    if not executed and not included:
        return None
    env, results, failures = (
        record.get("env"),
        record.get("results", {}),
        record.get("failures", {}),
    )
    keys = sorted({test_key(path) for f in included for path, _ in f.targets})
    page_key = f"docs/{src}"
    if (
        env is None
        or (executed and page_key not in results)
        or any(k not in results for k in keys)
    ):
        return (
            '<p class="exec-stamp exec-stamp--missing">The code on this page was not part of the '
            "run this site was built from: run <code>make serve</code> (or <code>make test</code>) "
            "to execute it and stamp the page.</p>",
            False,
        )
    failed = [(page_key, x) for x in failures.get(page_key, [])] + [
        (k, x) for k in keys for x in failures.get(k, [])
    ]
    if failed:
        return _failure_notice(env, executed, failed), True
    parts = []
    if executed:
        parts.append(
            f"the {len(executed)} code block{'s' * (len(executed) != 1)} on this page"
        )
    if keys:
        names = ", ".join(f"<code>{html.escape(k.split('::')[0])}</code>" for k in keys)
        parts.append(f"the tests of the code shown ({names})")
    return (
        f'<p class="exec-stamp">Run for this build on {env["date"]} with '
        f"{html.escape(describe(env))}: {' and '.join(parts)}. All passed.</p>",
        False,
    )


def _failure_notice(env: dict, executed: list, failed: list[tuple[str, dict]]) -> str:
    items = []
    for key, failure in failed:
        if key.startswith("docs/"):
            line = _line_of(failure["test"])
            number = next(
                (i + 1 for i, f in enumerate(executed) if f.line == line), None
            )
            what = (
                f"Code block {number} of {len(executed)} on this page (line {line} of "
                f"<code>{html.escape(key)}</code>)"
                if number
                else f"<code>{html.escape(key)}::{html.escape(failure['test'])}</code>"
            )
        else:
            what = (
                f"The test <code>{html.escape(key.split('::')[0])}::{html.escape(failure['test'])}</code> "
                "of the code shown here"
            )
        items.append(
            f"<li>{what} failed{_PHASE.get(failure['when'], '')}."
            "<details><summary>How it failed"
            f"</summary><pre tabindex='0'><code>{html.escape(failure['report'])}</code></pre></details></li>"
        )
    return (
        '<div class="admonition failure exec-stamp--failed">'
        '<p class="admonition-title">Some code on this page failed when it was run for this build</p>'
        f"<p>Run on {env['date']} with {html.escape(describe(env))}. What is shown below may not be "
        "what the code does now.</p>"
        f"<ul>{''.join(items)}</ul></div>"
    )


def _line_of(test: str) -> int | None:
    m = re.fullmatch(r"line (\d+)", test.strip())
    return int(m.group(1)) if m else None


def on_page_markdown(markdown: str, page, config, files) -> str:
    stamp = stamp_for(markdown, page.file.src_uri, run_record.load())
    if stamp is not None:
        _stamps[page.file.src_uri] = stamp
    else:
        _stamps.pop(page.file.src_uri, None)
    return markdown


def on_page_content(html_text: str, page, config, files) -> str:
    src = page.file.src_uri
    if "jupyter-wrapper" in html_text and not src.endswith(".md"):
        env = build_env()
        ran = (page.meta or {}).get("executed_on") or env["date"]
        when = (
            f"while building the site on {ran}"
            if ran == env["date"]
            else f"on {ran} (its source has not changed since; the build reused those outputs)"
        )
        return html_text + (
            f'<p class="exec-stamp">This notebook was executed {when}; site built with '
            f"{html.escape(describe(env))}.</p>"
        )
    stamp = _stamps.pop(src, None)
    if stamp is None:
        return html_text
    text, failed = stamp
    if failed:  # at the top, under the title, where a reader cannot miss it
        return insert_after_h1(html_text, text)
    return html_text + text
