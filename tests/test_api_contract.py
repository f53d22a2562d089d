"""The package's promise, tested with generated input: every public function either returns a
finite, correct result or raises ``ValueError``/``TypeError`` naming the argument at fault, and
it does so quickly (no hangs).

For each function Hypothesis draws valid arguments, and then (in most examples) replaces one of
them with a hostile value: NaN, inf, complex numbers, object or string arrays, ragged lists,
booleans, huge integers, wrong ranks. A result is checked against a reference where one is cheap.
Examples are derandomised, so CI runs the same cases on every machine; ``CONTRACT_EXAMPLES``
raises their number (``CONTRACT_EXAMPLES=400 pytest -s tests/test_api_contract.py`` prints the
counts the issue note quotes).
"""

from __future__ import annotations

import math
import os
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from syllabus_code import augment, shapes
from syllabus_code.maths import information, linalg, optimize, probability
from syllabus_code.ml import metrics, perceptron
from syllabus_code.numpy_nn import (
    activations,
    batchnorm,
    conv,
    dense,
    dropout,
    init,
    losses,
    optimizers,
    pooling,
)

EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES", "40"))
TIME_LIMIT_S = 2.0  # per call; the slowest valid call here takes milliseconds
STATS: Counter = Counter()

HOSTILE = st.sampled_from(
    [
        None,
        "abc",
        True,
        float("nan"),
        float("inf"),
        -float("inf"),
        -1,
        0,
        2.5,
        10**30,
        1e308,
        -1e308,
        1 + 2j,
        [],
        [[1.0, 2.0], [3.0]],
        np.array([1 + 1j, 2]),
        np.array([None, 1.0], dtype=object),
        np.array([np.nan, 1.0]),
        np.array([np.inf]),
        np.ones((2, 2, 2)),
        np.array(["a", "b"]),
        np.float32("nan"),
    ]
)


def floats(lo: float = -1e3, hi: float = 1e3):
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


def vectors(n: int, lo: float = -1e3, hi: float = 1e3):
    return hnp.arrays(np.float64, n, elements=floats(lo, hi))


def arrays(shape, lo: float = -1e3, hi: float = 1e3):
    return hnp.arrays(np.float64, shape, elements=floats(lo, hi))


def distributions(k: int):
    return hnp.arrays(np.float64, k, elements=floats(0.01, 1.0)).map(
        lambda a: a / a.sum()
    )


@dataclass
class Case:
    name: str
    fn: Callable
    valid: st.SearchStrategy  # -> dict of valid keyword arguments
    check: Callable | None = None  # (kwargs, result) -> None, for a valid call
    fixed: tuple = ()  # arguments never replaced (callbacks, caches)
    finite: bool = True  # False where a non-finite result is the documented answer


@st.composite
def _pair_of_vectors(draw, lo=-1e3, hi=1e3, nonzero=False):
    n = draw(st.integers(1, 6))
    x, y = draw(vectors(n, lo, hi)), draw(vectors(n, lo, hi))
    if nonzero:
        x[0], y[0] = max(abs(x[0]), 1.0), max(abs(y[0]), 1.0)
    return {"x": x, "y": y}


@st.composite
def _matmul(draw):
    m, k, n = (draw(st.integers(1, 4)) for _ in range(3))
    return {"A": draw(arrays((m, k))), "B": draw(arrays((k, n)))}


@st.composite
def _affine(draw):
    m, n = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    return {"W": draw(arrays((m, n))), "x": draw(vectors(n)), "b": draw(vectors(m))}


@st.composite
def _entropy(draw):
    return {
        "p": draw(distributions(draw(st.integers(1, 6)))),
        "base": draw(st.sampled_from([None, 2, 10, math.e, 0.5])),
    }


@st.composite
def _kl(draw):
    k = draw(st.integers(1, 6))
    return {"p": draw(distributions(k)), "q": draw(distributions(k))}


