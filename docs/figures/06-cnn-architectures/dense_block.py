"""DenseNet-121's first dense block and transition.

Drawn from the package's own model by syllabus_code.diagrams.architectures.dense_block."""

from syllabus_code.diagrams.architectures import dense_block


def make_figure(theme="light"):
    return dense_block(theme=theme)[1]
