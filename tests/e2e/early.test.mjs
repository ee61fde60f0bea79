// Before and without the wasm: the prerendered cards answer from first paint and the app
// adopts what the reader did (issue "no dead clicks"); a slow, hanging or failed wasm
// never leaves the reader with a blank box or dead controls, and the crisis lines show
// from the start.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serveDist, watchConsole, DIST } from "./helpers.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const fragment = readFileSync(join(DIST, "trd-explainer.fragment.html"), "utf8");
const shell = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
  </head><body><main><h1>${title}</h1>${body}</main></body></html>`;
// Events and CSP violations (an init script, so the page's CSP does not apply to it),
// and __pick(scope, selector): the widget is in the document ("document") or in the
// shadow root of the element matching `scope`.
const PROBE = `
  window.__pick = (scope, sel) => (scope === "document" ? document : document.querySelector(scope)?.shadowRoot)?.querySelector(sel) ?? null;
  window.__events = [];
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
  for (const type of ["trd-explainer:ready", "trd-explainer:toggle"]) {
    document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
  }
`;

let browser, server;
before(async () => {
  browser = await launch();
  server = await serveDist({
    routes: {
      "/favicon.ico": { body: "", type: "image/x-icon" },
      "/fragment.html": { body: shell("Fragment host", fragment) },
      "/bare.html": { body: shell("Bare host", `<trd-explainer></trd-explainer><script type="module" src="/trd-explainer.js"></script>`) },
      "/bare-uk.html": { body: shell("Bare host", `<trd-explainer crisis-region="uk"></trd-explainer><script type="module" src="/trd-explainer.js"></script>`) },
    },
    headers: (path) => (path.endsWith(".html") && path !== "/index.html" && path !== "/" ? { "content-security-policy": CSP } : {}),
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` with the wasm held until `release()` (or failed with `fail: true`). */
async function open(path, { fail = false, width = 1280, height = 900, blockBody = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const log = watchConsole(page);
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    if (fail) return route.abort();
    await gate;
    await route.continue().catch(() => {});
  });
  // Without the prerendered body (snippet-early.test.mjs has it), the loader's own crisis lines.
  if (blockBody) await page.route(/\/body-[a-z]+-[0-9a-f]+\.html(\.js)?$/, (route) => route.abort());
  await page.goto(server.url + path, { waitUntil: "domcontentloaded" });
  return { page, context, log, release };
}

// In the standalone page the widget is in the document; in the fragment, in a shadow root.
const scopes = {
  standalone: { path: "/", scope: "document" },
  fragment: { path: "/fragment.html", scope: "trd-explainer" },
};

