"""Scaled dot-product attention with its shapes.

Drawn from the package's own model by syllabus_code.diagrams.attention.scaled_dot_product."""

from syllabus_code.diagrams.attention import scaled_dot_product


def make_figure(theme="light"):
    return scaled_dot_product(theme=theme)[1]
