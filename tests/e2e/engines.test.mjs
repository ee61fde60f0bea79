// The same reader's path in every engine: Chromium, Firefox ESR and WebKit (Safari's
// engine). For the standalone page, the bare snippet, the pasted fragment, the demo
// article, the Spanish page and the iframe embed page: the app hydrates, a card opens on a click, search
// narrows the cards, and nothing throws. See engines.mjs for how each engine is driven.
// TRD_ENGINES=firefox,webkit runs only those.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST } from "./helpers.mjs";
import { serve } from "./server.mjs";
import { ENGINES, startEngine, waitFor } from "./engines.mjs";

// Loaded first by every page under test: records what would otherwise be lost to an
// engine without an event stream (WebDriver classic): uncaught errors, unhandled
// rejections and console.error calls (the app's panic hook and the loader's failures).
const PROBE = `
  window.__trdErrors = [];
  addEventListener("error", (e) => __trdErrors.push("uncaught: " + (e.message || e.error)));
  addEventListener("unhandledrejection", (e) => __trdErrors.push("unhandled rejection: " + (e.reason && (e.reason.stack || e.reason))));
  const original = console.error;
  console.error = function (...args) { __trdErrors.push("console.error: " + args.map(String).join(" ")); return original.apply(this, args); };
`;
const PROBE_TAG = `<script src="/engine-probe.js"></script>`;
// First in the head (an HTML minifier may have left out the `<head>` tag itself).
const withProbe = (html) => html.replace(/<meta charset[^>]*>/i, (meta) => `${meta}${PROBE_TAG}`);
const read = (name) => readFileSync(join(DIST, name), "utf8");
const page = (lang, body) =>
  `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>Host</title></head><body><main><h1>Article</h1>${body}</main></body></html>`;

// What each page is, where its widget lives (a shadow host, or the document), and a
// search that narrows the cards to a few with electroconvulsive therapy among them.
const PAGES = [
  { name: "standalone page", path: "/", host: null, query: "electroconvuls" },
  { name: "bare snippet", path: "/snippet.html", host: "trd-explainer#w", query: "electroconvuls" },
  { name: "pasted fragment", path: "/fragment.html", host: "trd-explainer", query: "electroconvuls" },
  { name: "demo article", path: "/demo/article.html", host: "trd-explainer#guide", query: "electroconvuls", others: ["trd-explainer#stimulation"] },
  { name: "Spanish page", path: "/es/index.html", host: null, query: "electroconvuls", lang: "es" },
  { name: "iframe embed page", path: "/embed.html", host: "trd-explainer", query: "electroconvuls" },
  // The embed page as WordPress frames it (sandbox="allow-scripts"): an opaque origin,
  // here through the same sandbox as a response header, so no frame switching is needed.
  { name: "sandboxed embed page", path: "/embed-sandboxed.html", host: "trd-explainer", query: "electroconvuls", sandboxed: true },
];

const wanted = (process.env.TRD_ENGINES ?? "").split(",").filter(Boolean);
const engines = wanted.length ? ENGINES.filter((e) => wanted.includes(e)) : ENGINES;

let server;
before(async () => {
  server = await serve({
    root: DIST,
    // An opaque origin's requests are all cross-origin (the sandboxed embed page).
    cors: true,
    routes: {
      "/engine-probe.js": { body: PROBE, type: "text/javascript" },
      "/": { body: withProbe(read("index.html")) },
      "/index.html": { body: withProbe(read("index.html")) },
      "/es/index.html": { body: withProbe(read("es/index.html")) },
      "/demo/article.html": { body: withProbe(read("demo/article.html")) },
      "/embed.html": { body: withProbe(read("embed.html")) },
      "/embed-sandboxed.html": {
        body: withProbe(read("embed.html")),
        headers: { "content-security-policy": "sandbox allow-scripts" },
      },
      "/snippet.html": { body: withProbe(page("en", `<trd-explainer id="w"></trd-explainer><script type="module" src="/trd-explainer.js"></script>`)) },
      "/fragment.html": { body: withProbe(page("en", read("trd-explainer.fragment.html"))) },
      "/favicon.ico": { body: "", type: "image/x-icon" },
    },
  });
});
after(() => server?.close());

// In-page helpers (run by the engine): the root a widget renders in, and its cards.
const ROOT = `(host) => host ? document.querySelector(host)?.shadowRoot : document`;
const live = `(hosts) => hosts.every((host) => (${ROOT})(host)?.querySelector(".trd--live"))`;
const visible = `(host) => [...((${ROOT})(host)?.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card") ?? [])].map((c) => c.id)`;
const at = (host, selector) => (host ? [host, selector] : [selector]);

for (const name of engines) {
  describe(`${name}`, () => {
    let engine;
    before(async () => {
      engine = await startEngine(name);
    });
    after(() => engine?.close());

    for (const spec of PAGES) {
      test(`${spec.name}: hydrates, a card opens, search narrows, nothing throws`, async () => {
        const tab = await engine.open(server.url + spec.path);
        try {
          await waitFor(tab, live, [spec.host], { what: `the app to hydrate (${name}, ${spec.name})`, timeout: 30000 });
          // Other instances start when they come within 800 px of the viewport.
          for (const other of spec.others ?? []) {
            await tab.eval(`(host) => document.querySelector(host).scrollIntoView()`, other);
            await waitFor(tab, live, [other], { what: `${other} to hydrate (${name})`, timeout: 30000 });
          }
          const root = `(host) => (${ROOT})(host)`;
          if (spec.sandboxed) {
            // Storage throws there: the page says questions are not kept across a reload.
            const sandbox = await tab.eval(`() => ({ origin: self.origin, note: !document.getElementById("trd-embed-note").hidden })`);
            assert.deepEqual(sandbox, { origin: "null", note: true });
          }
          if (spec.lang) {
            assert.equal(await tab.eval(`(host) => (${root})(host).querySelector(".trd").getAttribute("lang")`, spec.host), spec.lang);
          }
          const all = await tab.eval(visible, spec.host);
          assert.equal(all.length, 19, `all cards shown at start: ${all}`);

          // A card opens on a click: its button says so and its panel shows.
          await tab.click(at(spec.host, "#ect .trd-card__button"));
          await waitFor(
            tab,
            `(host) => { const r = (${ROOT})(host); const b = r.querySelector("#ect .trd-card__button");
              const panel = r.getElementById(b.getAttribute("aria-controls"));
              return b.getAttribute("aria-expanded") === "true" && !panel.hidden && panel.getBoundingClientRect().height > 50; }`,
            spec.host,
            { what: `card #ect to open (${name}, ${spec.name})` },
          );

          // Search narrows the cards, with the match among them.
          await tab.click(at(spec.host, ".trd-find__summary"));
          await tab.type(at(spec.host, "#trd-search-input"), spec.query);
          const narrowed = await waitFor(
            tab,
            `(host) => { const ids = (${visible})(host); return ids.length > 0 && ids.length < 19 ? ids : null; }`,
            spec.host,
            { what: `search to narrow the cards (${name}, ${spec.name})` },
          );
          assert.ok(narrowed.includes("ect"), `"${spec.query}" finds ECT: ${narrowed}`);

          const errors = [...(await tab.eval(`() => window.__trdErrors`)), ...tab.errors()];
          assert.deepEqual(errors.filter((e) => !/favicon/.test(e)), [], `no error in ${name}`);
        } finally {
          await tab.close();
        }
      });
    }
  });
}
