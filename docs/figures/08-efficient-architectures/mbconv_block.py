"""EfficientNet-B0's MBConv block with squeeze-and-excitation.

Drawn from the package's own model by syllabus_code.diagrams.architectures.mbconv."""

from syllabus_code.diagrams.architectures import mbconv


def make_figure(theme="light"):
    return mbconv(theme=theme)[1]