@st.composite
def _gaussian(draw):
    return {
        "x": draw(vectors(draw(st.integers(1, 5)))),
        "mu": draw(floats()),
        "sigma": draw(floats(1e-100, 1e3)),
    }


@st.composite
def _gd(draw):
    return {
        "x0": draw(vectors(draw(st.integers(1, 3)))),
        "lr": draw(floats(1e-3, 0.5)),
        "steps": draw(st.integers(0, 30)),
    }


@st.composite
def _labels(draw):
    n = draw(st.integers(2, 12))
    yt = draw(hnp.arrays(np.int64, n, elements=st.integers(0, 2)))
    yp = draw(hnp.arrays(np.int64, n, elements=st.integers(0, 2)))
    yt[:2], yp[:2] = (0, 1), (1, 0)  # both classes 0 and 1 occur
    return {"y_true": yt, "y_pred": yp}


@st.composite
def _separable(draw):
    w = draw(
        st.tuples(floats(-2, 2), floats(-2, 2)).filter(
            lambda t: abs(t[0]) + abs(t[1]) > 0.5
        )
    )
    return {
        "n": draw(st.integers(1, 40)),
        "rng": np.random.default_rng(draw(st.integers(0, 99))),
        "w": w,
        "b": draw(floats(-0.3, 0.3)),
        "min_margin": draw(floats(0.001, 0.05)),
    }


@st.composite
def _perceptron(draw):
    n = draw(st.integers(2, 20))
    X = draw(arrays((n, 2), -5, 5))
    y = np.where(np.arange(n) % 2 == 0, 1.0, -1.0)
    return {
        "X": X,
        "y": y,
        "lr": draw(floats(0.01, 2)),
        "max_epochs": draw(st.integers(1, 10)),
    }


@st.composite
def _dense(draw):
    n, d, h = (draw(st.integers(1, 4)) for _ in range(3))
    return {"x": draw(arrays((n, d))), "w": draw(arrays((d, h))), "b": draw(vectors(h))}


@st.composite
def _activation(draw):
    return {
        "z": draw(
            arrays((draw(st.integers(1, 3)), draw(st.integers(1, 4))), -1e300, 1e300)
        ),
        "name": draw(
            st.sampled_from(
                ["relu", "sigmoid", "tanh", "leaky_relu", "elu", "identity", "softmax"]
            )
        ),
    }


@st.composite
def _logits(draw):
    n, c = draw(st.integers(1, 4)), draw(st.integers(2, 5))
    return {
        "logits": draw(arrays((n, c), -1e300, 1e300)),
        "labels": draw(hnp.arrays(np.int64, n, elements=st.integers(0, c - 1))),
    }


@st.composite
def _bce(draw):
    n = draw(st.integers(1, 6))
    return {"p": draw(vectors(n, 0, 1)), "y": draw(vectors(n, 0, 1))}


@st.composite
def _cross_entropy(draw):
    n, c = draw(st.integers(1, 3)), draw(st.integers(2, 4))
    p = np.stack([draw(distributions(c)) for _ in range(n)])
    return {
        "p": p,
        "y": np.eye(c)[draw(hnp.arrays(np.int64, n, elements=st.integers(0, c - 1)))],
    }


@st.composite
def _conv(draw):
    n, c, f = draw(st.integers(1, 2)), draw(st.integers(1, 2)), draw(st.integers(1, 2))
    k, p, s = draw(st.integers(1, 3)), draw(st.integers(0, 1)), draw(st.integers(1, 2))
    size = draw(st.integers(max(1, k - 2 * p), 6))
    return {
        "x": draw(arrays((n, c, size, size))),
        "w": draw(arrays((f, c, k, k))),
        "b": draw(vectors(f)),
        "stride": s,
        "padding": p,
    }


@st.composite
def _pool(draw):
    k = draw(st.integers(1, 3))
    size = draw(st.integers(k, 6))
    return {
        "x": draw(arrays((1, 2, size, size))),
        "k": k,
        "stride": draw(st.sampled_from([None, 1, 2])),
    }


