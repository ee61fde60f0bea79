// <trd-explainer> against what a host page can do to it: pathological configuration
// (deep, huge, throwing), a console that throws, churn of instances (leaks), an element
// name already taken, config set before the loader ran, a missing clipboard.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { launch, serveDist, watchConsole, waitSettled, DIST } from "./helpers.mjs";

const GLUE = "/" + readdirSync(DIST).find((f) => /^trd_explainer-[0-9a-f]+\.js$/.test(f));
const DEEP = "[".repeat(5000) + "]".repeat(5000);

function page(body, head = "") {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}</head>
    <body><main><h1>Host</h1>${body}</main><script type="module" src="/trd-explainer.js"></script></body></html>`;
}

let browser, server;

before(async () => {
  browser = await launch();
  server = await serveDist({
    routes: {
      "/one.html": { body: page(`<trd-explainer id="w"></trd-explainer>`) },
      "/deep-child.html": {
        body: page(`<trd-explainer id="w"><script type="application/json">
          {"strings": {"collapse_all": ${DEEP}, "expand_all": "Open every card"}, "cards": [${DEEP}]}
        </script></trd-explainer>`),
      },
      "/bad-open.html": { body: page(`<trd-explainer id="w" open="nope"></trd-explainer>`) },
      "/early.html": {
        body: page(`<trd-explainer id="w"></trd-explainer>
          <script>document.getElementById("w").config = { strings: { expand_all: "Open them all" } };</script>`),
      },
      "/empty.html": { body: page("") },
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path, init) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const log = watchConsole(page);
  await page.goto(server.url + path);
  return { page, log, context };
}

const live = (page, sel = "#w") =>
  page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector(".trd--live"), sel);

/** The text of the Expand-all button of `#w` (changes with config.strings.expand_all). */
const expandAllText = (page) =>
  page.evaluate(() => document.querySelector("#w").shadowRoot.querySelector(".trd-expand-all")?.textContent ?? null);

/** Sets `el.config` from page code; resolves to the error it threw, if any. */
const setConfig = (page, make) =>
  page.evaluate(`(() => { try { document.querySelector("#w").config = (${make})(); return null; } catch (e) { return String(e); } })()`);

/** Proves the instance still works: a config change and an attribute change apply. */
async function stillUsable(page) {
  assert.equal(await setConfig(page, `() => ({ strings: { expand_all: "Still here" } })`), null);
  await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector(".trd-expand-all")?.textContent === "Still here");
  await page.evaluate(() => document.querySelector("#w").setAttribute("heading-level", "2"));
  await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector("h2.trd-card__heading, .trd-card h2"));
  const removed = await page.evaluate(() => { try { document.querySelector("#w").remove(); return null; } catch (e) { return String(e); } });
  assert.equal(removed, null, "remove() does not throw");
}

