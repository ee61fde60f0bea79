// "What matters to me" (issue 13), as a new reader on a phone would use it with the
// keyboard alone: tick two issues, read ECT's memory answer beside TMS's and ketamine's,
// add the memory question to My questions, share the link, print the two issue cards.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { standalonePages, axe, formatViolations } from "./helpers.mjs";

const pages = standalonePages();
before(() => pages.setup());
after(() => pages.teardown());

// Installed before the page's own scripts, so nothing emitted at start is missed.
function recordViews() {
  window.__views = [];
  document.addEventListener("trd-explainer:view", (e) => {
    window.__views.push({ ...e.detail, composed: e.composed, bubbles: e.bubbles });
  });
}
const open = (path, options = {}) => pages.open(path, { init: recordViews, width: 360, height: 740, ...options });
const views = (page) => page.evaluate(() => window.__views.map(({ view, issues }) => ({ view, issues })));

/** Presses Tab (or `key`) until `predicate` holds in the page (keyboard only: no clicks, no focus()). */
async function tabTo(page, predicate, arg = null, { key = "Tab", limit = 120 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`Tab never reached: ${predicate} ${arg ?? ""}`);
}
const focusedText = (text) => document.activeElement?.textContent?.trim().startsWith(text);
const focusedId = (id) => document.activeElement?.id === id;

