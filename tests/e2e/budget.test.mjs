// Deterministic budgets on the release build: bytes an embed costs a host page, and the
// Lighthouse categories that are stable enough to assert. Timings live in the benchmark.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { DIST, CHROMIUM, CHROMIUM_ARGS, serveDist, assets, launch, waitLive } from "./helpers.mjs";
import { serve } from "./server.mjs";
import { benchRoutes, blockingTime, clickToFrame, median } from "./measure.mjs";

const KiB = 1024;
// Ratchet: the current build plus a little headroom, so growth is a decision, not an
// accident. The product target is 170 KiB (see the README's Performance section); Yew
// with hydration plus the content alone take about 97 KiB of it, so it is not met yet.
// Raised from 232 for the corrected content of issue 9 (safety facts, review dates, words
// explained, more crisis lines). Raised to 254 for "What matters to me" (issue 13): its
// data alone (merged before the view was wired) measured 243.8 KiB, and wiring the view,
// its state, URL, questions and event added 9.9 KiB (253.7 KiB).
// Raised again for the Spanish edition (issue 12) while it was compiled into the wasm
// (300; 287.8 KiB measured). Lowered to 259 once each locale's content left the wasm for
// a JSON file fetched only by its readers: the English bare snippet measured 257.3 KiB
// with its content file (30.0 KiB of it; a Spanish reader's is 32.9 KiB instead).
// Lowered to 239 by issue 11's size work (one serde-free decoder per type, a table of
// accessors for the interface strings, the content JSON reordered for gzip): 237.6 KiB
// (wasm 191.8, content 29.6, glue 6.8, CSS 5.0, loader 4.4).
// The bare snippet then also loaded the prerendered guide and trd-accordion.js (goal 3:
// content before the wasm, 26.1 KiB), and progressive hydration (goal 4: no long task
// while loading) added 7–8 KiB of wasm: 273.8 KiB (wasm 201.3, content 29.6, guide 23.9,
// glue 6.8, CSS 5.0, loader 5.0, accordion 2.2).
// Raised to 288 for "How this guide was made" (issue 25): its text is in the content file
// (+1.9 KiB) and in the prerendered guide (+2.2), and its view, the publisher's options
// (six attributes and JSON keys, the review line and its JSON-LD) and the links into it
// added 8.7 KiB of wasm after taking the sort of its changes out (a file order, tested):
// 287.2 KiB (wasm 210.0, content 31.5, guide 26.1, glue 6.9, CSS 5.3, loader 5.0,
// accordion 2.4).
// Raised to 301 for the fairness fixes and the engines work (issues 20 and 23): the same
// question answered to one standard for every card (label-backed safety answers, failed
// trials named, who was studied) added 5.0 KiB to the content file and 3.1 to the
// prerendered guide; the loader's integrity checks for pinned releases +1.4; the crisis
// line chosen from the reader's languages, plurals and locale dates +3.3 of wasm:
// 300.0 KiB (wasm 213.3, content 36.5, guide 29.2, glue 6.9, loader 6.4, CSS 5.3,
// accordion 2.4).
// Raised to 325 for issue 21 (from main's 300.0 KiB above): the content and configuration
// are decoded by serde and serde-wasm-bindgen, as the design names them, instead of a
// hand-written decoder: 324.2 KiB (wasm 237.1, +23.8; glue 7.3, +0.4; the rest as above).
// Where it goes (twiggy, README's Performance section): the derived deserializers, about
// 25 types and 170 fields (a locale's content as a whole, a card), the float formatting
// that serde's error messages link in, and serde-wasm-bindgen itself.
// Raised to 345 for the fact boxes (issue 22), on top of serde: 344.4 KiB (wasm 248.0,
// content 40.4, guide 33.9, glue 7.3, loader 6.5, CSS 5.5, accordion 2.7). The boxes'
// own share, measured on the factbox branch by taking them out of its files: content
// +3.6 KiB (13 boxes' numbers and words, joined onto their cards), prerendered guide +4.7
// (the boxes and their icon arrays in the HTML), CSS +0.2, and about +12 KiB of wasm (the
// box, row and group types, the box and icon-array views, the comparison column and
// "See the numbers").
const EMBED_GZIP_BUDGET = 345 * KiB;

