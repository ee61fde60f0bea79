// The iframe embed (dist/embed.html): the README's <iframe> alone on a host page whose
// policy forbids every script, WordPress's sandboxed and capped frame, the optional resize
// script, options from the URL through the attribute table, deep links, language, print.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, watchConsole, DIST } from "./helpers.mjs";
import { serve } from "./server.mjs";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
// The iframe code exactly as the README gives it.
const IFRAME = README.match(/<iframe src="https:\/\/cdn\.example\/trd\/v0\/embed\.html"[^>]*><\/iframe>/)?.[0];

let browser, cdn, host;
const SECRET = "Ab12Cd34Ef";

// Records what the frame posts to the host. Installed by the test driver, which a page's
// policy does not govern: the page itself runs no script at all.
const RECORD = () => {
  window.__messages = [];
  addEventListener("message", (e) => window.__messages.push(e.data));
};

before(async () => {
  assert.ok(IFRAME, "the README gives the iframe code");
  browser = await launch();
  // The guide's host: CORS on, as the README asks (a sandboxed frame's requests come from
  // an opaque origin).
  cdn = await serve({ root: DIST, cors: true });
  const code = (src = "v0/embed.html") => IFRAME.replace("https://cdn.example/trd/v0/embed.html", `${cdn.url}/${src}`);
  const page = (body, csp) => ({
    body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Newsletter</title></head>
      <body><h1>A newsletter issue</h1><p>Text before the guide.</p>${body}<p id="after">Text after the guide.</p></body></html>`,
    headers: { "content-security-policy": csp },
  });
  const none = `default-src 'none'; script-src 'none'; style-src 'none'; frame-src ${cdn.url}`;
  // WordPress's form of an untrusted provider's frame (wp_filter_oembed_result): only
  // allow-scripts, the secret in the URL and on the element, hidden until it reports.
  const wordpress = `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${cdn.url}/embed.html#?secret=${SECRET}" data-secret="${SECRET}" width="360" height="338" title="Treatment guide"></iframe>`;
  host = await serve({
    root: "/nonexistent",
    routes: {
      "/favicon.ico": { body: "", type: "image/x-icon" },
      "/strict.html": page(code(), none),
      "/wordpress.html": page(wordpress, none),
      "/options.html": page(code("v0/embed.html?categories=stimulation&heading-level=2&lang=es#ect"), none),
      "/bad.html": page(code("v0/embed.html?heading-level=9&theme=plaid"), none),
      "/spanish.html": page(code("v0/es/embed.html"), none),
      "/resize.html": page(`${code()}<script src="${cdn.url}/v0/trd-embed-resize.js" async></script>`, `default-src 'none'; script-src ${cdn.url}; frame-src ${cdn.url}`),
    },
  });
});

after(async () => {
  await browser?.close();
  await cdn?.close();
  await host?.close();
});

async function open(path, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.addInitScript(RECORD);
  const log = watchConsole(page);
  await page.goto(host.url + path);
  const frame = await waitFrame(page);
  await frame.waitForSelector("trd-explainer .trd--live", { timeout: 30000 });
  return { page, frame, log, context };
}

async function waitFrame(page) {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => /embed\.html/.test(f.url()));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error("no embed frame");
}

const heights = (page, type = "trd-explainer:height") =>
  page.evaluate((type) => window.__messages.filter((m) => m?.type === type).map((m) => m.height), type);
const visibleCards = (frame) => frame.evaluate(() => [...document.querySelector("trd-explainer").shadowRoot.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card")].map((c) => c.id));
const lastHeight = async (page) => (await heights(page)).at(-1);

describe("the iframe embed", () => {
  test("the iframe alone under script-src 'none': the guide works, its height messages follow its content, and it scrolls inside", async () => {
    const { page, frame, log, context } = await open("/strict.html");
    assert.equal(await page.evaluate(() => document.scripts.length), 0, "the host page runs no script");
    const attrs = await page.$eval("iframe", (f) => ({ title: f.title, loading: f.loading, sandbox: f.getAttribute("sandbox"), height: f.height }));
    assert.ok(attrs.title.length > 10 && attrs.loading === "lazy" && attrs.sandbox.includes("allow-scripts"), JSON.stringify(attrs));

    await page.waitForFunction(() => window.__messages.some((m) => m?.type === "trd-explainer:height"));
    const start = await lastHeight(page);
    assert.ok(start > 1000, `a full guide is tall: ${start}`);
    // The crisis lines, with their phone links, inside the frame.
    assert.ok((await frame.locator('a[href^="tel:"]').count()) > 0);

    // A card opens: the reported height grows.
    await frame.click("#ect .trd-card__button");
    await frame.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelector("#ect .trd-card__button").getAttribute("aria-expanded") === "true");
    await page.waitForFunction((h) => window.__messages.filter((m) => m?.type === "trd-explainer:height").at(-1).height > h, start);
    const opened = await lastHeight(page);

    // Search narrows the cards: the height shrinks.
    await frame.click(".trd-find__summary");
    await frame.fill("#trd-search-input", "magnetic");
    await frame.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card").length < 19);
    assert.ok((await visibleCards(frame)).includes("tms"));
    await page.waitForFunction((h) => window.__messages.filter((m) => m?.type === "trd-explainer:height").at(-1).height < h, opened);

    // The same heights in AMP's dialect; nothing for WordPress without its secret.
    assert.deepEqual(await heights(page, "embed-size"), await heights(page));
    assert.equal(await page.evaluate(() => window.__messages.filter((m) => m?.message === "height").length), 0);

    // Nothing resizes it here: it keeps the README's height and scrolls inside.
    assert.equal(await frame.evaluate(() => innerHeight), 800);
    assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight > innerHeight + 100));
    // The README's sandbox has no allow-same-origin: an opaque origin, so the page says
    // that ticked questions are not kept across a reload.
    assert.equal(await frame.evaluate(() => origin), "null");
    assert.ok(await frame.locator("#trd-embed-note").isVisible());
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors.filter((e) => !/favicon/.test(e)), [], log.all.join("\n"));
    await context.close();
  });

  test("WordPress: sandbox=allow-scripts and #?secret= — the height goes to WordPress with its secret, the page says questions are not kept, everything else works", async () => {
    const { page, frame, log, context } = await open("/wordpress.html", { width: 400, height: 1000 });
    await page.waitForFunction((s) => window.__messages.some((m) => m?.secret === s && m.message === "height"), SECRET);
    const value = await page.evaluate((s) => window.__messages.filter((m) => m?.secret === s && m.message === "height").at(-1).value, SECRET);
    assert.ok(Number.isInteger(value) && value > 200, `height for WordPress: ${value}`);
    assert.equal(await frame.evaluate(() => origin), "null", "an opaque origin, as WordPress makes it");

    // The note, visible; storage throws.
    const note = frame.locator("#trd-embed-note");
    assert.ok(await note.isVisible());
    assert.match(await note.textContent(), /not kept if you reload/);
    assert.ok(!(await frame.locator("#trd-embed-note").isHidden()));

    // Cards, search, views and ticking a question all work.
    await frame.click("#ect .trd-card__button");
    await frame.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelector("#ect .trd-card__button").getAttribute("aria-expanded") === "true");
    await frame.locator("#ect .trd-question__box").first().check();
    await frame.click('.trd-views button:has-text("My questions")');
    await frame.waitForFunction(() => /\S/.test(document.querySelector("trd-explainer").shadowRoot.querySelector(".trd-my-questions")?.textContent ?? ""));
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors.filter((e) => !/favicon/.test(e)), [], log.all.join("\n"));
    await context.close();
  });

  test("compact (WordPress's 1000 px cap): the first card, search and the views are on the first screen, and search and the views stay in reach deep in the guide", async () => {
    for (const width of [360, 1280]) {
      const { page, frame, context } = await open("/wordpress.html", { width, height: 1100 });
      // WordPress clamps the frame to 1000 px: so does this host.
      await page.$eval("iframe", (f) => { f.width = String(innerWidth - 20); f.height = "1000"; });
      await frame.waitForFunction(() => innerHeight === 1000);
      const top = (selector) => frame.evaluate((s) => document.querySelector("trd-explainer").shadowRoot.querySelector(s).getBoundingClientRect().bottom, selector);
      assert.ok((await top(".trd-list__item > .trd-card .trd-card__title")) <= 1000, `first card's title on the first screen at ${width} px`);
      assert.ok((await top(".trd-find__summary")) <= 1000);
      assert.ok((await top(".trd-views")) <= 1000);
      // Deep in the guide, the view buttons and the search control are on screen and take clicks.
      await frame.evaluate(() => document.querySelector("trd-explainer").shadowRoot.querySelector("#neuroplasticity").scrollIntoView());
      await frame.waitForTimeout(300);
      const reachable = await frame.evaluate(() => {
        const root = document.querySelector("trd-explainer").shadowRoot;
        return [".trd-views button", ".trd-find__summary"].map((s) => {
          const el = root.querySelector(s);
          const r = el.getBoundingClientRect();
          const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return r.top >= 0 && r.bottom <= innerHeight && (hit === el || el.contains(hit));
        });
      });
      assert.deepEqual(reachable, [true, true], `search and views in reach at ${width} px`);
      // The crisis strip stays pinned above them, not over them.
      const [strip, toolbar] = await frame.evaluate(() => {
        const root = document.querySelector("trd-explainer").shadowRoot;
        return [root.querySelector(".trd-strip--shown")?.getBoundingClientRect().bottom, root.querySelector(".trd-toolbar").getBoundingClientRect().top];
      });
      assert.ok(strip > 0 && strip <= toolbar + 1, `strip ${strip} above toolbar ${toolbar} at ${width} px`);
      await frame.click('.trd-views button:has-text("Compare")');
      await frame.waitForSelector("trd-explainer .trd-table");
      await context.close();
    }
  });

  test("with the one-line resize script, the iframe takes the height of its content", async () => {
    const { page, frame, context } = await open("/resize.html");
    const frameHeight = () => page.$eval("iframe", (f) => f.clientHeight);
    await page.waitForFunction(() => document.querySelector("iframe").clientHeight > 1000);
    const before = await frameHeight();
    assert.ok(Math.abs(before - (await lastHeight(page))) <= 1, `${before} vs ${await lastHeight(page)}`);
    await frame.click(".trd-expand-all");
    await page.waitForFunction((h) => document.querySelector("iframe").clientHeight > h + 1000, before);
    assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), "no scrolling inside");
    await frame.click(".trd-expand-all");
    await page.waitForFunction((h) => document.querySelector("iframe").clientHeight <= h + 1, before);
    await context.close();
  });

  test("options from the URL go through the attribute table; deep links and language work inside the frame", async () => {
    const { frame, log, context } = await open("/options.html");
    assert.deepEqual((await visibleCards(frame)).sort(), ["dbs", "ect", "neurofeedback", "tms", "vns"].sort());
    const inside = await frame.evaluate(() => {
      const root = document.querySelector("trd-explainer").shadowRoot;
      return { lang: root.querySelector(".trd").getAttribute("lang"), heading: root.querySelector("#ect .trd-card__button").parentElement.tagName, open: root.querySelector("#ect .trd-card__button").getAttribute("aria-expanded") };
    });
    assert.deepEqual(inside, { lang: "es", heading: "H2", open: "true" });
    assert.deepEqual(log.pageErrors, []);
    await context.close();

    // A bad value warns, names the option, and keeps the default.
    const bad = await open("/bad.html");
    const heading = await bad.frame.evaluate(() => document.querySelector("trd-explainer").shadowRoot.querySelector(".trd-card__button").parentElement.tagName);
    assert.equal(heading, "H3");
    assert.ok(bad.log.warnings.some((w) => /heading-level/.test(w)), bad.log.all.join("\n"));
    await bad.context.close();

    const es = await open("/spanish.html");
    assert.equal(await es.frame.evaluate(() => document.documentElement.lang), "es");
    assert.equal(await es.frame.evaluate(() => document.querySelector("trd-explainer").shadowRoot.querySelector(".trd").getAttribute("lang")), "es");
    await es.context.close();
  });

  test("print inside the frame shows every card open", async () => {
    const { page, frame, context } = await open("/strict.html");
    await page.emulateMedia({ media: "print" });
    const hidden = await frame.evaluate(() =>
      [...document.querySelector("trd-explainer").shadowRoot.querySelectorAll(".trd-card__panel")].filter((p) => p.getBoundingClientRect().height === 0).length,
    );
    assert.equal(hidden, 0);
    await context.close();
  });
});
