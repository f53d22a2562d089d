"""The one bibliography: well-formed, no duplicates, every module covered, every cited key exists."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
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
    for title in (
        "Deep Learning",
        "Neural Networks and Deep Learning",
        "Pattern Recognition and Machine Learning",
        "Mathematics for Machine Learning",
    ):
        assert title in titles


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(papers.schema())
    assert papers.schema()["$defs"]["entry"]["properties"]["modules"]["items"] == {
        "enum": list(range(10))
    }


def _without_links(entry: dict) -> dict:
    return {k: v for k, v in entry.items() if k not in ("arxiv", "doi", "url")}


@pytest.mark.parametrize(
    "change, message",
    [
        (dict(doi="11.1/x"), "doi: '11.1/x' does not match"),
        (dict(arxiv="1512.338"), "arxiv: '1512.338' does not match"),
        (dict(url="http://example.org"), "url: 'http://example.org' does not match"),
        (
            dict(arxiv="1512.03385", doi="10.1109/5.726791"),
            "give exactly one of arxiv, doi, url (got ['arxiv', 'doi'])",
        ),
        (dict(kind="article"), "kind: 'article' is not one of ['paper', 'book']"),
        (dict(year="2016"), "year: '2016' is not of type 'integer'"),
        (
            dict(year=2016.0),
            "year: 2016.0 is not of type 'integer'",
        ),  # YAML 2016.0 is a float
        (dict(year=True), "year: True is not of type 'integer'"),
        (dict(modules=[3, 10]), "modules/1: 10 is not one of"),
        (dict(modules=[]), "modules: [] should be non-empty"),
        (dict(authors="A. Person"), "authors: 'A. Person' is not of type 'array'"),
        (dict(key="He2016"), "key: 'He2016' does not match"),
        (dict(read=" "), "read: ' ' does not match"),
        (
            dict(pages="1-10"),
            "Additional properties are not allowed ('pages' was unexpected)",
        ),
    ],
)
def test_schema_catches_each_kind_of_mistake(entries, change, message):
    entry = dict(
        _without_links(entries[0]), key="x1", title="t1", url="https://example.org/x"
    )
    if set(change) & {"arxiv", "doi"}:
        entry.pop("url")
    bad = dict(entry, **change)
    msgs = papers.problems([*entries, bad])
    assert (
        len(msgs) == 1
        and msgs[0].startswith(f"entry {len(entries)} (")
        and message in msgs[0]
    ), msgs


def test_missing_field_and_cross_entry_checks(entries):
    no_title = {k: v for k, v in entries[0].items() if k != "title"}
    assert papers.problems([*entries, dict(no_title, key="x1")]) == [
        f"entry {len(entries)} (x1): entry: 'title' is a required property"
    ]
    msgs = papers.problems([*entries, dict(entries[0])])
    assert msgs == [
        f"entry {len(entries)} ({entries[0]['key']}): duplicate key (also entry 0)",
        f"entry {len(entries)} ({entries[0]['key']}): same title as {entries[0]['key']}",
    ]
    assert "module 9 has 0 papers; every module needs at least 3" in papers.problems(
        [e for e in entries if 9 not in e["modules"]]
    )


def test_year_has_no_fixed_limit_only_not_after_this_year(entries):
    bayes = dict(
        entries[0],
        key="bayes1763",
        title="An essay towards solving a problem",
        year=1763,
    )
    assert papers.problems([*entries, bayes]) == []
    future = dict(bayes, key="future", title="Next year's paper", year=2031)
    assert papers.problems([*entries, future], this_year=2031) == []
    assert papers.problems([*entries, future], this_year=2030) == [
        f"entry {len(entries)} (future): year 2031 is after this year (2030)"
    ]


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
    assert cited - keys == set(), (
        f"cited but not in the bibliography: {sorted(cited - keys)}"
    )


def test_module_index_pages_have_key_papers_box():
    for index in sorted((ROOT / "docs").glob("[0-9][0-9]-*/index.md")):
        m = int(index.parent.name[:2])
        text = index.read_text(encoding="utf-8")
        assert re.search(rf"<!--\s*key-papers:\s*{m}\s*-->", text), (
            f"{index} lacks <!-- key-papers: {m} -->"
        )


def test_rendering(entries):
    box = papers.key_papers_box(6, "06-cnn-architectures/index.md")
    assert "He, Kaiming" not in box and "Kaiming He" in box
    assert "../reading-list.md" in box
    listing = papers.reading_list()
    for e in entries:
        assert f'<a id="{e["key"]}"></a>' in listing
    cite = papers.render("see [@he2016].", "06-cnn-architectures/resnet.md")
    assert cite == "see [He et al. (2016)](../reading-list.md#he2016)."
