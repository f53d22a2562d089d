"""LeNet-5, layer by layer, with the shape after each stage.

Drawn from the package's own model by syllabus_code.diagrams.architectures.lenet."""

from syllabus_code.diagrams.architectures import lenet


def make_figure(theme="light"):
    return lenet(theme=theme)[1]
