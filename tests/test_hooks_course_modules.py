"""The one table of module titles agrees with the nav, the index pages, the home page and the
reading list (scripts/hooks/course_modules.py; the build runs the same check)."""

from pathlib import Path

import course_modules as cm  # scripts/hooks is on sys.path (tests/conftest.py)
import papers
import pytest
from mkdocs.utils.yaml import yaml_load

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free

ROOT = Path(__file__).resolve().parents[1]


def nav() -> list:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)["nav"]


def test_table_covers_every_module_folder_once():
    folders = sorted(
        p.parent.name for p in (ROOT / "docs").glob("[0-9][0-9]-*/index.md")
    )
    assert [m.folder for m in cm.MODULES] == folders
    assert [m.number for m in cm.MODULES] == list(range(10))
    assert all(m.folder.startswith(f"{m.number:02d}-") for m in cm.MODULES)


def test_nav_index_pages_and_home_agree_with_the_table():
    assert cm.problems(nav()) == []
    sections = cm._module_sections(nav())
    assert sections["01-ml-fundamentals"] == "1 · Machine-learning fundamentals"
    assert sorted(f for f in sections if f[:2].isdigit()) == [
        m.folder for m in cm.MODULES
    ]


def test_drift_is_reported(tmp_path):
    docs = tmp_path / "docs"
    for m in cm.MODULES:
        (docs / m.folder).mkdir(parents=True)
        (docs / m.folder / "index.md").write_text(
            f"{m.heading}\n\n{m.time_line}\n", encoding="utf-8"
        )
    rows = [
        f"| [{m.nav_title}]({m.folder}/index.md) | topics | {m.weeks} |"
        for m in cm.MODULES
    ]
    (docs / "index.md").write_text("\n".join(rows) + "\n", encoding="utf-8")
    good_nav = [{m.nav_title: [f"{m.folder}/index.md"]} for m in cm.MODULES]
    assert cm.problems(good_nav, docs) == []
    drifted = [
        {"1 · ML fundamentals": ["01-ml-fundamentals/index.md"]},
        *good_nav[:1],
        *good_nav[2:],
    ]
    (docs / "02-perceptron/index.md").write_text(
        "# Module 2 — Perceptrons\n", encoding="utf-8"
    )
    assert cm.problems(drifted, docs) == [
        "mkdocs.yml nav: section of 01-ml-fundamentals is '1 · ML fundamentals', "
        "expected '1 · Machine-learning fundamentals'",
        "docs/02-perceptron/index.md: first line must be '# Module 2 — The perceptron'",
        "docs/02-perceptron/index.md: needs the line '*Suggested time: week 6.*'",
    ]


def test_reading_list_headings_come_from_the_table():
    text = papers.reading_list()
    for m in cm.MODULES:
        assert f"\n## Module {m.number} — {m.title}\n" in text
    assert papers.MODULES == tuple(range(10))
