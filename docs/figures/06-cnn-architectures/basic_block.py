"""ResNet-18's BasicBlock with a projection shortcut.

Drawn from the package's own model by syllabus_code.diagrams.architectures.basic_block."""

from syllabus_code.diagrams.architectures import basic_block


def make_figure(theme="light"):
    return basic_block(theme=theme)[1]
