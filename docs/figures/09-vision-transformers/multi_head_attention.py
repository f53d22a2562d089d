"""Multi-head attention: project, split, attend, concatenate, project.

Drawn from the package's own model by syllabus_code.diagrams.attention.multi_head."""

from syllabus_code.diagrams.attention import multi_head


def make_figure(theme="light"):
    return multi_head(theme=theme)[1]
