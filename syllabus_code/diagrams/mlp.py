"""The diagram of a fully connected network (Module 3): an MLP with its weights and biases in the
course's notation, sizes and shapes read from a :class:`syllabus_code.numpy_nn.MLP`'s parameter
dict (which stores the page's \\(W^{(l)}\\) transposed). :mod:`.network` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from syllabus_code.numpy_nn import MLP

from .draw import FONT, canvas

__all__ = ["MLPSpec", "mlp_spec", "mlp_figure"]


# --- an MLP with weights and biases ------------------------------------------------------------
@dataclass
class MLPSpec:
    sizes: list  # n_0, ..., n_L
    weight_shapes: list  # the page's W^(l): (n_l, n_{l-1}), out x in
    bias_sizes: list
    params: int


def _sizes(params: dict) -> list[int]:
    L = sum(1 for k in params if k.startswith("W"))
    return [params["W1"].shape[0]] + [params[f"W{l}"].shape[1] for l in range(1, L + 1)]


def mlp_spec(sizes=(3, 4, 2)) -> MLPSpec:
    """Build the MLP and read its layers: numpy_nn stores W{l} = (W^(l))ᵀ, so W^(l) is W{l}.T."""
    net = MLP(list(sizes), activation="relu")
    L = len(net.params) // 2
    return MLPSpec(
        sizes=_sizes(net.params),
        weight_shapes=[net.params[f"W{l}"].T.shape for l in range(1, L + 1)],
        bias_sizes=[net.params[f"b{l}"].shape[0] for l in range(1, L + 1)],
        params=sum(v.size for v in net.params.values()),
    )


def _column(n, x, centre, pitch):
    return [(x, centre + (n - 1) / 2 * pitch - i * pitch) for i in range(n)]


def mlp_figure(spec: MLPSpec, theme: str = "light"):
    L = len(spec.sizes) - 1
    pitch, r = 0.66, 0.27
    xs = [0.75 + l * 2.6 for l in range(L + 1)]
    width = xs[-1] + 0.9
    cv = canvas(width, 4.7, theme)
    p = cv.p
    centre = 2.55
    cols = [_column(n, x, centre, pitch) for n, x in zip(spec.sizes, xs)]
    # bias nodes "1" below every layer but the last, and their edges
    bias_y = centre - (max(spec.sizes) - 1) / 2 * pitch - 0.75
    for l in range(1, L + 1):
        bx = xs[l - 1] + 0.55
        for ux, uy in cols[l]:
            cv.line(bx, bias_y, ux, uy, p.edge("weight"), 0.8, ls=(0, (3, 2)), z=1)
        cv.unit(bx, bias_y, r=0.15, role="weight", text="1", size=FONT - 1)
        cv.text(
            bx + 0.24,
            bias_y - 0.05,
            f"bias $b^{{({l})}}$: {spec.bias_sizes[l - 1]}",
            size=FONT,
            ha="left",
        )
    # weights: every unit of layer l-1 to every unit of layer l
    for l in range(1, L + 1):
        for x0, y0 in cols[l - 1]:
            for x1, y1 in cols[l]:
                cv.line(x0, y0, x1, y1, p.edge("weight"), 0.7, z=1, alpha=0.55)
    # one weight singled out: W^(1)_{21} from input unit 1 to hidden unit 2
    (x0, y0), (x1, y1) = cols[0][0], cols[1][1]
    cv.line(x0, y0, x1, y1, p.edge("weight"), 2.4, z=2)
    t = 0.55
    cv.text(
        x0 + t * (x1 - x0),
        y0 + t * (y1 - y0) + 0.2,
        "$W^{(1)}_{21}$",
        size=FONT + 1,
        bbox=dict(
            boxstyle="round,pad=0.15",
            fc=p.background if theme == "light" else "#1e2129",
            ec="none",
            alpha=0.85,
        ),
    )
    names = (
        [lambda i: f"$x_{{{i}}}$"]
        + [(lambda l: lambda i: f"$a^{{({l})}}_{{{i}}}$")(l) for l in range(1, L)]
        + [lambda i: f"$\\hat y_{{{i}}}$"]
    )
    for l, col in enumerate(cols):
        role = "input" if l == 0 else "activation"
        for i, (ux, uy) in enumerate(col):
            cv.unit(ux, uy, r=r, role=role, text=names[l](i + 1), size=FONT)
    # captions: layers below, weight matrices above
    top = centre + (max(spec.sizes) - 1) / 2 * pitch + 0.45
    for l, x in enumerate(xs):
        what = (
            "input\n$a^{(0)} = x$"
            if l == 0
            else f"output\n$\\hat y = a^{{({l})}}$"
            if l == L
            else f"hidden\n$a^{{({l})}} = g(z^{{({l})}})$"
        )
        cv.text(
            x, top + 0.05, f"{what}\n$n_{l}$ = {spec.sizes[l]}", size=FONT, va="bottom"
        )
    for l in range(1, L + 1):
        n_out, n_in = spec.weight_shapes[l - 1]
        cv.text(
            (xs[l - 1] + xs[l]) / 2,
            top + 0.05,
            f"weights\n$W^{{({l})}}$: {n_out} × {n_in}\n(out × in)",
            size=FONT,
            va="bottom",
            colour=p.ink,
        )
    cv.text(
        width / 2,
        bias_y - 0.55,
        "$z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}$;   "
        f"parameters: {_param_sum(spec)}",
        size=FONT,
    )
    return cv.fit()


def _param_sum(spec: MLPSpec) -> str:
    parts = [f"{o}·{i} + {b}" for (o, i), b in zip(spec.weight_shapes, spec.bias_sizes)]
    return " + ".join(parts) + f" = {spec.params}"
