"""The build hooks: stamps, figures and the offline notebook filter."""

from __future__ import annotations

import notebooks_offline as offline  # scripts/hooks is on sys.path (tests/conftest.py)
import stamp

ENV = {
    "date": "2026-01-02",
    "python": "3.11.7",
    "numpy": "2.0.0",
    "torch": "2.14.1",
    "device": "CPU",
}
PAGE = "text\n\n```python\nprint(1)\n```\n\n```python\nprint(2)\n```\n"


def test_stamp_names_date_versions_and_device_when_all_blocks_passed():
    record = {"env": ENV, "results": {"docs/m/p.md": {"passed": 2}}}
    s, failed = stamp.stamp_for(PAGE, "m/p.md", record)
    assert not failed
    assert (
        "Run for this build on 2026-01-02 with" in s
        and "the 2 code blocks on this page. All passed." in s
    )
    assert "Python 3.11.7, NumPy 2.0.0, PyTorch 2.14.1 (CPU)" in s


def test_stamp_names_the_cpu_kernels_when_recorded():
    record = {
        "env": {**ENV, "torch_cpu_kernels": "AVX2"},
        "results": {"docs/m/p.md": {"passed": 2}},
    }
    assert "(CPU, AVX2 kernels)" in stamp.stamp_for(PAGE, "m/p.md", record)[0]


def test_stamp_says_missing_when_the_page_was_not_in_the_run():
    for record in ({"env": ENV, "results": {"docs/other.md": {"passed": 1}}}, {}):
        s, failed = stamp.stamp_for(PAGE, "m/p.md", record)
        assert (
            "exec-stamp--missing" in s and "was not part of the run" in s and not failed
        )


def test_stamp_says_which_block_failed_and_how():
    report = "line 7, line 7:\nExpected output\n<b>0.2458</b>\nbut got\n0.2347"
    record = {
        "env": ENV,
        "results": {"docs/m/p.md": {"passed": 1, "failed": 1}},
        "failures": {
            "docs/m/p.md": [{"test": "line 7", "when": "call", "report": report}]
        },
    }
    s, failed = stamp.stamp_for(PAGE, "m/p.md", record)
    assert failed and "exec-stamp--failed" in s
    assert "Code block 2 of 2 on this page (line 7 of <code>docs/m/p.md</code>)" in s
    # the report is escaped, never HTML
    assert "&lt;b&gt;0.2458&lt;/b&gt;" in s and "<b>" not in s


def test_stamp_says_which_test_of_the_shown_code_failed():
    page = '```python title="syllabus_code/data.py"\n--8<-- "syllabus_code/data.py:x"\n```\n'
    record = {
        "env": ENV,
        "results": {"tests/test_data.py": {"passed": 4, "failed": 1}},
        "failures": {
            "tests/test_data.py": [
                {"test": "test_load", "when": "call", "report": "E  boom"}
            ]
        },
    }
    s, failed = stamp.stamp_for(page, "m/p.md", record)
    assert (
        failed and "<code>tests/test_data.py::test_load</code>" in s and "E  boom" in s
    )


def test_failure_notice_goes_under_the_title():
    class File:
        src_uri = "m/p.md"

    class Page:
        file = File()

    record = {
        "env": ENV,
        "results": {"docs/m/p.md": {"passed": 1, "failed": 1}},
        "failures": {
            "docs/m/p.md": [{"test": "line 9", "when": "call", "report": "boom"}]
        },
    }
    stamp._stamps["m/p.md"] = stamp.stamp_for(PAGE, "m/p.md", record)
    out = stamp.on_page_content("<h1>Title</h1><p>text</p>", Page(), None, None)
    assert out.startswith(
        '<h1>Title</h1><div class="admonition failure exec-stamp--failed"'
    )


def test_stamp_for_included_code_names_its_mirror_test():
    page = '```python title="syllabus_code/data.py"\n--8<-- "syllabus_code/data.py:x"\n```\n'
    s, _ = stamp.stamp_for(
        page, "m/p.md", {"env": ENV, "results": {"tests/test_data.py": {"passed": 5}}}
    )
    assert "the tests of the code shown (<code>tests/test_data.py</code>)" in s


def test_stamp_for_an_example_needs_that_example_to_have_run():
    page = '```python title="e.py"\n--8<-- "docs/examples/00-foundations/pca_mnist.py:load"\n```\n'
    key = "tests/test_docs_examples.py::test_example_runs[00-foundations/pca_mnist.py]"
    s, _ = stamp.stamp_for(
        page, "m/p.md", {"env": ENV, "results": {key: {"passed": 1}}}
    )
    assert "(<code>tests/test_docs_examples.py</code>)" in s
    other = {"tests/test_docs_examples.py::test_example_runs[x.py]": {"passed": 1}}
    assert (
        "exec-stamp--missing"
        in stamp.stamp_for(page, "m/p.md", {"env": ENV, "results": other})[0]
    )


def test_no_stamp_without_code():
    assert (
        stamp.stamp_for("just prose\n", "m/p.md", {"env": ENV, "results": {}}) is None
    )


def test_notebook_pages_lose_foreign_scripts_only():
    html = (
        '<div class="jupyter-wrapper"><script src="https://cdn.example/mathjax.js"> </script>'
        '<script type="text/x-mathjax-config">init()</script><script src="../own.js"></script></div>'
    )
    out = offline.on_page_content(html, None, None, None)
    assert "cdn.example" not in out and "x-mathjax-config" not in out
    assert '<script src="../own.js"></script>' in out


def test_notebook_filter_drops_the_empty_mathjax_tag_and_the_mermaid_loader():
    html = (
        '<div class="jupyter-wrapper"><script src=""> </script><script type="module">\n'
        '  const m = (await import("https://cdn.example/mermaid.mjs")).default;\n</script>'
        '<script type="module">import("./own.mjs")</script></div>'
    )
    out = offline.on_page_content(html, None, None, None)
    assert 'src=""' not in out and "cdn.example" not in out
    # same origin: kept
    assert '<script type="module">import("./own.mjs")</script>' in out


class _NotebookPage:
    class file:  # noqa: N801 - a stand-in for MkDocs' File
        src_uri = "labs/lab.py"

    def __init__(self, meta):
        self.meta = meta


def test_notebook_stamp_dates_the_outputs_by_their_execution():
    html_in = '<div class="jupyter-wrapper">cells</div>'
    today = stamp.build_env()["date"]
    fresh = stamp.on_page_content(
        html_in, _NotebookPage({"executed_on": today}), None, None
    )
    assert f"executed while building the site on {today}" in fresh
    cached = stamp.on_page_content(
        html_in, _NotebookPage({"executed_on": "2026-01-02"}), None, None
    )
    assert "executed on 2026-01-02 (its source has not changed since" in cached
