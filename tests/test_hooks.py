"""The build hooks: stamps, figures and the offline notebook filter."""

from __future__ import annotations

import notebooks_offline as offline  # scripts/hooks is on sys.path (tests/conftest.py)
import stamp

ENV = {"date": "2026-01-02", "python": "3.11.7", "numpy": "2.0.0", "torch": "2.14.1", "device": "CPU"}
PAGE = "text\n\n```python\nprint(1)\n```\n\n```python\nprint(2)\n```\n"


def test_stamp_names_date_versions_and_device_when_all_blocks_passed():
    record = {"env": ENV, "results": {"docs/m/p.md": {"passed": 2}}}
    s = stamp.stamp_for(PAGE, "m/p.md", record)
    assert "2 code blocks on this page executed on 2026-01-02" in s
    assert "Python 3.11.7, NumPy 2.0.0, PyTorch 2.14.1 (CPU)" in s


def test_stamp_refuses_when_a_block_failed_or_was_not_run():
    for results in ({"docs/m/p.md": {"passed": 1, "failed": 1}}, {"docs/m/p.md": {"passed": 1}}, {}):
        s = stamp.stamp_for(PAGE, "m/p.md", {"env": ENV, "results": results})
        assert "has not been executed" in s


def test_stamp_for_included_code_names_its_mirror_test():
    page = '```python title="syllabus_code/data.py"\n--8<-- "syllabus_code/data.py:x"\n```\n'
    s = stamp.stamp_for(page, "m/p.md", {"env": ENV, "results": {"tests/test_data.py": {"passed": 5}}})
    assert "tested by <code>tests/test_data.py</code>" in s


def test_no_stamp_without_code():
    assert stamp.stamp_for("just prose\n", "m/p.md", {"env": ENV, "results": {}}) is None


def test_notebook_pages_lose_foreign_scripts_only():
    html = (
        '<div class="jupyter-wrapper"><script src="https://cdn.example/mathjax.js"> </script>'
        '<script type="text/x-mathjax-config">init()</script><script src="../own.js"></script></div>'
    )
    out = offline.on_page_content(html, None, None, None)
    assert "cdn.example" not in out and "x-mathjax-config" not in out
    assert '<script src="../own.js"></script>' in out
