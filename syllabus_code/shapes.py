"""Shape arithmetic for convolutional networks: output sizes, parameter counts, receptive fields.

Every function here is pure and takes plain numbers, tuples or lists of dicts, so the same rules
can be re-implemented in a browser widget and checked against the same test vectors
(``tests/vectors/shapes.json``).

Conventions: sizes are integers; a layer in a stack is a dict such as
``{"type": "conv", "k": 3, "s": 1, "p": 1, "c_out": 64}`` or ``{"type": "pool", "k": 2, "s": 2}``.
Bad input raises ``ValueError`` (or ``TypeError`` for a non-integer) naming the numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from syllabus_code._checks import check_int

__all__ = [
    "conv_output_size",
    "pool_output_size",
    "same_padding",
    "conv2d_output_shape",
    "conv_params",
    "dense_params",
    "stacked_kernel_params",
    "layer_stride",
    "receptive_field",
    "stack_shapes",
]


def _int(value, name: str) -> int:
    # NumPy integers too, but not floats: 2.5 channels is a bug
    return check_int(value, name)


def _positive(value, name: str) -> int:
    return check_int(value, name, min=1)


def _non_negative(value, name: str) -> int:
    return check_int(value, name, min=0)


def _check_layers(layers) -> list[dict]:
    """The layer list of ``receptive_field`` / ``stack_shapes``: an iterable of dicts."""
    if isinstance(layers, (str, bytes, dict)):
        raise TypeError(
            f"layers must be a list of dicts such as {{'k': 3, 's': 1}}, got {type(layers).__name__}"
        )
    try:
        layers = list(layers)
    except TypeError:
        raise TypeError(
            f"layers must be a list of dicts such as {{'k': 3, 's': 1}}, "
            f"got {type(layers).__name__}"
        ) from None
    for i, layer in enumerate(layers):
        if not isinstance(layer, dict):
            raise TypeError(
                f"layers[{i}] must be a dict such as {{'k': 3, 's': 1}}, got {layer!r}"
            )
    return layers


# --8<-- [start:conv_output_size]
def conv_output_size(n: int, k: int, s: int = 1, p: int = 0) -> int:
    """Output length of a convolution along one axis: floor((n - k + 2p) / s) + 1.

    ``n`` input size, ``k`` kernel size, ``s`` stride, ``p`` zero padding on *each* side.
    When ``(n - k + 2p)`` is not a multiple of ``s`` the last partial step is dropped (floor),
    which is what PyTorch, TensorFlow ("VALID") and NumPy-style loops all do.
    """
    n, k = _positive(n, "n (input size)"), _positive(k, "k (kernel size)")
    s, p = _positive(s, "s (stride)"), _non_negative(p, "p (padding)")
    if k > n + 2 * p:
        raise ValueError(
            f"kernel size k={k} is larger than the padded input n + 2p = {n} + 2*{p} = {n + 2 * p}"
        )
    return (n - k + 2 * p) // s + 1


# --8<-- [end:conv_output_size]


def pool_output_size(n: int, k: int, s: int | None = None) -> int:
    """Output length of a pooling window (no padding, floor); the stride defaults to ``k``."""
    return conv_output_size(n, k, k if s is None else s, 0)


def same_padding(k: int) -> int:
    """Padding p = (k - 1) / 2 that keeps the size unchanged at stride 1 (odd ``k`` only)."""
    k = _positive(k, "k (kernel size)")
    if k % 2 == 0:
        raise ValueError(
            f"'same' padding (k - 1)/2 needs an odd kernel size, got k={k}"
        )
    return (k - 1) // 2


def conv2d_output_shape(
    x_shape: Sequence[int], w_shape: Sequence[int], stride: int = 1, padding: int = 0
) -> tuple[int, int, int, int]:
    """Output shape (N, F, H_out, W_out) of a 2-D convolution of x (N, C, H, W) by w (F, C, kh, kw).

    Checks everything a convolution needs: both shapes 4-D, matching channels, stride >= 1,
    padding >= 0 and a kernel that fits inside the padded input.
    """
    x_shape, w_shape = tuple(x_shape), tuple(w_shape)
    if len(x_shape) != 4:
        raise ValueError(
            f"x must be 4-D (N, C, H, W), got {len(x_shape)}-D shape {x_shape}"
        )
    if len(w_shape) != 4:
        raise ValueError(
            f"w must be 4-D (F, C, kh, kw), got {len(w_shape)}-D shape {w_shape}"
        )
    stride = _int(stride, "stride")
    padding = _int(padding, "padding")
    if stride <= 0:
        raise ValueError(f"stride must be >= 1, got {stride}")
    if padding < 0:
        raise ValueError(f"padding must be >= 0, got {padding}")
    n, c, h, w = x_shape
    f, c_w, kh, kw = w_shape
    if c != c_w:
        raise ValueError(
            f"channel mismatch: x has C={c} channels but w expects C={c_w}"
        )
    if kh > h + 2 * padding or kw > w + 2 * padding:
        raise ValueError(
            f"kernel {kh}x{kw} is larger than the padded input "
            f"{h + 2 * padding}x{w + 2 * padding} (input {h}x{w}, padding {padding})"
        )
    return (
        n,
        f,
        conv_output_size(h, kh, stride, padding),
        conv_output_size(w, kw, stride, padding),
    )


# --8<-- [start:params]
def conv_params(k_h: int, k_w: int, c_in: int, c_out: int, bias: bool = True) -> int:
    """Learnable parameters of a conv layer: (k_h * k_w * c_in + 1) * c_out (the +1 is the bias)."""
    k_h, k_w = _positive(k_h, "k_h"), _positive(k_w, "k_w")
    c_in, c_out = _positive(c_in, "c_in"), _positive(c_out, "c_out")
    return (k_h * k_w * c_in + (1 if bias else 0)) * c_out


def dense_params(n_in: int, n_out: int, bias: bool = True) -> int:
    """Learnable parameters of a fully connected layer: n_in * n_out weights (+ n_out biases)."""
    n_in, n_out = _positive(n_in, "n_in"), _positive(n_out, "n_out")
    return n_in * n_out + (n_out if bias else 0)


def stacked_kernel_params(channels: int, k: int = 3, layers: int = 1) -> int:
    """Weights (no biases) of ``layers`` stacked k x k convs mapping C channels to C channels.

    Two 3x3 layers: 2 * 9 C^2 = 18 C^2 versus 25 C^2 for one 5x5 (same receptive field 5);
    three 3x3 layers: 27 C^2 versus 49 C^2 for one 7x7 (same receptive field 7).
    """
    c = _positive(channels, "channels")
    return _positive(layers, "layers") * conv_params(k, k, c, c, bias=False)


# --8<-- [end:params]


# --8<-- [start:receptive_field]
def layer_stride(layer: dict, i: int = 0) -> int:
    """A layer's stride: its ``s``; else the kernel size for a pool (the default of PyTorch's
    pooling layers) and 1 for anything else."""
    default = layer.get("k") if layer.get("type") == "pool" else 1
    return _positive(layer.get("s", default), f"layers[{i}]['s']")


def receptive_field(layers: Iterable[dict]) -> list[int]:
    """Receptive field after each layer, by RF_l = RF_{l-1} + (k_l - 1) * prod_{i<l} s_i, RF_0 = 1.

    ``layers`` is a list of dicts with keys ``k`` (kernel size) and optionally ``s`` (stride) and
    ``type``; the stride defaults as in :func:`layer_stride` (1, or ``k`` for ``"type": "pool"``).
    Padding does not change the receptive field's size, only where it sits.
    """
    rf, jump, out = 1, 1, []
    for i, layer in enumerate(_check_layers(layers)):
        k = _positive(layer.get("k"), f"layers[{i}]['k']")
        s = layer_stride(layer, i)
        rf += (k - 1) * jump  # each kernel tap is `jump` input pixels apart
        jump *= s  # product of the strides so far
        out.append(rf)
    return out


# --8<-- [end:receptive_field]


def stack_shapes(input_shape: Sequence[int], layers: Iterable[dict]) -> list[dict]:
    """Walk a stack of conv/pool layers from ``input_shape`` (C, H, W).

    Returns one dict per layer: ``shape`` (C, H, W) after the layer, ``params`` and ``rf``
    (receptive field). Conv layers need ``k`` and ``c_out``; ``s`` defaults to 1, ``p`` to 0.
    Pool layers need ``k``; ``s`` defaults to ``k``.
    """
    if len(tuple(input_shape)) != 3:
        raise ValueError(f"input_shape must be (C, H, W), got {tuple(input_shape)}")
    c, h, w = (_positive(v, name) for v, name in zip(input_shape, ("C", "H", "W")))
    rf, jump, out = 1, 1, []
    for i, layer in enumerate(_check_layers(layers)):
        kind = layer.get("type")
        k = _positive(layer.get("k"), f"layers[{i}]['k']")
        if kind == "conv":
            s, p = layer_stride(layer, i), layer.get("p", 0)
            c_out = _positive(layer.get("c_out"), f"layers[{i}]['c_out']")
            params = conv_params(k, k, c, c_out)
            h, w, c = conv_output_size(h, k, s, p), conv_output_size(w, k, s, p), c_out
        elif kind == "pool":
            s = layer_stride(layer, i)  # the kernel size unless given
            params = 0
            h, w = pool_output_size(h, k, s), pool_output_size(w, k, s)
        else:
            raise ValueError(
                f"layers[{i}]['type'] must be 'conv' or 'pool', got {kind!r}"
            )
        rf += (k - 1) * jump
        jump *= s
        out.append({"shape": [c, h, w], "params": params, "rf": rf})
    return out
