"""Keep only the CSS a page can use.

mkdocs-jupyter inlines JupyterLab's whole stylesheet (about 570 KB, 3,000 rules for menus,
dialogs, widgets and every theme variable) into each lab page, where a few dozen rules style
the cells. ``prune_css`` drops the rules that cannot match the page:

* a selector is kept when every class, id and element name it requires occurs in the page
  (what sits inside ``:not(...)`` is not required; pseudo-classes such as ``:hover`` and
  attribute tests are not checked, so a rule that might match is always kept);
* ``@media`` and ``@supports`` blocks are pruned inside and dropped when empty;
  ``@keyframes`` are kept when a kept rule names them; every other at-rule (``@font-face``,
  ``@page``, ``@charset``, ...) is kept as it is;
* custom properties (``--jp-...``) are kept when a kept declaration reads them through
  ``var()``, directly or through other custom properties.

The test is one way only: a rule is dropped only when the page lacks something its selector
needs, so pruning never changes how the page looks (tests/test_hooks_css_prune.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from html.parser import HTMLParser

import tinycss2

_NOT = re.compile(r":not\(")
# attribute tests and quoted text
_STRINGS = re.compile(r"\[[^\]]*\]|\"[^\"]*\"|'[^']*'")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_TAG = re.compile(r"(?:^|[\s>+~(,])([a-zA-Z][a-zA-Z0-9-]*)")
_PSEUDO = re.compile(r"::?[a-zA-Z-]+(?:\([^()]*\))?")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass
class Names:
    """The classes, ids and element names that occur in a page. ``prefixes`` are the
    beginnings of names that scripts build at run time (``"tabbed-control--"``): a class or
    id that starts with one counts as present."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=lambda: {"html", "body"})
    prefixes: tuple[str, ...] = ()

    def has_all(self, names: frozenset[str], present: set[str]) -> bool:
        return all(n in present or n.startswith(self.prefixes) for n in names)


class _Collector(HTMLParser):
    def __init__(self, names: Names):
        super().__init__(convert_charrefs=True)
        self.names = names

    def handle_starttag(self, tag, attrs):
        self.names.tags.add(tag.lower())
        for key, value in attrs:
            if key == "class" and value:
                self.names.classes.update(value.split())
            elif key == "id" and value:
                self.names.ids.add(value)

    handle_startendtag = handle_starttag


def page_names(html: str) -> Names:
    """Every class, id and element name in ``html``."""
    names = Names()
    _Collector(names).feed(html)
    return names


def _without_not(selector: str) -> str:
    """``selector`` with each ``:not(...)`` (balanced parentheses) removed."""
    out, i = [], 0
    for m in _NOT.finditer(selector):
        if m.start() < i:
            continue
        out.append(selector[i : m.start()])
        depth, j = 1, m.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        i = j
    out.append(selector[i:])
    return "".join(out)


@cache
def _requirements(selector: str):
    """(classes, ids, element names) a selector requires, or None when it is kept anyway."""
    required = _STRINGS.sub("", _without_not(selector))
    if ":is(" in required or ":where(" in required or ":has(" in required:
        return (
            None  # alternatives or relations inside: keep rather than reason about them
        )
    required = _PSEUDO.sub("", required)
    bare = _CLASS.sub("", _ID.sub("", required))
    return (
        frozenset(_CLASS.findall(required)),
        frozenset(_ID.findall(required)),
        frozenset(t.lower() for t in _TAG.findall(bare)),
    )


def selector_may_match(selector: str, names: Names) -> bool:
    """False only when the page lacks a class, id or element the selector requires."""
    needs = _requirements(selector)
    return needs is None or (
        names.has_all(needs[0], names.classes)
        and names.has_all(needs[1], names.ids)
        and needs[2] <= names.tags
    )


