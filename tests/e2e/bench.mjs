// The benchmark: the release build against the floor (the same content as plain static
// HTML) and the GOV.UK Frontend accordion, measured in one run. Prints a table and writes
// bench-results/bench.json. Figures are reported, never asserted (see budget.test.mjs).
//
//   node bench.mjs [--runs N] [--skip-lighthouse]
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";
import { CHROMIUM, CHROMIUM_ARGS, DIST, assets } from "./helpers.mjs";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, "..", "..");
const OUT = join(ROOT, "bench-results");
const PAGES = join(OUT, "pages");
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 3;
const SKIP_LH = args.includes("--skip-lighthouse");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const kib = (n) => (n / 1024).toFixed(1);
const ms = (n) => (Number.isFinite(n) ? n.toFixed(1) : "–");

// ---------------------------------------------------------------- pages under test
mkdirSync(PAGES, { recursive: true });
await run("cargo", ["run", "--quiet", "--offline", "--example", "comparison_pages", "--", PAGES], { cwd: ROOT });
cpSync(join(here, "node_modules/govuk-frontend/dist/govuk"), join(PAGES, "govuk"), {
  recursive: true,
  filter: (src) => !src.endsWith(".map") && !src.endsWith(".scss"),
});

const asset = assets();

// ---------------------------------------------------------------- transfer sizes
function sizes(label, files) {
  const rows = files.map(([name, path]) => {
    const body = readFileSync(path);
    return {
      page: label,
      asset: name,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total: { page: label, asset: "total", ...total } };
}
const embed = sizes("embed (snippet)", [
  [asset.loader + " (loader)", join(DIST, asset.loader)],
  [asset.glue + " (glue)", join(DIST, asset.glue)],
  [asset.wasm, join(DIST, asset.wasm)],
  [asset.css, join(DIST, asset.css)],
  [asset.content.en.json, join(DIST, asset.content.en.json)],
]);
const embedCdn = sizes("embed from another origin", [
  [asset.loader + " (loader)", join(DIST, asset.loader)],
  [asset.glue + " (glue)", join(DIST, asset.glue)],
  [asset.wasmModule, join(DIST, asset.wasmModule)],
  [asset.css, join(DIST, asset.css)],
  [asset.content.en.module, join(DIST, asset.content.en.module)],
]);
const standalone = sizes("standalone index.html", [
  ["index.html", join(DIST, "index.html")],
  ["page css", join(DIST, asset.pageCss)],
  [asset.accordion, join(DIST, asset.accordion)],
  [asset.glue + " (glue)", join(DIST, asset.glue)],
  [asset.wasm, join(DIST, asset.wasm)],
  [asset.css, join(DIST, asset.css)],
]);
const floorSizes = sizes("floor (static HTML)", [["floor.html", join(PAGES, "floor.html")]]);
const govukSizes = sizes("GOV.UK accordion", [
  ["govuk.html", join(PAGES, "govuk.html")],
  ["govuk-frontend.min.css", join(PAGES, "govuk/govuk-frontend.min.css")],
  ["govuk-frontend.min.js", join(PAGES, "govuk/govuk-frontend.min.js")],
]);
const sizeTables = [embed, embedCdn, standalone, floorSizes, govukSizes];

// ---------------------------------------------------------------- servers
const server = await serve({
  root: DIST,
  compress: true,
  routes: Object.fromEntries(
    ["floor.html", "govuk.html"].map((f) => [`/bench/${f}`, { body: readFileSync(join(PAGES, f)) }]),
  ),
});
const pagesServer = await serve({ root: PAGES, compress: true });
const urls = {
  ours: `${server.url}/`,
  floor: `${pagesServer.url}/floor.html`,
  govuk: `${pagesServer.url}/govuk.html`,
};

// ---------------------------------------------------------------- Lighthouse
async function lighthouse(url) {
  const { stdout } = await run(
    join(here, "node_modules/.bin/lighthouse"),
    [url, "--output=json", "--quiet", "--form-factor=mobile", "--throttling-method=simulate", `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 1 << 28 },
  );
  const r = JSON.parse(stdout);
  const num = (id) => r.audits[id].numericValue;
  return {
    performance: r.categories.performance.score * 100,
    accessibility: r.categories.accessibility.score * 100,
    "best-practices": r.categories["best-practices"].score * 100,
    seo: r.categories.seo.score * 100,
    FCP: num("first-contentful-paint"),
    LCP: num("largest-contentful-paint"),
    TBT: num("total-blocking-time"),
    CLS: num("cumulative-layout-shift"),
  };
}
const lh = {};
if (!SKIP_LH) {
  for (const [name, url] of Object.entries(urls)) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(url));
    lh[name] = Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
  }
}

// ---------------------------------------------------------------- interaction and memory
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

async function withPage(fn, { cpu = 4, width = 412, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.addInitScript(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "click" || e.name === "pointerdown") window.__events.push(e.duration);
    }).observe({ type: "event", durationThreshold: 0, buffered: true });
  });
  try {
    return await fn(page, cdp);
  } finally {
    await context.close();
  }
}

// Navigation start to the first card answering a click, then Event Timing durations
// (input to next paint) for a series of card toggles.
async function interaction(url, hostSelector) {
  const tti = [];
  const latency = [];
  for (let i = 0; i < RUNS; i++) {
    await withPage(async (page) => {
      await page.goto(url);
      const t = await page.evaluate(async (sel) => {
        const root = () => (sel ? document.querySelector(sel)?.shadowRoot : document);
        while (!root()?.querySelector(".trd--live")) await new Promise((r) => setTimeout(r, 5));
        const b = root().querySelector(".trd-card__button");
        b.click();
        while (b.getAttribute("aria-expanded") !== "true") await new Promise((r) => requestAnimationFrame(r));
        return performance.now();
      }, hostSelector);
      tti.push(t);
      const buttons = hostSelector
        ? page.locator(`${hostSelector} .trd-card__button`)
        : page.locator(".trd-card__button");
      const count = await buttons.count();
      for (let k = 1; k <= 8; k++) {
        await buttons.nth(k % count).click();
        await page.waitForTimeout(50);
      }
      const durations = await page.evaluate(() => window.__events);
      latency.push(median(durations));
    });
  }
  return { tti: median(tti), clickLatency: median(latency) };
}

const manyPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>20 instances</title>
  <link rel="stylesheet" href="/bench-many.css"><script type="module" src="/trd-explainer.js"></script></head><body><main>
  ${Array.from({ length: 20 }, (_, i) => `<h2>Section ${i + 1}</h2><trd-explainer id="w${i}" categories="${["medication", "stimulation", "psychotherapy", "research"][i % 4]}" storage-key="w${i}"></trd-explainer>`).join("\n")}
  </main></body></html>`;
const manyServer = await serve({
  root: DIST,
  compress: true,
  routes: {
    "/many.html": { body: manyPage },
    // Start every instance at once: no space held, so all are near the viewport.
    "/bench-many.css": { body: "trd-explainer { --trd-reserve-height: 0px; }", type: "text/css" },
  },
});

const interactions = {
  standalone: await interaction(urls.ours),
  "20 instances": await interaction(`${manyServer.url}/many.html`, "#w0"),
};

// Memory: JS heap (after GC) and wasm linear memory with 1 and 20 instances.
async function memory(url, count) {
  return withPage(
    async (page, cdp) => {
      await page.goto(url);
      await page.waitForFunction((n) => document.querySelectorAll("trd-explainer").length >= n || document.querySelector(".trd--live"), count);
      await page.waitForFunction(() => {
        const hosts = [...document.querySelectorAll("trd-explainer")];
        return hosts.length ? hosts.every((h) => h.shadowRoot?.querySelector(".trd--live")) : !!document.querySelector(".trd--live");
      });
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("Performance.enable");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const heap = metrics.find((m) => m.name === "JSHeapUsedSize").value;
      const wasm = await page.evaluate(async (glue) => (await import(glue)).memoryBytes(), `/${asset.glue}`);
      return { jsHeap: heap, wasmMemory: wasm };
    },
    { cpu: 1 },
  );
}
const mem = {
  "1 instance": await memory(urls.ours, 1),
  "20 instances": await memory(`${manyServer.url}/many.html`, 20),
};

// ---------------------------------------------------------------- scaling
// Render, filter, expand all and sort with 19, 100 and 500 cards (built-in + synthetic),
// without CPU throttling; each figure is synchronous work plus style and layout.
const synthetic = (n) =>
  Array.from({ length: n }, (_, i) => ({
    id: `synthetic-${i}`,
    category: ["medication", "stimulation", "psychotherapy"][i % 3],
    status: ["established", "emerging", "investigational"][i % 3],
    title: `Synthetic treatment ${i}`,
    summary: `A generated card used to measure how the explainer scales, number ${i}.`,
    questions: ["Is this a real treatment?", "Why does it exist?"],
    sources: [{ id: "bench", short: "Benchmark", text: "Generated for the benchmark" }],
    how_it_works: { points: ["It does not work; it is test data.", "A second sentence about nothing in particular."] },
    how_given: { brief: "Never", points: ["It is never given."] },
    onset: { brief: "Never", points: ["It never helps."] },
    evidence: { brief: "None", level: ["strong", "moderate", "mixed", "limited"][i % 4], points: ["There is none."] },
    risks: { brief: "None", points: ["Boredom."] },
    regulatory: { brief: "Not applicable", points: ["Not applicable."] },
  }));

async function scalingAt(total) {
  const s = await serve({
    root: DIST,
    compress: true,
    routes: {
      "/scaling.html": {
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>scaling</title><script src="/cards.js"></script><script type="module" src="/trd-explainer.js"></script></head><body></body></html>`,
      },
      // The synthetic cards travel as a plain script file.
      "/cards.js": { body: `window.__cards = ${JSON.stringify(synthetic(Math.max(0, total - 19)))};`, type: "text/javascript" },
    },
  });
  try {
    return await withPage(
      async (page) => {
        await page.goto(`${s.url}/scaling.html`);
        return page.evaluate(async () => {
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          await customElements.whenDefined("trd-explainer");
          // A first instance boots the wasm, so the timings below exclude download and compile.
          const warm = document.createElement("trd-explainer");
          const warmed = new Promise((r) => warm.addEventListener("trd-explainer:ready", r, { once: true }));
          document.body.append(warm);
          await warmed;
          warm.remove();
          const layout = (el) => el.shadowRoot.querySelector(".trd").getBoundingClientRect();
          // Yew renders on a microtask after an event: wait for the DOM to show the result,
          // then force style and layout, so each figure is the whole update.
          const until = (root, done) =>
            new Promise((resolve) => {
              if (done()) return resolve();
              const mo = new MutationObserver(() => {
                if (done()) {
                  mo.disconnect();
                  resolve();
                }
              });
              mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
            });
          const results = { render: [], filter: [], filterDom: [], expandAll: [], sort: [], sortDom: [] };
          for (let rep = 0; rep < 5; rep++) {
            const el = document.createElement("trd-explainer");
            el.setAttribute("storage-key", `s${rep}`);
            el.setAttribute("deep-links", "off");
            if (window.__cards.length) el.config = { cards: window.__cards };
            const ready = new Promise((r) => el.addEventListener("trd-explainer:ready", r, { once: true }));
            let t = performance.now();
            document.body.append(el);
            await ready;
            layout(el);
            results.render.push(performance.now() - t);
            await frame();
            const root = el.shadowRoot;
            const cards = () => root.querySelectorAll(".trd-list__item:not([hidden])").length;
            const before = cards();
            const input = root.querySelector("#trd-search-input");
            t = performance.now();
            input.value = "seizure";
            input.dispatchEvent(new InputEvent("input", { bubbles: true }));
            await until(root, () => cards() !== before);
            results.filterDom.push(performance.now() - t);
            layout(el);
            results.filter.push(performance.now() - t);
            input.value = "";
            input.dispatchEvent(new InputEvent("input", { bubbles: true }));
            await until(root, () => cards() === before);
            await frame();
            const toggle = root.querySelector(".trd-expand-all");
            t = performance.now();
            toggle.click();
            await until(root, () => !root.querySelector(".trd-card__panel[hidden]"));
            layout(el);
            results.expandAll.push(performance.now() - t);
            await frame();
            root.querySelector(".trd-tab:nth-child(2)").click();
            await until(root, () => root.querySelector("thead th[data-sortable]"));
            await frame();
            const header = [...root.querySelectorAll("thead th[data-sortable]")].at(-1);
            t = performance.now();
            header.querySelector("button").click();
            await until(root, () => header.getAttribute("aria-sort") === "ascending");
            results.sortDom.push(performance.now() - t);
            layout(el);
            results.sort.push(performance.now() - t);
            el.remove();
            await frame();
          }
          const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
          return Object.fromEntries(Object.entries(results).map(([k, v]) => [k, med(v)]));
        });
      },
      { cpu: 1, width: 1280 },
    );
  } finally {
    await s.close();
  }
}
const scale = {};
for (const n of [19, 100, 500]) scale[n] = await scalingAt(n);

await browser.close();
await server.close();
await pagesServer.close();
await manyServer.close();

// ---------------------------------------------------------------- report
const lines = [];
const table = (title, header, rows) => {
  lines.push("", title);
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const [n, r] of all.entries()) {
    lines.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
    if (n === 0) lines.push(widths.map((w) => "-".repeat(w)).join("  "));
  }
};
table(
  "Transfer size (KiB)",
  ["page / asset", "raw", "gzip", "brotli"],
  sizeTables.flatMap((t) => [
    ...t.rows.map((r) => [`  ${r.page}: ${r.asset}`, kib(r.raw), kib(r.gzip), kib(r.brotli)]),
    [`${t.total.page}: TOTAL`, kib(t.total.raw), kib(t.total.gzip), kib(t.total.brotli)],
  ]),
);
if (!SKIP_LH) {
  const keys = ["performance", "accessibility", "best-practices", "seo", "FCP", "LCP", "TBT", "CLS"];
  const fmt = (k, v) => (["FCP", "LCP", "TBT"].includes(k) ? `${Math.round(v)} ms` : k === "CLS" ? v.toFixed(3) : Math.round(v));
  table(
    `Lighthouse (mobile, simulated throttling; median of ${RUNS})`,
    ["metric", "ours", "floor", "GOV.UK", "ours/floor", "ours/GOV.UK"],
    keys.map((k) => [
      k,
      fmt(k, lh.ours[k]),
      fmt(k, lh.floor[k]),
      fmt(k, lh.govuk[k]),
      lh.floor[k] ? (lh.ours[k] / lh.floor[k]).toFixed(2) : "–",
      lh.govuk[k] ? (lh.ours[k] / lh.govuk[k]).toFixed(2) : "–",
    ]),
  );
}
table(
  `Interaction at 4x CPU slowdown (median of ${RUNS} loads)`,
  ["page", "navigation → first card toggles (ms)", "click → next paint (ms, Event Timing)"],
  Object.entries(interactions).map(([k, v]) => [k, ms(v.tti), ms(v.clickLatency)]),
);
table(
  "Scaling (no throttling; median of 5, ms; 'app' = until the DOM is updated, the rest adds style and layout)",
  ["cards", "render", "filter: app", "filter: total", "expand all", "sort: app", "sort: total"],
  Object.entries(scale).map(([n, v]) => [n, ms(v.render), ms(v.filterDom), ms(v.filter), ms(v.expandAll), ms(v.sortDom), ms(v.sort)]),
);
table(
  "Memory after GC (MiB)",
  ["instances", "JS heap", "wasm linear memory"],
  Object.entries(mem).map(([k, v]) => [k, (v.jsHeap / 1048576).toFixed(1), (v.wasmMemory / 1048576).toFixed(1)]),
);

const report = { date: new Date().toISOString(), runs: RUNS, sizes: sizeTables, lighthouse: lh, interactions, scaling: scale, memory: mem };
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "bench.json"), JSON.stringify(report, null, 2));
console.log(lines.join("\n"));
console.log(`\nWrote ${join("bench-results", "bench.json")}`);
