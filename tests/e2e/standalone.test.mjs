// The standalone page (dist/index.html), as readers and search engines get it.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { standalonePages, watchConsole, axe, formatViolations } from "./helpers.mjs";

const pages = standalonePages();
before(() => pages.setup());
after(() => pages.teardown());
const open = (path, options) => pages.open(path, options);

describe("standalone page", () => {
  test("hydrates the prerendered explainer with no console errors and no duplicate content", async () => {
    const { page, log, context } = await open();
    assert.equal(await page.locator(".trd").count(), 1, "one widget root");
    assert.equal(await page.locator(".trd-card").count(), 19, "19 cards, not re-rendered twice");
    assert.equal(await page.locator("h1").count(), 1, "one h1");
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, [], `console errors:\n${log.all.join("\n")}`);
    await context.close();
  });

  test("starts with less than 0.01 cumulative layout shift", async () => {
    const { page, context } = await open("/", { width: 360, height: 740 });
    await page.waitForTimeout(500);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS ${cls}`);
    await context.close();
  });

  test("has a title, meta description, lang and valid structured data", async () => {
    const { page, context } = await open();
    assert.match(await page.title(), /treatment-resistant depression/i);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    const description = await page.getAttribute('meta[name="description"]', "content");
    assert.ok(description && description.length > 50);
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(ld["@type"], "MedicalWebPage");
    assert.equal(ld.about.possibleTreatment.length, 15);
    await context.close();
  });

  for (const scheme of ["light", "dark"]) {
    test(`has no axe violations with every card open (${scheme})`, async () => {
      const { page, context } = await open("/", { scheme });
      await page.click(".trd-expand-all");
      await page.waitForSelector(".trd-card__panel[hidden]", { state: "detached" });
      // Off-screen cards skip layout (content-visibility: auto) and keep a closed card's
      // placeholder height until shown once, so their open contents would overlap the next
      // card's in axe's geometry. Show each once, as a reader scrolling the page does.
      for (const card of await page.locator(".trd-card").all()) await card.scrollIntoViewIfNeeded();
      const violations = await axe(page);
      assert.equal(violations.length, 0, formatViolations(violations));
      await context.close();
    });
  }

  test("cards toggle with Enter and Space, and closed panels are out of the tab order", async () => {
    const { page, context } = await open();
    const button = page.locator("#ect-button");
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.getElementById("ect-button").getAttribute("aria-expanded") === "true");
    assert.equal(await page.locator("#ect-panel").getAttribute("hidden"), null);
    await page.keyboard.press("Space");
    await page.waitForFunction(() => document.getElementById("ect-button").getAttribute("aria-expanded") === "false");

    // Tab from the first card through all of them: focus never lands inside a closed panel.
    await page.locator(".trd-card__button").first().focus();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const inClosed = await page.evaluate(() => !!document.activeElement?.closest(".trd-card__panel[hidden]"));
      assert.equal(inClosed, false, "focus entered a closed panel");
    }
    await context.close();
  });

  test("a deep link opens that card, scrolls to it, and opening a card updates the fragment in place", async () => {
    const { page, context } = await open("/#ect", { width: 360, height: 740 });
    await page.waitForFunction(() => document.getElementById("ect-button").getAttribute("aria-expanded") === "true");
    const box = await page.locator("#ect").boundingBox();
    assert.ok(box.y >= 0 && box.y < 740, `card in view (y=${box.y})`);
    const before = await page.evaluate(() => history.length);
    await page.click("#tms-button");
    // Written after the click's frame is painted (replaceState is not free), so wait for it.
    await page.waitForFunction(() => location.hash === "#tms", null, { timeout: 2000 });
    assert.equal(await page.evaluate(() => history.length), before, "no new history entry");
    await page.evaluate(() => { location.hash = "lithium"; });
    await page.waitForFunction(() => document.getElementById("lithium-button").getAttribute("aria-expanded") === "true");
    await context.close();
  });

  test("find-in-page (a text fragment) reveals and opens a closed card", async () => {
    const { page, context } = await open();
    const needle = await page.evaluate(() => document.querySelector("#vns-panel li").textContent.split(" ").slice(0, 4).join(" "));
    await page.goto(pages.url + "/#:~:text=" + encodeURIComponent(needle));
    await page.waitForFunction(() => document.getElementById("vns-button").getAttribute("aria-expanded") === "true");
    await context.close();
  });

  test("a crisis line stays in sight: the banner at the top, then the pinned strip", async () => {
    const { page, context } = await open("/", { width: 360, height: 740 });
    const inView = (sel) =>
      page.$eval(sel, (el) => {
        const r = el.getBoundingClientRect();
        return getComputedStyle(el).visibility === "visible" && r.bottom > 0 && r.top < innerHeight;
      });
    assert.ok(await inView(".trd-safety a[href='tel:988']"), "banner's 988 link visible at the top");
    // Past the banner, however many lines it lists (Spain and Mexico joined the list).
    const below = await page.$eval(".trd-safety", (el) => el.getBoundingClientRect().bottom + scrollY);
    for (const y of [below + 200, below + 2500, below + 5500]) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      await page.waitForSelector(".trd-strip--shown");
      assert.ok(await inView(".trd-strip a[href='tel:988']"), `988 in sight at scroll ${y}`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForSelector(".trd-strip:not(.trd-strip--shown)");
    await context.close();
  });

  test("printing shows every card's content with its sources", async () => {
    const { page, context } = await open();
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll(".trd-card__panel")].filter((p) => p.getBoundingClientRect().height === 0).map((p) => p.id),
    );
    assert.deepEqual(hidden, [], "every panel has height in print");
    assert.ok(await page.locator(".trd-card .trd-sources").first().isVisible(), "card sources print");
    assert.equal(await page.locator(".trd-toolbar").isVisible(), false, "controls are not printed");
    await context.close();
  });

  for (const width of [320, 360]) {
    test(`fits ${width}px without horizontal scrolling, cards open or closed`, async () => {
      const { page, context } = await open("/", { width, height: 700 });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(await overflow(), 0);
      await page.click(".trd-expand-all");
      await page.waitForSelector(".trd-card__panel[hidden]", { state: "detached" });
      assert.equal(await overflow(), 0);
      await context.close();
    });
  }

  test("touch targets are at least 24 by 24 px", async () => {
    const { page, context } = await open("/", { width: 360, height: 740 });
    const small = await page.evaluate(() =>
      [...document.querySelectorAll(".trd button, .trd input, .trd summary")]
        .filter((el) => el.offsetParent)
        .map((el) => ({ el: el.id || el.className || el.tagName, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ el, r }) => `${el} ${Math.round(r.width)}x${Math.round(r.height)}`),
    );
    assert.deepEqual(small, []);
    await context.close();
  });

  test("without JavaScript every card is readable, with the banner and disclaimer, and no dead controls", async () => {
    const { page, context } = await open("/", { js: false });
    const collapsed = await page.evaluate(() =>
      [...document.querySelectorAll(".trd-card__panel")].filter((p) => p.getBoundingClientRect().height === 0).length,
    );
    assert.equal(collapsed, 0, "all panels shown");
    assert.ok(await page.locator(".trd-safety").isVisible());
    assert.ok(await page.locator(".trd-disclaimer").isVisible());
    assert.equal(await page.locator(".trd-toolbar").isVisible(), false, "search and filters need the app");
    assert.equal(await page.locator(".trd-expand-all").isVisible(), false);
    await context.close();
  });

  test("if the wasm cannot load, the full text is shown instead of a broken page", async () => {
    const context = await pages.browser.newContext();
    const page = await context.newPage();
    const log = watchConsole(page);
    await page.route("**/*.wasm", (route) => route.abort());
    await page.goto(pages.url + "/");
    // Every card open, and (trd-accordion.js) still closable: no dead buttons.
    await page.waitForSelector("[data-trd-standalone].trd-static");
    const collapsed = await page.evaluate(() =>
      [...document.querySelectorAll(".trd-card__panel")].filter((p) => p.getBoundingClientRect().height === 0).length,
    );
    assert.equal(collapsed, 0);
    assert.equal(await page.locator('.trd-card__button[aria-expanded="false"]').count(), 0);
    assert.equal(await page.locator(".trd-toolbar").isVisible(), false);
    await page.click("#ect-button");
    assert.equal(await page.getAttribute("#ect-button", "aria-expanded"), "false");
    assert.equal(await page.locator("#ect-panel").isVisible(), false);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
});
