"""The one bibliography: well-formed, no duplicates, every module covered, every cited key exists."""

from __future__ import annotations

import re
from pathlib import Path

import papers  # scripts/hooks is on sys.path (tests/conftest.py)
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def entries():
    return papers.load()


def test_bibliography_is_valid(entries):
    assert papers.problems(entries) == []


def test_every_module_has_three_papers(entries):
    for m in papers.MODULES:
        n = sum(1 for e in entries if m in e["modules"] and e["kind"] == "paper")
        assert n >= 3, f"module {m} has {n} papers"


def test_outline_textbooks_are_listed(entries):
    titles = {e["title"] for e in entries if e["kind"] == "book"}
    for title in ("Deep Learning", "Neural Networks and Deep Learning",
                  "Pattern Recognition and Machine Learning", "Mathematics for Machine Learning"):
        assert title in titles


def test_validator_catches_mistakes(entries):
    good = dict(entries[0])
    bad_doi = dict(good, key="x1", title="t1", doi="11.1/x")
    bad_doi.pop("url", None), bad_doi.pop("arxiv", None)
    msgs = papers.problems([good, dict(good), bad_doi])
    assert any("duplicate key" in m for m in msgs)
    assert any("doi must look like" in m for m in msgs)
    two_links = dict(good, key="x2", title="t2", arxiv="1512.03385", doi="10.1/x")
    assert any("exactly one of" in m for m in papers.problems([two_links]))


def test_links_are_stable_addresses(entries):
    for e in entries:
        url = papers.link(e)
        assert url.startswith("https://"), url
        if "arxiv" in e:
            assert url == f"https://arxiv.org/abs/{e['arxiv']}"


def test_every_cited_key_exists(entries):
    keys = {e["key"] for e in entries}
    cited = set()
    for page in (ROOT / "docs").rglob("*.md"):
        cited |= set(papers.CITE_RE.findall(page.read_text(encoding="utf-8")))
    for lab in (ROOT / "docs" / "labs").glob("*.py"):
        cited |= set(papers.CITE_RE.findall(lab.read_text(encoding="utf-8")))
    assert cited - keys == set(), f"cited but not in the bibliography: {sorted(cited - keys)}"


def test_module_index_pages_have_key_papers_box():
    for index in sorted((ROOT / "docs").glob("[0-9][0-9]-*/index.md")):
        m = int(index.parent.name[:2])
        text = index.read_text(encoding="utf-8")
        assert re.search(rf"<!--\s*key-papers:\s*{m}\s*-->", text), f"{index} lacks <!-- key-papers: {m} -->"


def test_rendering(entries):
    box = papers.key_papers_box(6, "06-cnn-architectures/index.md")
    assert "He, Kaiming" not in box and "Kaiming He" in box
    assert "../reading-list.md" in box
    listing = papers.reading_list()
    for e in entries:
        assert f'<a id="{e["key"]}"></a>' in listing
    cite = papers.render("see [@he2016].", "06-cnn-architectures/resnet.md")
    assert cite == "see [He et al. (2016)](../reading-list.md#he2016)."
