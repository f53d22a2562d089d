"""Self-check questions in the built site, in Debian's chromium (marked ``site``).

One section page (Module 0's notation page: an integer answer, a real answer with a
tolerance of 0.005 and a multiple-choice question) and its module index: a right answer is
accepted, a wrong one gets the hint of its likely mistake or the generic hint, both edges of
the tolerance, text, empty, huge and markup input get a message (shown as text), the worked
solution opens after an attempt, progress survives a reload and an instant navigation to the
module index (which counts it and resets it), the module index's progress box keeps its
size as it mounts (no layout shift), no console error, no request to another
origin; at phone width the controls are 44 px touch targets and axe finds no violation; with
JavaScript off the question and the link to its worked solution are readable.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from site_fixtures import built_site_port

pytestmark = pytest.mark.site

PAGE = "00-foundations/notation/"
INDEX = "00-foundations/"
MOUNTED = ".selfcheck[data-selfcheck-mounted=yes]"


def _open(page, url):
    page.goto(url)
    page.wait_for_selector(MOUNTED, timeout=10_000)


def _answer(question, text):
    question.locator('[data-role="answer"]').fill(text)
    question.locator('[data-role="check"]').click()
    return question.locator('[data-role="feedback"]').inner_text()


def _choose(question, index):
    question.locator(f'[data-role="option"][value="{index}"]').check()
    question.locator('[data-role="check"]').click()
    return question.locator('[data-role="feedback"]').inner_text()


def _phone_width_checks(page):
    """At 390 px, with a hint, an explanation, a message and a worked solution showing: every
    button, answer box, option and summary is >= 44 px tall, nothing scrolls sideways, and
    axe-core (WCAG 2.1 A/AA, as tests/test_site_accessibility.py runs it) finds no violation
    in the questions (the rest of the page is that suite's). The same check on the dark
    scheme, at 390 and 1280 px, passed when this was written."""
    from site_sweep import AXE, TAGS

    page.set_viewport_size({"width": 390, "height": 844})
    choice = page.locator("#q-numpy-nn-shape")
    choice.locator('[data-role="check"]').click()  # nothing chosen yet
    assert "Choose one" in choice.locator('[data-role="feedback"]').inner_text()
    _choose(choice, 0)
    _answer(page.locator("#q-dense-params"), "abc")
    small = page.evaluate("""() => [...document.querySelectorAll(
        '.selfcheck button, .selfcheck input[type=text], .selfcheck summary, .selfcheck-choice label')]
        .filter(el => el.getClientRects().length && el.getBoundingClientRect().height < 44)
        .map(el => el.outerHTML.slice(0, 80))""")
    assert not small, small
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_ON_QUESTIONS, TAGS)
    assert not violations, violations
    page.set_viewport_size({"width": 1280, "height": 900})


AXE_ON_QUESTIONS = """(tags) => axe.run('.selfcheck-section',
    {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, count: v.nodes.length,
                                     nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"""


def test_questions_mark_answers_keep_progress_and_reset(
    page_and_log, site_url, site_dir
):
    page, log = page_and_log
    _open(page, site_url + PAGE)
    assert page.locator(".selfcheck").count() == 3
    assert (
        "check it: a wrong answer gets a hint"
        in page.locator(".selfcheck-intro").inner_text()
    )
    real = page.locator("#q-mse-mean")
    solution = real.locator('[data-role="solution"]')
    assert solution.is_hidden() and real.locator(".selfcheck-nojs").is_hidden()
    # the answer is not on the page before an attempt
    assert "1.17" not in real.inner_text()

    # input that is not a number: a message, never an attempt (no solution yet)
    for text, message in [
        ("", "Type a number first"),
        ("abc", '"abc" is not a number'),
        ("1e999", "far too large"),
        ("9" * 60, "60 characters"),
        ("0,5", "decimal separator"),
    ]:
        assert message in _answer(real, text), text
        assert real.get_attribute("data-state") == "invalid"
        assert (
            real.locator('[data-role="answer"]').get_attribute("aria-invalid") == "true"
        )
    assert solution.is_hidden()
    feedback = _answer(real, '<img src=x onerror="window.__x=1">')
    assert "is not a number" in feedback and real.locator("img").count() == 0

    # a likely mistake gets its hint; the solution can then be opened
    assert "You divided by" in _answer(real, "3.5")
    assert real.get_attribute("data-state") == "mistake" and solution.is_visible()
    solution.locator("summary").click()
    assert "7/6" in solution.inner_text() and solution.locator(".katex").count() > 0
    _phone_width_checks(page)
    # tolerance edges: 7/6 = 1.16667 is accepted within +-0.005
    assert "Correct" in _answer(real, "1.1617") and "Correct" in _answer(real, "1.1716")
    assert "Square every entry" in _answer(real, "1.1615")  # the generic hint
    assert "Square every entry" in _answer(real, "1.1718")
    assert "1.1718 is not the answer" in real.inner_text()
    assert "Correct" in _answer(real, "7/6")

    integer = page.locator("#q-dense-params")
    assert "weights only" in _answer(integer, "100352")
    assert "Count the entries" in _answer(integer, "100481")
    assert "Correct" in _answer(integer, "100480")
    choice = page.locator("#q-numpy-nn-shape")
    assert "Not quite" in _choose(choice, 0) and "transpose" in _choose(choice, 0)
    assert "Correct" in _choose(choice, 1)

    # progress survives a reload ...
    page.reload()
    page.wait_for_selector(MOUNTED, timeout=10_000)
    assert real.locator('[data-role="answer"]').input_value() == "7/6"
    assert [
        page.locator(f"#q-{i}").get_attribute("data-state")
        for i in ("dense-params", "numpy-nn-shape", "mse-mean")
    ] == ["correct"] * 3
    assert choice.locator('[data-role="option"][value="1"]').is_checked()

    # ... and an instant navigation to the module index, which counts it
    page.evaluate("window.__stay = 1")
    page.locator("a.md-footer__link--prev").click()  # to the module index
    page.wait_for_selector(
        ".selfcheck-progress[data-selfcheck-mounted=yes]", timeout=10_000
    )
    # Material navigates instantly only on the origin of the sitemap (site_fixtures.site_url
    # falls back to another port when that one is taken)
    instant = urlparse(site_url).port == built_site_port(site_dir)
    assert page.evaluate("window.__stay") == (1 if instant else None)
    box = page.locator(".selfcheck-progress")
    total = int(box.get_attribute("data-total"))
    assert total >= 12
    assert (
        box.locator('[data-role="count"]').inner_text()
        == f"Self-check: 3 of {total} answered correctly."
    )
    box.locator('[data-role="reset"]').click()
    assert (
        f"0 of {total} answered correctly"
        in box.locator('[data-role="count"]').inner_text()
    )
    assert "cleared" in box.locator('[data-role="note"]').inner_text()

    page.go_back()
    page.wait_for_selector(MOUNTED, timeout=10_000)
    assert page.evaluate("window.__stay") == (1 if instant else None)
    assert page.locator("#q-mse-mean").get_attribute("data-state") is None
    assert page.locator("#q-mse-mean [data-role=answer]").input_value() == ""
    assert page.evaluate("window.__x") is None
    log.assert_clean()


# Before any page script: which secrets the page decodes (each is a JSON object with "kind"
# and "solution"), as JSON.parse sees them.
DECODES = """window.__decoded = [];
const parse = JSON.parse;
JSON.parse = function (...args) {
  const value = parse.apply(this, args);
  if (value && typeof value === "object" && "kind" in value && "solution" in value)
    window.__decoded.push(value.kind);
  return value;
};"""


def test_a_secret_is_decoded_only_when_an_answer_is_checked(browser, site_url):
    """Decoding is a loop over every character of a secret: a page load that answers
    nothing decodes nothing. A secret that cannot be decoded leaves the question mounted and
    says so at the check."""
    context = browser.new_context()
    context.add_init_script(DECODES)
    try:
        page = context.new_page()
        _open(page, site_url + PAGE)
        assert page.locator(MOUNTED).count() == 3
        assert page.evaluate("window.__decoded") == []
        assert "Correct" in _answer(page.locator("#q-dense-params"), "100480")
        assert page.evaluate("window.__decoded") == ["numeric"]
        real = page.locator("#q-mse-mean")
        real.evaluate("(el) => { el.dataset.secret = 'not a secret'; }")
        assert "cannot be checked" in _answer(real, "1.17")
        assert real.get_attribute("data-state") == "error"
        assert real.locator('[data-role="solution"]').is_hidden()
    finally:
        context.close()


def test_without_javascript_the_question_and_its_solution_link_are_readable(
    browser, site_url
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + PAGE)
        real = page.locator("#q-mse-mean")
        assert "MSE" in real.inner_text() and real.locator(".katex").count() > 0
        link = real.locator(".selfcheck-nojs a")
        assert link.is_visible() and link.inner_text() == "Answer and worked solution"
        assert "links to its answer" in page.locator(".selfcheck-intro").inner_text()
        link.click()
        # (wait_for_load_state alone can return before the click's navigation has begun)
        page.wait_for_url("**/00-foundations/solutions/#notation-mse-mean")
        answers = page.locator(
            "#notation-mse-mean ~ p:has-text('Answer:')"
        ).first.inner_text()
        assert "Answer: 1.17" in answers
        page.goto(site_url + INDEX)
        box = page.locator(".selfcheck-progress")
        assert "self-check questions" in box.inner_text()
        # no count or reset button that would never work
        assert box.locator('[data-role="count"]').is_hidden()
        assert box.locator('[data-role="reset"]').is_hidden()
    finally:
        context.close()


BOX_HEIGHT = (
    "() => document.querySelector('.selfcheck-progress').getBoundingClientRect().height"
)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_progress_box_keeps_its_size_as_it_mounts(browser, site_url, width):
    """The count, reset button and note are in the page from the build, so the box is as tall
    before the self-check script mounts it as after; before, it grew by about 64 px as it
    mounted and moved the rest of the module index (a layout shift of 0.017 at 1280 px)."""
    heights = {}
    for mount in (False, True):
        context = browser.new_context(viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            if not mount:  # JavaScript on, the self-check script never arrives
                page.route("**/selfcheck.js*", lambda route: route.abort())
            page.goto(site_url + INDEX, wait_until="load")
            if mount:
                page.wait_for_selector(
                    ".selfcheck-progress[data-selfcheck-mounted=yes]"
                )
                count = page.locator('.selfcheck-progress [data-role="count"]')
                assert count.inner_text().startswith("Self-check: 0 of ")
            else:
                page.wait_for_timeout(500)
                box = page.locator(".selfcheck-progress")
                assert box.get_attribute("data-selfcheck-mounted") is None
            heights[mount] = page.evaluate(BOX_HEIGHT)
        finally:
            context.close()
    assert heights[True] == pytest.approx(heights[False], abs=0.5), heights
