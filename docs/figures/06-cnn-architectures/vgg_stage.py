"""Stage 3 of VGG-16: three 3×3 convolutions and a max pool.

Drawn from the package's own model by syllabus_code.diagrams.architectures.vgg_stage."""

from syllabus_code.diagrams.architectures import vgg_stage


def make_figure(theme="light"):
    return vgg_stage(theme=theme)[1]
