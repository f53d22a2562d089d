"""Receptive-field growth through the receptive-field page's stack, from syllabus_code.shapes.receptive_field."""

from syllabus_code.diagrams.grid import receptive_field_figure, receptive_field_spec


def make_figure(theme="light"):
    return receptive_field_figure(receptive_field_spec(), theme=theme)
