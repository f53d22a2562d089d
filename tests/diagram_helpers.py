"""Shared by the diagram tests: each ``architectures`` diagram made once per run, the check
that a figure draws every label of its spec legibly, and a figure's alt text on its page."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from syllabus_code.diagrams import architectures  # noqa: E402
from syllabus_code.diagrams.blocks import figure_texts, flow_texts  # noqa: E402

DOCS = Path(__file__).resolve().parents[1] / "docs"

DIAGRAMS = [
    "basic_block",
    "basic_block_identity",
    "bottleneck_block",
    "inception_module",
    "lenet",
    "alexnet",
    "vgg_stage",
    "dense_block",
    "separable_vs_standard",
    "mbconv",
]


@cache
def made(name: str):
    """(spec, light figure) of the diagram ``architectures.<name>``."""
    return getattr(architectures, name)()


def drawn(name: str) -> set[str]:
    """Every string drawn on the light figure of ``name``."""
    return set(figure_texts(made(name)[1]))


def assert_spec_drawn(name: str, spec, fig) -> None:
    """Every label of the spec is on the figure, in text of at least 9 pt on a figure at
    most 7 inches wide (so >= ~9 px when scaled to a phone's width)."""
    for flow in spec.flows:
        missing = [t for t in flow_texts(flow) if t not in figure_texts(fig)]
        assert not missing, f"{name}: not drawn: {missing}"
    sizes = [t.get_fontsize() for t in fig.axes[0].texts]
    assert min(sizes) >= 9
    assert fig.get_size_inches()[0] <= 7


def shape_text(shape) -> str:
    """A shape as the figures and their alt texts write it: 3×32×32."""
    return "×".join(map(str, shape))


def alt_text(page: str, svg: str) -> str:
    """The alt text of ``figures/<svg>.svg`` on ``docs/<page>`` (the figure is there once)."""
    text = (DOCS / page).read_text(encoding="utf-8")
    (alt,) = re.findall(rf"!\[([^\]]*)\]\(figures/{svg}\.svg\)", text)
    return alt


def assert_alt_states_numbers(name: str, page: str, svg: str, required, spec) -> None:
    """The page's figure script draws ``name``, and the figure's alt text states every
    string ``required(spec.numbers)`` gives."""
    script = DOCS / "figures" / page.split("/")[0] / f"{svg}.py"
    assert f"import {name}\n" in script.read_text(encoding="utf-8")
    missing = [s for s in required(spec.numbers) if s not in alt_text(page, svg)]
    assert not missing, f"{page}: the alt text of {svg}.svg does not state {missing}"
