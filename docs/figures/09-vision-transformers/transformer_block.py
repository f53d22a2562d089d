"""The pre-norm transformer encoder block.

Drawn from the package's own model by syllabus_code.diagrams.attention.transformer_block."""

from syllabus_code.diagrams.attention import transformer_block


def make_figure(theme="light"):
    return transformer_block(theme=theme)[1]
