"""Material's bundle on the main thread, with and without the compile hint, in one run.

Run after building the site (`mkdocs build --strict`):

    .venv/bin/python benchmarks/compile_hints.py [--loads 8] [--site site] [PAGE ...]

scripts/hooks/compile_hints.py begins Material's bundle with ``//# allFunctionsCalledOnLoad``,
which asks V8 to compile all of the bundle's functions on a background thread while the
script streams in, instead of compiling each on the main thread at its first call. This
script measures what that changes. It serves two copies of the built site with gzip
(``benchmarks/lighthouse.py``'s server): the site as built, and the same site with the hint
taken off the bundle. It loads each page in Debian's chromium (``$SYLLABUS_CHROMIUM``, else
``/usr/bin/chromium``) at a phone's size, alternating the two copies, each load in a fresh
browser context (so no compiled code is cached), and records a Chromium trace of each load.
It prints, per page and copy, the medians over the loads of:

* the bundle's evaluation (the trace's ``EvaluateScript`` of ``bundle.*.min.js``);
* Material's start on ``DOMContentLoaded`` (that event's dispatch: the components mount);
* the main thread's busy time from the first paint until 1 s after ``load``;
* a blocking-time estimate: over the main thread's tasks after the first paint, the sum of
  ``4 x duration - 50 ms``, where positive. That is how Lighthouse's simulated phone (4x
  slower CPU) counts tasks into its total blocking time.

and the ratio with/without. Times are this machine's, so only the ratios carry over. A
trace adds some overhead of its own, the same to both copies. This is a benchmark, not a
test.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts" / "hooks"))
from compile_hints import BUNDLES, HINT  # noqa: E402
from lighthouse import PAGES, GzipHandler  # noqa: E402
from print_pdf import chromium  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "loading",
    "blink.user_timing",
]
METRICS = ["bundle_ms", "dcl_ms", "busy_ms", "blocking_ms"]


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    # (GzipHandler's cache of compressed files is keyed by path: the copies' never meet)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def without_hint(site: Path, into: Path) -> Path:
    """A copy of the built ``site`` whose bundle does not start with the hint."""
    shutil.copytree(site, into)
    (bundle,) = sorted((into / BUNDLES).glob("bundle.*.min.js"))
    text = bundle.read_text(encoding="utf-8")
    if not text.startswith(HINT):
        sys.exit(
            f"{bundle.name} has no compile hint: was the site built with the hook?"
        )
    bundle.write_text(text[len(HINT) :], encoding="utf-8")
    return into


def analyse(trace_file: Path) -> dict[str, float]:
    """The four measures of one load, from its trace (milliseconds)."""
    trace = json.loads(trace_file.read_text(encoding="utf-8"))
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    starts = [
        e
        for e in events
        if e.get("name") == "navigationStart"
        and e.get("args", {})
        .get("data", {})
        .get("documentLoaderURL", "")
        .startswith("http")
    ]
    nav = starts[-1]
    t0, pid, tid = nav["ts"], nav["pid"], nav["tid"]
    main = [
        e
        for e in events
        if e.get("pid") == pid
        and e.get("tid") == tid
        and e.get("ph") == "X"
        and e["ts"] >= t0
    ]
    paint = min(
        e["ts"]
        for e in events
        if e.get("name") == "firstContentfulPaint" and e["ts"] >= t0
    )
    load = max(
        e["ts"]
        for e in main
        if e["name"] == "EventDispatch" and e["args"]["data"].get("type") == "load"
    )
    bundle = sum(
        e["dur"]
        for e in main
        if e["name"] == "EvaluateScript"
        and "/bundle." in e["args"]["data"].get("url", "")
    )
    dcl = sum(
        e["dur"]
        for e in main
        if e["name"] == "EventDispatch"
        and e["args"]["data"].get("type") == "DOMContentLoaded"
    )
    tasks = [
        e["dur"] / 1000
        for e in main
        if e["name"] == "RunTask" and e["ts"] >= paint and e["ts"] <= load + 1_000_000
    ]
    return {
        "bundle_ms": bundle / 1000,
        "dcl_ms": dcl / 1000,
        "busy_ms": sum(tasks),
        "blocking_ms": sum(max(0.0, 4 * d - 50) for d in tasks),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "pages", nargs="*", default=PAGES, help="pages relative to the site root"
    )
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--loads", type=int, default=8, help="loads per page and copy")
    args = ap.parse_args()
    if args.loads < 1:
        sys.exit(f"--loads must be at least 1, got {args.loads}")
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site} is not built: run `mkdocs build --strict` first")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        copies = {
            "with hint": serve(args.site),
            "without": serve(without_hint(args.site, Path(tmp) / "site")),
        }
        results = {(p, c): [] for p in args.pages for c in copies}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=chromium(),
                args=["--headless=new", "--no-sandbox", "--disable-gpu"],
            )
            for _ in range(args.loads):
                for page_path in args.pages:
                    for name, server in copies.items():
                        # Lighthouse's phone: 412 x 823 CSS px at 1.75 device pixels per px
                        context = browser.new_context(
                            viewport={"width": 412, "height": 823},
                            device_scale_factor=1.75,
                            is_mobile=True,
                            has_touch=True,
                        )
                        page = context.new_page()
                        page.goto("about:blank")
                        trace = Path(tmp) / "trace.json"
                        browser.start_tracing(
                            page=page, path=str(trace), categories=CATEGORIES
                        )
                        port = server.server_address[1]
                        page.goto(
                            f"http://127.0.0.1:{port}/{page_path}", wait_until="load"
                        )
                        page.wait_for_timeout(1000)
                        browser.stop_tracing()
                        context.close()
                        results[(page_path, name)].append(analyse(trace))
            browser.close()
        for server in copies.values():
            server.shutdown()
    print(
        f"Chromium traces, 412 px phone viewport, median of {args.loads} loads per copy"
    )
    print(
        f"{'page':34} {'copy':10} {'bundle ms':>9} {'DCL ms':>7} {'busy ms':>8} "
        f"{'blocking x4 ms':>14}"
    )
    for page_path in args.pages:
        medians = {
            c: {
                m: statistics.median(r[m] for r in results[(page_path, c)])
                for m in METRICS
            }
            for c in copies
        }
        for c, m in medians.items():
            print(
                f"{'/' + page_path:34} {c:10} {m['bundle_ms']:9.1f} {m['dcl_ms']:7.1f} "
                f"{m['busy_ms']:8.1f} {m['blocking_ms']:14.0f}"
            )
        w, wo = medians["with hint"], medians["without"]
        ratios = "  ".join(
            f"{m.split('_')[0]} {w[m] / wo[m]:.2f}" if wo[m] else f"{m.split('_')[0]} -"
            for m in METRICS
        )
        print(f"{'':34} {'ratio':10} with/without: {ratios}")


if __name__ == "__main__":
    main()
