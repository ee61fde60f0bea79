// ESLint over the scripts the build ships (static/), run by scripts/test.sh from the
// repository's root: `tests/e2e/node_modules/.bin/eslint -c tests/e2e/eslint.config.mjs static`.
import js from "@eslint/js";
import globals from "globals";

// Placeholders the build fills in with data (src/prerender/scripts.rs, src/release.rs).
const placeholders = Object.fromEntries(
  [
    "__TRD_NAMES__",
    "__TRD_CONTENT__",
    "__TRD_BODY__",
    "__TRD_PRERENDERED_WITH__",
    "__TRD_INTEGRITY__",
    "__TRD_CRISIS__",
    "__TRD_REGIONS__",
    "__TRD_CRISIS_REGIONS__",
    "__TRD_ACCORDION_STRINGS__",
    "__TRD_ABOUT_TARGETS__",
  ].map((name) => [name, "readonly"]),
);

export default [
  js.configs.recommended,
  {
    files: ["static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      globals: { ...globals.browser, ...placeholders },
    },
  },
  {
    // Classic scripts: they also run where module scripts cannot (from disk), or are
    // pasted by publishers as plain scripts.
    files: ["static/trd-accordion.js", "static/trd-embed.js", "static/trd-embed-resize.js"],
    languageOptions: { sourceType: "script" },
  },
];
