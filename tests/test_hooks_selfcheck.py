"""The self-check hook (scripts/hooks/selfcheck.py): the MkDocs events. Loading, encoding and
rendering are tested in test_hooks_selfcheck_{load,encode,render}.py."""

from __future__ import annotations

import selfcheck as sc  # scripts/hooks is on sys.path (conftest.py)
from mkdocs.structure.files import File, Files, InclusionLevel
from selfcheck_helpers import DOCS, QUESTIONS, modules_with_questions

FILES = sorted(QUESTIONS.glob("*/*.py"))
MODULES = modules_with_questions()


def test_on_files_drops_the_question_files_and_adds_unlisted_answer_pages(tmp_path):
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig()
    config.load_dict(
        {"site_name": "t", "docs_dir": str(DOCS), "site_dir": str(tmp_path / "s")}
    )
    config.validate()
    # File.generated records who made a file
    config.plugins._current_plugin = "selfcheck"
    files = Files(
        [
            File(f"questions/{p.parent.name}/{p.name}", str(DOCS), str(tmp_path), True)
            for p in FILES
        ]
        + [File("index.md", str(DOCS), str(tmp_path), True)]
    )
    out = sc.on_files(files, config)
    uris = {f.src_uri for f in out}
    assert not any(u.startswith("questions/") for u in uris)
    for module in MODULES:
        f = out.get_file_from_path(f"{module}/solutions.md")
        assert f is not None and f.inclusion == InclusionLevel.NOT_IN_NAV
