"""Shared by the tests of ``syllabus_code.diagrams.architectures``: each diagram made once per run."""

from __future__ import annotations

from functools import cache

import matplotlib

matplotlib.use("Agg")

from syllabus_code.diagrams import architectures  # noqa: E402
from syllabus_code.diagrams.blocks import figure_texts  # noqa: E402

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
