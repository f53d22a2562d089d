"""The full CNN of numpy_nn.conv_net, with the shape after every stage from one forward pass."""

from syllabus_code.diagrams.cnn import full_cnn_figure, full_cnn_spec


def make_figure(theme="light"):
    return full_cnn_figure(full_cnn_spec(), theme=theme)
