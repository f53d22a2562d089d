"""A conv layer drawn from a numpy_nn conv2d_forward run: input channels, filters and output maps."""

from syllabus_code.diagrams.grid import conv_layer_figure, conv_layer_spec


def make_figure(theme="light"):
    return conv_layer_figure(conv_layer_spec(), theme=theme)
