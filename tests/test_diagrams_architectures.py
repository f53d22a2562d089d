"""The Module 6 and 8 diagrams draw the numbers of the objects they show.

For each diagram: the numbers in its spec equal the model's own (read here from a freshly built
model, shapes from a forward pass on the CPU or from the shape rules of ``syllabus_code.shapes``),
and the figure's text contains every label of the spec.
"""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from diagram_helpers import (  # noqa: E402
    DIAGRAMS,
    assert_alt_states_numbers,
    assert_spec_drawn,
    made,
    shape_text,
)

from syllabus_code.diagrams import architectures  # noqa: E402
from syllabus_code.diagrams.blocks import figure_texts  # noqa: E402


@pytest.mark.parametrize("name", DIAGRAMS)
def test_every_label_of_the_spec_is_on_the_figure(name):
    assert_spec_drawn(name, *made(name))


# Each figure is on its page, and its alt text states the shapes in and out that the figure draws.


PAGES = {  # diagram: (page, figure script, strings of the spec the alt text must state)
    "basic_block": (
        "06-cnn-architectures/resnet.md",
        "basic_block",
        lambda n: [shape_text(n["in"]), shape_text(n["out"])],
    ),
    "bottleneck_block": (
        "06-cnn-architectures/resnet.md",
        "bottleneck_block",
        lambda n: [shape_text(n["in"]), shape_text(n["out"])],
    ),
    "inception_module": (
        "06-cnn-architectures/googlenet.md",
        "inception_module",
        lambda n: [
            shape_text(n["in"]),
            shape_text(n["out"]),
            " + ".join(map(str, n["branch_channels"])),
        ],
    ),
    "lenet": (
        "06-cnn-architectures/lenet.md",
        "lenet_diagram",
        lambda n: [shape_text(n["in"])] + [shape_text(r[-1]) for r in n["layers"]],
    ),
    "alexnet": (
        "06-cnn-architectures/alexnet.md",
        "alexnet_diagram",
        lambda n: (
            [shape_text(n["in"])]
            + [shape_text(r[-1]) for r in n["layers"] if r[0] != "linear"]
        ),
    ),
    "vgg_stage": (
        "06-cnn-architectures/vgg.md",
        "vgg_stage",
        lambda n: [shape_text(n["in"]), shape_text(n["out"])],
    ),
    "dense_block": (
        "06-cnn-architectures/densenet.md",
        "dense_block",
        lambda n: [
            shape_text(n["in"]),
            shape_text(n["block_out"]),
            shape_text(n["transition"][2]),
        ],
    ),
    "separable_vs_standard": (
        "08-efficient-architectures/depthwise-separable.md",
        "separable_vs_standard",
        lambda n: [
            shape_text(n["in"]),
            shape_text(n["pw_out"]),
            f"{n['cost']['standard'][0]:,}",
            f"{n['separable'][0]:,}",
            f"{n['ratio']:.3f}",
        ],
    ),
    "mbconv": (
        "08-efficient-architectures/efficientnet.md",
        "mbconv_block",
        lambda n: [
            shape_text(n["in"]),
            shape_text(n["shapes"]["expand"]),
            shape_text(n["shapes"]["pool"]),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_page_shows_the_figure_and_its_alt_text_states_its_numbers(name):
    page, svg, required = PAGES[name]
    assert_alt_states_numbers(name, page, svg, required, made(name)[0])


def test_both_themes_draw_one_spec_with_the_same_texts():
    light_spec, light = architectures.vgg_stage()
    dark_spec, dark = architectures.vgg_stage(theme="dark")
    assert dark_spec is light_spec  # built once, drawn twice
    assert figure_texts(dark) == figure_texts(light)
    assert architectures.vgg_stage(stage=2)[0].numbers["out"] == (128, 56, 56)
