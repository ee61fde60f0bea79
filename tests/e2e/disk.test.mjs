// dist/index.html opened straight from disk (file://), as an editor who double-clicks it
// or a clinic kiosk with no web server would. Module scripts (the app) cannot load there;
// the classic accordion script must leave a guide that works in full, minus the hidden
// extras, with no control that does nothing.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { launch, assets, DIST } from "./helpers.mjs";

const PAGE = pathToFileURL(join(DIST, "index.html")).href;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

async function open(hash = "", { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const failed = [];
  const loaded = [];
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => failed.push(r.url()));
  page.on("requestfinished", (r) => loaded.push(r.url()));
  await page.goto(PAGE + hash);
  await page.waitForLoadState("load");
  return { page, context, failed, loaded, errors };
}

const expanded = (page, id) => page.evaluate((id) => document.getElementById(`${id}-button`).getAttribute("aria-expanded"), id);
const panelHeight = (page, id) => page.evaluate((id) => document.getElementById(`${id}-panel`).getBoundingClientRect().height, id);

describe("dist/index.html from disk", () => {
  test("loads everything it needs for reading, styled, with the crisis lines", async () => {
    const { page, context, failed, loaded, errors } = await open();
    assert.deepEqual(errors, [], "no uncaught error in the page's own scripts");
    const a = assets();
    // Only the app (ES modules and the wasm) may fail from file://; nothing needed to read.
    const appOnly = (url) => [a.glue, a.wasm].some((name) => url.endsWith(name)) || /standalone-init.*\.js$/.test(url);
    assert.deepEqual(failed.filter((u) => !appOnly(u)), []);
    assert.ok(loaded.some((u) => u.endsWith(`/${a.accordion}`)), `${a.accordion} loaded from disk`);
    const info = await page.evaluate(() => ({
      banner: getComputedStyle(document.querySelector(".trd-safety")).borderTopStyle,
      closed: [...document.querySelectorAll(".trd-card__panel")].filter((p) => p.getBoundingClientRect().height === 0).length,
      tel: [...document.querySelectorAll('a[href^="tel:"]')].filter((a) => a.getBoundingClientRect().height > 0).map((a) => a.getAttribute("href")),
      note: document.querySelector(".trd-static-note")?.textContent ?? "",
    }));
    assert.equal(info.banner, "solid", "the widget stylesheet applies");
    assert.equal(info.closed, 19, "cards start closed, as in the app");
    assert.ok(info.tel.includes("tel:988"), `crisis tel: links visible: ${info.tel}`);
    assert.match(info.note, /from a file.*website/s, "one line says how to get the full version");
    await context.close();
  });

  test("a card opens and closes by click and by keyboard, with the app's ARIA states", async () => {
    const { page, context } = await open();
    await page.click("#tms-button");
    assert.equal(await expanded(page, "tms"), "true");
    assert.ok((await panelHeight(page, "tms")) > 50);
    assert.equal(await page.getAttribute("#tms-panel", "hidden"), null);
    assert.match(await page.getAttribute("#tms", "class"), /trd-card--open/);
    await page.click("#tms-button");
    assert.equal(await expanded(page, "tms"), "false");
    assert.equal(await page.getAttribute("#tms-panel", "hidden"), "until-found");

    await page.focus("#lithium-button");
    await page.keyboard.press("Enter");
    assert.equal(await expanded(page, "lithium"), "true");
    await page.keyboard.press("Space");
    assert.equal(await expanded(page, "lithium"), "false");
    assert.equal(await panelHeight(page, "lithium"), 0);
    await context.close();
  });

  test("Expand all opens and closes every card and follows its label", async () => {
    const { page, context } = await open();
    const all = page.locator(".trd-expand-all");
    assert.equal(await all.isEnabled(), true);
    await all.click();
    assert.equal(await page.locator('.trd-card__button[aria-expanded="true"]').count(), 19);
    assert.equal(await page.locator(".trd-card__panel[hidden]").count(), 0);
    assert.equal(await all.getAttribute("aria-expanded"), "true");
    assert.match(await all.textContent(), /Collapse all/);
    await all.click();
    assert.equal(await page.locator('.trd-card__button[aria-expanded="true"]').count(), 0);
    assert.match(await all.textContent(), /Expand all/);
    await context.close();
  });

  test("#ect opens ECT, at load and by a later link", async () => {
    const { page, context } = await open("#ect");
    assert.equal(await expanded(page, "ect"), "true");
    assert.ok((await panelHeight(page, "ect")) > 50);
    await page.evaluate(() => (location.hash = "#lithium"));
    await page.waitForFunction(() => document.getElementById("lithium-button").getAttribute("aria-expanded") === "true");
    await context.close();
  });

  test("print shows every card", async () => {
    const { page, context } = await open();
    await page.emulateMedia({ media: "print" });
    const closed = await page.evaluate(() => [...document.querySelectorAll(".trd-card__panel")].filter((p) => p.getBoundingClientRect().height === 0).length);
    assert.equal(closed, 0);
    await context.close();
  });

  for (const width of [360, 1280]) {
    test(`no visible control is inert (${width} px)`, async () => {
      const { page, context } = await open("", { width, height: 800 });
      const inert = await page.evaluate(() => {
        const visible = (el) => {
          const r = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          return r.width > 0 && r.height > 0 && cs.visibility !== "hidden";
        };
        const name = (el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className} "${el.textContent.trim().slice(0, 30)}"`;
        const out = [];
        for (const el of document.querySelectorAll("a, button, input, select, textarea, [role=button], [tabindex]:not(main)")) {
          if (!visible(el)) continue;
          if (el.disabled || el.getAttribute("aria-disabled") === "true") {
            out.push(`disabled: ${name(el)}`);
            continue;
          }
          if (el.tagName === "A") {
            const href = el.getAttribute("href") ?? "";
            // Another page of the guide (the other language) opens from disk too.
            if (!/^(tel:|sms:|mailto:|https?:|#.)/.test(href) && !/^[\w./-]+\.html$/.test(href)) out.push(`link to nowhere: ${name(el)}`);
            continue;
          }
          // Anything else must visibly answer a click.
          const observer = new MutationObserver(() => {});
          observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
          const before = el.checked;
          el.click();
          const changed = observer.takeRecords().length > 0 || el.checked !== before;
          observer.disconnect();
          if (!changed) out.push(`does nothing: ${name(el)}`);
          el.click(); // put it back
        }
        return out;
      });
      assert.deepEqual(inert, []);
      await context.close();
    });
  }
});
