"""Interactive widgets: how long one interaction takes to update the view, and each page's weight.

Run after building the site (`mkdocs build -d site`):

    .venv/bin/python benchmarks/widgets_speed.py [--repeats 60] [--site site]

For each widget page it serves ``site/`` on 127.0.0.1, opens the page in Debian's chromium
(Playwright, headless), then repeats one typical interaction: it sets a control's value,
dispatches the ``input``/``change`` event the widget listens to, and forces style and layout
(``getBoundingClientRect``), timing that with ``performance.now()`` inside the page. It prints
the median and 95th percentile (goal: under 16 ms, one frame at 60 Hz) and the bytes the page
transferred on a cold load (sum of the responses' Content-Length). This is a benchmark script, not a test.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (page, widget, CSS selector of the control, the values it alternates between, event type[,
#  (data-role of a <select>, option chosen before measuring)])
CASES = [
    (
        "widgets/conv2d-worked-example/",
        "conv2d-worked-example",
        '[data-role="kernel-cell"][data-i="1"][data-j="1"]',
        ["2", "0"],
        "input",
    ),
    (
        "widgets/conv2d-worked-example/",
        "conv2d-worked-example",
        '[data-role="padding"]',
        ["1", "0"],
        "input",
    ),
    (
        "widgets/activation-visualizer/",
        "activation-visualizer",
        '[data-role="alpha"]',
        ["0.3", "1.2"],
        "input",
        ("activation", "elu"),
    ),
    (
        "widgets/activation-visualizer/",
        "activation-visualizer",
        '[data-role="probe"]',
        ["-2.5", "1.5"],
        "input",
    ),
    ("widgets/signal-graph/", "signal-graph", '[data-role="n"]', ["5", "2"], "input"),
    (
        "widgets/signal-graph/",
        "signal-graph",
        '[data-role="h"]',
        ["1, 2, 1", "1, -1"],
        "input",
    ),
    (
        "widgets/network-visualizer/",
        "network-visualizer",
        '[data-role="weight"]',
        ["0.5", "0.27"],
        "input",
    ),
    (
        "widgets/architecture-playground/",
        "architecture-playground",
        '[data-role="layer-row"] [data-role="field-c_out"]',
        ["10", "6"],
        "input",
    ),
]

MEASURE = """([sel, values, type, repeats]) => {
  const el = document.querySelector(sel);
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    el.value = values[i % values.length];
    el.dispatchEvent(new Event(type, { bubbles: true }));
    el.closest('[data-widget]').getBoundingClientRect();
    document.body.offsetHeight;  // force style + layout of the whole page
    times.push(performance.now() - t0);
  }
  return times;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=60)
    ap.add_argument("--site", default=str(ROOT / "site"))
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=args.site)
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(
        f"{'widget':26} {'interaction':34} {'median ms':>9} {'p95 ms':>8} {'page KiB':>9}"
    )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        for path, name, sel, values, event, *setup in CASES:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            sizes: list[int] = []
            page.on(
                "response",
                lambda r: sizes.append(int(r.headers.get("content-length", 0) or 0)),
            )
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_selector(f'[data-widget="{name}"][data-mounted="yes"]')
            for role, option in setup:
                page.locator(
                    f'[data-widget="{name}"] [data-role="{role}"]'
                ).select_option(option)
            page.evaluate(MEASURE, [sel, values, event, 5])  # warm up the JIT
            times = sorted(page.evaluate(MEASURE, [sel, values, event, args.repeats]))
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            role = sel.split('data-role="')[-1].split('"')[0]
            print(
                f"{name:26} {role + ' ' + event:34} {statistics.median(times):9.2f} {p95:8.2f} {sum(sizes) / 1024:9.0f}"
            )
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
