"""Diagrams of Module 5 drawn on grids of cells: a conv layer, stride and padding, the
receptive field of a stack, and max and average pooling.

Each ``*_spec`` function builds the package object the picture shows (a conv layer run with
:func:`~syllabus_code.numpy_nn.conv.conv2d_forward`, the output-size and receptive-field rules of
:mod:`syllabus_code.shapes`, the pooling layers of :mod:`syllabus_code.numpy_nn.pooling`) and
returns the numbers drawn; each ``*_figure`` draws only from that spec.

One module per figure: :mod:`.conv_layer`, :mod:`.stride_padding`, :mod:`.receptive_field`,
:mod:`.pooling`.
"""

from .conv_layer import ConvLayerSpec, conv_layer_figure, conv_layer_spec
from .pooling import PoolingSpec, pooling_figure, pooling_spec
from .receptive_field import (
    RF_STACK,
    ReceptiveFieldSpec,
    receptive_field_figure,
    receptive_field_spec,
)
from .stride_padding import PaddingCase, stride_padding_figure, stride_padding_spec

__all__ = [
    "ConvLayerSpec",
    "conv_layer_spec",
    "conv_layer_figure",
    "PaddingCase",
    "stride_padding_spec",
    "stride_padding_figure",
    "ReceptiveFieldSpec",
    "receptive_field_spec",
    "receptive_field_figure",
    "PoolingSpec",
    "pooling_spec",
    "pooling_figure",
    "RF_STACK",
]
