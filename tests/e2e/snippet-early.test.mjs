// The bare snippet shows the guide before the wasm: the loader puts the build's
// prerendered body for the element's language into its shadow root at once (with its
// stylesheet), its cards answer clicks (trd-accordion.js), and the app then hydrates it
// in place. An element configured away from that markup renders afresh instead. Under a
// strict CSP, from the same origin and from another.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { launch, serveDist, watchConsole, watchLayoutShift, assets } from "./helpers.mjs";
import { serve } from "./server.mjs";

const asset = assets();
const LOADER = "/trd-explainer.js";
const shell = (body, loader = LOADER) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title></head>
  <body><main><h1>Article</h1><p>Some text before the guide.</p>${body}</main>
  <script type="module" src="${loader}"></script></body></html>`;
// Events and CSP violations, from an init script (the page's CSP does not apply to it).
const PROBE = `
  window.__events = [];
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
  for (const type of ["trd-explainer:ready", "trd-explainer:toggle"]) {
    document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  }
`;

let browser, server, cdn, host;
before(async () => {
  browser = await launch();
  const csp = (extra = "") => ({ "content-security-policy": `default-src 'self'; script-src 'self' ${extra} 'wasm-unsafe-eval'; style-src 'self' ${extra}` });
  const bare = `<trd-explainer></trd-explainer>`;
  server = await serveDist({
    routes: {
      "/favicon.ico": { body: "", type: "image/x-icon" },
      "/bare.html": { body: shell(bare), headers: csp() },
      "/two.html": { body: shell(`${bare}<trd-explainer id="second"></trd-explainer>`), headers: csp() },
      "/es.html": { body: shell(`<trd-explainer lang="es"></trd-explainer>`), headers: csp() },
      "/configured.html": {
        body: shell(`<trd-explainer categories="stimulation" heading-level="2"></trd-explainer>`),
        headers: csp(),
      },
      "/json.html": {
        body: shell(`<trd-explainer><script type="application/json">{"strings": {"expand_all": "Open every card"}}</script></trd-explainer>`),
        headers: csp(),
      },
      "/es-mx.html": { body: shell(`<trd-explainer lang="es-MX"></trd-explainer>`), headers: csp() },
    },
  });
  cdn = await serve({ root: (await import("./helpers.mjs")).DIST, cors: true, prefix: "/cdn/v1" });
  const loader = `${cdn.url}/cdn/v1${LOADER}`;
  host = await serve({
    root: "/nonexistent",
    routes: {
      "/favicon.ico": { body: "", type: "image/x-icon" },
      "/bare.html": { body: shell(bare, loader), headers: csp(cdn.url) },
    },
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await cdn?.close();
  await host?.close();
});

/** Opens `url` at phone size with the wasm (either form) held until `release()`; `locale`
 * sets the reader's browser languages. */
async function open(url, { failWasm = false, locale = undefined } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await watchLayoutShift(page);
  const log = watchConsole(page);
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(/_bg\.wasm(\.js)?$/, async (route) => {
    if (failWasm) return route.abort();
    await gate;
    await route.continue().catch(() => {});
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  return { page, context, log, requests, release };
}

// Runs `fn(shadowRoot, arg)` in the page for the element matching `selector`.
const inShadow = (page, fn, arg = null, selector = "trd-explainer") =>
  page.evaluate(`(${fn})(document.querySelector(${JSON.stringify(selector)}).shadowRoot, ${JSON.stringify(arg)})`);
const waitShadow = (page, sel, selector = "trd-explainer", timeout = 10000) =>
  page.waitForFunction(([host, sel]) => !!document.querySelector(host)?.shadowRoot?.querySelector(sel), [selector, sel], { timeout });

/** The cards seen before the wasm, a click on one, then hydration after `release`. */
async function cardsBeforeTheWasm(url, { bodyFile }) {
  const { page, context, log, requests, release } = await open(url);
  await waitShadow(page, "#tms-button");
  const early = await inShadow(page, (root) => ({
    cards: root.querySelectorAll(".trd-card").length,
    live: !!root.querySelector(".trd--live"),
    early: !!root.querySelector(".trd--early"),
    // Laid out and styled: the stylesheet came with it.
    firstCardTop: Math.round(root.querySelector(".trd-card").getBoundingClientRect().height),
    buttonStyled: getComputedStyle(root.querySelector(".trd-card__button")).cursor,
  }));
  assert.equal(early.cards, 19, "every card is in the shadow root");
  assert.equal(early.live, false, "before the app");
  assert.equal(early.early, false, "the body, not the crisis-lines placeholder");
  assert.ok(early.firstCardTop > 0, "cards are laid out");
  assert.equal(early.buttonStyled, "pointer", "the widget stylesheet applies");
  // Layout shifts while the page loaded and the body went in (the reader's click below
  // moves what follows the card, which is the reader's doing, not the loader's).
  const loadShift = await page.evaluate(() => window.__cls);
  assert.ok(requests.some((p) => p.endsWith(bodyFile)), `${bodyFile} was loaded: ${requests.join(" ")}`);

  // A click on a header opens its card within a frame, before the wasm.
  await page.waitForFunction(() => !!window.trdAccordion);
  const button = await page.evaluateHandle(() => document.querySelector("trd-explainer").shadowRoot.querySelector("#ect-button"));
  await button.click();
  const opened = await inShadow(page, (root) =>
    new Promise((resolve) =>
      requestAnimationFrame(() =>
        resolve({
          expanded: root.querySelector("#ect-button").getAttribute("aria-expanded"),
          hidden: root.querySelector("#ect-panel").hidden,
          live: !!root.querySelector(".trd--live"),
        }),
      ),
    ),
  );
  assert.deepEqual(opened, { expanded: "true", hidden: false, live: false }, "open within a frame, before the app");
  // Marks a node, so hydration (which keeps it) can be told from a fresh render (which would not).
  await inShadow(page, (root) => (root.querySelector("#ect-panel").__mark = "kept"));

  await page.waitForTimeout(500);
  assert.equal(await inShadow(page, (root) => !!root.querySelector(".trd--live")), false, "the wasm was held");
  await page.evaluate(() => (window.__cls = 0));
  release();
  await waitShadow(page, ".trd--live", "trd-explainer", 20000);
  await page.waitForTimeout(300);
  const after = await inShadow(page, (root) => ({
    expanded: root.querySelector("#ect-button").getAttribute("aria-expanded"),
    kept: root.querySelector("#ect-panel").__mark ?? null,
    cards: root.querySelectorAll(".trd-card").length,
  }));
  assert.deepEqual(after, { expanded: "true", kept: "kept", cards: 19 }, "hydrated in place, the card still open");
  const cls = loadShift + (await page.evaluate(() => window.__cls));
  assert.ok(cls < 0.01, `CLS while loading and hydrating: ${cls}`);
  const toggles = (await page.evaluate(() => window.__events)).filter((e) => e.type === "trd-explainer:toggle").map((e) => e.detail);
  assert.deepEqual(toggles, [{ id: "ect", open: true }], "a toggle event for the card opened before the app");

  // The app owns later clicks.
  await button.click();
  await page.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelector("#ect-button").getAttribute("aria-expanded") === "false");
  assert.deepEqual((await page.evaluate(() => window.__events)).at(-1).detail, { id: "ect", open: false });
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.errors.filter((e) => !e.includes("favicon")), [], log.all.join("\n"));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
}

describe("bare snippet: the guide before the wasm", () => {
  test("same origin, strict CSP: cards at once, a click works, and the app hydrates them", async () => {
    await cardsBeforeTheWasm(`${server.url}/bare.html`, { bodyFile: asset.body.en.html });
  });

  test("another origin, strict CSP: the body comes as a module, and the same holds", async () => {
    await cardsBeforeTheWasm(`${host.url}/bare.html`, { bodyFile: asset.body.en.module });
  });

  test("two elements: each gets the body and hydrates; the second is told apart by its label", async () => {
    const { page, context, log, release } = await open(`${server.url}/two.html`);
    await waitShadow(page, ".trd-card", "#second");
    release();
    await page.waitForFunction(() => [...document.querySelectorAll("trd-explainer")].every((el) => el.shadowRoot.querySelector(".trd--live")), null, { timeout: 20000 });
    const labels = await page.evaluate(() => [...document.querySelectorAll("trd-explainer")].map((el) => el.shadowRoot.querySelector(".trd").getAttribute("aria-label")));
    // Numbered in the order the instances started.
    assert.deepEqual(labels.sort(), ["Treatment-resistant depression: treatment options", "Treatment-resistant depression: treatment options (2)"]);
    assert.deepEqual(log.errors.filter((e) => !e.includes("favicon")), [], log.all.join("\n"));
    await context.close();
  });

  test("lang=\"es\": the Spanish body, hydrated", async () => {
    const { page, context, log, requests, release } = await open(`${server.url}/es.html`);
    await waitShadow(page, ".trd-card");
    assert.equal(await inShadow(page, (root) => root.querySelector(".trd").getAttribute("lang")), "es");
    assert.ok(requests.some((p) => p.endsWith(asset.body.es.html)));
    assert.ok(!requests.some((p) => p.endsWith(asset.body.en.html)), "no English body");
    release();
    await waitShadow(page, ".trd--live", "trd-explainer", 20000);
    assert.deepEqual(log.errors.filter((e) => !e.includes("favicon")), [], log.all.join("\n"));
    await context.close();
  });

  test("wasm fails: the body stays, every card open, and its buttons still work", async () => {
    const { page, context } = await open(`${server.url}/bare.html`, { failWasm: true });
    await waitShadow(page, ".trd-static-note");
    const info = await inShadow(page, (root) => ({
      open: root.querySelectorAll('.trd-card__button[aria-expanded="true"]').length,
      tel: !!root.querySelector('a[href="tel:988"]'),
    }));
    assert.deepEqual(info, { open: 19, tel: true });
    const closed = await inShadow(page, (root) => {
      root.getElementById("tms-button").click();
      return root.getElementById("tms-button").getAttribute("aria-expanded");
    });
    assert.equal(closed, "false");
    await context.close();
  });
});

describe("bare snippet configured away from the default: rendered afresh, never swapped", () => {
  const cases = [
    ["/configured.html", "categories and heading level", async (page) => {
      const r = await inShadow(page, (root) => ({
        cards: root.querySelectorAll(".trd-card").length,
        h2: root.querySelectorAll(".trd-card h2").length,
      }));
      assert.deepEqual(r, { cards: 5, h2: 5 });
    }],
    ["/json.html", "JSON configuration", async (page) => {
      assert.match(await inShadow(page, (root) => root.querySelector(".trd-expand-all").textContent), /Open every card/);
    }],
    ["/es-mx.html", "a regional language with its own crisis line", async (page) => {
      assert.match(await inShadow(page, (root) => root.querySelector(".trd-safety__lead").textContent), /Línea de la Vida/);
    }],
    // The body for plain `es` leads with the directory; this reader's line is Mexico's.
    ["/es.html", "a bare lang=\"es\" read in a browser set to es-MX", async (page) => {
      assert.match(await inShadow(page, (root) => root.querySelector(".trd-safety__lead").textContent), /Línea de la Vida/);
    }, { locale: "es-MX" }],
  ];
  for (const [path, what, check, options] of cases) {
    test(`${what}: no prerendered body, a fresh render, no layout shift`, async () => {
      const { page, context, log, requests, release } = await open(`${server.url}${path}`, options);
      await waitShadow(page, ".trd-safety");
      // The crisis lines the loader shows before the app lead with the same line.
      if (options?.locale) {
        assert.match(await inShadow(page, (root) => root.querySelector(".trd-safety__line").textContent), /Línea de la Vida/);
      }
      assert.equal(await inShadow(page, (root) => root.querySelectorAll(".trd-card").length), 0, "only the crisis lines before the app");
      release();
      await waitShadow(page, ".trd--live", "trd-explainer", 20000);
      await page.waitForTimeout(300);
      await check(page);
      assert.ok(!requests.some((p) => p.includes("/body-")), `no body requested: ${requests.join(" ")}`);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls < 0.01, `CLS ${cls}`);
      assert.deepEqual(log.errors.filter((e) => !e.includes("favicon")), [], log.all.join("\n"));
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      await context.close();
    });
  }
});