const issueCards = (page) => page.$$eval(".trd-issue", (cards) => cards.map((c) => c.dataset.issue));
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("what matters to me, keyboard only at 360 px", () => {
  test("two issues, sourced memory answers, a question for the doctor, a shareable link, print", async () => {
    const { page, log, context } = await open();

    // Into the view from the view switcher.
    await tabTo(page, focusedText, "What matters");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".trd-matters");
    assert.equal(await page.getAttribute(".trd-tab:has-text('What matters')", "aria-pressed"), "true");
    await page.waitForFunction(() => document.querySelector(".trd-inner > .trd-sr-only[role=status]").textContent === "Showing what matters to you");

    // Tick "effects on memory", then "how soon it may help" (chips are buttons: Enter / Space).
    await tabTo(page, focusedText, "Effects on memory");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".trd-issue[data-issue=memory]");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    assert.ok(await page.evaluate(focusedText, "How soon it may help"), "chips are in reading order");
    await page.keyboard.press("Space");
    await page.waitForSelector(".trd-issue[data-issue=onset]");
    assert.deepEqual(await issueCards(page), ["onset", "memory"], "issue cards in issue order, not tick order");
    for (const slug of ["onset", "memory"]) {
      assert.equal(await page.getAttribute(`.trd-chip[data-issue=${slug}]`, "aria-pressed"), "true", slug);
    }
    assert.equal(await page.getAttribute(".trd-chip[data-issue=time]", "aria-pressed"), "false");

    // One polite count, in the view; the toolbar's count is not a second live region here.
    assert.equal(await page.textContent(".trd-matters__status"), "2 issues chosen, 15 treatments on each");
    assert.equal(await page.locator(".trd [role=status]:has-text('treatments')").count(), 1);

    // ECT's memory answer beside TMS's and ketamine's, each with a source.
    const memory = await page.$$eval(".trd-issue[data-issue=memory] .trd-issue__answer", (items) =>
      Object.fromEntries(items.map((li) => [li.dataset.card, {
        group: li.closest(".trd-issue__group").querySelector(".trd-issue__group-label").textContent,
        text: li.querySelector(".trd-issue__text").textContent,
        cite: li.querySelector("cite")?.textContent ?? "",
      }])),
    );
    assert.equal(memory.ect.group, "Memory loss is a known side effect");
    assert.match(memory.ect.text, /memory loss/i);
    assert.match(memory.tms.text, /not listed/i);
    assert.match(memory.ketamine.text, /dissociation/i);
    for (const id of ["ect", "tms", "ketamine"]) assert.match(memory[id].cite, /^\(.+\)$/, `${id} has a source`);
    assert.ok(!("biomarkers" in memory), "research cards are not treatments");
    const sources = await page.locator(".trd-issue[data-issue=memory] .trd-sources li").allTextContents();
    assert.ok(sources.some((s) => s.includes("reclassification of ECT devices")), sources.join("\n"));

    // Add "How will my memory be checked?" to My questions, with the keyboard.
    await tabTo(page, focusedId, "trd-issue-memory-question");
    await page.keyboard.press("Space");
    assert.ok(await page.isChecked("#trd-issue-memory-question"));
    assert.equal(await page.textContent("#trd-issue-memory-question-hint"), "Added to my questions");
    assert.match(await page.textContent(".trd-tab:has-text('My questions')"), /\(1\)/);

    // The link carries the view and the issues, in issue order.
    await page.waitForFunction(() => new URL(location.href).searchParams.get("trd-issues") === "onset,memory");
    const link = await page.evaluate(() => location.pathname + location.search);
    assert.equal(new URL(link, pages.url).searchParams.get("trd-view"), "matters");

    // The host heard about the view and each change of issues; nothing at start.
    await page.waitForFunction(() => window.__views.length >= 3);
    assert.deepEqual(await views(page), [
      { view: "matters", issues: [] },
      { view: "matters", issues: ["memory"] },
      { view: "matters", issues: ["onset", "memory"] },
    ]);
    assert.ok(await page.evaluate(() => window.__views.every((v) => v.composed && v.bubbles)));

    // Print emulation: the two issue cards print, the chips and toolbar do not.
    await page.emulateMedia({ media: "print" });
    for (const slug of ["onset", "memory"]) {
      assert.ok(await page.locator(`.trd-issue[data-issue=${slug}]`).isVisible(), `${slug} card prints`);
    }
    for (const hidden of [".trd-matters__issues", ".trd-toolbar", "#trd-issue-memory-question-hint"]) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
    }
    await page.emulateMedia({ media: "screen" });

    // The question is in My questions, under the view's name.
    await tabTo(page, focusedText, "My questions", { key: "Shift+Tab" });
    await page.keyboard.press("Enter");
    await page.waitForSelector(".trd-my-questions");
    const groups = await page.$$eval(".trd-my-questions__group", (gs) =>
      gs.map((g) => [g.querySelector(".trd-my-questions__title").textContent, [...g.querySelectorAll("li")].map((li) => li.textContent)]),
    );
    assert.deepEqual(groups, [["What matters to me", ["How will my memory be checked?"]]]);
    assert.deepEqual(log.pageErrors, []);

    // A fresh page from the shared link shows the same view and issue cards.
    const { page: again, context: c2 } = await open(link);
    await again.waitForSelector(".trd-issue[data-issue=memory]");
    assert.deepEqual(await issueCards(again), ["onset", "memory"]);
    assert.equal(await again.getAttribute(".trd-tab:has-text('What matters')", "aria-pressed"), "true");
    await again.waitForFunction(() => window.__views.length > 0);
    assert.deepEqual(await views(again), [{ view: "matters", issues: ["onset", "memory"] }], "a restored view is reported once");
    await c2.close();
    await context.close();
  });

  test("the questions survive a reload, also in copy-as-text and print of My questions", async () => {
    const { page, context } = await open("/?trd-view=matters&trd-issues=memory", { clipboard: true });
    await page.waitForSelector("#trd-issue-memory-question");
    await page.check("#trd-issue-memory-question");
    await page.waitForFunction(() => Object.values(sessionStorage).some((v) => v.endsWith("|memory")));
    await page.goto(pages.url + "/?trd-view=questions");
    await page.waitForSelector(".trd--live .trd-my-questions__group");
    assert.equal(await page.textContent(".trd-my-questions__group label"), "How will my memory be checked?");
    await page.click("text=Copy as text");
    await page.waitForFunction(() => document.querySelector(".trd-inner > .trd-sr-only[role=status]").textContent.includes("copied"));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /\nWhat matters to me\n- How will my memory be checked\?\n/);
    await page.evaluate(() => document.querySelector(".trd").classList.add("trd--print-questions"));
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator(".trd-my-questions__group li").isVisible());
    await context.close();
  });

  test("the search and filters apply to the issue cards", async () => {
    const { page, context } = await open("/?trd-view=matters&trd-issues=memory&trd-type=stimulation");
    await page.waitForSelector(".trd-issue[data-issue=memory]");
    const cards = () => page.$$eval(".trd-issue__answer", (li) => li.map((l) => l.dataset.card).sort());
    assert.deepEqual(await cards(), ["dbs", "ect", "neurofeedback", "tms", "vns"]);
    await page.fill("#trd-search-input", "magnetic");
    await page.waitForFunction(() => document.querySelectorAll(".trd-issue__answer").length === 1);
    assert.deepEqual(await cards(), ["tms"]);
    assert.equal(await page.textContent(".trd-matters__status"), "1 issue chosen, 1 treatment on each");
    await context.close();
  });

  for (const scheme of ["light", "dark"]) {
    test(`axe finds nothing in the view with two issues and a question added (${scheme})`, async () => {
      // Checking scrolls the page, which fades the pinned crisis strip in: with reduced
      // motion there is no fade, so axe judges the strip's real colours, not a midpoint.
      const { page, context } = await open("/?trd-view=matters&trd-issues=onset,memory", { scheme, reducedMotion: "reduce" });
      await page.waitForSelector(".trd-issue[data-issue=memory]");
      await page.check("#trd-issue-memory-question");
      await page.waitForTimeout(200);
      const violations = await axe(page);
      assert.deepEqual(violations, [], formatViolations(violations));
      await context.close();
    });
  }

  test("no horizontal scroll at 320 px, four view buttons included", async () => {
    const { page, context } = await open("/?trd-view=matters&trd-issues=onset,time,memory,access", { width: 320, height: 640 });
    await page.waitForSelector(".trd-issue[data-issue=access]");
    assert.equal(await page.locator(".trd-tab").count(), 4);
    assert.equal(await overflow(page), 0);
    const tabs = await page.$$eval(".trd-tab", (ts) => ts.map((t) => t.getBoundingClientRect()));
    const inner = await page.$eval(".trd-views", (v) => v.getBoundingClientRect());
    for (const t of tabs) assert.ok(t.left >= inner.left - 0.5 && t.right <= inner.right + 0.5, "tabs inside their group");
    await context.close();
  });
});