describe("no dead clicks before the wasm", () => {
  for (const [name, { path, scope }] of Object.entries(scopes)) {
    test(`${name}: two cards clicked while the wasm is held open at once, and the app adopts them`, async () => {
      const { page, context, log, release } = await open(path);
      const el = (sel) => page.evaluateHandle(([scope, sel]) => window.__pick(scope, sel), [scope, sel]);
      const attr = (sel, name) => page.evaluate(([scope, sel, name]) => window.__pick(scope, sel)?.getAttribute(name), [scope, sel, name]);
      const isLive = () => page.evaluate((scope) => !!window.__pick(scope, ".trd--live"), scope);
      await page.waitForFunction((scope) => !!window.__pick(scope, "#lithium-button"), scope);
      // Watch every frame from here on: a watched card seen closed is a flash of the wrong state.
      await page.evaluate((scope) => {
        window.__closedFrames = 0;
        const frame = () => {
          for (const id of window.__watch ?? []) if (window.__pick(scope, `#${id}-button`)?.getAttribute("aria-expanded") !== "true") window.__closedFrames++;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }, scope);
      // A mouse click on one, Enter on the other; then one frame.
      await (await el("#tms-button")).click();
      await (await el("#lithium-button")).focus();
      await page.keyboard.press("Enter");
      const now = await page.evaluate(
        (scope) =>
          new Promise((resolve) =>
            requestAnimationFrame(() =>
              resolve({
                a: window.__pick(scope, "#tms-button").getAttribute("aria-expanded"),
                b: window.__pick(scope, "#lithium-button").getAttribute("aria-expanded"),
                live: !!window.__pick(scope, ".trd--live"),
                hidden: window.__pick(scope, "#tms-panel").hidden,
              }),
            ),
          ),
        scope,
      );
      assert.deepEqual(now, { a: "true", b: "true", live: false, hidden: false }, "both open within a frame, before the app");
      await page.evaluate(() => (window.__watch = ["tms", "lithium"]));

      await page.waitForTimeout(3000);
      assert.equal(await isLive(), false, "the wasm was held");
      release();
      await page.waitForFunction((scope) => !!window.__pick(scope, ".trd--live"), scope, { timeout: 20000 });
      await page.waitForTimeout(200);
      const after = {
        a: await attr("#tms-button", "aria-expanded"),
        b: await attr("#lithium-button", "aria-expanded"),
        closedFrames: await page.evaluate(() => window.__closedFrames),
      };
      assert.deepEqual(after, { a: "true", b: "true", closedFrames: 0 }, "hydration kept them open in every frame");
      const toggles = (await page.evaluate(() => window.__events)).filter((e) => e.type === "trd-explainer:toggle").map((e) => e.detail);
      assert.deepEqual(
        toggles.sort((x, y) => x.id.localeCompare(y.id)),
        [{ id: "lithium", open: true }, { id: "tms", open: true }],
        "the app emitted a toggle event for each card opened before it",
      );
      await page.evaluate(() => (window.__watch = null));

      // Later clicks, Expand all and deep links are the app's own.
      await (await el("#tms-button")).click();
      await page.waitForFunction((scope) => window.__pick(scope, "#tms-button").getAttribute("aria-expanded") === "false", scope);
      const last = (await page.evaluate(() => window.__events)).at(-1);
      assert.deepEqual(last.detail, { id: "tms", open: false });
      await (await el(".trd-expand-all")).click();
      await page.waitForFunction((scope) => !window.__pick(scope, '.trd-card__button[aria-expanded="false"]'), scope);
      if (scope === "document") {
        await (await el(".trd-expand-all")).click();
        await page.waitForFunction(() => !document.querySelector('.trd-card__button[aria-expanded="true"]'));
        await page.evaluate(() => (location.hash = "#ect"));
        await page.waitForFunction(() => document.getElementById("ect-button").getAttribute("aria-expanded") === "true");
      }
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.errors.filter((e) => !e.includes("favicon")), [], log.all.join("\n"));
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      await context.close();
    });
  }

  test("standalone: a deep link opens its card before the wasm and the app keeps it", async () => {
    const { page, context, log, release } = await open("/#ect");
    await page.waitForSelector("#ect-button");
    assert.equal(await page.getAttribute("#ect-button", "aria-expanded"), "true");
    release();
    await page.waitForSelector(".trd--live");
    await page.waitForTimeout(200);
    assert.equal(await page.getAttribute("#ect-button", "aria-expanded"), "true");
    assert.deepEqual(log.errors, [], log.all.join("\n"));
    await context.close();
  });
});

