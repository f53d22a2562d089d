// Accessibility fixes that need the rendered page (checked by tests/test_site_accessibility.py).
// * Material's instant-navigation progress bar (role="progressbar") gets a name.
// * A box that scrolls sideways (display maths wider than the column, a notebook's code
//   cell, a wide table) can be reached by keyboard: it gets tabindex="0" and, where it has
//   no role of its own, role="region" with a name. The scroll state depends on the width of
//   the screen and on the fonts, so it is worked out again on resize and once fonts load; a
//   box that no longer scrolls loses what was added (no tab stop that does nothing). A box
//   in a block the browser has not drawn yet (content-visibility: auto) is taken to scroll
//   until the block is drawn, when it is measured (see skipped() below).
// * A code block Material has not set up yet (feature content.lazy: it sets one up when it
//   first comes into view, and then gives it a tab stop if it scrolls) has a tab stop.
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

  // A box inside a block the browser is not drawing yet (content-visibility: auto on the
  // blocks scripts/hooks/lazy_blocks.py marks md-lazy; stylesheets/extra.css) is not
  // measured: reading its width would make the browser lay the block out there and then,
  // the work the block was skipped to save. It is made focusable and named at once, as a
  // box that scrolls would be, so the keyboard reaches every box that may scroll from the
  // start (focusing it draws its block); when its block is drawn
  // (contentvisibilityautostatechange) it is measured like any other box, and loses the tab
  // stop if it does not scroll.
  const rendered = new WeakSet();  // blocks with content-visibility: auto being rendered now
  function skipped(el) {
    const block = el.closest(".md-lazy, .md-lazy-narrow");
    return Boolean(block) && !rendered.has(block) &&
      getComputedStyle(block).contentVisibility === "auto";
  }
  function provisional(el, name) {
    if (el.hasAttribute("data-a11y-scroll") || el.hasAttribute("tabindex") ||
        el.querySelector(FOCUSABLE) || el.parentElement.closest("[data-a11y-scroll]")) return;
    el.setAttribute("data-a11y-scroll", "");
    el.setAttribute("tabindex", "0");
    if (!el.hasAttribute("role")) {
      el.setAttribute("role", "region");
      el.setAttribute("aria-label", name);
    }
  }

  let measured = new WeakSet();  // boxes measured at the present width of the window

  // Every scroll box in root (root included): read every box's scroll state first, then
  // change attributes; a read after a change would force a new layout of the whole page for
  // each box (seconds on a page of maths).
  function settle(root) {
    const boxes = [];
    for (const [selector, name] of SCROLL_BOXES) {
      const found = [...root.querySelectorAll(selector)];
      if (root !== document && root.matches(selector)) found.unshift(root);
      for (const el of found) {
        if (!skipped(el)) boxes.push([el, name, scrolls(el)]);
        else if (!measured.has(el)) provisional(el, name);
      }
    }
    for (const [el, name, scrolling] of boxes) {
      measured.add(el);
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

  // Material sets a code block up (copy button, tab stop when it scrolls sideways) only when
  // it first comes into view (feature content.lazy: measuring every block at load would lay
  // out the blocks content-visibility skips). Until then it is taken to scroll, as a box in
  // a skipped block is; once set up (its <pre> holds Material's nav of buttons), Material's
  // tab stop is left alone.
  function codeStops() {
    for (const el of document.querySelectorAll(".md-content pre:not(.mermaid) > code:not([tabindex])")) {
      if (!el.parentElement.querySelector(":scope > .md-code__nav")) {
        el.setAttribute("tabindex", "0");
      }
    }
  }

  function update() {
    document.querySelectorAll(".md-progress[role='progressbar']:not([aria-label])").forEach(
      (el) => el.setAttribute("aria-label", "Loading page"));
    // Material's search dialog has no name (axe: aria-dialog-name).
    document.querySelectorAll(".md-search[role='dialog']:not([aria-label])").forEach(
      (el) => el.setAttribute("aria-label", "Search"));
    settle(document);
    codeStops();
  }

  let timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 100);
  }
  if (typeof document$ !== "undefined") {
    // Each page, instant navigation included; a task of its own, after Material's start
    // (see main.js).
    document$.subscribe(() => { setTimeout(update); });
  } else {
    document.addEventListener("DOMContentLoaded", update);
  }
  // KaTeX's fonts load after the maths is typeset, and change its width.
  if (document.fonts) document.fonts.addEventListener("loadingdone", later);
  window.addEventListener("resize", () => {
    measured = new WeakSet();  // a box not drawn at the new width is taken to scroll again
    later();
  });
  // A block is measured as it is drawn (it is being laid out anyway), before the reader can
  // scroll it out of view again.
  document.addEventListener("contentvisibilityautostatechange", (event) => {
    if (event.skipped) {
      rendered.delete(event.target);
    } else {
      rendered.add(event.target);
      settle(event.target);
    }
  }, true);
})();
