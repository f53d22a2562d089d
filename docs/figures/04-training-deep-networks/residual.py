"""A residual block y = x + F(x) and the gradient along its identity path, from numpy_nn dense layers' backward passes."""

from syllabus_code.diagrams.training import residual_figure, residual_spec


def make_figure(theme="light"):
    return residual_figure(residual_spec(), theme=theme)
