"""The diagrams' colour legend: the five roles of syllabus_code.diagrams.palette."""

from syllabus_code.diagrams.legend import legend_figure, legend_spec


def make_figure(theme="light"):
    return legend_figure(legend_spec(theme), theme=theme)
