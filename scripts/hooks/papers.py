"""One bibliography, rendered wherever a page asks for it.

``docs/bibliography.yml`` is the single source. A page writes

* ``<!-- key-papers: 3 -->`` for the "Key papers" box of Module 3,
* ``<!-- reading-list -->`` for the complete reading list (the reading-list page),
* ``[@key]`` to cite an entry inline (a link to the entry in the reading list).

An unknown key, an entry that breaks ``bibliography.schema.json`` (next to this file) or a module
with fewer than three papers fails the (strict) build.
"""

from __future__ import annotations

import datetime
import json
import posixpath
import re
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml
from course_modules import TITLES  # a sibling hook file: scripts/hooks is on sys.path
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
BIB_PATH = ROOT / "docs" / "bibliography.yml"
READING_LIST = "reading-list.md"
MODULE_TITLES = TITLES  # the one table of module titles (course_modules.py)
MODULES = tuple(MODULE_TITLES)
SCHEMA_PATH = Path(__file__).with_name("bibliography.schema.json")
# JSON Schema counts 2016.0 as an integer; a year written 2016.0 in YAML would print as "2016.0"
_TYPES = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _, x: isinstance(x, int) and not isinstance(x, bool)
)
Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, type_checker=_TYPES
)
CITE_RE = re.compile(r"\[@([a-z][a-z0-9]*)\]")
BOX_RE = re.compile(r"<!--\s*key-papers:\s*(\d+)\s*-->")
LIST_RE = re.compile(r"<!--\s*reading-list\s*-->")


def load(path: Path = BIB_PATH) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        entries = yaml.safe_load(fh)
    if not isinstance(entries, list):
        raise ValueError(f"{path}: expected a list of entries at top level")
    return entries


def link(entry: dict) -> str:
    """The entry's stable address: arXiv abstract page, DOI resolver, or the given URL."""
    if "arxiv" in entry:
        return f"https://arxiv.org/abs/{entry['arxiv']}"
    if "doi" in entry:
        return f"https://doi.org/{entry['doi']}"
    return entry["url"]


def link_label(entry: dict) -> str:
    if "arxiv" in entry:
        return f"arXiv:{entry['arxiv']}"
    if "doi" in entry:
        return f"doi:{entry['doi']}"
    return "web page"


@lru_cache(maxsize=1)
def schema() -> dict:
    """bibliography.schema.json, with the module numbers taken from the table of modules."""
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        out = json.load(fh)
    out["$defs"]["entry"]["properties"]["modules"]["items"] = {"enum": list(MODULES)}
    return out


def _message(error: jsonschema.ValidationError) -> str:
    field = "/".join(str(p) for p in error.path)
    if error.validator == "oneOf" and not error.path:
        given = [k for k in ("arxiv", "doi", "url") if k in error.instance]
        return f"give exactly one of arxiv, doi, url (got {given})"
    return f"{field or 'entry'}: {error.message}"


def problems(entries: list[dict], this_year: int | None = None) -> list[str]:
    """Everything wrong with the bibliography, as messages (empty list: valid): the schema's
    errors, then what a schema cannot say (unique keys and titles, no year after this one,
    at least three papers per module)."""
    this_year = this_year or datetime.date.today().year
    validator = Validator(schema())
    out: list[str] = []
    seen: dict[str, int] = {}
    titles: dict[str, str] = {}
    for error in sorted(validator.iter_errors(entries), key=lambda e: list(e.path)):
        i = error.path[0] if error.path else None
        if i is None:
            out.append(f"bibliography: {error.message}")
            continue
        key = entries[i].get("key", "?") if isinstance(entries[i], dict) else "?"
        error.path.popleft()
        out.append(f"entry {i} ({key}): {_message(error)}")
    for i, e in enumerate(entries):
        if not isinstance(e, dict):
            continue
        where = f"entry {i} ({e.get('key', '?')})"
        key = e.get("key")
        if key in seen:
            out.append(f"{where}: duplicate key (also entry {seen[key]})")
        seen[key] = i
        title = re.sub(r"\W+", " ", str(e.get("title", "")).lower()).strip()
        if title in titles:
            out.append(f"{where}: same title as {titles[title]}")
        titles[title] = key
        if isinstance(e.get("year"), int) and e["year"] > this_year:
            out.append(f"{where}: year {e['year']} is after this year ({this_year})")
    for m in MODULES:
        n = sum(
            1
            for e in entries
            if isinstance(e, dict)
            and m in e.get("modules", [])
            and e.get("kind") == "paper"
        )
        if n < 3:
            out.append(f"module {m} has {n} papers; every module needs at least 3")
    return out


