"""The Vision Transformer from image to class scores.

Drawn from the package's own model by syllabus_code.diagrams.attention.vit_pipeline."""

from syllabus_code.diagrams.attention import vit_pipeline


def make_figure(theme="light"):
    return vit_pipeline(theme=theme)[1]