@st.composite
def _batchnorm(draw):
    c = draw(st.integers(1, 3))
    shape = draw(st.sampled_from([(4, c), (2, c, 2, 2)]))
    gamma, beta, state = batchnorm.init_batchnorm(c)
    return {
        "x": draw(arrays(shape)),
        "gamma": gamma,
        "beta": beta,
        "state": state,
        "momentum": draw(floats(0, 1)),
        "eps": draw(floats(1e-8, 1e-2)),
    }


@st.composite
def _dropout(draw):
    return {
        "x": draw(arrays((2, 3))),
        "p": draw(floats(0, 0.9)),
        "rng": np.random.default_rng(draw(st.integers(0, 9))),
    }


@st.composite
def _init(draw):
    return {
        "fan_in": draw(st.integers(1, 6)),
        "fan_out": draw(st.integers(1, 6)),
        "rng": draw(st.integers(0, 9)),
        "dtype": draw(st.sampled_from([np.float32, np.float64])),
    }


@st.composite
def _adam(draw):
    n = draw(st.integers(1, 4))
    return {
        "w": draw(vectors(n)),
        "dw": draw(vectors(n)),
        "lr": draw(floats(1e-5, 1e-1)),
    }


@st.composite
def _clip(draw):
    return {
        "grads": {"w": draw(vectors(draw(st.integers(1, 4)), -1e300, 1e300))},
        "max_norm": draw(floats(1e-3, 1e3)),
    }


@st.composite
def _conv_size(draw):
    k, p, s = draw(st.integers(1, 7)), draw(st.integers(0, 3)), draw(st.integers(1, 4))
    return {"n": draw(st.integers(max(1, k - 2 * p), 300)), "k": k, "s": s, "p": p}


@st.composite
def _receptive(draw):
    layers = [
        {"k": draw(st.integers(1, 7)), "s": draw(st.integers(1, 3))}
        for _ in range(draw(st.integers(1, 5)))
    ]
    return {"layers": layers}


@st.composite
def _cutmix_box(draw):
    h, w = draw(st.integers(1, 32)), draw(st.integers(1, 32))
    return {
        "lam": draw(floats(0, 1)),
        "height": h,
        "width": w,
        "center": (draw(st.integers(0, h - 1)), draw(st.integers(0, w - 1))),
    }


@st.composite
def _mixup(draw):
    n = draw(st.integers(1, 3))
    return {
        "x": torch.rand(n, 1, 4, 4),
        "y": torch.arange(n) % 2,
        "num_classes": 2,
        "lam": draw(floats(0, 1)),
    }


def _close(expected, atol=0.0):
    def check(kwargs, out):
        np.testing.assert_allclose(out, expected(**kwargs), rtol=1e-9, atol=atol)

    return check


def _conv_matches_naive(kwargs, out):
    ref, _ = conv.conv2d_naive_forward(**kwargs)
    np.testing.assert_allclose(out[0], ref, rtol=1e-9, atol=1e-6)


def _box_matches_lambda(kwargs, box):
    x1, y1, x2, y2 = box
    assert 0 <= x1 <= x2 <= kwargs["width"] and 0 <= y1 <= y2 <= kwargs["height"]


def _entropy_reference(kwargs, h):
    p, base = kwargs["p"], kwargs["base"]
    expected = -np.sum(p * np.log(p)) / (1.0 if base is None else math.log(base))
    assert h == pytest.approx(expected, rel=1e-9, abs=1e-12)


def _separable_margin(kwargs, out):
    X, y = out
    u = np.append(np.asarray(kwargs["w"], float), kwargs["b"])
    margins = np.abs(np.c_[X, np.ones(len(X))] @ u) / np.linalg.norm(u)
    assert X.shape == (kwargs["n"], 2) and np.all(
        margins >= kwargs["min_margin"] - 1e-12
    )


