"""A dropout-thinned network (masks drawn by numpy_nn.dropout.dropout_forward) beside the full one used at test time."""

from syllabus_code.diagrams.network import dropout_figure, dropout_spec


def make_figure(theme="light"):
    return dropout_figure(dropout_spec(), theme=theme)
