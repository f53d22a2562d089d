// Accessibility fixes that need the rendered page (checked by tests/test_site_accessibility.py).
// * Material's instant-navigation progress bar (role="progressbar") gets a name.
// * A box that scrolls sideways (display maths wider than the column, a notebook's code
//   cell, a wide table) can be reached by keyboard: it gets tabindex="0" and, where it has
//   no role of its own, role="region" with a name. The scroll state depends on the width of
//   the screen and on the fonts, so it is worked out again on resize and once fonts load; a
//   box that no longer scrolls loses what was added (no tab stop that does nothing).
(function () {
  const SCROLL_BOXES = [
    [".md-typeset .katex-display", "Equation (scrolls sideways)"],
    [".md-typeset div.arithmatex", "Equation (scrolls sideways)"],
    [".jupyter-wrapper .highlight-ipynb", "Code cell (scrolls sideways)"],
    [".jupyter-wrapper .jp-OutputArea-output", "Cell output (scrolls sideways)"],
    [".jupyter-wrapper .jp-RenderedText", "Cell output (scrolls sideways)"],
    [".md-typeset__scrollwrap", "Table (scrolls sideways)"],
  ];
  const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";

  function scrolls(el) {
    const style = getComputedStyle(el);
    const x = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const y = /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    return x || y;
  }

  function update() {
    document.querySelectorAll(".md-progress[role='progressbar']:not([aria-label])").forEach(
      (el) => el.setAttribute("aria-label", "Loading page"));
    // Material's search dialog has no name (axe: aria-dialog-name).
    document.querySelectorAll(".md-search[role='dialog']:not([aria-label])").forEach(
      (el) => el.setAttribute("aria-label", "Search"));
    // Read every box's scroll state first, then change attributes: a read after a change
    // would force a new layout of the whole page for each box (seconds on a page of maths).
    const boxes = [];
    for (const [selector, name] of SCROLL_BOXES) {
      document.querySelectorAll(selector).forEach((el) => boxes.push([el, name, scrolls(el)]));
    }
    for (const [el, name, scrolling] of boxes) {
      const added = el.hasAttribute("data-a11y-scroll");
      if (scrolling && !added && !el.hasAttribute("tabindex") && !el.querySelector(FOCUSABLE)) {
        el.setAttribute("data-a11y-scroll", "");
        el.setAttribute("tabindex", "0");
        if (!el.hasAttribute("role")) {
          el.setAttribute("role", "region");
          el.setAttribute("aria-label", name);
        }
      } else if (added && !scrolling) {
        el.removeAttribute("data-a11y-scroll");
        el.removeAttribute("tabindex");
        if (el.getAttribute("role") === "region" && el.getAttribute("aria-label") === name) {
          el.removeAttribute("role");
          el.removeAttribute("aria-label");
        }
      }
    }
  }

  let timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 100);
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(update);  // each page, instant navigation included
  } else {
    document.addEventListener("DOMContentLoaded", update);
  }
  // KaTeX's fonts load after the maths is typeset, and change its width.
  if (document.fonts) document.fonts.addEventListener("loadingdone", later);
  window.addEventListener("resize", later);
})();