CASES = [
    Case(
        "linalg.dot", linalg.dot, _pair_of_vectors(), _close(lambda x, y: x @ y, 1e-6)
    ),
    Case(
        "linalg.cosine_similarity",
        linalg.cosine_similarity,
        _pair_of_vectors(-1e300, 1e300, True),
        lambda kw, c: -1 <= c <= 1,
    ),
    Case(
        "linalg.l2_norm",
        linalg.l2_norm,
        st.builds(lambda x: {"x": x}, vectors(3, -1e300, 1e300)),
        lambda kw, r: np.testing.assert_allclose(r, math.hypot(*kw["x"]), rtol=1e-12),
    ),
    Case("linalg.matmul", linalg.matmul, _matmul(), _close(lambda A, B: A @ B, 1e-6)),
    Case(
        "linalg.affine",
        linalg.affine,
        _affine(),
        _close(lambda W, x, b: W @ x + b, 1e-6),
    ),
    Case("information.entropy", information.entropy, _entropy(), _entropy_reference),
    Case(
        "information.kl_divergence",
        information.kl_divergence,
        _kl(),
        lambda kw, d: d >= -1e-12,
    ),
    Case("probability.gaussian_log_pdf", probability.gaussian_log_pdf, _gaussian()),
    Case(
        "optimize.gradient_descent",
        lambda grad, **kw: optimize.gradient_descent(grad, **kw),
        _gd().map(lambda kw: {**kw, "grad": lambda x: 2 * x}),
        fixed=("grad",),
        finite=False,
    ),  # documented: a diverging run is returned with its inf, not hidden
    Case("metrics.precision", metrics.precision, _labels()),
    Case(
        "metrics.accuracy",
        metrics.accuracy,
        _labels(),
        lambda kw, a: a == pytest.approx(np.mean(kw["y_true"] == kw["y_pred"])),
    ),
    Case(
        "perceptron.separable_data",
        perceptron.separable_data,
        _separable(),
        _separable_margin,
    ),
    Case("perceptron.train_perceptron", perceptron.train_perceptron, _perceptron()),
    Case(
        "dense.dense_forward",
        dense.dense_forward,
        _dense(),
        lambda kw, r: np.testing.assert_allclose(
            r[0], kw["x"] @ kw["w"] + kw["b"], rtol=1e-9, atol=1e-6
        ),
    ),
    Case(
        "activations.activation_forward", activations.activation_forward, _activation()
    ),
    Case("losses.softmax_cross_entropy", losses.softmax_cross_entropy, _logits()),
    Case("losses.bce", losses.bce, _bce()),
    Case("losses.cross_entropy", losses.cross_entropy, _cross_entropy()),
    Case("conv.conv2d_forward", conv.conv2d_forward, _conv(), _conv_matches_naive),
    Case("pooling.max_pool_forward", pooling.max_pool_forward, _pool()),
    Case("pooling.avg_pool_forward", pooling.avg_pool_forward, _pool()),
    Case(
        "batchnorm.batchnorm_forward",
        batchnorm.batchnorm_forward,
        _batchnorm(),
        fixed=("state",),
    ),
    Case("dropout.dropout_forward", dropout.dropout_forward, _dropout()),
    Case("init.he_normal", init.he_normal, _init()),
    Case("optimizers.adam_update", optimizers.adam_update, _adam()),
    Case("optimizers.clip_grad_norm", optimizers.clip_grad_norm, _clip()),
    Case(
        "shapes.conv_output_size",
        shapes.conv_output_size,
        _conv_size(),
        lambda kw, o: o == (kw["n"] + 2 * kw["p"] - kw["k"]) // kw["s"] + 1,
    ),
    Case("shapes.receptive_field", shapes.receptive_field, _receptive()),
    Case("augment.cutmix_box", augment.cutmix_box, _cutmix_box(), _box_matches_lambda),
    Case("augment.mixup", augment.mixup, _mixup(), fixed=("x", "y")),
]


