// Shared set-up for the browser tests: Chromium from the system, the built bundle served
// on loopback, axe-core, and collectors for console output and layout shifts.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { serve } from "./server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// TRD_DIST measures another build (the benchmark's baseline runs: a build of an earlier
// commit, to put before and after side by side).
export const DIST = process.env.TRD_DIST || join(here, "..", "..", "dist");
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Names of the built assets, from the manifest the build writes (src/bin/prerender.rs). */
export function assets() {
  const file = join(DIST, "assets.json");
  if (!existsSync(file)) throw new Error("dist/assets.json is missing: run `trunk build --release` first");
  return JSON.parse(readFileSync(file, "utf8"));
}

export const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch() {
  if (!existsSync(join(DIST, "index.html"))) throw new Error("dist/ is missing: run `trunk build --release` first");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function serveDist(options = {}) {
  return serve({ root: DIST, ...options });
}

/** Records console messages and uncaught errors of a page. */
export function watchConsole(page) {
  const log = { errors: [], warnings: [], pageErrors: [], all: [] };
  page.on("console", (m) => {
    const text = m.text();
    // Chromium notes that preload ignores `integrity`; that is Trunk's markup, not an error.
    if (text.includes("integrity` attribute is currently ignored")) return;
    log.all.push(`${m.type()}: ${text}`);
    if (m.type() === "error") log.errors.push(text);
    if (m.type() === "warning") log.warnings.push(text);
  });
  page.on("pageerror", (e) => log.pageErrors.push(String(e)));
  return log;
}

/** Sums layout shifts from the start of the page load (install before navigation). */
export async function watchLayoutShift(page) {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA and best practices) and returns its violations. */
export async function axe(page, context = undefined) {
  await page.evaluate(AXE);
  return page.evaluate(async (context) => {
    const result = await window.axe.run(context ?? document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} :: ${n.failureSummary}`),
    }));
  }, context);
}

export function formatViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n");
}

/** Waits until the app in `root` (a document or a shadow root host selector) is interactive. */
export async function waitLive(page, hostSelector = null) {
  if (hostSelector) {
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((h) => h.shadowRoot?.querySelector(".trd--live")),
      hostSelector,
    );
  } else {
    await page.waitForSelector(".trd--live");
  }
}

/**
 * Resolves once the widgets' markup has stopped changing for `quietMs` (the cards
 * hydrate one per task after the app is live, see src/progressive.rs): for tests that
 * count what one action changes, or listeners before and after.
 */
export async function waitSettled(page, { quietMs = 500, timeoutMs = 15000 } = {}) {
  await page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise((resolve, reject) => {
        const roots = [document, ...[...document.querySelectorAll("trd-explainer")].map((h) => h.shadowRoot).filter(Boolean)];
        let timer = setTimeout(done, quietMs);
        const give = setTimeout(() => { mo.disconnect(); reject(new Error("the widgets never settled")); }, timeoutMs);
        const mo = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quietMs); });
        for (const root of roots) mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        function done() { mo.disconnect(); clearTimeout(give); resolve(); }
      }),
    { quietMs, timeoutMs },
  );
}

/**
 * A browser and the built bundle for one test file: `setup()` in `before`, `teardown()`
 * in `after`, and `open(path, options)` for a fresh page that is live (unless JS is off).
 */
export function standalonePages() {
  const env = { browser: null, server: null };
  return {
    async setup() {
      env.browser = await launch();
      env.server = await serveDist();
    },
    async teardown() {
      await env.browser?.close();
      await env.server?.close();
    },
    get url() {
      return env.server.url;
    },
    async open(path = "/", { width = 1280, height = 900, scheme = "light", js = true, reducedMotion = "no-preference", init, clipboard = false } = {}) {
      const context = await env.browser.newContext({ viewport: { width, height }, colorScheme: scheme, javaScriptEnabled: js, reducedMotion });
      if (clipboard) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
      const page = await context.newPage();
      if (init) await page.addInitScript(init);
      const log = watchConsole(page);
      await watchLayoutShift(page);
      await page.goto(env.server.url + path);
      if (js) await waitLive(page);
      return { page, log, context };
    },
    get browser() {
      return env.browser;
    },
  };
}