// The goals are a click at 1.0× the floor and no blocking over 50 ms. These are
// ratchets above what the build reaches (clicks 1.6–1.8× alone and 0.7–1.1× with 20
// instances), with room for a loaded 2-core CI machine: repeated runs of one build spread
// by ±30 % and more. Blocking: 160–380 ms while hydration was one task; with content read
// card by card and cards hydrated one per task (src/progressive.rs), medians of 0–30 ms
// (fragment), 20–180 ms (standalone: mostly the browser's own first layout of the long
// page, which the floor page shares at 10–80 ms on the same machine) and 100–190 ms
// (snippet, which still renders afresh in one task).
const CLICK_RATIO = 2.5;
const BLOCKING_MS = 300;

const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

describe("budgets", () => {
  test(`everything the embed snippet loads stays within ${EMBED_GZIP_BUDGET / KiB} KiB gzip`, () => {
    const asset = assets();
    const parts = {
      loader: gz(asset.loader),
      glue: gz(asset.glue),
      wasm: gz(asset.wasm),
      css: gz(asset.css),
      // An English reader's content; another language's reader gets theirs instead.
      content: gz(asset.content.en.json),
      // The prerendered cards a bare element shows before the wasm (its language's), and
      // the script that runs them until the app arrives.
      body: gz(asset.body.en.html),
      accordion: gz(asset.accordion),
    };
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    console.log(`embed gzip: ${(total / KiB).toFixed(1)} KiB`, Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, `${(v / KiB).toFixed(1)} KiB`])));
    assert.ok(total <= EMBED_GZIP_BUDGET, `${(total / KiB).toFixed(1)} KiB > ${EMBED_GZIP_BUDGET / KiB} KiB`);
  });

  test("the wasm carries no content text: every card summary, English and Spanish, is only in its content file", () => {
    const asset = assets();
    const wasm = readFileSync(join(DIST, asset.wasm)).toString("latin1");
    for (const code of ["en", "es"]) {
      const text = readFileSync(join(DIST, asset.content[code].json), "utf8");
      const module = readFileSync(join(DIST, asset.content[code].module), "utf8");
      const cards = JSON.parse(text).cards;
      assert.ok(cards.length >= 19, `${code}: ${cards.length} cards`);
      // The module form carries exactly the same text.
      assert.equal(module.includes(`export default ${JSON.stringify(text)}`), true, `${code}: module text`);
      for (const card of cards) {
        // Compared as UTF-8 bytes read as Latin-1, as the wasm's data segments hold them.
        const sentence = Buffer.from(card.summary.slice(0, 60), "utf8").toString("latin1");
        assert.ok(!wasm.includes(sentence), `${code} card "${card.id}" text is in the wasm: ${card.summary.slice(0, 60)}`);
      }
    }
  });

  test("each standalone page carries its own language's content, and only that", () => {
    for (const [file, code] of [["index.html", "en"], [join("es", "index.html"), "es"]]) {
      const html = readFileSync(join(DIST, file), "utf8");
      const scripts = [...html.matchAll(/<script type="application\/json" id="trd-content" data-locale="([a-z]+)">([^<]*)<\/script>/g)];
      assert.equal(scripts.length, 1, `${file}: one content script`);
      assert.equal(scripts[0][1], code, file);
      assert.equal(JSON.parse(scripts[0][2]).locale, code, file);
    }
  });

  test("a reader downloads only their language's content, and a later lang change fetches the other", async () => {
    const asset = assets();
    const browser = await launch();
    const cdn = await serve({ root: DIST, cors: true, prefix: "/cdn" });
    const page = (lang, loader) => `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title></head>
      <body><main><h1>t</h1><trd-explainer id="w"></trd-explainer></main><script type="module" src="${loader}"></script></body></html>`;
    const csp = `default-src 'self'; script-src 'self' ${cdn.url} 'wasm-unsafe-eval'; style-src 'self' ${cdn.url}`;
    const headers = { "content-security-policy": csp };
    const site = await serveDist({
      routes: {
        "/en.html": { body: page("en", "/trd-explainer.js"), headers },
        "/es.html": { body: page("es-MX", "/trd-explainer.js"), headers },
        "/en-cdn.html": { body: page("en-GB", `${cdn.url}/cdn/trd-explainer.js`), headers },
        "/es-cdn.html": { body: page("es", `${cdn.url}/cdn/trd-explainer.js`), headers },
        "/favicon.ico": { body: "", type: "image/x-icon" },
      },
    });
    const files = (code) => [asset.content[code].json, asset.content[code].module];
    const run = async (path, lang, form, other) => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const requested = [];
      tab.on("request", (r) => requested.push(new URL(r.url()).pathname.split("/").pop()));
      await tab.addInitScript(() => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await tab.goto(site.url + path);
      await waitLive(tab, "trd-explainer");
      const shown = () => tab.evaluate(() => document.querySelector("#w").shadowRoot.querySelector(".trd[lang]").getAttribute("lang"));
      assert.equal(await shown(), lang, path);
      assert.ok(requested.includes(asset.content[lang][form]), `${path}: ${asset.content[lang][form]} not requested: ${requested.join(", ")}`);
      for (const code of Object.keys(asset.content).filter((c) => c !== lang)) {
        const leaked = requested.filter((f) => files(code).includes(f));
        assert.deepEqual(leaked, [], `${path}: a ${lang} reader downloaded ${code} content`);
      }
      // Switching language fetches the other locale, then shows it.
      await tab.evaluate((code) => document.querySelector("#w").setAttribute("lang", code), other);
      await tab.waitForFunction(
        (code) => document.querySelector("#w").shadowRoot.querySelector(".trd[lang]")?.getAttribute("lang") === code,
        other,
      );
      assert.ok(requested.includes(asset.content[other][form]), `${path}: ${other} content not fetched on lang change`);
      assert.deepEqual(await tab.evaluate(() => window.__violations), [], `${path}: CSP violations`);
      await context.close();
    };
    try {
      await run("/en.html", "en", "json", "es");
      await run("/es.html", "es", "json", "en");
      await run("/en-cdn.html", "en", "module", "es");
      await run("/es-cdn.html", "es", "module", "en");
    } finally {
      await browser.close();
      await site.close();
      await cdn.close();
    }
  });

  test(`loading blocks the main thread at most ${BLOCKING_MS} ms at 4× CPU (standalone, fragment and snippet pages; median of 3)`, async () => {
    const floorHtml = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><main><h1>floor</h1></main></body></html>`;
    const server = await serveDist({ compress: true, routes: benchRoutes(DIST, floorHtml) });
    const browser = await launch();
    try {
      for (const path of ["/", "/fragment.html", "/snippet.html"]) {
        const runs = [];
        for (let i = 0; i < 3; i++) runs.push(await blockingTime(browser, server.url + path));
        const blocked = median(runs.map((r) => r.tbt));
        console.log(`blocking ${path}: ${blocked.toFixed(0)} ms (longest task ${median(runs.map((r) => r.longest)).toFixed(0)} ms)`);
        assert.ok(blocked <= BLOCKING_MS, `${path}: ${blocked.toFixed(0)} ms blocked > ${BLOCKING_MS} ms`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test("Lighthouse on the standalone page: accessibility 100, best practices and SEO at least 95", async () => {
    const server = await serveDist({ compress: true });
    try {
      const { stdout } = await promisify(execFile)(
        new URL("./node_modules/.bin/lighthouse", import.meta.url).pathname,
        [`${server.url}/`, "--output=json", "--quiet", "--form-factor=mobile", "--only-categories=accessibility,best-practices,seo,performance", `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 1 << 28 },
      );
      const r = JSON.parse(stdout);
      const score = (k) => Math.round(r.categories[k].score * 100);
      console.log("lighthouse:", Object.fromEntries(Object.keys(r.categories).map((k) => [k, score(k)])));
      assert.equal(score("accessibility"), 100);
      assert.ok(score("best-practices") >= 95, `best practices ${score("best-practices")}`);
      assert.ok(score("seo") >= 95, `SEO ${score("seo")}`);
    } finally {
      await server.close();
    }
  });
});
