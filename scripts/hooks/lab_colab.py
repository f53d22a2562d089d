"""Where the labs' "Open in Colab" links and install cell point (used by ``lab_notebooks.py``).

Settings (``extra: colab:`` in mkdocs.yml; an environment variable that is set wins, even when
empty, so a fork's workflow can point the links at the fork):

* ``repo`` / ``SYLLABUS_COLAB_REPO``: ``owner/name`` on GitHub; empty: no Colab link, and the
  install cell only explains how to install the package;
* ``branch`` / ``SYLLABUS_COLAB_BRANCH``: the branch, tag or commit the install cell installs
  ``syllabus_code`` from (the Pages workflow gives the commit it built);
* ``notebooks_branch`` / ``SYLLABUS_COLAB_NOTEBOOKS_BRANCH``: where the workflow commits the
  notebooks.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from mkdocs.exceptions import PluginError

COLAB = "https://colab.research.google.com/github"
ENV = {
    "repo": "SYLLABUS_COLAB_REPO",
    "branch": "SYLLABUS_COLAB_BRANCH",
    "notebooks_branch": "SYLLABUS_COLAB_NOTEBOOKS_BRANCH",
}
DEFAULTS = {"repo": "", "branch": "main", "notebooks_branch": "notebooks"}
_REPO = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+")
_REF = re.compile(r"[A-Za-z0-9._][A-Za-z0-9._/-]*")


def colab_settings(
    extra: Mapping | None, environ: Mapping[str, str] = os.environ
) -> dict:
    """The resolved ``repo``, ``branch`` and ``notebooks_branch``: environment, then
    ``extra.colab``, then the defaults. Raises ``PluginError`` for a malformed value (it ends
    up in a URL and in a ``%pip`` line)."""
    given = (extra or {}).get("colab") or {}
    if not isinstance(given, Mapping):
        raise PluginError(f"extra.colab must be a mapping, got {type(given).__name__}")
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise PluginError(
            f"extra.colab: unknown keys {sorted(unknown)}; expected {sorted(DEFAULTS)}"
        )
    out = {}
    for key, default in DEFAULTS.items():
        value = environ.get(ENV[key])
        if value is None:
            value = given.get(key)
        out[key] = default if value is None else str(value).strip()
    if out["repo"] and not _REPO.fullmatch(out["repo"]):
        raise PluginError(
            f"Colab repo must be 'owner/name' on GitHub, got {out['repo']!r}"
        )
    for key in ("branch", "notebooks_branch"):
        if out["repo"] and not (_REF.fullmatch(out[key]) and ".." not in out[key]):
            raise PluginError(
                f"Colab {key} must be a git branch, tag or commit, got {out[key]!r}"
            )
    return out


def colab_url(settings: Mapping, stem: str) -> str | None:
    """Colab's URL for the lab ``stem`` as the Pages workflow commits it, or ``None`` when no
    repository is configured."""
    if not settings["repo"]:
        return None
    return f"{COLAB}/{settings['repo']}/blob/{settings['notebooks_branch']}/labs/{stem}.ipynb"


def install_source(settings: Mapping) -> str:
    """The first cell of a downloaded lab: installs syllabus_code only when it is missing."""
    head = (
        "# Colab or a fresh environment: install the course's package if it is missing.\n"
        "import importlib.util\n\n"
        'if importlib.util.find_spec("syllabus_code") is None:\n'
    )
    if settings["repo"]:
        url = f"git+https://github.com/{settings['repo']}@{settings['branch']}"
        return head + f'    %pip install "{url}"'
    return head + (
        '    raise ModuleNotFoundError("This lab needs the course package syllabus_code: "\n'
        '                              "in a checkout of the course, run pip install -e .")'
    )
