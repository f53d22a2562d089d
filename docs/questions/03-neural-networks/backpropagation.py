"""Self-check questions for docs/03-neural-networks/backpropagation.md."""

from __future__ import annotations

import numpy as np

from syllabus_code.numpy_nn import (
    init_mlp,
    mlp_backward,
    mlp_forward,
    mse,
    sgd_update,
    tanh,
    tanh_prime,
)
from syllabus_code.selfcheck import Choice, Mistake, Numeric, Option

# hidden-delta: the page's W^(2) (out x in), delta^(2) and z^(1)
W2 = np.array([[1.0, 2.0], [3.0, -1.0]])
DELTA2 = np.array([1.0, -2.0])
Z1 = np.array([0.5, -0.3])
FLOP_SIZES = [512, 256, 256, 10]
# the network visualizer's default network, in the code's layout (W{l} = (W^(l))^T)
NV = {
    "W1": np.array([[0.27, -0.46], [-0.92, -0.97]]),
    "b1": np.array([0.31, 0.41]),
    "W2": np.array([[0.21], [0.46]]),
    "b2": np.array([0.04]),
}
NV_X, NV_Y, NV_LR = np.array([[1.0, 0.5]]), np.array([[1.0]]), 0.5


def _n(x: int) -> str:
    """An integer with thousands separators that KaTeX spaces correctly."""
    return f"{x:,}".replace(",", "{,}")


def _v(a) -> str:
    return "(" + ", ".join(f"{float(v):g}" for v in np.ravel(a)) + ")"


def _m(a) -> str:
    rows = r" \\ ".join(
        " & ".join(f"{float(v):g}" for v in row) for row in np.atleast_2d(a)
    )
    return r"\begin{bmatrix}" + rows + r"\end{bmatrix}"


def _hidden_delta() -> Numeric:
    # a network whose first layer is the identity, so that z^(1) = x; db1 is then delta^(1)
    params = {"W1": np.eye(2), "b1": np.zeros(2), "W2": W2.T, "b2": np.zeros(2)}
    _, cache = mlp_forward(Z1[None, :], params, activation="tanh", output="identity")
    delta1 = mlp_backward(DELTA2[None, :], cache)["b1"]
    back = W2.T @ DELTA2
    d = tanh_prime(Z1)
    answer = float(delta1[0])
    return Numeric(
        id="hidden-delta",
        prompt=(
            f"A tanh hidden layer has pre-activation \\(z^{{(1)}} = {_v(Z1)}\\); the next layer "
            f"has \\(W^{{(2)}} = {_m(W2)}\\) and error \\(\\delta^{{(2)}} = {_v(DELTA2)}\\). "
            f"What is \\(\\delta^{{(1)}}_1\\)? Give 3 decimals."
        ),
        answer=answer,
        tolerance=5e-4,
        solution=(
            f"\\((W^{{(2)}})^\\top \\delta^{{(2)}} = {_v(back)}\\) and "
            f"\\(\\tanh'(z^{{(1)}}) = 1 - \\tanh^2 z^{{(1)}} = {_v(np.round(d, 4))}\\), so "
            f"\\(\\delta^{{(1)}} = {_v(back)} \\odot {_v(np.round(d, 4))} = "
            f"{_v(np.round(delta1, 4))}\\): \\(\\delta^{{(1)}}_1 = {answer:.4f}\\)."
        ),
        hint=r"Step 2: \(\delta^{(1)} = (W^{(2)})^\top \delta^{(2)} \odot g'(z^{(1)})\).",
        mistakes=(
            Mistake(
                float((W2 @ DELTA2)[0] * d[0]),
                r"You used \(W^{(2)}\delta^{(2)}\): the error "
                r"goes back through the transpose, \(\delta^{(1)}_j = \sum_k W^{(2)}_{kj}\delta^{(2)}_k\) "
                r"(column \(j\), not row \(j\)).",
            ),
            Mistake(
                float(back[0]),
                r"You left out the factor \(g'(z^{(1)})\) of the activation.",
            ),
            Mistake(
                float(back[0] * tanh(Z1[0])),
                r"You multiplied by \(g(z)\); the chain rule needs "
                r"the derivative \(g'(z) = 1 - \tanh^2 z\).",
            ),
        ),
    )


