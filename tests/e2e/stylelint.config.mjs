// Stylelint over the stylesheets the build ships (static/), run by scripts/test.sh from the
// repository's root: `tests/e2e/node_modules/.bin/stylelint -c tests/e2e/stylelint.config.mjs "static/**/*.css"`.
export default {
  extends: ["stylelint-config-recommended"],
  rules: {
    // The stylesheets go component by component, each block with its own states after
    // it; this rule asks for one global order by specificity instead, which would scatter
    // every component across the file without changing what any selector matches.
    "no-descending-specificity": null,
  },
};
