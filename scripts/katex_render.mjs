// Render TeX to HTML with KaTeX, for the build (scripts/hooks/katex_render.py).
//
// One long-lived process serves the whole build: each line on stdin is a JSON array of
// requests [{"tex": "...", "display": true|false}, ...] (one page's formulas); the answer is
// one line on stdout, a JSON array in the same order of {"html": "..."} or {"error": "..."}.
// A formula KaTeX cannot parse is an error (throwOnError), never red text on a page.
import readline from "node:readline";
import katex from "katex";

// The options the pages used when KaTeX ran in the browser (docs/javascripts/katex-render.js
// set no macros), except that an error now stops the build.
const OPTIONS = { throwOnError: true };

function render({ tex, display }) {
  try {
    return { html: katex.renderToString(tex, { ...OPTIONS, displayMode: Boolean(display) }) };
  } catch (err) {
    if (!(err instanceof katex.ParseError)) return { error: String(err) };
    // rawMessage has no underlined excerpt; the position counts from 0 in the TeX.
    const at = Number.isInteger(err.position) ? ` (at character ${err.position + 1})` : "";
    return { error: `KaTeX parse error: ${err.rawMessage || err.message}${at}` };
  }
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  let answer;
  try {
    answer = JSON.parse(line).map(render);
  } catch (err) {
    answer = { fatal: String(err) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
