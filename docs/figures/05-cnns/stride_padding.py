"""Stride and padding on a grid, sizes from syllabus_code.shapes.conv_output_size (the last case shows the floor)."""

from syllabus_code.diagrams.grid import stride_padding_figure, stride_padding_spec


def make_figure(theme="light"):
    return stride_padding_figure(stride_padding_spec(), theme=theme)