describe("freezes", () => {
  test("a 5,000-deep JSON child is cut at 64 levels with a warning; the rest applies", async () => {
    const { page, log, context } = await open("/deep-child.html");
    await live(page);
    assert.equal(await page.evaluate(() => !!document.querySelector("#w").shadowRoot.querySelector(".trd-fallback")), false);
    assert.equal(await expandAllText(page), "Open every card");
    assert.ok(log.warnings.some((w) => w.includes("64 levels")), log.all.join("\n"));
    assert.deepEqual(log.pageErrors, []);
    await stillUsable(page);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });

  test("a 5,000-deep value set through el.config neither throws nor breaks the instance", async () => {
    const { page, log, context } = await open("/one.html");
    await live(page);
    for (const make of [
      `() => ({ strings: { expand_all: JSON.parse(${JSON.stringify(DEEP)}) } })`,
      `() => ({ cards: [JSON.parse(${JSON.stringify(DEEP)})] })`,
      `() => JSON.parse(${JSON.stringify(DEEP)})`,
    ]) {
      assert.equal(await setConfig(page, make), null, make.slice(0, 60));
    }
    assert.ok(log.warnings.filter((w) => w.includes("64 levels")).length >= 3, log.all.join("\n"));
    await stillUsable(page);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });

  test("throwing getters and Proxies are warnings, and the instance stays usable", async () => {
    const { page, log, context } = await open("/one.html");
    await live(page);
    const partly = [
      `() => ({ get strings() { throw new Error("boom"); } })`,
      `() => ({ strings: { get expand_all() { throw new Error("boom"); } } })`,
      `() => new Proxy({ strings: {} }, { get() { throw new Error("boom"); } })`,
      `() => ({ cards: new Proxy([], { get(t, k) { if (k === "length") throw new Error("boom"); return t[k]; } }) })`,
    ];
    const wholly = [
      `() => new Proxy({}, { ownKeys() { throw new Error("boom"); } })`,
      `() => new Proxy({}, { getPrototypeOf() { throw new Error("boom"); } })`,
      `() => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }`,
    ];
    for (const make of partly) assert.equal(await setConfig(page, make), null, make);
    assert.equal(await setConfig(page, `() => ({ strings: { expand_all: "Kept" } })`), null);
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector(".trd-expand-all")?.textContent === "Kept");
    for (const make of wholly) assert.equal(await setConfig(page, make), null, make);
    assert.equal(await expandAllText(page), "Kept", "a config unreadable as a whole keeps the last good one");
    const cases = [...partly, ...wholly];
    assert.ok(log.warnings.filter((w) => w.includes("could not be read")).length >= cases.length - 1, log.all.join("\n"));
    await stillUsable(page);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });

  test("a console.warn that throws does not break start or updates", async () => {
    const init = () => {
      console.warn = () => {
        throw new Error("host console");
      };
    };
    const { page, log, context } = await open("/bad-open.html", init);
    await live(page);
    assert.equal(await page.evaluate(() => !!document.querySelector("#w").shadowRoot.querySelector(".trd-fallback")), false);
    const threw = await page.evaluate(() => {
      try {
        const w = document.querySelector("#w");
        w.setAttribute("heading-level", "9");
        w.config = { nope: 1 };
        return null;
      } catch (e) {
        return String(e);
      }
    });
    assert.equal(threw, null);
    await stillUsable(page);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });

  test("a huge string is cut to 2,000 characters with a warning", async () => {
    const { page, log, context } = await open("/one.html");
    await live(page);
    assert.equal(await setConfig(page, `() => ({ strings: { expand_all: "\\u202e\\u200bé😀".repeat(250000) } })`), null);
    await page.waitForFunction(() => (document.querySelector("#w").shadowRoot.querySelector(".trd-expand-all")?.textContent.length ?? 0) > 100);
    const length = await page.evaluate(() => [...document.querySelector("#w").shadowRoot.querySelector(".trd-expand-all").textContent].length);
    assert.equal(length, 2000);
    assert.ok(log.warnings.some((w) => w.includes("2000 characters")), log.all.join("\n"));
    await context.close();
  });
});

describe("wrong but not silent", () => {
  test("top-level null, Date, RegExp and DOM elements in config each get one warning", async () => {
    const { page, log, context } = await open("/one.html");
    await live(page);
    for (const make of [`() => new Date()`, `() => /x/`, `() => document.body`, `() => ({ strings: new Date() })`]) {
      const before = log.warnings.length;
      assert.equal(await setConfig(page, make), null);
      await page.waitForTimeout(50);
      assert.equal(log.warnings.length - before, 1, `${make}: ${log.warnings.slice(before).join("\n")}`);
    }
    await context.close();
  });

  test("an open= warning is given once, not on every unrelated change", async () => {
    const { page, log, context } = await open("/bad-open.html");
    await live(page);
    for (const level of ["2", "4", "3"]) await page.evaluate((l) => document.querySelector("#w").setAttribute("heading-level", l), level);
    await setConfig(page, `() => ({ strings: { expand_all: "x" } })`);
    await page.waitForTimeout(100);
    assert.equal(log.warnings.filter((w) => w.includes('"nope"')).length, 1, log.warnings.join("\n"));
    await context.close();
  });

  test("config set before the element upgraded is applied", async () => {
    const { page, context } = await open("/early.html");
    await live(page);
    assert.equal(await expandAllText(page), "Open them all");
    await context.close();
  });

  test("a host page that already defined trd-explainer gets a clear console error", async () => {
    const init = () => customElements.define("trd-explainer", class extends HTMLElement {});
    const { page, log, context } = await open("/one.html", init);
    await page.waitForFunction(() => window.performance.getEntriesByType("resource").some((r) => r.name.endsWith("/trd-explainer.js")));
    await page.waitForTimeout(300);
    assert.ok(log.errors.some((e) => e.includes("already defines")), log.all.join("\n"));
    await context.close();
  });

  test("without a clipboard, Copy shows the could-not-copy notice and throws nothing", async () => {
    const init = () => {
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
      document.execCommand = () => false;
    };
    for (const variant of [init, () => {
      navigator.clipboard.writeText = () => { throw new Error("denied by host"); };
      document.execCommand = () => false;
    }]) {
      const { page, log, context } = await open("/index.html", variant);
      await page.waitForSelector(".trd--live");
      await page.click("#ect-button");
      await page.check("#ect-q0");
      await page.locator(".trd-tab", { hasText: "My questions" }).click();
      await page.click("text=Copy as text");
      await page.waitForFunction(() => document.querySelector(".trd-inner > .trd-sr-only[role=status]")?.textContent.includes("did not work"));
      assert.deepEqual(log.pageErrors, []);
      await context.close();
    }
  });
});