def _flop_ratio() -> Numeric:
    params = init_mlp(FLOP_SIZES)
    N = 1
    # 2 N n_{l-1} n_l per layer
    flops = [
        2 * N * params[f"W{l}"].shape[0] * params[f"W{l}"].shape[1]
        for l in range(1, len(FLOP_SIZES))
    ]
    F, F1 = sum(flops), flops[0]
    answer = (2 * F - F1) / F
    return Numeric(
        id="backward-cost",
        prompt=(
            f"Count only the matrix products. For an MLP "
            f"{' → '.join(map(str, FLOP_SIZES))}, how many times the forward pass's FLOPs does "
            f"the backward pass cost (the code skips the gradient with respect to the input "
            f"data)? Give 2 decimals."
        ),
        answer=answer,
        tolerance=5e-3,
        solution=(
            f"Layer \\(l\\) costs \\(2N n_{{l-1}} n_l\\) forward and twice that backward, "
            f"except the first, whose `delta @ W.T` is skipped. Per example the layers cost "
            f"{', '.join(f'{f:,}' for f in flops)} FLOPs forward, \\(F = {_n(F)}\\) in all, "
            f"with \\(F_1 = {_n(F1)}\\): the ratio is \\(2 - F_1/F = 2 - {F1 / F:.3f} = "
            f"{answer:.2f}\\)."
        ),
        hint=(
            r"A dense layer's backward pass needs two products of its forward size "
            r"(\(\partial L/\partial W\) and the error of the layer below), except the first layer."
        ),
        mistakes=(
            Mistake(
                1.0,
                "Backpropagation costs the same order as a forward pass, not the same "
                "amount: each layer needs two products backward, one forward.",
            ),
            Mistake(
                2.0,
                "That holds for every layer but the first: nothing needs the gradient "
                "with respect to the input data, so its second product is skipped.",
            ),
        ),
    )


def _bias_sum() -> Choice:
    return Choice(
        id="bias-sum",
        prompt=(
            r"For a batch, the code computes \(\partial L/\partial b^{(l)}\) as "
            r"`delta.sum(axis=0)`, a **sum** over the \(N\) examples, although \(L\) is the "
            r"**mean** loss. Why is that right?"
        ),
        options=(
            Option(
                r"The \(1/N\) of the mean is already inside \(\nabla_a L\), and so inside every row of `delta`.",
                True,
                r"Right: the loss returns its gradient with the \(1/N\) included, so the "
                "rows of `delta` are per-example gradients of the mean, and the mean loss's "
                "gradient is their sum.",
            ),
            Option(
                r"It is a simplification: the sum is \(N\) times too large, which only rescales the learning rate.",
                False,
                "It is exact, not a rescaling: the parameter gradients match central "
                "differences and PyTorch's autograd of the mean loss.",
            ),
            Option(
                "The bias is shared by all examples, so its gradient must be counted once per example without averaging.",
                False,
                r"Sharing explains the sum over examples, but the result is the gradient "
                r"of the mean only because each row already carries the factor \(1/N\).",
            ),
        ),
        solution=(
            r"`mse` and `softmax_cross_entropy` return \(\partial L/\partial \hat y\) with the "
            r"\(1/N\) of the mean inside, so \(\sum_i \delta_i\) is the gradient of the mean loss."
        ),
    )


def _widget_step() -> Numeric:
    params = {k: v.copy() for k, v in NV.items()}
    out, cache = mlp_forward(NV_X, params, activation="sigmoid", output="identity")
    before, grad = mse(out, NV_Y)
    grads = mlp_backward(grad, cache)
    stepped = {k: sgd_update(params[k], grads[k], lr=NV_LR)[0] for k in params}
    after_out, _ = mlp_forward(NV_X, stepped, activation="sigmoid", output="identity")
    after, _ = mse(after_out, NV_Y)
    wrong_sign = {k: params[k] + NV_LR * grads[k] for k in params}
    up, _ = mse(
        mlp_forward(NV_X, wrong_sign, activation="sigmoid", output="identity")[0], NV_Y
    )
    return Numeric(
        id="widget-gradient-step",
        prompt=(
            f"In the network visualizer above, with its default network (2–2–1, sigmoid hidden "
            f"layer, \\(\\eta = {NV_LR:g}\\)), press **Gradient step** once. What is the loss "
            f"\\(L\\) now? Give 3 decimals."
        ),
        answer=float(after),
        tolerance=5e-4,
        solution=(
            f"Before the step \\(\\hat y = {float(out[0, 0]):.4f}\\) and "
            f"\\(L = ({float(out[0, 0]):.4f} - {float(NV_Y[0, 0]):g})^2 = {before:.4f}\\). "
            f"The step moves every weight by \\(-\\eta\\,\\partial L/\\partial W\\), e.g. "
            f"\\(b^{{(2)}}: {NV['b2'][0]:g} - {NV_LR:g} \\cdot ({float(grads['b2'][0]):.4f}) = "
            f"{float(stepped['b2'][0]):.4f}\\); the new output is "
            f"\\(\\hat y = {float(after_out[0, 0]):.4f}\\) and \\(L = {after:.4f}\\)."
        ),
        hint="Step through the forward pass and the backward pass, press Gradient step, and read the loss line.",
        mistakes=(
            Mistake(
                float(before),
                "That is the loss before the step; press **Gradient step** once.",
            ),
            Mistake(
                float(up),
                "That is what a step *up* the gradient gives: gradient descent "
                r"subtracts \(\eta\,\partial L/\partial W\).",
            ),
        ),
        widget="network-visualizer",
    )


def questions():
    return [_hidden_delta(), _flop_ratio(), _bias_sum(), _widget_step()]