@lru_cache(maxsize=1)
def _cached(mtime: float) -> dict[str, dict]:
    entries = load()
    bad = problems(entries)
    if bad:
        raise PluginError("docs/bibliography.yml is invalid:\n  " + "\n  ".join(bad))
    return {e["key"]: e for e in entries}


def bibliography() -> dict[str, dict]:
    return _cached(BIB_PATH.stat().st_mtime)


def short_authors(entry: dict) -> str:
    names = [a.split()[-1] for a in entry["authors"]]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def cite_text(entry: dict) -> str:
    return f"{short_authors(entry)} ({entry['year']})"


def full_entry(entry: dict) -> str:
    authors = ", ".join(entry["authors"])
    return (
        f"**{authors} ({entry['year']}).** *{entry['title']}.* {entry['venue']}. "
        f"[{link_label(entry)}]({link(entry)})"
    )


def _rel(page_src: str, target: str) -> str:
    start = posixpath.dirname(page_src) or "."
    return posixpath.relpath(target, start)


def key_papers_box(module: int, page_src: str) -> str:
    bib = bibliography()
    chosen = [e for e in bib.values() if module in e["modules"]]
    if not chosen:
        raise PluginError(f"{page_src}: no bibliography entries for module {module}")
    chosen.sort(key=lambda e: (e["kind"] != "paper", e["year"]))
    lines = ['!!! abstract "Key papers and what to read in them"', ""]
    for e in chosen:
        lines.append(f"    - {full_entry(e)}  ")
        lines.append(f"      *Read:* {e['read'].strip()}")
    lines.append("")
    lines.append(
        f"    The [complete reading list]({_rel(page_src, READING_LIST)}) has every module's papers in one place."
    )
    return "\n".join(lines) + "\n"


def reading_list() -> str:
    bib = bibliography()
    out = []
    books = sorted(
        (e for e in bib.values() if e["kind"] == "book"), key=lambda e: e["year"]
    )
    out.append("## Textbooks\n")
    for e in books:
        out.append(_list_item(e))
    for m in MODULES:
        papers = sorted(
            (e for e in bib.values() if e["kind"] == "paper" and m in e["modules"]),
            key=lambda e: e["year"],
        )
        out.append(f"\n## Module {m} — {MODULE_TITLES[m]}\n")
        for e in papers:
            out.append(_list_item(e, anchor=min(e["modules"]) == m))
    return "\n".join(out) + "\n"


def _list_item(entry: dict, anchor: bool = True) -> str:
    # Each entry gets one anchor (in its first module, or among the textbooks) for [@key] links.
    a = f'<a id="{entry["key"]}"></a>' if anchor else ""
    mods = ", ".join(str(m) for m in entry["modules"])
    return f"- {a}{full_entry(entry)}  \n  *Modules {mods}.* *Read:* {entry['read'].strip()}\n"


def cite(match: re.Match, page_src: str) -> str:
    key = match.group(1)
    bib = bibliography()
    if key not in bib:
        raise PluginError(f"{page_src}: cites unknown bibliography key [@{key}]")
    return f"[{cite_text(bib[key])}]({_rel(page_src, READING_LIST)}#{key})"


def render(markdown: str, page_src: str) -> str:
    markdown = BOX_RE.sub(lambda m: key_papers_box(int(m.group(1)), page_src), markdown)
    markdown = LIST_RE.sub(lambda m: reading_list(), markdown)
    return CITE_RE.sub(lambda m: cite(m, page_src), markdown)


def on_page_markdown(markdown: str, page, config, files) -> str:
    return render(markdown, page.file.src_uri)
