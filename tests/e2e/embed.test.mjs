// <trd-explainer> on a hostile host page: loader from another origin (a "CDN" under a
// sub-path), a strict CSP, aggressive global CSS, several instances, bad configuration.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serveDist, watchConsole, watchLayoutShift, axe, formatViolations, DIST } from "./helpers.mjs";
import { serve } from "./server.mjs";

let browser, cdn, host, sameOrigin;
let loader; // absolute URL of the loader on the CDN

const HOSTILE_CSS = `
  * { box-sizing: content-box !important; }
  button { display: none !important; }
  h2, h3 { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
  div { padding: 7px; }
  a { display: none; }
  #probe { color: rgb(1, 2, 3); font-size: 13px; }
  trd-explainer { display: block; }
  #themed { --trd-color-accent: rgb(0, 90, 60); --trd-font-family: Courier; }
  #spacer { height: 4000px; }
`;

// Records events and CSP violations without inline script (the CSP forbids it).
const PROBE_JS = `
  window.__events = [];
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
  for (const type of ["trd-explainer:ready", "trd-explainer:toggle"]) {
    document.addEventListener(type, (e) => window.__events.push({ type, from: e.target.id, detail: e.detail, composed: e.composed, bubbles: e.bubbles }));
  }
`;

function page({ body, loaderUrl }) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
    <link rel="stylesheet" href="/hostile.css"><script src="/probe.js"></script></head>
    <body><main><h2 id="host-heading">Host article</h2><p id="probe">Host text.</p><button id="host-button">Host button</button>
    ${body}</main><script type="module" src="${loaderUrl}"></script></body></html>`;
}

before(async () => {
  browser = await launch();
  cdn = await serve({ root: DIST, cors: true, prefix: "/cdn/v1" });
  sameOrigin = await serveDist();
  loader = `${cdn.url}/cdn/v1/trd-explainer.js`;
  const csp = `default-src 'self'; script-src 'self' ${cdn.url} 'wasm-unsafe-eval'; style-src 'self' ${cdn.url}`;
  const headers = { "content-security-policy": csp };
  const two = `
    <trd-explainer id="first"></trd-explainer>
    <trd-explainer id="themed" categories="research,stimulation" open="genetics" heading-level="2" crisis-region="uk">
      <script type="application/json">{"strings": {"expand_all": "Open every card"}}</script>
    </trd-explainer>`;
  const bad = `
    <trd-explainer id="bad" heading-level="9" crisis-region="mars" categories="surgery" open="teleportation" deep-links="maybe">
      <script type="application/json">{ "cards": [ {"id": "x"} ], </script>
    </trd-explainer>
    <trd-explainer id="inject">
      <script type="application/json">{
        "cards": [{"id": "evil", "category": "research", "title": "<img src=x onerror=alert(1)>Evil", "summary": "<script>alert(2)<\\/script>",
                   "sources": [{"id": "s", "short": "s", "text": "A source", "url": "javascript:alert(3)"}]},
                  {"id": "typo", "category": "surgery", "title": "T", "summary": "S"}],
        "cta": {"label": "Click <b>me</b>", "url": "javascript:alert(4)", "sponsor": "Evil Inc"}
      }</script>
    </trd-explainer>`;
  const many = Array.from({ length: 20 }, (_, i) => `<trd-explainer id="w${i}" categories="research"></trd-explainer>`).join("\n");
  const lazy = `<div id="spacer"></div><trd-explainer id="far"></trd-explainer>`;
  host = await serve({
    root: "/nonexistent",
    routes: {
      "/favicon.ico": { body: "", type: "image/x-icon" },
      "/hostile.css": { body: HOSTILE_CSS, type: "text/css" },
      "/probe.js": { body: PROBE_JS, type: "text/javascript" },
      "/two.html": { body: page({ body: two, loaderUrl: loader }), headers },
      "/bad.html": { body: page({ body: bad, loaderUrl: loader }), headers },
      "/many.html": { body: page({ body: many, loaderUrl: loader }), headers },
      "/lazy.html": { body: page({ body: lazy, loaderUrl: loader }), headers },
    },
  });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await host?.close();
  await sameOrigin?.close();
});

async function open(path, { width = 1280, height = 900, js = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: js });
  const p = await context.newPage();
  const log = watchConsole(p);
  const requests = [];
  p.on("request", (r) => requests.push(r.url()));
  await watchLayoutShift(p);
  await p.goto(host.url + path);
  return { page: p, log, context, requests };
}

const inShadow = (page, id, selector) =>
  page.evaluate(([id, selector]) => [...document.getElementById(id).shadowRoot.querySelectorAll(selector)].length, [id, selector]);

async function ready(page, ids) {
  await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id)?.shadowRoot?.querySelector(".trd--live")), ids);
}

describe("embedded <trd-explainer>", () => {
  test("two instances work from another origin under a strict CSP with zero violations", async () => {
    const { page, log, context } = await open("/two.html");
    await ready(page, ["first", "themed"]);
    assert.equal(await inShadow(page, "first", ".trd-card"), 19);
    assert.equal(await inShadow(page, "themed", ".trd-card"), 9, "research + stimulation only");
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors.filter((e) => !e.includes("favicon")), [], log.all.join("\n"));
    await context.close();
  });

  test("host CSS cannot break the widget and the widget does not restyle the host", async () => {
    const { page, context } = await open("/two.html");
    await ready(page, ["first"]);
    const inside = await page.evaluate(() => {
      const root = document.getElementById("first").shadowRoot;
      const button = root.querySelector(".trd-card__button");
      const cs = getComputedStyle(button);
      return { display: cs.display, boxSizing: cs.boxSizing, width: button.getBoundingClientRect().width };
    });
    assert.notEqual(inside.display, "none", "host `button { display: none !important }` does not reach in");
    assert.equal(inside.boxSizing, "border-box");
    assert.ok(inside.width > 200);
    const outside = await page.evaluate(() => ({
      probe: getComputedStyle(document.getElementById("probe")).color,
      size: getComputedStyle(document.getElementById("probe")).fontSize,
      button: getComputedStyle(document.getElementById("host-button")).display,
      heading: getComputedStyle(document.getElementById("host-heading")).color,
      sheets: document.styleSheets.length,
    }));
    assert.deepEqual(outside, { probe: "rgb(1, 2, 3)", size: "13px", button: "none", heading: "rgb(255, 0, 0)", sheets: 1 });
    await context.close();
  });

  test("instances keep their own state, options and theme", async () => {
    const { page, context } = await open("/two.html");
    await ready(page, ["first", "themed"]);
    const state = () =>
      page.evaluate(() =>
        ["first", "themed"].map((id) =>
          [...document.getElementById(id).shadowRoot.querySelectorAll('.trd-card__button[aria-expanded="true"]')].map((b) => b.id),
        ),
      );
    assert.deepEqual(await state(), [[], ["genetics-button"]], "open= applies to its own instance");
    await page.evaluate(() => document.getElementById("first").shadowRoot.getElementById("ect-button").click());
    await page.waitForFunction(() => document.getElementById("first").shadowRoot.getElementById("ect-button").getAttribute("aria-expanded") === "true");
    assert.deepEqual(await state(), [["ect-button"], ["genetics-button"]]);
    const themed = await page.evaluate(() => {
      const root = document.getElementById("themed").shadowRoot;
      return {
        heading: root.querySelector(".trd-card__heading").tagName,
        label: root.querySelector(".trd-expand-all").textContent.trim(),
        accent: getComputedStyle(root.querySelector(".trd-card__title")).color,
        font: getComputedStyle(root.querySelector(".trd")).fontFamily,
        lead: root.querySelector(".trd-safety__line").textContent,
      };
    });
    assert.equal(themed.heading, "H2", "heading-level=2");
    assert.equal(themed.label, "Open every card", "JSON string override");
    assert.equal(themed.accent, "rgb(0, 90, 60)", "--trd-color-accent theme");
    assert.equal(themed.font, "Courier");
    assert.match(themed.lead, /Samaritans/, "crisis-region=uk leads with Samaritans");
    await context.close();
  });

  test("toggles and readiness reach the host page as composed events", async () => {
    const { page, context } = await open("/two.html");
    await ready(page, ["first", "themed"]);
    await page.evaluate(() => document.getElementById("first").shadowRoot.getElementById("tms-button").click());
    await page.evaluate(() => document.getElementById("first").shadowRoot.getElementById("tms-button").click());
    const events = await page.evaluate(() => window.__events);
    const ready_ = events.filter((e) => e.type === "trd-explainer:ready").map((e) => e.from).sort();
    assert.deepEqual(ready_, ["first", "themed"]);
    const toggles = events.filter((e) => e.type === "trd-explainer:toggle");
    assert.deepEqual(
      toggles.map((e) => [e.from, e.detail]),
      [["first", { id: "tms", open: true }], ["first", { id: "tms", open: false }]],
    );
    assert.ok(toggles.every((e) => e.bubbles && e.composed));
    await context.close();
  });

  test("changing attributes and the config property after start updates the widget", async () => {
    const { page, context } = await open("/two.html");
    await ready(page, ["first"]);
    await page.evaluate(() => document.getElementById("first").setAttribute("heading-level", "4"));
    await page.waitForFunction(() => document.getElementById("first").shadowRoot.querySelector(".trd-card__heading").tagName === "H4");
    await page.evaluate(() => document.getElementById("first").setAttribute("open", "lithium"));
    await page.waitForFunction(() => document.getElementById("first").shadowRoot.getElementById("lithium-button").getAttribute("aria-expanded") === "true");
    await page.evaluate(() => {
      document.getElementById("first").config = { cta: { label: "Find support", url: "https://example.org/support", sponsor: "Example Trust" } };
    });
    await page.waitForFunction(() => document.getElementById("first").shadowRoot.querySelector(".trd-sponsored"));
    const cta = await page.evaluate(() => {
      const root = document.getElementById("first").shadowRoot;
      const a = root.querySelector(".trd-sponsored a");
      return { rel: a.rel, href: a.href, label: root.querySelector(".trd-sponsored").textContent };
    });
    assert.equal(cta.rel, "sponsored noopener");
    assert.equal(cta.href, "https://example.org/support");
    assert.match(cta.label, /Sponsored by Example Trust/);
    await page.evaluate(() => document.getElementById("first").removeAttribute("heading-level"));
    await page.waitForFunction(() => document.getElementById("first").shadowRoot.querySelector(".trd-card__heading").tagName === "H3");
    await context.close();
  });

  test("bad configuration warns once per problem and the widget still works with defaults", async () => {
    const { page, log, context } = await open("/bad.html");
    await ready(page, ["bad", "inject"]);
    const warnings = log.warnings.filter((w) => w.startsWith("<trd-explainer>"));
    for (const needle of ['heading-level="9"', 'crisis-region="mars"', '"surgery"', '"teleportation"', 'deep-links="maybe"', "not valid JSON", "cards[1]", "\"surgery\" is not one of"]) {
      assert.ok(warnings.some((w) => w.includes(needle)), `no warning mentions ${needle}:\n${warnings.join("\n")}`);
    }
    assert.ok(warnings.some((w) => w.includes("javascript:alert(4)")), "unsafe CTA link reported");
    assert.ok(warnings.some((w) => w.includes("javascript:alert(3)")), "unsafe source link reported");
    assert.deepEqual(log.pageErrors, []);
    assert.equal(await inShadow(page, "bad", ".trd-card"), 19, "defaults: every card");
    assert.equal(await page.evaluate(() => document.getElementById("bad").shadowRoot.querySelector(".trd-card__heading").tagName), "H3");
    await context.close();
  });

  test("configuration is shown as text: injected HTML and javascript: links stay inert", async () => {
    const { page, context } = await open("/bad.html");
    await ready(page, ["inject"]);
    const result = await page.evaluate(() => {
      const root = document.getElementById("inject").shadowRoot;
      root.getElementById("evil-button").click();
      return {
        imgs: root.querySelectorAll("img").length,
        scripts: root.querySelectorAll("script").length,
        title: root.querySelector("#evil-button .trd-card__title").textContent,
        jsLinks: [...root.querySelectorAll("a")].filter((a) => a.getAttribute("href")?.toLowerCase().startsWith("javascript")).length,
        cta: !!root.querySelector(".trd-sponsored"),
      };
    });
    assert.deepEqual(result, { imgs: 0, scripts: 0, title: "<img src=x onerror=alert(1)>Evil", jsLinks: 0, cta: false });
    assert.equal(await inShadow(page, "inject", ".trd-card"), 20, "valid added card kept, typo card dropped");
    await context.close();
  });

  test("axe finds no violations inside the shadow roots with every card open", async () => {
    const { page, context } = await open("/two.html");
    await ready(page, ["first", "themed"]);
    await page.evaluate(() => {
      for (const id of ["first", "themed"]) document.getElementById(id).shadowRoot.querySelector(".trd-expand-all").click();
    });
    await page.waitForFunction(() => !document.getElementById("first").shadowRoot.querySelector(".trd-card__panel[hidden]"));
    // Off-screen cards keep a closed card's placeholder height (content-visibility: auto)
    // until shown once; show each once, as a reader scrolling does, so axe measures the
    // laid-out page (see standalone.test.mjs).
    for (const card of await page.locator("#first .trd-card, #themed .trd-card").all()) await card.scrollIntoViewIfNeeded();
    const violations = await axe(page, { include: [["#first"], ["#themed"]] });
    assert.equal(violations.length, 0, formatViolations(violations));
    await context.close();
  });

  test("twenty instances share one wasm download and each works", async () => {
    const { page, context, requests } = await open("/many.html");
    for (let i = 0; i < 20; i++) {
      await page.evaluate((i) => document.getElementById(`w${i}`).scrollIntoView(), i);
      await ready(page, [`w${i}`]);
    }
    const wasm = requests.filter((u) => /_bg\.wasm/.test(u));
    assert.equal(wasm.length, 1, wasm.join("\n"));
    const glue = requests.filter((u) => /trd_explainer-[0-9a-f]+\.js$/.test(u));
    assert.equal(glue.length, 1);
    await context.close();
  });

  test("an instance far below the fold starts only when it comes near the viewport", async () => {
    const { page, context } = await open("/lazy.html", { height: 800 });
    await page.waitForTimeout(1500);
    // Only the prerendered body the loader shows before the app, with its crisis lines.
    assert.equal(await inShadow(page, "far", ".trd--live"), 0, "not started yet");
    assert.equal(await inShadow(page, "far", 'a[href^="tel:"]') > 0, true, "crisis lines shown meanwhile");
    await page.evaluate(() => document.getElementById("far").scrollIntoView());
    await ready(page, ["far"]);
    await context.close();
  });

  test("starting does not shift the host page's visible content", async () => {
    const { page, context } = await open("/two.html", { width: 390, height: 800 });
    await ready(page, ["first", "themed"]);
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS ${cls}`);
    await context.close();
  });
});

