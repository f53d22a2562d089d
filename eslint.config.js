// eslint (flat config): the recommended rules for the site's JavaScript (browser modules) and
// the widget tests (Node). Run by `make test-fast` as `npx eslint`.
import js from "@eslint/js";
import globals from "globals";

export default [
  // The self-check widget is linted once it lands; built output and dependencies never.
  { ignores: ["site/**", "node_modules/**", "docs/javascripts/widgets/selfcheck/**"] },
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, document$: "readonly" }, // document$: Material for MkDocs' page observable
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
