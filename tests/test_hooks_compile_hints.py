"""scripts/hooks/compile_hints.py: the compile hint on Material's bundle, and its source map
shifted to match (the built bundle: the test marked ``site``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts" / "hooks"))
import compile_hints as ch  # noqa: E402

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _vlq(segment: str) -> list[int]:
    """The numbers of one source-map segment (base-64 VLQ, as the source map spec writes them)."""
    out, value, shift = [], 0, 0
    for ch_ in segment:
        digit = _B64.index(ch_)
        value += (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        out.append(-(value >> 1) if value & 1 else value >> 1)
        value, shift = 0, 0
    return out


def original_position(
    source_map: dict, line: int, column: int
) -> tuple[str, int] | None:
    """(source, 1-based line) that generated ``line`` (1-based), ``column`` (0-based) maps to:
    the last segment of that line that starts at or before the column."""
    source = orig_line = 0
    found = None
    for number, text in enumerate(source_map["mappings"].split(";"), start=1):
        gen_col = 0
        for segment in filter(None, text.split(",")):
            fields = _vlq(segment)
            gen_col += fields[0]
            if len(fields) >= 4:
                source += fields[1]
                orig_line += fields[2]
                if number == line and gen_col <= column:
                    found = (source_map["sources"][source], orig_line + 1)
        if number == line:
            return found
    return None


def _bundle(tmp_path: Path) -> tuple[Path, Path]:
    js = tmp_path / "assets" / "javascripts" / "bundle.abc123.min.js"
    js.parent.mkdir(parents=True)
    js.write_text('"use strict";var a=1;\nwindow.b=a;\n', encoding="utf-8")
    # line 1 col 13 <- src.ts line 3; line 2 col 0 <- src.ts line 5
    mapping = {
        "version": 3,
        "sources": ["src.ts"],
        "names": [],
        "mappings": "aAEA;AAEA",
    }
    source_map = js.with_name(js.name + ".map")
    source_map.write_text(json.dumps(mapping), encoding="utf-8")
    return js, source_map


def test_vlq_reader_decodes_the_specs_examples():
    assert _vlq("A") == [0] and _vlq("C") == [1] and _vlq("D") == [-1]
    assert _vlq("gB") == [16] and _vlq("aAEA") == [13, 0, 2, 0]


def test_hint_is_the_first_line_and_the_code_follows_unchanged(tmp_path):
    js, _ = _bundle(tmp_path)
    before = js.read_text(encoding="utf-8")
    assert ch.hint_bundles(tmp_path) == [js]
    text = js.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "//# allFunctionsCalledOnLoad"
    assert text == ch.HINT + before


def test_source_map_moves_down_one_line(tmp_path):
    js, source_map = _bundle(tmp_path)
    old = json.loads(source_map.read_text(encoding="utf-8"))
    assert original_position(old, 1, 13) == ("src.ts", 3)
    ch.hint_bundles(tmp_path)
    new = json.loads(source_map.read_text(encoding="utf-8"))
    assert original_position(new, 1, 0) is None  # the hint comes from no source
    assert original_position(new, 2, 13) == ("src.ts", 3)
    assert original_position(new, 3, 0) == ("src.ts", 5)
    assert {k: v for k, v in new.items() if k != "mappings"} == {
        k: v for k, v in old.items() if k != "mappings"
    }


def test_a_second_run_changes_nothing(tmp_path):
    js, source_map = _bundle(tmp_path)
    ch.hint_bundles(tmp_path)
    once = js.read_bytes(), source_map.read_bytes()
    assert ch.hint_bundles(tmp_path) == []
    assert (js.read_bytes(), source_map.read_bytes()) == once


def test_a_bundle_without_a_map_gets_the_hint(tmp_path):
    js, source_map = _bundle(tmp_path)
    source_map.unlink()
    assert ch.add_hint(js) is True
    assert js.read_text(encoding="utf-8").startswith(ch.HINT)


def test_missing_bundle_is_an_error_that_names_the_folder(tmp_path):
    with pytest.raises(RuntimeError, match=r"bundle\.\*\.min\.js.*assets/javascripts"):
        ch.hint_bundles(tmp_path)


def test_a_map_without_mappings_is_an_error(tmp_path):
    js, source_map = _bundle(tmp_path)
    source_map.write_text('{"version": 3}', encoding="utf-8")
    with pytest.raises(ValueError, match="without 'mappings'"):
        ch.add_hint(js)


@pytest.mark.site
def test_built_bundle_has_the_hint_and_its_map_points_at_materials_source(site_dir):
    (js,) = sorted((site_dir / ch.BUNDLES).glob("bundle.*.min.js"))
    text = js.read_text(encoding="utf-8")
    assert text.startswith(ch.HINT) and text.count("allFunctionsCalledOnLoad") == 1
    lines = text.split("\n")
    # Material's bundle ends by exporting its observables on window.
    line = next(i for i, t in enumerate(lines, start=1) if "window.component$=" in t)
    column = lines[line - 1].index("window.component$=")
    source_map = json.loads(js.with_name(js.name + ".map").read_text(encoding="utf-8"))
    source, orig_line = original_position(source_map, line, column)
    assert source.endswith("javascripts/bundle.ts")
    original = source_map["sourcesContent"][source_map["sources"].index(source)]
    assert "window.component$" in original.split("\n")[orig_line - 1]
