"""torchvision's single-column AlexNet with the shape after each layer.

Drawn from the package's own model by syllabus_code.diagrams.architectures.alexnet."""

from syllabus_code.diagrams.architectures import alexnet


def make_figure(theme="light"):
    return alexnet(theme=theme)[1]
