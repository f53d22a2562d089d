// eslint (flat config): the recommended rules for the site's JavaScript (browser modules) and
// the widget tests (Node). Run by `make test-fast` as `npx eslint`.
import js from "@eslint/js";
import globals from "globals";

export default [
  // Built output and dependencies are never linted.
  { ignores: ["site/**", "node_modules/**"] },
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, document$: "readonly" }, // document$: Material for MkDocs' page observable
    },
    rules: {
      // Learner input is never parsed as HTML: text goes in with textContent / text nodes only.
      "no-restricted-syntax": ["error",
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]", message: "Use textContent or DOM nodes, never HTML strings." },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]", message: "Use DOM nodes, never HTML strings." }],
    },
  },
  {
    files: ["docs/javascripts/a11y.js"], // a classic script (mkdocs.yml loads it without type: module)
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
];
