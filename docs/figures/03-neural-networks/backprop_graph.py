"""Computational graph of a one-neuron loss with the chain-rule product along the path from w to L, numbers from MLP.loss_and_grads."""

from syllabus_code.diagrams.graph import graph_figure, graph_spec


def make_figure(theme="light"):
    return graph_figure(graph_spec(), theme=theme)
