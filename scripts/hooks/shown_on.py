"""API reference: under each function or class whose code a page shows, a line "Shown on: ..."
linking those pages. :func:`shown_objects` works them out at build from the pages' snippet
includes and the sections of the package's files (scripts/hooks/snippets.py)."""

from __future__ import annotations

import ast
import html
import re
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import snippets

ROOT, PACKAGE = snippets.ROOT, snippets.PACKAGE

# --- which reference entries a page shows -----------------------------------------------------


def _module_name(path: str) -> str:
    return (
        Path(path)
        .with_suffix("")
        .as_posix()
        .replace("/", ".")
        .removesuffix(".__init__")
    )


@cache
def _definitions(path: str) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """(qualified name, def line, names it calls) for every function and class of a file; a
    function handed to a call (``_finite_update(_adam_update, ...)``) counts as called."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    out = []

    def visit(body, prefix):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                calls = tuple(
                    f.id
                    for n in ast.walk(node)
                    if isinstance(n, ast.Call)
                    for f in (n.func, *n.args)
                    if isinstance(f, ast.Name)
                )
                out.append((prefix + node.name, node.lineno, calls))
                if isinstance(node, ast.ClassDef):
                    visit(node.body, prefix + node.name + ".")

    visit(tree.body, "")
    return tuple(out)


@cache
def _reexports(path: str) -> tuple[tuple[str, str], ...]:
    """(path in this module, path where it is defined) for each name a package file imports
    from another module and lists in its ``__all__`` (``linalg`` re-exporting ``eigen.pca``)."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    exported: set[str] = set()
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
            and isinstance(node.value, (ast.List, ast.Tuple))
        ):
            exported |= {
                e.value for e in node.value.elts if isinstance(e, ast.Constant)
            }
    module = _module_name(path)
    package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
    out = []
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            source = f"{base}.{node.module}" if node.module else base
        else:
            source = node.module or ""
        for a in node.names:
            name = a.asname or a.name
            if source.startswith(PACKAGE) and name in exported:
                out.append((f"{module}.{name}", f"{source}.{a.name}"))
    return tuple(out)


def _with_reexports(shown: dict[str, list[str]]) -> dict[str, list[str]]:
    """``shown`` plus each re-exported object (and its members) under the re-exporting module's
    path too, which is where the API reference renders it when it documents that module."""
    pairs = [
        pair
        for file in sorted((ROOT / PACKAGE).rglob("*.py"))
        for pair in _reexports(file.relative_to(ROOT).as_posix())
    ]
    changed = True
    # chains: a package __init__ re-exporting a module that re-exports another
    while changed:
        changed = False
        for alias, target in pairs:
            for key in [k for k in shown if k == target or k.startswith(target + ".")]:
                new = alias + key[len(target) :]
                if new not in shown:
                    shown[new] = list(shown[key])
                    changed = True
    return shown


def shown_objects(docs: Path | None = None) -> dict[str, list[str]]:
    """Dotted object path (as the API reference names it) -> the pages that show its code.

    A function or class is shown where a page includes the section holding its ``def``. A
    public function that checks its arguments and hands them to its core (``adam_update``
    calling ``_adam_update``) is shown wherever the core is. An object a module re-exports in
    its ``__all__`` is shown under that module's path too."""
    shown: dict[str, list[str]] = defaultdict(list)
    for (path, name), where in snippets.includes(docs).items():
        if not path.startswith(PACKAGE + "/") or not path.endswith(".py"):
            continue
        section = snippets.sections(path).get(name) if name else None
        lines = set(section.lines) if section else None
        defs = _definitions(path)
        inside = {q for q, line, _ in defs if lines is None or line in lines}
        for q, _, calls in defs:
            if q in inside or ("." not in q and f"_{q}" in inside and f"_{q}" in calls):
                for page in where:
                    if page not in shown[f"{_module_name(path)}.{q}"]:
                        shown[f"{_module_name(path)}.{q}"].append(page)
    return _with_reexports(dict(shown))


# --- the hook -----------------------------------------------------------------------------------

HEADING_RE = re.compile(
    r'<h(?P<level>[2-6]) id="(?P<id>syllabus_code\.[\w.]+)"[^>]*>.*?</h(?P=level)>',
    re.DOTALL,
)

_shown: dict[str, list[str]] = {}


def on_files(files, config):
    global _shown
    _shown = shown_objects(Path(config["docs_dir"]))
    return files


def shown_on_html(page_html: str, shown: dict[str, list[str]], link) -> str:
    """Insert a "Shown on" paragraph after each reference heading whose object a page shows.
    ``link(src)`` gives (url, title) for a page's source path relative to docs/, or None."""

    def add(m: re.Match) -> str:
        pages = [link(src) for src in shown.get(m["id"], [])]
        pages = [p for p in pages if p]
        if not pages:
            return m[0]
        links = ", ".join(
            f'<a href="{html.escape(u)}">{html.escape(t)}</a>' for u, t in pages
        )
        return m[0] + f'\n<p class="shown-on">Shown on: {links}</p>'

    return HEADING_RE.sub(add, page_html)


def page_title(path: Path) -> str:
    """A page's title: its first level-1 heading (with its module number for a module page)."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"^# (.+)$", text, flags=re.MULTILINE)
    title = m.group(1).strip() if m else path.stem
    module = re.match(r"(\d\d)-", path.parent.name)
    return f"Module {int(module.group(1))}: {title}" if module else title


def on_page_content(page_html, page, config, files):
    if not page.file.src_uri.startswith("reference/"):
        return page_html

    def link(src: str):
        f = files.get_file_from_path(src)
        if f is None or not f.is_documentation_page():
            return None
        return f.url_relative_to(page.file), page_title(Path(config["docs_dir"]) / src)

    return shown_on_html(page_html, _shown, link)
