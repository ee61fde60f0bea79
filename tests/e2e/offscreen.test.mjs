// Cards away from the viewport skip style, layout and paint (`content-visibility: auto`
// in trd.css). What must still work: find-in-page, deep links, print, the crisis strip,
// and no layout shift while a reader scrolls through them.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { standalonePages, waitSettled } from "./helpers.mjs";

const pages = standalonePages();
before(() => pages.setup());
after(() => pages.teardown());
const phone = { width: 360, height: 740 };

describe("off-screen cards", () => {
  test("cards far below the first screen are skipped until scrolled near", async () => {
    const { page, context } = await open("/", phone);
    const last = page.locator(".trd-card").last();
    assert.equal(await last.evaluate((el) => getComputedStyle(el).contentVisibility), "auto");
    // `checkVisibility` with contentVisibilityAuto reports skipped content as not visible.
    assert.equal(await last.evaluate((el) => el.querySelector(".trd-card__title").checkVisibility({ contentVisibilityAuto: true })), false);
    await last.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll(".trd-card")].at(-1).querySelector(".trd-card__title").checkVisibility({ contentVisibilityAuto: true }));
    await context.close();
  });

  test("scrolling through every card and back shifts no layout", async () => {
    const { page, context } = await open("/", phone);
    await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      window.__cls = 0;
      for (let y = 0; y < document.documentElement.scrollHeight; y += 300) {
        scrollTo(0, y);
        await frame();
      }
      for (let y = document.documentElement.scrollHeight; y >= 0; y -= 300) {
        scrollTo(0, y);
        await frame();
      }
    });
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS while scrolling ${cls}`);
    await context.close();
  });

  test("a deep link to the last card opens it in view", async () => {
    const { page, context } = await open("/", phone);
    const id = await page.locator(".trd-card").last().getAttribute("id");
    await page.goto(`${pages.url}/#${id}`);
    await page.waitForFunction((id) => document.getElementById(`${id}-button`).getAttribute("aria-expanded") === "true", id);
    // Let any placeholder sizes above it settle, then check it is still in view.
    await page.waitForTimeout(500);
    const box = await page.locator(`#${id}`).boundingBox();
    assert.ok(box.y >= 0 && box.y < phone.height, `card in view (y=${box.y})`);
    await context.close();
  });

  test("find-in-page (a text fragment) reaches a closed card at the end", async () => {
    const { page, context } = await open("/", phone);
    const { id, needle } = await page.evaluate(() => {
      const card = [...document.querySelectorAll(".trd-card")].at(-1);
      return { id: card.id, needle: card.querySelector(".trd-card__panel li").textContent.split(" ").slice(0, 4).join(" ") };
    });
    await page.goto(pages.url + "/#:~:text=" + encodeURIComponent(needle));
    await page.waitForFunction((id) => document.getElementById(`${id}-button`).getAttribute("aria-expanded") === "true", id);
    await context.close();
  });

  test("print lays out every card, near the viewport or not", async () => {
    const { page, context } = await open("/", phone);
    await page.emulateMedia({ media: "print" });
    const skipped = await page.evaluate(() =>
      [...document.querySelectorAll(".trd-card")].filter((c) => getComputedStyle(c).contentVisibility !== "visible" || c.getBoundingClientRect().height < 40).map((c) => c.id),
    );
    assert.deepEqual(skipped, []);
    await context.close();
  });

  test("a card toggle changes only that card and the Expand all bar, never an ancestor of every card", async () => {
    const { page, context } = await open("/", phone);
    // Once every card has hydrated (they do so one per task after the app is live).
    await waitSettled(page);
    const touched = await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const root = document.querySelector(".trd");
      const seen = [];
      const mo = new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          seen.push({ inCard: !!el.closest("#lithium"), inBar: !!el.closest(".trd-cards__bar"), what: `${el.tagName}.${el.className} ${r.type} ${r.attributeName ?? ""}` });
        }
      });
      mo.observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
      document.getElementById("lithium-button").click();
      await frame();
      document.getElementById("lithium-button").click();
      await frame();
      mo.disconnect();
      return seen;
    });
    assert.ok(touched.some((m) => m.inCard), "the toggle changed the card");
    const outside = touched.filter((m) => !m.inCard && !m.inBar).map((m) => m.what);
    assert.deepEqual(outside, [], "changed outside the toggled card");
    await context.close();
  });
});

function open(path, options) {
  return pages.open(path, options);
}
