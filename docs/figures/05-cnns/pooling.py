"""Max and average pooling of a 4x4 input, values from numpy_nn.pooling."""

from syllabus_code.diagrams.grid import pooling_figure, pooling_spec


def make_figure(theme="light"):
    return pooling_figure(pooling_spec(), theme=theme)