describe("slow, hanging or failed wasm", () => {
  // Runs `fn(shadowRoot)` in the page (playwright serialises the function's source).
  const shadow = (page, fn) => page.evaluate(`(${fn})(document.querySelector("trd-explainer").shadowRoot)`);

  test("bare snippet, body blocked and wasm delayed 10 s: crisis lines with tel: links at once, a message at 8 s, then the app", async () => {
    const { page, context, log, release } = await open("/bare.html", { width: 390, height: 800, blockBody: true });
    await page.waitForFunction(() => document.querySelector("trd-explainer")?.shadowRoot?.querySelector('a[href^="tel:"]'), null, { timeout: 2000 });
    const early = await shadow(page, (root) => ({
      tel: [...root.querySelectorAll('a[href^="tel:"]')].filter((a) => a.getBoundingClientRect().height > 0).map((a) => a.getAttribute("href")),
      status: root.querySelector('[role="status"]')?.textContent ?? null,
    }));
    assert.ok(early.tel.includes("tel:988"), `tel: links visible before the wasm: ${early.tel}`);
    assert.equal(early.status, "", "no message yet");
    await page.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelector(".trd-early__status")?.textContent, null, { timeout: 9500 });
    const message = await shadow(page, (root) => root.querySelector(".trd-early__status").textContent);
    assert.match(message, /taking a long time/);
    await page.waitForTimeout(1500);
    release();
    await page.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelector(".trd--live"), null, { timeout: 20000 });
    const after = await shadow(page, (root) => ({ early: root.querySelectorAll(".trd--early").length, cards: root.querySelectorAll(".trd-card").length }));
    assert.deepEqual(after, { early: 0, cards: 19 });
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await context.close();
  });

  test("bare snippet: crisis-region leads the early lines", async () => {
    const { page, context } = await open("/bare-uk.html", { blockBody: true });
    await page.waitForFunction(() => document.querySelector("trd-explainer")?.shadowRoot?.querySelector(".trd-safety__line"));
    const first = await shadow(page, (root) => root.querySelector(".trd-safety__line").textContent);
    assert.match(first, /Samaritans/);
    await context.close();
  });

  test("bare snippet, body blocked and wasm fails: the could-not-load message with tel: links", async () => {
    const { page, context } = await open("/bare.html", { fail: true, blockBody: true });
    await page.waitForFunction(() => document.querySelector("trd-explainer")?.shadowRoot?.querySelector('[role="alert"]'), null, { timeout: 5000 });
    const info = await shadow(page, (root) => ({
      alert: root.querySelector('[role="alert"]').textContent,
      tel: [...root.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute("href")),
    }));
    assert.match(info.alert, /could not load/);
    assert.ok(info.tel.includes("tel:988") && info.tel.some((t) => t.includes("116")), info.tel.join(" "));
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await context.close();
  });

  test("fragment, wasm hanging: app-only controls never look usable; at 8 s the cards show open and still toggle", async () => {
    const { page, context } = await open("/fragment.html");
    await page.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelector(".trd-question__box"));
    await page.waitForTimeout(300);
    const waiting = await shadow(page, (root) => {
      const box = root.querySelector(".trd-question__box");
      const before = box.checked;
      box.click();
      return {
        enabledToolbar: [...root.querySelectorAll(".trd-toolbar :is(button, input)")].filter((c) => !c.matches(":disabled")).length,
        boxDisabled: [...root.querySelectorAll(".trd-question__box")].every((b) => b.getAttribute("aria-disabled") === "true"),
        boxOpacity: Number(getComputedStyle(box).opacity),
        boxChanged: box.checked !== before,
      };
    });
    assert.deepEqual(waiting, { enabledToolbar: 0, boxDisabled: true, boxOpacity: 0.4, boxChanged: false });
    await page.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelector(".trd-static-note"), null, { timeout: 9500 });
    const settled = await shadow(page, (root) => ({
      open: root.querySelectorAll('.trd-card__button[aria-expanded="true"]').length,
      hiddenPanels: root.querySelectorAll(".trd-card__panel[hidden]").length,
      toolbar: root.querySelector(".trd-toolbar").getBoundingClientRect().height,
      boxes: [...root.querySelectorAll(".trd-question__box")].filter((b) => b.getBoundingClientRect().height > 0).length,
    }));
    assert.deepEqual(settled, { open: 19, hiddenPanels: 0, toolbar: 0, boxes: 0 });
    const toggled = await shadow(page, (root) => {
      root.getElementById("ect-button").click();
      return [root.getElementById("ect-button").getAttribute("aria-expanded"), root.getElementById("ect-panel").getAttribute("hidden")];
    });
    assert.deepEqual(toggled, ["false", "until-found"]);
    await context.close();
  });

  test("fragment, failed load: cards open with aria-expanded true, and their buttons work", async () => {
    const { page, context, log } = await open("/fragment.html", { fail: true });
    await page.waitForFunction(() => document.querySelector("trd-explainer").shadowRoot.querySelector(".trd-static-note"), null, { timeout: 5000 });
    const info = await shadow(page, (root) => ({
      open: root.querySelectorAll('.trd-card__button[aria-expanded="true"]').length,
      hiddenPanels: root.querySelectorAll(".trd-card__panel[hidden]").length,
    }));
    assert.deepEqual(info, { open: 19, hiddenPanels: 0 });
    const toggled = await shadow(page, (root) => {
      root.getElementById("tms-button").click();
      const closed = root.getElementById("tms-button").getAttribute("aria-expanded");
      root.getElementById("tms-button").click();
      return [closed, root.getElementById("tms-button").getAttribute("aria-expanded")];
    });
    assert.deepEqual(toggled, ["false", "true"]);
    assert.ok(log.errors.some((e) => e.includes("could not start")), "the failure is logged for the publisher");
    await context.close();
  });
});

describe("a shared text-fragment link opened fresh", () => {
  for (const [name, { path, scope }] of Object.entries(scopes)) {
    test(`${name}: opens the card holding the text, and the app keeps it open and tells the host`, async () => {
      const { page, context, release } = await open(`${path}#:~:text=a%20muscle%20relaxant`);
      release();
      await page.waitForFunction(() => window.__events.some((e) => e.type === "trd-explainer:ready"), null, { timeout: 10000 });
      await page.waitForTimeout(300);
      const state = await page.evaluate((scope) => ({
        expanded: window.__pick(scope, "#ect-button")?.getAttribute("aria-expanded"),
        hidden: window.__pick(scope, "#ect-panel")?.getAttribute("hidden"),
        toggles: window.__events.filter((e) => e.type === "trd-explainer:toggle").map((e) => [e.detail.id, e.detail.open]),
      }), scope);
      assert.deepEqual(state, { expanded: "true", hidden: null, toggles: [["ect", true]] });
      await context.close();
    });
  }
});
