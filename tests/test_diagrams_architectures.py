"""The Module 6 and 8 diagrams draw the numbers of the objects they show.

For each diagram: the numbers in its spec equal the model's own (read here from a freshly built
model, shapes from a forward pass on the CPU or from the shape rules of ``syllabus_code.shapes``),
and the figure's text contains every label of the spec.
"""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

from diagram_helpers import DIAGRAMS, made  # noqa: E402

from syllabus_code.diagrams import architectures  # noqa: E402
from syllabus_code.diagrams.blocks import figure_texts, flow_texts  # noqa: E402


@pytest.mark.parametrize("name", DIAGRAMS)
def test_every_label_of_the_spec_is_on_the_figure(name):
    spec, fig = made(name)
    for flow in spec.flows:
        missing = [t for t in flow_texts(flow) if t not in figure_texts(fig)]
        assert not missing, f"{name}: not drawn: {missing}"
    sizes = [t.get_fontsize() for t in fig.axes[0].texts]
    assert min(sizes) >= 9  # with the width limit: >= ~9 px when scaled to a phone
    assert fig.get_size_inches()[0] <= 7  # readable when scaled to a phone's width


# Each figure is on its page, and its alt text states the shapes in and out that the figure draws.
def _alt(page: str, svg: str) -> str:
    import re
    from pathlib import Path

    text = (Path(__file__).parents[1] / "docs" / page).read_text(encoding="utf-8")
    (alt,) = re.findall(rf"!\[([^\]]*)\]\(figures/{svg}\.svg\)", text)
    return alt


def _shape(s) -> str:
    return "×".join(map(str, s))


PAGES = {  # diagram: (page, figure script, strings of the spec the alt text must state)
    "basic_block": (
        "06-cnn-architectures/resnet.md",
        "basic_block",
        lambda n: [_shape(n["in"]), _shape(n["out"])],
    ),
    "bottleneck_block": (
        "06-cnn-architectures/resnet.md",
        "bottleneck_block",
        lambda n: [_shape(n["in"]), _shape(n["out"])],
    ),
    "inception_module": (
        "06-cnn-architectures/googlenet.md",
        "inception_module",
        lambda n: [
            _shape(n["in"]),
            _shape(n["out"]),
            " + ".join(map(str, n["branch_channels"])),
        ],
    ),
    "lenet": (
        "06-cnn-architectures/lenet.md",
        "lenet_diagram",
        lambda n: [_shape(n["in"])] + [_shape(r[-1]) for r in n["layers"]],
    ),
    "alexnet": (
        "06-cnn-architectures/alexnet.md",
        "alexnet_diagram",
        lambda n: (
            [_shape(n["in"])] + [_shape(r[-1]) for r in n["layers"] if r[0] != "linear"]
        ),
    ),
    "vgg_stage": (
        "06-cnn-architectures/vgg.md",
        "vgg_stage",
        lambda n: [_shape(n["in"]), _shape(n["out"])],
    ),
    "dense_block": (
        "06-cnn-architectures/densenet.md",
        "dense_block",
        lambda n: [_shape(n["in"]), _shape(n["block_out"]), _shape(n["transition"][2])],
    ),
    "separable_vs_standard": (
        "08-efficient-architectures/depthwise-separable.md",
        "separable_vs_standard",
        lambda n: [
            _shape(n["in"]),
            _shape(n["pw_out"]),
            f"{n['cost']['standard'][0]:,}",
            f"{n['separable'][0]:,}",
            f"{n['ratio']:.3f}",
        ],
    ),
    "mbconv": (
        "08-efficient-architectures/efficientnet.md",
        "mbconv_block",
        lambda n: [
            _shape(n["in"]),
            _shape(n["shapes"]["expand"]),
            _shape(n["shapes"]["pool"]),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_page_shows_the_figure_and_its_alt_text_states_its_numbers(name):
    from pathlib import Path

    page, svg, required = PAGES[name]
    script = (
        Path(__file__).parents[1]
        / "docs"
        / "figures"
        / page.split("/")[0]
        / f"{svg}.py"
    )
    assert f"import {name}\n" in script.read_text(encoding="utf-8")
    alt = _alt(page, svg)
    spec, _ = made(name)
    missing = [s for s in required(spec.numbers) if s not in alt]
    assert not missing, f"{page}: the alt text of {svg}.svg does not state {missing}"


def test_both_themes_draw_one_spec_with_the_same_texts():
    light_spec, light = architectures.vgg_stage()
    dark_spec, dark = architectures.vgg_stage(theme="dark")
    assert dark_spec is light_spec  # built once, drawn twice
    assert figure_texts(dark) == figure_texts(light)
    assert architectures.vgg_stage(stage=2)[0].numbers["out"] == (128, 56, 56)
