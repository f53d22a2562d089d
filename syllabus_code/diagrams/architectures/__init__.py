"""Block diagrams of the landmark CNNs (Module 6) and the efficient blocks (Module 8).

Each function builds the package's own model or layer, reads its numbers (channel counts, kernel
sizes and strides from the layer objects, shapes from a forward pass) into a
:class:`~syllabus_code.diagrams.blocks.Flow`, and draws the figure from that flow only. Large
models are built on PyTorch's ``meta`` device: no memory, no initialisation cost, and a forward
pass that computes every shape without computing any number. Shapes are written per image,
channels × height × width, without the batch axis.

One module per family: :mod:`.resnet`, :mod:`.inception`, :mod:`.stacks` (LeNet, AlexNet, VGG),
:mod:`.densenet` and :mod:`.efficient` (Module 8); :mod:`.common` holds what they share.
"""

from .common import Diagram, conv_label, diagram, shape_text, trace
from .densenet import dense_block
from .efficient import mbconv, separable_vs_standard
from .inception import inception_module
from .resnet import basic_block, basic_block_identity, bottleneck_block
from .stacks import alexnet, lenet, vgg_stage

__all__ = [
    "Diagram",
    "alexnet",
    "basic_block",
    "basic_block_identity",
    "bottleneck_block",
    "conv_label",
    "dense_block",
    "diagram",
    "inception_module",
    "lenet",
    "mbconv",
    "separable_vs_standard",
    "shape_text",
    "trace",
    "vgg_stage",
]
