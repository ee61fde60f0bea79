// What the host page hears: every card that opens or closes, however it happened, and
// nothing for cards that did not change.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { standalonePages } from "./helpers.mjs";

const pages = standalonePages();
before(() => pages.setup());
after(() => pages.teardown());

// Installed before the page's own scripts, so nothing emitted at start is missed.
function recordToggles() {
  window.__toggles = [];
  document.addEventListener("trd-explainer:toggle", (e) => window.__toggles.push([e.detail.id, e.detail.open]));
}
const open = (path, options = {}) => pages.open(path, { init: recordToggles, ...options });
const toggles = (page) => page.evaluate(() => window.__toggles);
const expanded = (page, id) => page.getAttribute(`#${id}-button`, "aria-expanded");

describe("toggle events", () => {
  test("a deep link at page load opens the card and tells the host", async () => {
    const { page, context } = await open("/#ect");
    await page.waitForFunction(() => document.getElementById("ect-button").getAttribute("aria-expanded") === "true");
    await page.waitForFunction(() => window.__toggles.length > 0, null, { timeout: 5000 });
    assert.deepEqual(await toggles(page), [["ect", true]]);
    await context.close();
  });

  test("collapse all while filtered closes only the shown cards, each with an event", async () => {
    const { page, context } = await open();
    await page.click("#lithium-button");
    await page.click(".trd-find__summary"); // search and filters sit behind it (issue 16)
    await page.locator(".trd-chip", { hasText: "Brain stimulation" }).click();
    await page.click(".trd-expand-all");
    await page.waitForFunction(() => document.getElementById("tms-button").getAttribute("aria-expanded") === "true");
    await page.click(".trd-expand-all");
    await page.waitForFunction(() => document.getElementById("tms-button").getAttribute("aria-expanded") === "false");
    const stimulation = ["tms", "ect", "vns", "dbs", "neurofeedback"];
    assert.deepEqual(
      await toggles(page),
      [["lithium", true], ...stimulation.map((id) => [id, true]), ...stimulation.map((id) => [id, false])],
    );
    await page.click("text=Show everything");
    await page.waitForFunction(() => document.querySelectorAll(".trd-list__item:not([hidden])").length === 19);
    assert.equal(await expanded(page, "lithium"), "true", "the hidden card stayed open");
    await context.close();
  });
});

describe("events follow state changes", () => {
  // A "copy link to highlight" link opened fresh: the browser reveals the closed panel
  // before (or while) the app hydrates; hydration must keep it open and say so.
  test("a text-fragment link opened fresh opens its card and tells the host", async () => {
    const { page, context } = await open("/#:~:text=a%20muscle%20relaxant");
    await page.waitForFunction(() => window.__toggles.some(([id]) => id === "ect"), null, { timeout: 5000 });
    await page.waitForTimeout(300);
    assert.equal(await expanded(page, "ect"), "true");
    assert.equal(await page.getAttribute("#ect-panel", "hidden"), null);
    assert.deepEqual(await toggles(page), [["ect", true]]);
    await context.close();
  });

  test("two clicks in one task open and then close the card, with one event each", async () => {
    const { page, context } = await open();
    await page.evaluate(() => {
      const b = document.getElementById("cbt-button");
      b.click();
      b.click();
    });
    await page.waitForTimeout(300);
    assert.equal(await expanded(page, "cbt"), "false");
    assert.deepEqual(await toggles(page), [["cbt", true], ["cbt", false]]);
    await context.close();
  });
});
