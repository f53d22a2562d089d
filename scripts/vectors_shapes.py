"""The architecture playground's test vectors (``tests/vectors/shapes.json``): each case's
expected value, or its error class, computed by ``syllabus_code.shapes``. Written by
``make_vectors.py`` beside this file.
"""

from __future__ import annotations

from syllabus_code import shapes

# ---- architecture playground: syllabus_code.shapes -------------------------------------------

# (function, keyword args, note); the expected value or the error class comes from shapes.
SHAPE_CASES = [
    ("conv_output_size", {"n": 5, "k": 3}, "the outline's 5x5 worked example"),
    ("conv_output_size", {"n": 32, "k": 5}, "LeNet C1 on 32x32"),
    ("conv_output_size", {"n": 28, "k": 5, "p": 2}, "same padding"),
    (
        "conv_output_size",
        {"n": 224, "k": 11, "s": 4},
        "AlexNet conv1 at 224: (224-11)/4 = 53.25, floor",
    ),
    ("conv_output_size", {"n": 227, "k": 11, "s": 4}, "AlexNet conv1 at 227: exact"),
    (
        "conv_output_size",
        {"n": 224, "k": 11, "s": 4, "p": 2},
        "torchvision AlexNet: 224 with padding 2",
    ),
    ("conv_output_size", {"n": 224, "k": 7, "s": 2, "p": 3}, "ResNet stem"),
    ("conv_output_size", {"n": 7, "k": 3, "s": 2}, None),
    ("conv_output_size", {"n": 8, "k": 3, "s": 2, "p": 1}, None),
    ("conv_output_size", {"n": 1, "k": 3, "p": 1}, None),
    ("conv_output_size", {"n": 3, "k": 5}, None),
    ("conv_output_size", {"n": 5, "k": 3, "s": 0}, None),
    ("conv_output_size", {"n": 5, "k": 3, "p": -1}, None),
    ("conv_output_size", {"n": 0, "k": 1}, None),
    ("pool_output_size", {"n": 28, "k": 2}, None),
    ("pool_output_size", {"n": 55, "k": 3, "s": 2}, "AlexNet overlapping pooling"),
    ("pool_output_size", {"n": 13, "k": 3, "s": 2}, None),
    ("pool_output_size", {"n": 7, "k": 2}, None),
    ("pool_output_size", {"n": 1, "k": 2}, None),
    *[("same_padding", {"k": k}, None) for k in (1, 3, 5, 7, 4)],
    ("conv_params", {"k_h": 5, "k_w": 5, "c_in": 1, "c_out": 6}, "LeNet C1"),
    ("conv_params", {"k_h": 3, "k_w": 3, "c_in": 64, "c_out": 64}, None),
    ("conv_params", {"k_h": 11, "k_w": 11, "c_in": 3, "c_out": 96}, "AlexNet conv1"),
    ("conv_params", {"k_h": 3, "k_w": 3, "c_in": 3, "c_out": 64, "bias": False}, None),
    ("conv_params", {"k_h": 1, "k_w": 1, "c_in": 256, "c_out": 64}, None),
    ("conv_params", {"k_h": 0, "k_w": 3, "c_in": 3, "c_out": 1}, None),
    ("dense_params", {"n_in": 150528, "n_out": 1000}, "224x224x3 into 1,000 units"),
    ("dense_params", {"n_in": 150528, "n_out": 1000, "bias": False}, None),
    ("dense_params", {"n_in": 784, "n_out": 10}, None),
    *[
        ("stacked_kernel_params", {"channels": c, "k": k, "layers": n}, None)
        for c, k, n in [
            (1, 3, 2),
            (1, 5, 1),
            (1, 3, 3),
            (1, 7, 1),
            (64, 3, 3),
            (64, 7, 1),
        ]
    ],
    ("receptive_field", {"layers": [{"k": 3}, {"k": 3}]}, None),
    ("receptive_field", {"layers": [{"k": 3}, {"k": 3}, {"k": 3}]}, None),
    (
        "receptive_field",
        {
            "layers": [
                {"k": 3, "s": 1},
                {"k": 3, "s": 2},
                {"k": 2, "s": 2},
                {"k": 3, "s": 1},
            ]
        },
        None,
    ),
    (
        "receptive_field",
        {
            "layers": [
                {"k": 11, "s": 4},
                {"k": 3, "s": 2},
                {"k": 5, "s": 1},
                {"k": 3, "s": 2},
                {"k": 3},
                {"k": 3},
                {"k": 3},
                {"k": 3, "s": 2},
            ]
        },
        "AlexNet features",
    ),
    (
        "receptive_field",
        {
            "layers": [
                {"type": "conv", "k": 5},
                {"type": "pool", "k": 2},
                {"type": "conv", "k": 5},
                {"type": "pool", "k": 2},
            ]
        },
        "LeNet-5 features: a pool's stride defaults to its kernel size, as in stack_shapes",
    ),
    (
        "receptive_field",
        {"layers": [{"type": "pool", "k": 3, "s": 1}, {"k": 3}]},
        "an explicit stride wins; a layer without a type has stride 1",
    ),
    ("receptive_field", {"layers": [{"k": 0}]}, None),
    ("receptive_field", {"layers": [{"k": 3, "s": 0}]}, None),
    (
        "stack_shapes",
        {
            "input_shape": [1, 32, 32],
            "layers": [
                {"type": "conv", "k": 5, "c_out": 6},
                {"type": "pool", "k": 2},
                {"type": "conv", "k": 5, "c_out": 16},
                {"type": "pool", "k": 2},
            ],
        },
        "LeNet-5 feature extractor",
    ),
    (
        "stack_shapes",
        {
            "input_shape": [3, 224, 224],
            "layers": [
                {"type": "conv", "k": 11, "s": 4, "p": 2, "c_out": 64},
                {"type": "pool", "k": 3, "s": 2},
            ],
        },
        None,
    ),
    (
        "stack_shapes",
        {"input_shape": [3, 8, 8], "layers": [{"type": "dense", "k": 1}]},
        None,
    ),
    (
        "stack_shapes",
        {"input_shape": [3, 4, 4], "layers": [{"type": "conv", "k": 5, "c_out": 2}]},
        None,
    ),
]


def shape_vectors() -> dict:
    out: dict = {
        "_about": "Test vectors for syllabus_code/shapes.py (and any widget re-implementing it). "
        "Each case: function name, keyword args, and either expected or error."
    }
    for fn, args, note in SHAPE_CASES:
        case: dict = {"args": args}
        try:
            case["expected"] = getattr(shapes, fn)(**args)
        except (ValueError, TypeError) as e:
            case["error"] = type(e).__name__
        if note:
            case["note"] = note
        out.setdefault(fn, []).append(case)
    return out