describe("forced colours", () => {
  test("pressed tabs and chips carry a system-colour border, and the pinned strip an edge", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, forcedColors: "active" });
    const page = await context.newPage();
    await page.goto(server.url + "/index.html");
    await page.waitForSelector(".trd--live");
    await page.click(".trd-find__summary"); // search and filters sit behind it (issue 16)
    await page.click(".trd-chip");
    const borders = await page.evaluate(() => {
      const width = (el) => (el ? parseFloat(getComputedStyle(el).borderTopWidth) + parseFloat(getComputedStyle(el).borderLeftWidth) : -1);
      const pressed = (sel) => [...document.querySelectorAll(sel)].find((b) => b.getAttribute("aria-pressed") === "true");
      const unpressed = (sel) => [...document.querySelectorAll(sel)].find((b) => b.getAttribute("aria-pressed") === "false");
      return {
        tab: width(pressed(".trd-tab")),
        otherTab: width(pressed(".trd-tab")) > width(unpressed(".trd-tab")),
        chip: width(pressed(".trd-chip")),
        chipWider: width(pressed(".trd-chip")) > width(unpressed(".trd-chip")),
        strip: parseFloat(getComputedStyle(document.querySelector(".trd-strip")).borderLeftWidth),
      };
    });
    assert.ok(borders.tab >= 2 && borders.otherTab, `pressed view tab has a visible border: ${JSON.stringify(borders)}`);
    assert.ok(borders.chip >= 2 && borders.chipWider, `pressed chip differs by its border: ${JSON.stringify(borders)}`);
    assert.ok(borders.strip >= 1, `pinned strip has an edge: ${JSON.stringify(borders)}`);
    await context.close();
  });
});

describe("leaks", () => {
  /** CDP counters after a forced garbage collection. */
  async function counters(page, cdp) {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { nodes, jsEventListeners } = await cdp.send("Memory.getDOMCounters");
    const wasm = await page.evaluate(async (glue) => (await import(glue)).memoryBytes(), GLUE);
    return { nodes, listeners: jsEventListeners, wasm };
  }

  /** `n` start/remove cycles; every element is tracked by a WeakRef. */
  const churn = (page, n) =>
    page.evaluate(async (n) => {
      window.__refs ??= [];
      for (let i = 0; i < n; i++) {
        const el = document.createElement("trd-explainer");
        const ready = new Promise((r) => el.addEventListener("trd-explainer:ready", r, { once: true }));
        document.body.append(el);
        await ready;
        el.remove();
        window.__refs.push(new WeakRef(el));
      }
    }, n);

  test("200 start/remove cycles leave no elements, listeners or memory behind", async () => {
    const { page, log, context } = await open("/empty.html");
    const cdp = await context.newCDPSession(page);
    await churn(page, 10); // warm: wasm compiled, content parsed, caches filled
    const start = await counters(page, cdp);
    await churn(page, 200);
    const end = await counters(page, cdp);
    const survivors = await page.evaluate(() => window.__refs.filter((r) => r.deref()).length);
    const figures = { start, end, survivors, nodesGrowth: end.nodes - start.nodes, listenersGrowth: end.listeners - start.listeners, wasmGrowthKiB: (end.wasm - start.wasm) / 1024 };
    console.log("leak figures after 200 cycles:", JSON.stringify(figures));
    assert.ok(survivors <= 10, `at most a constant number of elements survive: ${survivors}`);
    assert.ok(end.wasm - start.wasm < 256 * 1024, `wasm memory grew ${figures.wasmGrowthKiB} KiB`);
    assert.ok(end.listeners - start.listeners <= 5, `listeners ${start.listeners} → ${end.listeners}`);
    assert.ok(end.nodes - start.nodes < 200, `DOM nodes ${start.nodes} → ${end.nodes}`);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });

  test("reconnecting one element does not stack listeners, and numbering counts only live instances", async () => {
    const { page, log, context } = await open("/one.html");
    const cdp = await context.newCDPSession(page);
    await live(page);
    // Counted once the first app has finished hydrating its cards (one per task).
    await waitSettled(page);
    const start = await counters(page, cdp);
    await page.evaluate(async () => {
      const el = document.querySelector("#w");
      for (let i = 0; i < 20; i++) {
        el.remove();
        const ready = new Promise((r) => el.addEventListener("trd-explainer:ready", r, { once: true }));
        document.querySelector("main").append(el);
        await ready;
      }
    });
    const end = await counters(page, cdp);
    assert.ok(end.listeners - start.listeners <= 2, `listeners ${start.listeners} → ${end.listeners} after 20 reconnects`);
    const label = await page.evaluate(() => document.querySelector("#w").shadowRoot.querySelector("section.trd").getAttribute("aria-label"));
    assert.doesNotMatch(label, /\(\d+\)/, "a lone widget after churn has no number");
    // A reconnected element renders afresh (its cards too), never "hydrating" its own DOM.
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
});
