"""Which axes batch norm averages over, read from numpy_nn.batchnorm's forward pass on a dense and a conv batch."""

from syllabus_code.diagrams.training import batchnorm_axes_figure, batchnorm_axes_spec


def make_figure(theme="light"):
    return batchnorm_axes_figure(batchnorm_axes_spec(), theme=theme)
