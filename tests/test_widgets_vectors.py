"""The committed widget test vectors are what ``scripts/make_vectors.py`` computes from ``syllabus_code``.

``tests/vectors/*.json`` are read by the five widgets' node tests (``tests/js/``) and by
``tests/test_shapes.py``; the generator computes every number with the package (shapes, the
NumPy network, activations and convolutions). A change to either side without regenerating
(``python scripts/make_vectors.py``) fails here. Floats are compared to 1e-12 relative, so
the generic-kernel run (another last bit in ``exp``) passes too.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "make_vectors", ROOT / "scripts" / "make_vectors.py"
)
make_vectors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_vectors)


def assert_same(stored, fresh, where: str = "") -> None:
    """Equal structure, keys, strings and integers; floats within 1e-12 relative (1e-300 absolute)."""
    if (
        isinstance(fresh, float)
        and isinstance(stored, (int, float))
        and not isinstance(stored, bool)
    ):
        assert abs(stored - fresh) <= 1e-12 * abs(fresh) + 1e-300, (
            f"{where}: {stored} != {fresh}"
        )
    elif isinstance(fresh, dict):
        assert isinstance(stored, dict), f"{where}: not an object"
        assert stored.keys() == fresh.keys(), (
            f"{where}: keys {sorted(stored)} != {sorted(fresh)}"
        )
        for k in fresh:
            assert_same(stored[k], fresh[k], f"{where}.{k}")
    elif isinstance(fresh, list):
        assert isinstance(stored, list) and len(stored) == len(fresh), (
            f"{where}: length differs"
        )
        for i, (s, f) in enumerate(zip(stored, fresh)):
            assert_same(s, f, f"{where}[{i}]")
    else:
        assert stored == fresh and type(stored) is type(fresh), (
            f"{where}: {stored!r} != {fresh!r}"
        )


FRESH = make_vectors.generate()


@pytest.mark.parametrize("name", sorted(make_vectors.FILES))
def test_committed_vectors_equal_the_generator(name):
    stored = json.loads((make_vectors.VECTORS / name).read_text())
    assert_same(stored, json.loads(json.dumps(FRESH[name])), name)


def test_every_js_suite_reads_generated_vectors():
    """Each of the five widget suites loads a vectors file that the generator writes."""
    suites = {
        "architecture-playground": "shapes.json",
        "network-visualizer": "widgets-network.json",
        "activation-visualizer": "widgets-activation.json",
        "conv2d-worked-example": "widgets-conv2d.json",
        "signal-graph": "widgets-signal.json",
    }
    for suite, vectors in suites.items():
        text = (ROOT / "tests" / "js" / f"{suite}.test.mjs").read_text()
        assert f'"../vectors/{vectors}"' in text, suite
        assert vectors in make_vectors.FILES
    assert sorted(p.name for p in make_vectors.VECTORS.glob("*.json")) == sorted(
        make_vectors.FILES
    )


def test_assert_same_catches_a_changed_number():
    with pytest.raises(AssertionError, match="0.5 != 0.25"):
        assert_same({"a": [0.5]}, {"a": [0.25]})
    with pytest.raises(AssertionError):
        assert_same({"a": 3}, {"a": 4})
