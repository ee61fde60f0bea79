// Trunk post-build hook, after the prerender hook: minifies the scripts an embed or the
// page loads (wasm-bindgen's glue, the loader, the pre-wasm accordion, the standalone
// initializer) with terser, then recomputes the `integrity` hashes index.html carries for
// them in every page of the build (index.html, es/index.html, …). Trunk's own minifier
// gives up on the glue ("Failed to minify JS").
// Names keep their content hash: it is the hash of the unminified file, of which the
// minified one is a pure function, so caches stay correct.
// Reads TRUNK_STAGING_DIR; does nothing for debug builds (TRUNK_PROFILE != release).
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("minify: TRUNK_STAGING_DIR is not set: run me from `trunk build`");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== "release") process.exit(0);

// terser is a test-suite dependency (scripts/setup.sh installs it).
const require = createRequire(new URL("../tests/e2e/package.json", import.meta.url));
let minify;
try {
  ({ minify } = require("terser"));
} catch {
  console.error("minify: terser is missing; run scripts/setup.sh (scripts stay unminified)");
  process.exit(0);
}

const assets = JSON.parse(readFileSync(join(dir, "assets.json"), "utf8"));
const init = readFileSync(join(dir, "index.html"), "utf8").match(/[\w.-]*standalone-init\.js/)?.[0];
const jobs = [
  [assets.glue, true],
  [assets.loader, true],
  [assets.accordion, false],
  ...(init ? [[init, true]] : []),
];

const sri = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");
// Every page of the build, in any folder (a page per language: es/index.html).
const pages = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".html")).map(String);
const html = new Map(pages.map((page) => [page, readFileSync(join(dir, page), "utf8")]));
const summary = [];
for (const [name, module] of jobs) {
  const path = join(dir, name);
  const source = readFileSync(path, "utf8");
  // Top-level names stay: the glue's exports and the accordion's `window.trdAccordion`
  // are read by other scripts.
  const out = await minify(source, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error(`minify: ${name} produced nothing`);
  writeFileSync(path, out.code);
  summary.push(`${name} ${source.length} → ${out.code.length} B`);
  // Any tag referring to this file with an integrity hash gets the new one.
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const [page, text] of html) {
    html.set(
      page,
      text.replace(new RegExp(`<[^>]*${escaped}[^>]*>`, "g"), (tag) =>
        tag.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, (_, q) => `integrity=${q}${sri(out.code)}${q}`),
      ),
    );
  }
}
for (const [page, text] of html) writeFileSync(join(dir, page), text);
console.error(`minify: ${summary.join("; ")}`);
