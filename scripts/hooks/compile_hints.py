"""Ask the browser to compile Material's bundle while it downloads, not while it runs.

V8 (Chrome and Edge from version 136) compiles a script's functions lazily: a function
that the page calls as it starts is compiled on the main thread at its first call, while
the page does not respond. A script that begins with the comment
``//# allFunctionsCalledOnLoad`` ("explicit compile hints", v8.dev/blog/explicit-compile-hints)
has all its functions compiled at once, on a background thread as the script streams in.
Material's bundle suits it: almost all of it (rxjs, the components it mounts) runs while
the page starts. In Chromium traces on this project's two-core machine the bundle's
evaluation on the main thread took 43-56 ms with the comment against 74-129 ms without
(medians of 8 loads of each of four pages; ``benchmarks/compile_hints.py`` measures both in
one run), and 46-60 ms against 56-68 ms once the page scripts were deferred
(overrides/main.html). Lighthouse counts that task, four times over on its simulated phone, in the
total blocking time. Other browsers read a comment.

After the build this hook puts the comment on the first line of ``bundle.*.min.js`` and
shifts the bundle's source map down one line to match, so the browser's developer tools
still show Material's sources at the right lines. It runs once per file: a bundle that
already starts with the comment (``mkdocs serve`` keeps an unchanged copy) is left alone.
Our own scripts are small and gained nothing measurable from it, so they are left as they
are. tests/test_hooks_compile_hints.py checks the files.
"""

from __future__ import annotations

import json
from pathlib import Path

HINT = "//# allFunctionsCalledOnLoad\n"
BUNDLES = "assets/javascripts"


def add_hint(script: Path) -> bool:
    """Prepend the compile hint to ``script`` and shift its source map (``script.map``,
    when there is one) by one line. Returns False when the hint was there already."""
    text = script.read_text(encoding="utf-8")
    if text.startswith(HINT):
        return False
    script.write_text(HINT + text, encoding="utf-8")
    source_map = script.with_name(script.name + ".map")
    if source_map.is_file():
        data = json.loads(source_map.read_text(encoding="utf-8"))
        if "mappings" not in data:
            raise ValueError(f"{source_map}: a source map without 'mappings'")
        # ";" ends a generated line: the new first line maps to nothing.
        data["mappings"] = ";" + data["mappings"]
        source_map.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return True


def hint_bundles(site: Path) -> list[Path]:
    """Add the hint to Material's bundle in a built ``site``; returns the files changed."""
    bundles = sorted((site / BUNDLES).glob("bundle.*.min.js"))
    if not bundles:
        raise RuntimeError(f"no Material bundle (bundle.*.min.js) in {site / BUNDLES}")
    return [b for b in bundles if add_hint(b)]


def on_post_build(config, **kwargs) -> None:
    hint_bundles(Path(config["site_dir"]))