describe("prerendered fragment (trd-explainer.fragment.html)", () => {
  const fragment = readFileSync(join(DIST, "trd-explainer.fragment.html"), "utf8");
  const article = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fragment host</title></head>
    <body><main><h1>Article</h1><p>Intro.</p>${fragment}<p id="after">After the guide.</p></main></body></html>`;
  let server;
  before(async () => {
    server = await serveDist({
      routes: { "/article-with-fragment.html": { body: article }, "/favicon.ico": { body: "", type: "image/x-icon" } },
      headers: () => ({ "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" }),
    });
  });
  after(async () => server?.close());

  test("without JavaScript the whole guide is readable and styled", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(server.url + "/article-with-fragment.html");
    const info = await p.evaluate(() => {
      const root = document.querySelector("trd-explainer").shadowRoot;
      const panels = [...root.querySelectorAll(".trd-card__panel")];
      return {
        cards: panels.length,
        collapsed: panels.filter((x) => x.getBoundingClientRect().height === 0).length,
        styled: getComputedStyle(root.querySelector(".trd-safety")).borderTopStyle,
        toolbar: root.querySelector(".trd-toolbar").getBoundingClientRect().height,
      };
    });
    assert.deepEqual(info, { cards: 19, collapsed: 0, styled: "solid", toolbar: 0 });
    await context.close();
  });

  test("with JavaScript it hydrates in place: no duplicate, no errors, no layout shift", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const p = await context.newPage();
    const log = watchConsole(p);
    await watchLayoutShift(p);
    await p.goto(server.url + "/article-with-fragment.html");
    await p.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelector(".trd--live"));
    const info = await p.evaluate(() => {
      const root = document.querySelector("trd-explainer").shadowRoot;
      root.getElementById("ect-button").click();
      return { roots: root.querySelectorAll(".trd").length, cards: root.querySelectorAll(".trd-card").length };
    });
    assert.deepEqual(info, { roots: 1, cards: 19 });
    await p.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.getElementById("ect-button").getAttribute("aria-expanded") === "true");
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, [], log.all.join("\n"));
    const cls = await p.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS ${cls}`);
    await context.close();
  });
});
