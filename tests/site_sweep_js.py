"""The JavaScript the site sweep (tests/site_sweep.py) runs in each page it opens: settling,
the maths and stamp state, and axe in each palette. What the sweep starts in a page (settling,
axe) ends with a message on the page's console (``DONE``), by which the sweep knows it can
collect the result without waiting."""

from __future__ import annotations

SETTLED = """async () => {
  // Widgets mount asynchronously; KaTeX's fonts change the width of the maths, and
  // javascripts/a11y.js re-examines scroll boxes 100 ms after they load.
  const t0 = performance.now();
  while (document.querySelector('[data-mounted=pending]') && performance.now() - t0 < 5000)
    await new Promise(r => setTimeout(r, 50));
  await document.fonts.ready;
  await new Promise(r => setTimeout(r, 250));
}"""

MATHS_STATE = """() => ({
    arithmatex: document.querySelectorAll('.arithmatex').length,
    katex: document.querySelectorAll('.katex').length,
    errors: document.querySelectorAll('.katex-error').length,
    raw: [...document.querySelectorAll('.arithmatex')].filter(
        el => /\\\\\\(|\\\\\\[/.test(el.textContent) && !el.querySelector('.katex')).length,
    notebookRaw: [...document.querySelectorAll('.jupyter-wrapper .jp-RenderedMarkdown')].filter(el => {
        const copy = el.cloneNode(true);
        copy.querySelectorAll('.katex, code, pre').forEach(k => k.remove());
        return /\\$[^$\\n]+\\$/.test(copy.textContent);
    }).length,
    stampMissing: document.querySelectorAll('.exec-stamp--missing').length,
    stampFailed: [...document.querySelectorAll('.exec-stamp--failed')].map(
        el => el.innerText.slice(0, 300)),
})"""

# A tab's page says on its console that what the sweep started there (settling, axe) is done;
# the sweep then collects it (the promise, already settled) and starts the tab's next step.
DONE = "syllabus-sweep: done"

# axe in each palette in turn on the loaded page; the promise is collected later.
START_AXE = """([tags, schemes, done]) => {
  window.__axeResult = (async () => {
    // axe works for a while before its first pause: start it after this call has returned
    await new Promise(r => setTimeout(r, 0));
    const body = document.body, original = body.getAttribute('data-md-color-scheme');
    const noTransitions = document.createElement('style');
    noTransitions.textContent = '*, *::before, *::after { transition: none !important; }';
    document.head.appendChild(noTransitions);
    const out = {};
    try {
      for (const scheme of schemes) {
        // Material animates colour changes (CSS transitions), and an element's transition
        // starts only when its style is next computed, so axe would read the old palette's
        // colours: with transitions off the switch takes effect at once, as on a page
        // loaded in that palette.
        body.setAttribute('data-md-color-scheme', scheme);
        const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                           resultTypes: ['violations']});
        out[scheme] = r.violations.map(v => ({
          id: v.id, impact: v.impact, count: v.nodes.length,
          nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' +
                                         (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240)),
        }));
      }
    } catch (e) {
      out.error = [{id: 'axe-error', impact: 'critical', count: 1, nodes: [String(e)]}];
    } finally {
      body.setAttribute('data-md-color-scheme', original);
      noTransitions.remove();
    }
    return out;
  })();
  window.__axeResult.finally(() => console.debug(done));
}"""

# Settling started without waiting (its promise is collected once the page says it is done).
START_SETTLING = (
    f"(done) => {{ window.__settled = ({SETTLED})()"
    ".finally(() => console.debug(done)); }"
)
