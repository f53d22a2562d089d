"""Stride and padding drawn on grids: each case's output size from
:func:`~syllabus_code.shapes.conv_output_size`, and the input a last window leaves unread."""

from __future__ import annotations

from dataclasses import dataclass

from syllabus_code.shapes import conv_output_size

from ..draw import FONT, canvas


@dataclass
class PaddingCase:
    n: int
    k: int
    s: int
    p: int
    n_out: int
    exact: bool  # whether (n - k + 2p) is a multiple of s
    unread: int  # trailing rows/columns of the padded input no window reads
    title: str = ""


def stride_padding_spec(
    cases=((5, 3, 1, 1), (5, 3, 2, 1), (6, 3, 2, 0)),
) -> list[PaddingCase]:
    """Each (n, k, s, p) with its output size from
    :func:`~syllabus_code.shapes.conv_output_size`."""
    out = []
    for n, k, s, p in cases:
        n_out = conv_output_size(n, k, s, p)
        last = (n_out - 1) * s + k  # padded positions read by the last window
        title = (
            "'same' padding" if s == 1 and n_out == n else f"stride {s}, padding {p}"
        )
        if (n - k + 2 * p) % s:
            title = f"stride {s}, no padding: the floor"
        out.append(
            PaddingCase(
                n, k, s, p, n_out, (n - k + 2 * p) % s == 0, n + 2 * p - last, title
            )
        )
    return out


def _formula(c: PaddingCase) -> str:
    num = c.n - c.k + 2 * c.p
    frac = f"{num}/{c.s}" if c.s > 1 else f"{num}"
    value = f"{num / c.s:g}"
    inner = f"⌊({c.n} − {c.k} + 2·{c.p})/{c.s}⌋ + 1"
    if c.exact:
        return f"{inner} = {value} + 1 = {c.n_out}"
    return f"{inner} = ⌊{frac}⌋ + 1 = ⌊{value}⌋ + 1 = {c.n_out}"


def stride_padding_figure(spec: list[PaddingCase], theme: str = "light"):
    cell = 0.27
    heights = [(c.n + 2 * c.p) * cell + 1.2 for c in spec]
    cv = canvas(6.4, sum(heights) + 0.1, theme)
    p = cv.p
    for r, c in enumerate(spec):
        top = sum(heights) - sum(heights[:r]) - 0.05
        cv.text(
            0.05, top, f"{c.title}:", ha="left", va="top", size=FONT + 1, weight="bold"
        )
        cv.text(
            0.05,
            top - 0.27,
            f"n = {c.n}, k = {c.k}, s = {c.s}, p = {c.p}",
            ha="left",
            va="top",
            size=FONT,
        )
        cv.text(0.05, top - 0.52, "$n_{out}$ = " + _formula(c), ha="left", va="top")
        m = c.n + 2 * c.p
        gx, gy = 0.1, top - 0.8  # top-left of the padded input grid
        for i in range(m):
            for j in range(m):
                pad = not (c.p <= i < c.p + c.n and c.p <= j < c.p + c.n)
                unread = i >= m - c.unread or j >= m - c.unread
                x, y = gx + j * cell, gy - (i + 1) * cell
                if pad:
                    cv.rect(x, y, cell, cell, edge=p.muted, lw=0.6, ls="--")
                    cv.text(
                        x + cell / 2, y + cell / 2, "0", size=FONT - 2, colour=p.muted
                    )
                else:
                    cv.rect(
                        x,
                        y,
                        cell,
                        cell,
                        face=p.fill("input"),
                        edge=p.edge("input"),
                        lw=0.6,
                    )
                if unread:
                    cv.rect(x, y, cell, cell, face="none", edge=p.muted, lw=0, z=3)
                    cv.line(x, y, x + cell, y + cell, p.muted, 0.8, z=3)
                    cv.line(x, y + cell, x + cell, y, p.muted, 0.8, z=3)
        # the windows of outputs (0, 0) and (0, 1)
        styles = (("operation", "-"), ("weight", "--"))
        for j, (role, ls) in enumerate(styles[: c.n_out]):
            cv.outline(
                gx + j * c.s * cell,
                gy - c.k * cell,
                c.k * cell,
                c.k * cell,
                role,
                lw=2.4,
                ls=ls,
                z=6 + j,
            )
        # output grid
        ox = gx + m * cell + 0.7
        cv.arrow(gx + m * cell + 0.1, gy - m * cell / 2, ox - 0.1, gy - m * cell / 2)
        for i in range(c.n_out):
            for j in range(c.n_out):
                cv.rect(
                    ox + j * cell,
                    gy - (i + 1) * cell,
                    cell,
                    cell,
                    face=p.fill("activation"),
                    edge=p.edge("activation"),
                    lw=0.6,
                )
        for j, (role, ls) in enumerate(styles[: c.n_out]):
            cv.outline(ox + j * cell, gy - cell, cell, cell, role, lw=2.4, ls=ls)
        note = f"output {c.n_out} × {c.n_out}"
        if c.unread:
            note += f"\n×: never read\n(last {c.unread} row\nand column)"
        elif c.p:
            note += f"\n0: padding,\n{c.p} on each side"
        cv.text(ox, gy - c.n_out * cell - 0.1, note, ha="left", va="top", size=FONT - 1)
    return cv.fit()