def _split_selectors(prelude: str) -> list[str]:
    """The comma-separated selectors of a rule, commas inside parentheses kept."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def _declarations(block: str) -> list[tuple[str, str]]:
    decls = tinycss2.parse_blocks_contents(
        block, skip_whitespace=True, skip_comments=True
    )
    return [
        (
            d.name,
            tinycss2.serialize(d.value).strip()
            + (" !important" if d.important else ""),
        )
        for d in decls
        if d.type == "declaration"
    ]


@lru_cache(maxsize=8)
def _parse(css: str) -> tuple:
    """A stylesheet as ("rule", selectors, declarations), ("block", "@media ...", items),
    ("keyframes", "@keyframes name", body) and ("raw", text) items; parsed once per text
    (every lab page carries the same JupyterLab stylesheet)."""
    return _items(
        tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    )


def _items(rules) -> tuple:
    items = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = tuple(_split_selectors(tinycss2.serialize(rule.prelude)))
            decls = _declarations(tinycss2.serialize(rule.content))
            items.append(("rule", selectors, decls))
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            prelude = tinycss2.serialize(rule.prelude).strip()
            if keyword in ("media", "supports") and rule.content is not None:
                inner = tinycss2.parse_rule_list(
                    rule.content, skip_whitespace=True, skip_comments=True
                )
                items.append(("block", f"@{keyword} {prelude}", _items(inner)))
            elif keyword.endswith("keyframes"):
                body = tinycss2.serialize(rule.content or [])
                items.append(("keyframes", f"@{keyword} {prelude}", body))
            else:  # @font-face, @page, @charset, @layer statements...: kept as they are
                items.append(("raw", tinycss2.serialize([rule])))
    return tuple(items)


def _prune_rules(items, names: Names) -> list:
    """The style rules that may match (with only the selectors that may), the non-empty
    blocks, and the at-rules kept."""
    kept = []
    for item in items:
        if item[0] == "rule":
            selectors = [s for s in item[1] if selector_may_match(s, names)]
            if selectors:
                kept.append(("rule", selectors, item[2]))
        elif item[0] == "block":
            inner = _prune_rules(item[2], names)
            if inner:
                kept.append(("block", item[1], inner))
        else:
            kept.append(item)
    return kept


def _walk(kept):
    for item in kept:
        if item[0] == "rule":
            yield item
        elif item[0] == "block":
            yield from _walk(item[2])


def _used_variables(kept) -> set[str]:
    """Custom properties read by the kept declarations, followed through definitions."""
    definitions: dict[str, list[str]] = {}
    wanted: set[str] = set()
    for _, _, decls in _walk(kept):
        for name, value in decls:
            if name.startswith("--"):
                definitions.setdefault(name, []).append(value)
            else:
                wanted.update(_VAR.findall(value))
    todo = list(wanted)
    while todo:
        for value in definitions.get(todo.pop(), []):
            for var in _VAR.findall(value):
                if var not in wanted:
                    wanted.add(var)
                    todo.append(var)
    return wanted


def _serialise(kept, variables: set[str], animations: str) -> str:
    out = []
    for item in kept:
        if item[0] == "rule":
            decls = [
                f"{n}:{v}"
                for n, v in item[2]
                if not n.startswith("--") or n in variables
            ]
            if decls:
                out.append(f"{','.join(item[1])}{{{';'.join(decls)}}}")
        elif item[0] == "block":
            inner = _serialise(item[2], variables, animations)
            if inner:
                out.append(f"{item[1]}{{{inner}}}")
        elif item[0] == "keyframes":
            if re.search(rf"\b{re.escape(item[1].split()[-1])}\b", animations):
                out.append(f"{item[1]}{{{item[2]}}}")
        else:
            out.append(item[1])
    return "".join(out)


def prune_stylesheets(
    sheets: list[str], names: Names, keep_variables: bool = False
) -> list[str]:
    """Each of ``sheets`` (the stylesheets of one page, in order) reduced to the rules that
    may apply to a page with these ``names``, minified. Custom properties are followed
    across the sheets: a variable one sheet defines and another reads is kept. With
    ``keep_variables`` every custom property is kept (for sheets whose variables scripts or
    other sheets may read)."""
    kept = [_prune_rules(_parse(css), names) for css in sheets]
    every = [item for items in kept for item in items]
    variables = (
        {n for _, _, decls in _walk(every) for n, _ in decls if n.startswith("--")}
        if keep_variables
        else _used_variables(every)
    )
    animations = " ".join(
        v
        for _, _, decls in _walk(every)
        for n, v in decls
        if n in ("animation", "animation-name")
    )
    return [_serialise(items, variables, animations) for items in kept]


def prune_css(css: str, names: Names, keep_variables: bool = False) -> str:
    """One stylesheet pruned on its own (``prune_stylesheets`` of one sheet)."""
    return prune_stylesheets([css], names, keep_variables)[0]
