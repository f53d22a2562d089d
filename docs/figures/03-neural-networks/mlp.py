"""An MLP 3-4-2 built as numpy_nn.MLP, with its weights W^(l) (out x in) and biases b^(l)."""

from syllabus_code.diagrams.network import mlp_figure, mlp_spec


def make_figure(theme="light"):
    return mlp_figure(mlp_spec(), theme=theme)
