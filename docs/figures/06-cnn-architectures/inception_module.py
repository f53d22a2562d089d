"""GoogLeNet's inception3a: four branches and their channel counts.

Drawn from the package's own model by syllabus_code.diagrams.architectures.inception_module."""

from syllabus_code.diagrams.architectures import inception_module


def make_figure(theme="light"):
    return inception_module(theme=theme)[1]
