"""ResNet-50's Bottleneck block with a projection shortcut.

Drawn from the package's own model by syllabus_code.diagrams.architectures.bottleneck_block."""

from syllabus_code.diagrams.architectures import bottleneck_block


def make_figure(theme="light"):
    return bottleneck_block(theme=theme)[1]
