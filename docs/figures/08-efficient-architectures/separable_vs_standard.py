"""A depthwise separable convolution beside a standard one, with the cost of each.

Drawn from the package's own model by syllabus_code.diagrams.architectures.separable_vs_standard."""

from syllabus_code.diagrams.architectures import separable_vs_standard


def make_figure(theme="light"):
    return separable_vs_standard(theme=theme)[1]