# Backward passes: a valid cache from a forward pass, and a dout that is right or hostile.
def _backward_case(name, forward, backward, inputs):
    @st.composite
    def valid(draw):
        out, cache = forward(**draw(inputs))
        return {"dout": draw(arrays(np.shape(out))), "cache": cache}

    return Case(
        name, lambda dout, cache: backward(dout, cache), valid(), fixed=("cache",)
    )


CASES += [
    _backward_case(
        "dense.dense_backward", dense.dense_forward, dense.dense_backward, _dense()
    ),
    _backward_case(
        "conv.conv2d_backward", conv.conv2d_forward, conv.conv2d_backward, _conv()
    ),
    _backward_case(
        "conv.conv2d_naive_backward",
        conv.conv2d_naive_forward,
        conv.conv2d_naive_backward,
        _conv(),
    ),
    _backward_case(
        "pooling.max_pool_backward",
        pooling.max_pool_forward,
        pooling.max_pool_backward,
        _pool(),
    ),
    _backward_case(
        "pooling.avg_pool_backward",
        pooling.avg_pool_forward,
        pooling.avg_pool_backward,
        _pool(),
    ),
    _backward_case(
        "batchnorm.batchnorm_backward",
        batchnorm.batchnorm_forward,
        batchnorm.batchnorm_backward,
        _batchnorm(),
    ),
    _backward_case(
        "dropout.dropout_backward",
        dropout.dropout_forward,
        dropout.dropout_backward,
        _dropout(),
    ),
]


def _leaves(out):
    """Every number an output holds (arrays, tensors, tuples, dicts, plain numbers)."""
    if isinstance(out, dict):
        for v in out.values():
            yield from _leaves(v)
    elif isinstance(out, (tuple, list)):
        for v in out:
            yield from _leaves(v)
    elif isinstance(out, torch.Tensor):
        yield out.detach().numpy()
    elif isinstance(out, (np.ndarray, float, int, np.number)) and not isinstance(
        out, bool
    ):
        yield np.asarray(out)


def _names(arg: str, message: str) -> bool:
    """Whether the error message names the argument (as a word: ``x``, ``x's``, ``x[0]``)."""
    return re.search(rf"(?<![\w.]){re.escape(arg)}(?!\w)", message) is not None


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_correct_result_or_a_clear_error_naming_the_argument(case):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def run(data):
        kwargs = data.draw(case.valid, label="valid arguments")
        free = [k for k in kwargs if k not in case.fixed]
        bad = data.draw(st.one_of(st.none(), st.sampled_from(free)), label="replaced")
        if bad is not None:
            kwargs[bad] = data.draw(HOSTILE, label="hostile value")
        start = time.perf_counter()
        try:
            out = case.fn(**kwargs)
        except (ValueError, TypeError) as exc:
            STATS["clear error"] += 1
            assert bad is not None, f"valid arguments were refused: {exc}"
            assert _names(bad, str(exc)), f"the error does not name {bad!r}: {exc}"
        else:
            STATS["result"] += 1
            for leaf in _leaves(out):
                if leaf.dtype.kind in "fc" and case.finite:
                    assert np.all(np.isfinite(leaf)), (
                        f"non-finite result for {bad}={kwargs.get(bad)!r}"
                    )
            if case.check is not None and bad is None:
                assert case.check(kwargs, out) is not False
        elapsed = time.perf_counter() - start
        assert elapsed < TIME_LIMIT_S, f"took {elapsed:.1f} s"

    run()
    STATS["functions"] += 1


def teardown_module(module):
    if os.environ.get("CONTRACT_EXAMPLES"):
        print(
            f"\napi contract: {len(CASES)} functions, {STATS['result'] + STATS['clear error']} "
            f"calls: {STATS['result']} results (finite, checked), {STATS['clear error']} clear "
            "errors naming the argument, 0 silent wrong answers, 0 hangs"
        )
