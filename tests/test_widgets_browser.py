"""Interactive widgets in a real browser (Playwright + Debian chromium) against the built site.

Each test opens the widget's page, drives it as a learner would (keyboard and clicks), reads
the numbers it shows, and checks that the page logged no console error or exception and made
no request to another origin. Run after `mkdocs build -d site`.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.site

CONV2D = "widgets/conv2d-worked-example/"


def open_widget(page, site_url: str, path: str, name: str):
    page.goto(site_url + path)
    widget = page.locator(f'[data-widget="{name}"]')
    page.wait_for_selector(
        f'[data-widget="{name}"][data-mounted="yes"]', timeout=10_000
    )
    return widget


def output_map(widget) -> list[list[float]]:
    cells = widget.locator('[data-role="output-cell"]')
    rows: dict[int, list[float]] = {}
    for k in range(cells.count()):
        c = cells.nth(k)
        rows.setdefault(int(c.get_attribute("data-i")), []).append(
            float(c.get_attribute("data-value"))
        )
    return [rows[i] for i in sorted(rows)]


def set_field(widget, role: str, value: str) -> None:
    field = widget.locator(f'[data-role="{role}"]')
    field.fill(value)


# --- 2-D convolution worked example -------------------------------------------------------


def test_conv2d_mounts_with_outline_example(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, CONV2D, "conv2d-worked-example")
    assert w.locator(".widget-fallback").is_hidden()
    products = w.locator('[data-role="products"]')
    assert products.inner_text().startswith("output[0, 0] = (−1)·1 + 2·0 + 3·(−1)")
    assert products.inner_text().endswith("= 1")
    assert (
        "= 3, so the output is 3×3" in w.locator('[data-role="formula"]').inner_text()
    )
    w.locator('[data-role="last"]').click()
    assert output_map(w) == [[1, 1, -14], [3, -3, -14], [13, -6, -17]]
    log.assert_clean()


def test_conv2d_keyboard_steps_and_play(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, CONV2D, "conv2d-worked-example")
    nxt = w.locator('[data-role="next"]')
    nxt.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert "Position 3 of 9" in w.locator('[data-role="position"]').inner_text()
    assert w.locator('[data-role="products"]').inner_text().endswith("= −14")
    assert w.locator(".w2d-window").count() == 9
    w.locator('[data-role="play"]').click()
    page.wait_for_function(
        "() => document.querySelector('[data-role=position]').textContent.startsWith('Position 5 ')",
        timeout=5_000,
    )
    w.locator('[data-role="play"]').click()  # pause
    log.assert_clean()


def test_conv2d_stride_padding_and_edit(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, CONV2D, "conv2d-worked-example")
    set_field(w, "padding", "1")
    set_field(w, "stride", "2")
    assert (
        "⌊(5 − 3 + 2·1) / 2⌋ + 1 = 3" in w.locator('[data-role="formula"]').inner_text()
    )
    w.locator('[data-role="last"]').click()
    assert output_map(w) == [[-6, 3, 3], [-5, -3, 8], [-2, -4, 6]]
    # Edit the kernel's centre cell: every output gains 1 x (the input under the centre).
    set_field(w, "stride", "1")
    set_field(w, "padding", "0")
    w.locator('[data-role="kernel-cell"][data-i="1"][data-j="1"]').fill("1")
    w.locator('[data-role="last"]').click()
    assert output_map(w) == [[5, 4, -15], [6, -11, -9], [11, -3, -13]]
    log.assert_clean()


@pytest.mark.parametrize(
    ("role", "value", "expected"),
    [
        ("stride", "0", "stride must be a whole number"),
        ("k", "6", "larger than the padded 5×5 input"),
        ("n", "0", "input size must be a whole number"),
    ],
)
def test_conv2d_bad_settings_show_a_message(
    page_and_log, site_url, role, value, expected
):
    page, log = page_and_log
    w = open_widget(page, site_url, CONV2D, "conv2d-worked-example")
    set_field(w, role, value)
    message = w.locator('[data-role="message"]')
    assert message.is_visible()
    assert expected in message.inner_text()
    w.locator('[data-role="play"]').click()  # nothing to play: must not throw
    log.assert_clean()


def test_conv2d_non_numeric_cell_shows_a_message(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, CONV2D, "conv2d-worked-example")
    w.locator('[data-role="input-cell"][data-i="0"][data-j="1"]').fill("two")
    assert (
        "input cell at row 1, column 2 is not a number"
        in w.locator('[data-role="message"]').inner_text()
    )
    w.locator('[data-role="input-cell"][data-i="0"][data-j="1"]').fill("2")
    assert w.locator('[data-role="message"]').is_hidden()
    w.locator('[data-role="last"]').click()
    assert output_map(w)[0][0] == 1
    log.assert_clean()


def test_conv2d_remounts_after_instant_navigation(page_and_log, site_url):
    page, log = page_and_log
    open_widget(page, site_url, CONV2D, "conv2d-worked-example")
    page.locator('a.md-header__button.md-logo, a[href$="../.."]').first.click()
    page.wait_for_function(
        "() => !document.querySelector('[data-widget]')", timeout=10_000
    )
    page.go_back()
    page.wait_for_selector(
        '[data-widget="conv2d-worked-example"][data-mounted="yes"]', timeout=10_000
    )
    w = page.locator('[data-widget="conv2d-worked-example"]')
    w.locator('[data-role="last"]').click()
    assert output_map(w) == [[1, 1, -14], [3, -3, -14], [13, -6, -17]]
    log.assert_clean()


# --- Activation visualizer -------------------------------------------------------------------

ACT = "widgets/activation-visualizer/"


def test_activation_probe_values_and_saturation(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, ACT, "activation-visualizer")
    w.locator('[data-role="probe"]').fill("1")
    readout = w.locator('[data-role="readout"]').inner_text()
    assert "f(x) = 0.731059" in readout and "f′(x) = 0.196612" in readout
    sat = w.locator('[data-role="saturated"]')
    assert sat.count() == 2
    assert abs(float(sat.nth(0).get_attribute("data-to")) + 2.88727) < 1e-4
    # keyboard: the probe slider moves by arrow keys
    w.locator('[data-role="probe"]').focus()
    page.keyboard.press("ArrowRight")
    assert w.locator('[data-role="readout"]').inner_text().startswith("x = 1.01,")
    # hover: the middle of the plotting area is x = 0, where sigmoid' = 0.25
    box = w.locator('[data-role="plot"]').bounding_box()
    page.mouse.move(
        box["x"] + box["width"] * (44 + (600 - 56) / 2) / 600,
        box["y"] + box["height"] / 2,
    )
    m = re.match(
        r"x = (\S+), +f\(x\) = \S+, +f′\(x\) = (\S+)",
        w.locator('[data-role="readout"]').inner_text(),
    )
    x, dfx = (float(g.replace("−", "-")) for g in m.groups())
    assert abs(x) <= 0.03 and abs(dfx - 0.25) < 1e-3
    log.assert_clean()


def test_activation_elu_alpha_slider(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, ACT, "activation-visualizer")
    w.locator('[data-role="activation"]').select_option("elu")
    w.locator('[data-role="alpha"]').fill("0.5")
    w.locator('[data-role="probe"]').fill("-1")
    readout = w.locator('[data-role="readout"]').inner_text()
    assert "f(x) = −0.31606" in readout and "f′(x) = 0.18394" in readout
    # ln(0.1)
    assert (
        abs(
            float(w.locator('[data-role="saturated"]').nth(0).get_attribute("data-to"))
            + 2.302585
        )
        < 1e-4
    )
    w.locator('[data-role="activation"]').select_option("relu")
    assert w.locator('[data-role="alpha"]').count() == 0
    log.assert_clean()


def test_activation_softmax_vector_and_bad_input(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, ACT, "activation-visualizer")
    w.locator('[data-role="activation"]').select_option("softmax")
    w.locator('[data-role="vector"]').fill("2, 1, 0.1")
    values = [
        float(v)
        for v in w.locator('[data-role="softmax-row"] td[data-value]').evaluate_all(
            "els => els.map(e => e.dataset.value)"
        )
    ]
    assert [round(v, 6) for v in values] == [0.659001, 0.242433, 0.098566]
    assert w.locator('[data-role="bar"]').count() == 3
    for bad, expected in [
        ("1, x", '"x" in the vector z is not a number'),
        ("", "at least 1 number"),
    ]:
        w.locator('[data-role="vector"]').fill(bad)
        assert expected in w.locator('[data-role="message"]').inner_text()
    w.locator('[data-role="vector"]').fill("1000, 1000, 999")
    assert w.locator('[data-role="message"]').is_hidden()
    log.assert_clean()


# --- 1-D signal graph ---------------------------------------------------------------------------

SIG = "widgets/signal-graph/"


def y_values(w) -> list[float]:
    return [
        float(v)
        for v in w.locator('[data-role="y-stem"]').evaluate_all(
            "els => els.map(e => e.dataset.value)"
        )
    ]


def test_signal_graph_builds_output_point_by_point(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, SIG, "signal-graph")
    assert y_values(w) == [0]
    slider = w.locator('[data-role="n"]')
    slider.focus()
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    # numpy.convolve([0,1,1,1,1,0], [1,-1])
    assert y_values(w) == [0, 1, 0, 0, 0, -1, 0]
    w.locator('[data-role="mode-cross-correlation"]').check()
    assert y_values(w) == [0, -1, 0, 0, 0, 1, 0]  # numpy.correlate(..., "full")
    log.assert_clean()


def test_signal_graph_products_and_running_sum(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, SIG, "signal-graph")
    w.locator('[data-role="x-preset"]').select_option("ramp")
    w.locator('[data-role="h"]').fill("3, 2, 1")
    for _ in range(2):
        w.locator('[data-role="next"]').click()
    assert (
        w.locator('[data-role="sum"]').inner_text()
        == "y[2] = x[0]·h[2] + x[1]·h[1] + x[2]·h[0] = 1·1 + 2·2 + 3·3 = 14"
    )
    assert (
        w.locator('[data-role="running"]')
        .inner_text()
        .startswith("Running sum: 1 → 5 → 14")
    )
    assert [
        float(v)
        for v in w.locator('[data-role="product"]').evaluate_all(
            "els => els.map(e => e.dataset.value)"
        )
    ] == [1, 4, 9]
    w.locator('[data-role="mode-cross-correlation"]').check()
    # 1*3 + 2*2 + 3*1
    assert w.locator('[data-role="sum"]').get_attribute("data-value") == "10"
    # play runs to the end: numpy.correlate([1,2,3,4], [3,2,1], "full")
    w.locator('[data-role="play"]').click()
    page.wait_for_function(
        "() => document.querySelectorAll('[data-role=y-stem]').length === 6",
        timeout=8_000,
    )
    assert y_values(w) == [1, 4, 10, 16, 17, 12]
    log.assert_clean()


@pytest.mark.parametrize(
    ("role", "text", "expected"),
    [
        ("x", "1, 2, oops", '"oops" in the signal x is not a number'),
        ("h", "", "kernel h needs at least 1 number"),
        ("h", "1 2 3 4 5 6 7 8 9", "at most 8 numbers"),
    ],
)
def test_signal_graph_bad_input_shows_a_message(
    page_and_log, site_url, role, text, expected
):
    page, log = page_and_log
    w = open_widget(page, site_url, SIG, "signal-graph")
    w.locator(f'[data-role="{role}"]').fill(text)
    assert expected in w.locator('[data-role="message"]').inner_text()
    w.locator('[data-role="play"]').click()
    w.locator('[data-role="next"]').click()
    log.assert_clean()


# --- Architecture playground ------------------------------------------------------------------

PG = "widgets/architecture-playground/"
LENET_SHAPES = [
    "6 × 28 × 28",
    "6 × 28 × 28",
    "6 × 14 × 14",
    "16 × 10 × 10",
    "16 × 10 × 10",
    "16 × 5 × 5",
    "400",
    "120",
    "120",
    "84",
    "84",
    "10",
]


def run_exported(code: str):
    """Execute exported PyTorch code; return (output shape, parameter count) it prints."""
    import contextlib
    import io

    import torch

    torch.set_num_threads(1)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<exported>", "exec"), {})
    shape_line, params_line = out.getvalue().strip().splitlines()
    return shape_line, int(params_line)


def test_playground_lenet_shapes_params_and_export(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, PG, "architecture-playground")
    shapes = w.locator('[data-role="layer-row"] [data-role="shape"]').all_inner_texts()
    assert shapes == LENET_SHAPES
    assert w.locator('[data-role="totals"]').get_attribute("data-params") == "61706"
    w.locator('[data-role="export-button"]').click()
    code = w.locator('[data-role="export"]').inner_text()
    assert run_exported(code) == ("(1, 10)", 61706)
    log.assert_clean()


def test_playground_presets_and_custom_stack_export(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, PG, "architecture-playground")
    for name, params in [
        ("AlexNet (torchvision form, 224×224)", "61100840"),
        ("VGG-16", "138357544"),
    ]:
        w.locator('[data-role="preset"]').select_option(name)
        assert w.locator('[data-role="totals"]').get_attribute("data-params") == params
    # a small custom stack with every other layer type, built with the controls
    w.locator('[data-role="input-C"]').fill("3")
    w.locator('[data-role="input-H"]').fill("16")
    w.locator('[data-role="input-W"]').fill("12")
    while w.locator('[data-role="layer-row"]').count():
        w.locator('[data-role="layer-row"]').first.get_by_role(
            "button", name="Remove layer 1"
        ).click()
    for t in ["conv", "bn", "relu", "dwconv", "pool", "dropout", "flatten", "linear"]:
        w.locator('[data-role="add-type"]').select_option(t)
        w.locator('[data-role="add"]').click()
    shapes = w.locator('[data-role="layer-row"] [data-role="shape"]').all_inner_texts()
    assert shapes == [
        "8 × 16 × 12",
        "8 × 16 × 12",
        "8 × 16 × 12",
        "8 × 16 × 12",
        "8 × 8 × 6",
        "8 × 8 × 6",
        "384",
        "10",
    ]
    params = int(w.locator('[data-role="totals"]').get_attribute("data-params"))
    assert params == (27 * 8 + 8) + 16 + (9 + 1) * 8 + 384 * 10 + 10
    w.locator('[data-role="export-button"]').click()
    assert run_exported(w.locator('[data-role="export"]').inner_text()) == (
        "(1, 10)",
        params,
    )
    log.assert_clean()


@pytest.mark.parametrize(
    ("row", "field", "value", "reason"),
    [
        (3, "k", "15", "kernel 15×15 is larger than the padded input 14×14"),
        (2, "s", "0", "stride must be a whole number ≥ 1, got 0"),
        (0, "c_out", "2.5", "out channels must be a whole number, got 2.5"),
        (0, "k", "abc", "kernel must be a whole number, got NaN"),
    ],
)
def test_playground_invalid_layer_is_marked(
    page_and_log, site_url, row, field, value, reason
):
    page, log = page_and_log
    w = open_widget(page, site_url, PG, "architecture-playground")
    w.locator('[data-role="layer-row"]').nth(row).locator(
        f'[data-role="field-{field}"]'
    ).fill(value)
    bad = w.locator('[data-role="layer-row"].wpg-invalid')
    assert bad.count() == 1 and bad.get_attribute("data-index") == str(row)
    assert reason in bad.locator('[data-role="shape"]').inner_text()
    assert (
        f"Layer {row + 1} is invalid" in w.locator('[data-role="message"]').inner_text()
    )
    w.locator('[data-role="export-button"]').click()
    assert "Cannot export yet" in w.locator('[data-role="message"]').inner_text()
    log.assert_clean()


def test_playground_design_is_kept_in_the_address(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, PG, "architecture-playground")
    w.locator('[data-role="layer-row"]').nth(0).locator(
        '[data-role="field-c_out"]'
    ).fill("10")
    shared = page.evaluate("location.href")
    assert "arch=1x32x32_conv-c10-k5" in shared
    expected = w.locator('[data-role="totals"]').get_attribute("data-params")
    assert expected == str(61706 + (25 + 1) * 4 + 25 * 4 * 16)
    page.goto(site_url)  # somewhere else, then the shared address
    page.goto(shared)
    page.wait_for_selector(
        '[data-widget="architecture-playground"][data-mounted="yes"]'
    )
    assert page.locator('[data-role="totals"]').get_attribute("data-params") == expected
    page.goto(site_url + PG + "?arch=garbage")
    page.wait_for_selector(
        '[data-widget="architecture-playground"][data-mounted="yes"]'
    )
    assert "could not be read" in page.locator('[data-role="message"]').inner_text()
    log.assert_clean()


# --- Network visualizer (numbers from tests/vectors/widgets-network.json, case 0 = numpy_nn) ----

NET = "widgets/network-visualizer/"


def test_network_forward_backward_and_step(page_and_log, site_url):
    import json
    from pathlib import Path

    case = json.loads(
        (Path(__file__).parent / "vectors" / "widgets-network.json").read_text()
    )["cases"][0]
    page, log = page_and_log
    w = open_widget(page, site_url, NET, "network-visualizer")
    eq = w.locator('[data-role="equation"]')
    assert eq.inner_text().splitlines()[1].endswith("= [0.12, −0.535]")
    nxt = w.locator('[data-role="next"]')
    nxt.focus()
    page.keyboard.press("Enter")  # forward layer 2
    page.keyboard.press("Enter")  # loss
    assert f"= {case['loss']:.4f}" in eq.inner_text()
    page.keyboard.press("Enter")  # backward layer 2
    assert "= [−1.358]" in eq.inner_text().splitlines()[1]
    page.keyboard.press("Enter")  # backward layer 1
    assert eq.inner_text().splitlines()[1].endswith("= [−0.07102, −0.1455]")
    assert (
        "(∂L/∂W(1))ᵀ = a(0)ᵀ δ(1) = [[−0.07102, −0.1455], [−0.03551, −0.07273]]"
        in eq.inner_text()
    )
    before = float(w.locator('[data-role="loss"]').get_attribute("data-value"))
    assert abs(before - case["loss"]) < 1e-12
    w.locator('[data-role="update"]').click()
    weights = [
        float(v)
        for v in w.locator('[data-role="weight"]').evaluate_all(
            "els => els.map(e => e.value)"
        )
    ]
    want = [v for layer in case["updated"] for v in [*sum(layer["W"], []), *layer["b"]]]
    assert all(abs(a - b) < 1e-3 * (1 + abs(b)) for a, b in zip(weights, want)) and len(
        weights
    ) == len(want)
    after = float(w.locator('[data-role="loss"]').get_attribute("data-value"))
    assert after < before
    log.assert_clean()


@pytest.mark.parametrize(
    ("role", "text", "expected"),
    [
        ("sizes", "2, 9, 1", "1 to 8 units"),
        ("sizes", "3", "needs at least 2 numbers"),
        ("x", "1", "exactly 2 numbers"),
        ("lr", "-1", "learning rate must be a positive number"),
    ],
)
def test_network_bad_input_shows_a_message(
    page_and_log, site_url, role, text, expected
):
    page, log = page_and_log
    w = open_widget(page, site_url, NET, "network-visualizer")
    w.locator(f'[data-role="{role}"]').fill(text)
    assert expected in w.locator('[data-role="message"]').inner_text()
    w.locator('[data-role="next"]').click()
    w.locator('[data-role="update"]').click()
    log.assert_clean()


def test_network_resize_and_edit_weight(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, NET, "network-visualizer")
    w.locator('[data-role="sizes"]').fill("3, 4, 4, 2")
    assert w.locator('[data-role="weight"]').count() == (3 * 4 + 4) + (4 * 4 + 4) + (
        4 * 2 + 2
    )
    assert w.locator('[data-role="x"]').input_value() == "1, 0.5, 0"
    w.locator('[data-role="weight"]').first.fill("abc")
    assert (
        "W1ᵀ row 1 column 1 is not a number"
        in w.locator('[data-role="message"]').inner_text()
    )
    w.locator('[data-role="weight"]').first.fill("0.5")
    assert w.locator('[data-role="message"]').is_hidden()
    log.assert_clean()


# --- Every widget: re-mounts after instant navigation ------------------------------------------


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (ACT, "activation-visualizer"),
        (SIG, "signal-graph"),
        (PG, "architecture-playground"),
        (NET, "network-visualizer"),
    ],
)
def test_widget_remounts_after_navigation(page_and_log, site_url, path, name):
    page, log = page_and_log
    open_widget(page, site_url, path, name)
    page.locator("a.md-header__button.md-logo").first.click()
    page.wait_for_function(
        "() => !document.querySelector('[data-widget]')", timeout=10_000
    )
    page.go_back()
    page.wait_for_selector(
        f'[data-widget="{name}"][data-mounted="yes"]', timeout=10_000
    )
    assert page.locator(f'[data-widget="{name}"] .widget').count() == 1
    log.assert_clean()


# --- Every widget: embedded in its module page ---------------------------------------------------

MODULE_PAGES = {
    "03-neural-networks/activations/": ["activation-visualizer"],
    "03-neural-networks/backpropagation/": ["network-visualizer"],
    "05-cnns/convolution/": ["signal-graph", "conv2d-worked-example"],
    "05-cnns/receptive-field/": ["architecture-playground"],
}


def test_widgets_mount_on_their_module_pages(page_and_log, site_url):
    page, log = page_and_log
    for path, names in MODULE_PAGES.items():
        page.goto(site_url + path)
        widgets = page.locator("[data-widget]")
        assert sorted(
            widgets.evaluate_all("els => els.map(e => e.dataset.widget)")
        ) == sorted(names), path
        for name in names:
            page.wait_for_selector(
                f'[data-widget="{name}"][data-mounted="yes"]', timeout=10_000
            )
            w = page.locator(f'[data-widget="{name}"]')
            assert w.locator(".widget").count() == 1, (path, name)
            assert w.locator(".widget-fallback").is_hidden(), (path, name)
        assert widgets.evaluate_all("els => els.map(e => e.dataset.mounted)") == [
            "yes"
        ] * len(names), path
    log.assert_clean()


# --- Hostile input (issue 15): a message, never a stopped widget or a console error -------------
# One page load per test: further copies of a widget are mounted on the same page with its own
# view.js (as main.js mounts it), after the address is set with history.replaceState, so that
# many hostile addresses cost milliseconds each (and 10^5 layers need no server round trip).

MOUNT_JS = """async ([name, query, probe]) => {
  if (query !== null) history.replaceState(history.state, "", location.pathname + query);
  const main = document.querySelector('script[src*="javascripts/main.js"]').src;
  const { mount } = await import(main.replace(/main\\.js.*$/, `widgets/${name}/view.js`));
  const el = document.createElement("div");
  el.dataset.probe = probe;
  document.querySelector("article").appendChild(el);
  mount(el, {});
}"""


def mount_fresh(page, name: str, query: str | None, probe: str):
    page.evaluate(MOUNT_JS, [name, query, probe])
    return page.locator(f'[data-probe="{probe}"]')


def test_playground_hostile_addresses_sizes_and_round_trip(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, PG, "architecture-playground")
    rf = w.locator('[data-role="layer-row"] [data-role="rf"]').all_inner_texts()
    assert rf[7:] == ["whole input"] * 5 and not any("Infinity" in t for t in rf)
    w.locator('[data-role="layer-row"]').nth(0).locator(
        '[data-role="field-c_out"]'
    ).fill("1e21")
    assert "at most 2⁵³ − 1" in w.locator('[data-role="message"]').inner_text()
    w.locator('[data-role="export-button"]').click()
    assert "Cannot export yet" in w.locator('[data-role="message"]').inner_text()
    for name in ["constructor", "toString", "hasOwnProperty", "valueOf"]:
        p = mount_fresh(page, "architecture-playground", f"?arch=1x32x32_{name}", name)
        assert (
            f'unknown layer "{name}"' in p.locator('[data-role="message"]').inner_text()
        )
        assert (
            p.locator('[data-role="layer-row"] [data-role="shape"]').all_inner_texts()
            == LENET_SHAPES
        )
    for n in [
        10_000,
        100_000,
    ]:  # refused at once, not laid out (they froze the page for 6-91 s)
        p = mount_fresh(
            page, "architecture-playground", "?arch=1x32x32" + "_relu" * n, f"layers{n}"
        )
        assert (
            f"at most 200 layers (the address has {n})"
            in p.locator('[data-role="message"]').inner_text()
        )
        assert p.locator('[data-role="layer-row"]').count() == 12
    p = mount_fresh(
        page, "architecture-playground", "?arch=1x8x8" + "_relu" * 200, "cap"
    )
    p.locator(
        '[data-role="add"]'
    ).click()  # at the cap "Add layer" says why it adds nothing
    assert "at most 200 layers" in p.locator('[data-role="message"]').inner_text()
    assert p.locator('[data-role="layer-row"]').count() == 200
    # a drop rate of 1e-7 is written to the address in a form that reads back exactly
    p = mount_fresh(
        page, "architecture-playground", "?arch=1x8x8_flatten_dropout-r0.5", "rate"
    )
    p.locator('[data-role="field-rate"]').fill("1e-7")
    p = mount_fresh(page, "architecture-playground", None, "rate-again")
    assert p.locator('[data-role="field-rate"]').input_value() == "1e-7"
    assert p.locator('[data-role="message"]').is_hidden()
    log.assert_clean()


def test_number_widgets_refuse_1e300_and_other_hostile_numbers(page_and_log, site_url):
    page, log = page_and_log
    w = open_widget(page, site_url, CONV2D, "conv2d-worked-example")
    w.locator('[data-role="input-cell"][data-i="0"][data-j="0"]').fill("1e300")
    assert (
        "must lie between −10⁹ and 10⁹"
        in w.locator('[data-role="message"]').inner_text()
    )
    w.locator('[data-role="input-cell"][data-i="0"][data-j="0"]').fill("-1")
    set_field(w, "padding", "1.5")
    formula = w.locator('[data-role="formula"]').inner_text()
    assert (
        "no output size until the padding p is a whole number" in formula
        and "undefined" not in formula
    )
    assert (
        "padding must be a whole number"
        in w.locator('[data-role="message"]').inner_text()
    )

    w = mount_fresh(page, "signal-graph", None, "sig")
    w.locator('[data-role="x"]').fill("1e300, 1")
    assert "between −10⁹ and 10⁹" in w.locator('[data-role="message"]').inner_text()
    w.locator('[data-role="play"]').click()
    assert "NaN" not in w.locator('[data-role="plot"]').inner_html()

    w = mount_fresh(page, "network-visualizer", None, "net")
    w.locator('[data-role="lr"]').fill("1e308")
    w.locator('[data-role="update"]').click()
    assert (
        "choose a smaller learning rate"
        in w.locator('[data-role="message"]').inner_text()
    )
    weights = w.locator('[data-role="weight"]').evaluate_all(
        "els => els.map(e => e.value)"
    )
    assert weights[0] == "0.27" and not any("NaN" in v for v in weights)
    assert "NaN" not in w.locator('[data-role="diagram"]').inner_html()

    w = mount_fresh(page, "activation-visualizer", None, "act")
    w.locator('[data-role="activation"]').select_option("softmax")
    w.locator('[data-role="vector"]').fill("1e309, 1")
    assert "too large" in w.locator('[data-role="message"]').inner_text()
    w.locator('[data-role="vector"]').fill("1e308, -1e308")
    assert w.locator('[data-role="message"]').is_hidden()
    assert "NaN" not in w.locator('[data-role="plot"]').inner_html()
    log.assert_clean()
