"""Search on the built site: the index loads when the reader opens search, and search works.

Material fetches ``search/search_index.json`` (the largest file a page would fetch) at every
page load; ``docs/javascripts/search-on-demand.js`` holds that request back until the reader
opens search (issue 13: at most 250 KB gzip before a page is usable), and Material's search
worker is created only when the index is handed to it. Run after ``mkdocs build`` (marked
``site``).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.site
INDEX = "search/search_index.json"
WORKER = "assets/javascripts/workers/search."


def index_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda r: INDEX in r.url and requests.append(r.url))
    return requests


def worker_requests(page) -> list[str]:
    """The search worker's script: fetched when the worker is created."""
    requests: list[str] = []
    page.on("request", lambda r: WORKER in r.url and requests.append(r.url))
    return requests


def test_index_loads_only_when_search_opens_and_search_works(page_and_log, site_url):
    page, log = page_and_log
    requests = index_requests(page)
    workers = worker_requests(page)
    page.goto(site_url + "00-foundations/linear-algebra/", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert requests == [], (
        "the search index was fetched before the reader opened search"
    )
    assert workers == [], (
        "the search worker was started before the reader opened search"
    )
    page.keyboard.press("/")  # Material's shortcut: focuses the search box
    page.locator("[data-md-component=search-query]").fill("perceptron")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    titles = page.locator(
        ".md-search-result__item h1, .md-search-result__item h2"
    ).all_inner_texts()
    assert any("perceptron" in t.lower() for t in titles), titles
    assert len(requests) == 1
    assert len(workers) == 1
    # The index stays in the page: following a result by instant navigation and searching
    # again fetches nothing more. (Instant navigation needs the built port; on another one
    # the link reloads the page, which fetches the index again only when search opens.)
    page.evaluate("window.__marker = 1")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_function("location.pathname.includes('perceptron')")
    page.wait_for_load_state("load")
    reloaded = page.evaluate("window.__marker") != 1
    assert len(requests) == 1
    page.locator("[data-md-component=search-query]").click()
    page.locator("[data-md-component=search-query]").fill("softmax")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert len(requests) == (2 if reloaded else 1)
    log.assert_clean()


def test_tapping_the_search_button_on_a_phone_loads_the_index(browser, site_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True
    )
    try:
        page = context.new_page()
        requests = index_requests(page)
        page.goto(site_url, wait_until="networkidle")
        assert requests == []
        page.locator("label.md-header__button[for='__search']").tap()
        page.locator("[data-md-component=search-query]").fill("convolution")
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        assert len(requests) == 1
    finally:
        context.close()


def test_a_page_opened_from_a_search_result_highlights_at_once(page_and_log, site_url):
    page, log = page_and_log
    requests = index_requests(page)
    page.goto(site_url + "02-perceptron/perceptron/?h=perceptron", wait_until="load")
    page.wait_for_selector("mark[data-md-highlight]", timeout=15_000)
    assert len(requests) == 1
    # and search works there too: the worker, given the index at once, answers
    page.keyboard.press("/")
    page.locator("[data-md-component=search-query]").fill("softmax")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert len(requests) == 1
    log.assert_clean()


def test_other_workers_are_created_as_usual(page_and_log, site_url):
    page, log = page_and_log
    page.goto(site_url, wait_until="load")
    answer = page.evaluate(
        """() => new Promise((done) => {
            const source = "onmessage = (e) => postMessage(e.data * 2)";
            const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
            const worker = new Worker(url);
            worker.onmessage = (e) => {
                done([worker instanceof Worker, worker.constructor.name, e.data]);
                worker.terminate();
            };
            worker.postMessage(21);
        })"""
    )
    assert answer == [True, "Worker", 42]
    log.assert_clean()
