// Typeset the page's maths with the site's own KaTeX copy.
// `document$` is Material's observable: it fires on the first load and after every instant
// navigation, so maths on a page reached by a link is rendered too.
(function () {
  const common = {
    ignoredClasses: ["no-math", "widget"],
    ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option"],
    throwOnError: false,
  };
  function render() {
    if (typeof renderMathInElement !== "function") return;
    // Markdown pages: pymdownx.arithmatex (generic) writes \( \) and \[ \] inside .arithmatex.
    document.querySelectorAll(".arithmatex").forEach(function (el) {
      renderMathInElement(el, Object.assign({}, common, {
        delimiters: [
          { left: "\\[", right: "\\]", display: true },
          { left: "\\(", right: "\\)", display: false },
        ],
      }));
    });
    // Notebook pages (mkdocs-jupyter) keep the $ and $$ of their markdown cells; only there
    // is a dollar sign taken as maths.
    document.querySelectorAll(".jupyter-wrapper .jp-RenderedMarkdown, .jupyter-wrapper .jp-MarkdownOutput").forEach(function (el) {
      renderMathInElement(el, Object.assign({}, common, {
        delimiters: [
          { left: "$$", right: "$$", display: true },
          { left: "$", right: "$", display: false },
          { left: "\\[", right: "\\]", display: true },
          { left: "\\(", right: "\\)", display: false },
        ],
      }));
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(render);
  } else {
    document.addEventListener("DOMContentLoaded", render);
  }
})();
