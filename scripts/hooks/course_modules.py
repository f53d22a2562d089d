"""The ten modules' numbers, folders, titles and suggested weeks: the one table they come from.

Read by the papers hook (the reading list's module headings) and checked at every build
(``on_config``, so ``mkdocs build --strict`` fails on drift) against the places MkDocs cannot
fill in from a table:

* the nav: each module's section of ``mkdocs.yml`` is titled ``"N · Title"``;
* each module's ``docs/NN-topic/index.md``: heading ``# Module N — Title`` and the line
  ``*Suggested time: weeks A–B.*`` (``week A`` for one week);
* the home page's table of modules: a row ``| [N · Title](NN-topic/index.md) | ... | A–B |``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]


class Module(NamedTuple):
    number: int
    folder: str  # docs/<folder>/
    title: str
    weeks: str  # "1–3", or "6" for one week

    @property
    def nav_title(self) -> str:
        return f"{self.number} · {self.title}"

    @property
    def heading(self) -> str:
        return f"# Module {self.number} — {self.title}"

    @property
    def time_line(self) -> str:
        unit = "weeks" if "–" in self.weeks else "week"
        return f"*Suggested time: {unit} {self.weeks}.*"


MODULES: tuple[Module, ...] = (
    Module(0, "00-foundations", "Foundation mathematics", "1–3"),
    Module(1, "01-ml-fundamentals", "Machine-learning fundamentals", "4–5"),
    Module(2, "02-perceptron", "The perceptron", "6"),
    Module(3, "03-neural-networks", "Neural networks and backpropagation", "7–10"),
    Module(4, "04-training-deep-networks", "Training deep networks", "11–13"),
    Module(5, "05-cnns", "Convolutional networks", "14–18"),
    Module(6, "06-cnn-architectures", "Landmark CNN architectures", "19–22"),
    Module(
        7, "07-transfer-learning", "Transfer learning and data augmentation", "23–25"
    ),
    Module(8, "08-efficient-architectures", "Efficient architectures", "26–28"),
    Module(9, "09-vision-transformers", "Attention and vision transformers", "29–30"),
)
TITLES: dict[int, str] = {m.number: m.title for m in MODULES}


def _module_sections(nav: list) -> dict[str, str]:
    """Folder -> section title, for each nav section whose first page is ``<folder>/index.md``."""
    out = {}
    for item in nav:
        if isinstance(item, dict):
            for title, children in item.items():
                if (
                    isinstance(children, list)
                    and children
                    and isinstance(children[0], str)
                ):
                    folder = children[0].split("/")[0]
                    if children[0] == f"{folder}/index.md":
                        out[folder] = title
    return out


def problems(nav: list, docs_dir: Path = ROOT / "docs") -> list[str]:
    """Every place where the nav, an index page or the home page disagrees with MODULES."""
    out = []
    sections = _module_sections(nav)
    home = (docs_dir / "index.md").read_text(encoding="utf-8")
    for m in MODULES:
        if sections.get(m.folder) != m.nav_title:
            out.append(
                f"mkdocs.yml nav: section of {m.folder} is {sections.get(m.folder)!r}, "
                f"expected {m.nav_title!r}"
            )
        lines = (
            (docs_dir / m.folder / "index.md").read_text(encoding="utf-8").splitlines()
        )
        if not lines or lines[0] != m.heading:
            out.append(f"docs/{m.folder}/index.md: first line must be {m.heading!r}")
        if m.time_line not in lines:
            out.append(f"docs/{m.folder}/index.md: needs the line {m.time_line!r}")
        row = re.compile(
            rf"^\| \[{re.escape(m.nav_title)}\]\({m.folder}/index\.md\) \|.*\| {m.weeks} \|$",
            re.MULTILINE,
        )
        if not row.search(home):
            out.append(
                f"docs/index.md: no table row '| [{m.nav_title}]({m.folder}/index.md) | ... "
                f"| {m.weeks} |'"
            )
    return out


def on_config(config):
    bad = problems(config["nav"], Path(config["docs_dir"]))
    if bad:
        raise PluginError(
            "module titles differ from scripts/hooks/course_modules.py:\n  "
            + "\n  ".join(bad)
        )
    return config
