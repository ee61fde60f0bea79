// Finding, filtering, comparing and collecting questions, as a reader would: mouse,
// keyboard, phone width, and with axe-core checking every view.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { standalonePages, axe, formatViolations, waitLive } from "./helpers.mjs";

const pages = standalonePages();
before(() => pages.setup());
after(() => pages.teardown());
const open = (path, options = {}) => pages.open(path, { clipboard: true, ...options });

// Cards that do not match stay in the DOM, hidden, so count the shown ones.
const SHOWN = ".trd-list__item:not([hidden]) > .trd-card";
const visibleCards = (page) => page.$$eval(SHOWN, (cards) => cards.map((c) => c.id));
const status = (page) => page.textContent(".trd-results__count");
// Search and filters sit behind one control (issue 16): open it as a reader would.
const showSearch = (page) => page.click(".trd-find__summary");

describe("search and filters", () => {
  test("typing 'seizure' finds electroconvulsive therapy first, highlights it and announces the count", async () => {
    const { page, context } = await open();
    await showSearch(page);
    await page.fill("#trd-search-input", "seizure");
    await page.waitForFunction(() => document.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card").length < 19);
    const ids = await visibleCards(page);
    assert.equal(ids[0], "ect", ids.join(","));
    assert.ok((await page.locator(".trd-card#ect mark").count()) > 0, "match highlighted");
    assert.match(await status(page), /^(1 treatment matches|\d+ treatments match)$/);
    assert.equal(await page.getAttribute(".trd-results__count", "role"), "status");
    await page.fill("#trd-search-input", "nasal");
    await page.waitForFunction(() => document.querySelector(".trd-list__item:not([hidden]) > .trd-card")?.id === "ketamine");
    await page.fill("#trd-search-input", "xyzzy");
    await page.waitForFunction(() => document.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card").length === 0);
    assert.equal(await status(page), "No treatments match “xyzzy”");
    await page.click("text=Show everything");
    await page.waitForFunction(() => document.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card").length === 19);
    assert.equal(await page.inputValue("#trd-search-input"), "");
    await context.close();
  });

  test("matching ignores accents and case, and Escape clears the box", async () => {
    const { page, context } = await open();
    await showSearch(page);
    await page.fill("#trd-search-input", "ÉLECTROCONVULSIVE");
    await page.waitForFunction(() => document.querySelector(".trd-list__item:not([hidden]) > .trd-card")?.id === "ect");
    await page.press("#trd-search-input", "Escape");
    await page.waitForFunction(() => document.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card").length === 19);
    await context.close();
  });

  test("category and status filters combine with each other and with search, with counts", async () => {
    const { page, context } = await open();
    await showSearch(page);
    const chip = page.locator(".trd-chip", { hasText: "Brain stimulation" });
    assert.match(await chip.textContent(), /\(5\)/);
    await chip.click();
    assert.equal(await chip.getAttribute("aria-pressed"), "true");
    assert.deepEqual(await visibleCards(page), ["tms", "ect", "vns", "dbs", "neurofeedback"]);
    await page.locator(".trd-chip", { hasText: "Established" }).click();
    assert.deepEqual(await visibleCards(page), ["tms", "ect", "vns"]);
    await page.fill("#trd-search-input", "magnetic");
    await page.waitForFunction(() => document.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card").length === 1);
    assert.deepEqual(await visibleCards(page), ["tms"]);
    assert.equal(await status(page), "1 treatment matches");
    await context.close();
  });

  test("the URL reproduces the search, filters and view", async () => {
    const { page, context } = await open();
    await showSearch(page);
    await page.fill("#trd-search-input", "therapy");
    await page.locator(".trd-chip", { hasText: "Talking" }).click();
    await page.waitForFunction(() => location.search.includes("trd-type=psychotherapy"));
    const url = await page.evaluate(() => location.href);
    assert.match(url, /trd-q=therapy/);
    const { page: again, context: c2 } = await open(url.replace(pages.url, ""));
    await again.waitForFunction(() => document.querySelector(".trd-find")?.open);
    assert.equal(await again.inputValue("#trd-search-input"), "therapy");
    assert.equal(await again.locator(".trd-chip", { hasText: "Talking" }).getAttribute("aria-pressed"), "true");
    assert.deepEqual(await visibleCards(again), await visibleCards(page));
    await c2.close();
    await context.close();
  });
});

describe("compare", () => {
  test("a sortable table with caption and header scopes, honouring the filters, announced on switching", async () => {
    const { page, context } = await open();
    await showSearch(page);
    await page.locator(".trd-chip", { hasText: "Brain stimulation" }).click();
    await page.click(".trd-tab:has-text('Compare')");
    await page.waitForSelector(".trd-table caption");
    assert.equal(await page.getAttribute(".trd-tab:has-text('Compare')", "aria-pressed"), "true");
    await page.waitForFunction(() => document.querySelector(".trd-inner > .trd-sr-only[role=status]").textContent.includes("comparison table"));
    // Treatment, type, status, given, onset, evidence, in numbers, risks, approval.
    assert.equal(await page.locator("thead th[scope=col]").count(), 9);
    assert.equal(await page.locator("tbody th[scope=row]").count(), 5, "only brain stimulation rows");
    const evidence = page.locator("thead th", { hasText: "Evidence" });
    await evidence.locator("button").click();
    assert.equal(await evidence.getAttribute("aria-sort"), "ascending");
    const levels = await page.$$eval("tbody tr .trd-table__evidence .trd-level", (els) => els.map((e) => e.textContent));
    assert.equal(levels[0], "Strong evidence", levels.join(","));
    await evidence.locator("button").click();
    assert.equal(await evidence.getAttribute("aria-sort"), "descending");
    const last = await page.$$eval("tbody tr .trd-table__evidence .trd-level", (els) => els.map((e) => e.textContent));
    assert.equal(last.at(-1), "Strong evidence");
    await context.close();
  });

  test("two to four treatments can be compared side by side", async () => {
    const { page, context } = await open();
    await page.click(".trd-tab:has-text('Compare')");
    for (const id of ["tms", "ect", "ketamine"]) await page.check(`#${id}-pick`);
    await page.click("text=Compare 3 side by side");
    await page.waitForSelector(".trd-table--side");
    const heads = await page.$$eval(".trd-table--side thead th", (ths) => ths.map((t) => t.textContent));
    assert.equal(heads.length, 3);
    assert.match(heads.join("|"), /Transcranial|Electroconvulsive|Ketamine/);
    await page.click("text=Back to the full table");
    await page.check("#vns-pick");
    assert.ok(await page.isDisabled("#cbt-pick"), "a fifth cannot be picked");
    await context.close();
  });

  for (const scheme of ["light", "dark"]) {
    test(`axe finds nothing in the table, the side-by-side view and My questions (${scheme})`, async () => {
      // Reduced motion: no fade on the crisis strip, so contrast is never sampled mid-transition.
      const { page, context } = await open("/", { scheme, reducedMotion: "reduce" });
      await page.click(".trd-tab:has-text('Compare')");
      // Checked from the top of the page: the sticky crisis strip overlaps whatever is
      // scrolled under it, which says nothing about the view itself (checked separately).
      await page.evaluate(() => window.scrollTo(0, 0));
      let violations = await axe(page);
      assert.equal(violations.length, 0, "table: " + formatViolations(violations));
      for (const id of ["tms", "ect"]) await page.check(`#${id}-pick`);
      await page.click("text=Compare 2 side by side");
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForSelector(".trd-strip:not(.trd-strip--shown)", { state: "attached" });
      violations = await axe(page);
      assert.equal(violations.length, 0, "side by side: " + formatViolations(violations));
      await page.click(".trd-tab:has-text('My questions')");
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForSelector(".trd-strip:not(.trd-strip--shown)", { state: "attached" });
      violations = await axe(page);
      assert.equal(violations.length, 0, "questions: " + formatViolations(violations));
      await page.click(".trd-tab:has-text('Cards')");
      await page.evaluate(() => window.scrollTo(0, 2500));
      await page.waitForSelector(".trd-strip--shown");
      violations = await axe(page, { include: [[".trd-strip"]] });
      assert.equal(violations.length, 0, "crisis strip: " + formatViolations(violations));
      await context.close();
    });
  }

  test("on a 360px phone the table stacks without sideways page scroll", async () => {
    const { page, context } = await open("/", { width: 360, height: 740 });
    await page.click(".trd-tab:has-text('Compare')");
    await page.waitForSelector(".trd-table");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    assert.equal(await page.$eval("tbody tr", (tr) => getComputedStyle(tr).display), "block");
    await context.close();
  });
});

describe("my questions", () => {
  async function tickThree(page) {
    for (const id of ["ect", "tms"]) await page.click(`#${id}-button`);
    await page.check("#ect-q0");
    await page.check("#ect-q2");
    await page.check("#tms-q1");
  }

  test("ticked questions gather by treatment, can be copied as text and printed alone", async () => {
    const { page, context } = await open();
    await tickThree(page);
    const tab = page.locator(".trd-tab", { hasText: "My questions" });
    assert.match(await tab.textContent(), /\(3\)/);
    await tab.click();
    const groups = await page.$$eval(".trd-my-questions__group", (gs) => gs.map((g) => [g.querySelector(".trd-my-questions__title").textContent, g.querySelectorAll("li").length]));
    assert.equal(groups.length, 2);
    assert.deepEqual(groups.map((g) => g[1]).sort(), [1, 2]);

    await page.click("text=Copy as text");
    await page.waitForFunction(() => document.querySelector(".trd-inner > .trd-sr-only[role=status]").textContent.includes("copied"));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^My questions for my doctor/);
    assert.equal(copied.split("\n").filter((l) => l.startsWith("- ")).length, 3);

    await page.evaluate(() => {
      window.print = () => {
        window.__printedWith = document.querySelector(".trd").classList.contains("trd--print-questions");
      };
    });
    await page.click("text=Print my questions");
    assert.equal(await page.evaluate(() => window.__printedWith), true, "print mode on while printing");
    assert.equal(await page.evaluate(() => document.querySelector(".trd").classList.contains("trd--print-questions")), false, "and off after");

    await page.evaluate(() => document.querySelector(".trd").classList.add("trd--print-questions"));
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator(".trd-my-questions li").first().isVisible());
    for (const hidden of [".trd-safety", ".trd-intro", ".trd-disclaimer", ".trd-my-questions__actions", ".page-header"]) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
    }
    await context.close();
  });

  test("the list survives a reload in the same session", async () => {
    const { page, context } = await open();
    await tickThree(page);
    await page.reload();
    await waitLive(page);
    await page.click(".trd-tab:has-text('My questions')");
    assert.equal(await page.locator(".trd-my-questions li").count(), 3);
    await context.close();
  });

  test("with storage blocked everything still works", async () => {
    const { page, log, context } = await open("/", {
      init: () => {
        Object.defineProperty(window, "sessionStorage", { get() { throw new DOMException("blocked", "SecurityError"); } });
      },
    });
    await tickThree(page);
    await page.click(".trd-tab:has-text('My questions')");
    assert.equal(await page.locator(".trd-my-questions li").count(), 3);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
});

describe("a keyboard-only reader on a phone", () => {
  test("finds ECT by 'seizure', narrows to brain stimulation, compares three and collects questions", async () => {
    const { page, log, context } = await open("/", { width: 360, height: 740 });
    await page.focus(".trd-find__summary");
    await page.keyboard.press("Enter");
    await page.focus("#trd-search-input");
    await page.keyboard.type("seizure");
    const tabTo = async (predicate, limit = 80) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate(predicate)) return;
      }
      throw new Error("never reached: " + predicate);
    };
    await tabTo(() => document.activeElement?.id === "ect-button");
    await page.keyboard.press("Enter");
    await tabTo(() => document.activeElement?.id === "ect-q0");
    await page.keyboard.press("Space");
    assert.ok(await page.isChecked("#ect-q0"));

    await page.focus("#trd-search-input");
    await page.keyboard.press("Escape");
    await tabTo(() => document.activeElement?.textContent?.startsWith("Brain stimulation"));
    await page.keyboard.press("Enter");
    await page.focus(".trd-tab:nth-child(2)");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".trd-table");
    for (const id of ["tms-pick", "ect-pick", "vns-pick"]) {
      await page.focus(`#${id}`);
      await page.keyboard.press("Space");
      assert.ok(await page.isChecked(`#${id}`), id);
    }
    await tabTo(() => document.activeElement?.textContent?.startsWith("Compare 3"));
    await page.keyboard.press("Enter");
    await page.waitForSelector(".trd-table--side");
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
});
