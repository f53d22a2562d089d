"""Setup for every pytest run in the checkout: the unit tests, the pages' code blocks
(``pytest docs``) and the README.

* Offline data: ``SYLLABUS_DATA`` defaults to the shared offline copy beside the checkout,
  so ``syllabus_code.data`` finds MNIST without the network (a user's own setting wins).
* Matplotlib draws off-screen.
* The MkDocs hooks (``scripts/hooks/*.py``) are importable by name.
* A run that executes page code records its outcomes in ``.cache/docs-run.json``
  (``scripts/hooks/run_record.py``); the site build stamps each page from that record.
  This lives here, not in ``tests/conftest.py``, because ``pytest docs`` never loads that one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SHARED_DATA = ROOT.parent / "shared" / "data"

os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(ROOT / "scripts" / "hooks"))
if SHARED_DATA.is_dir():
    os.environ.setdefault("SYLLABUS_DATA", str(SHARED_DATA))

from run_record import RunRecorder  # noqa: E402


def pytest_configure(config) -> None:
    config.pluginmanager.register(RunRecorder(), "syllabus-run-recorder")
