// Progressive hydration (src/progressive.rs): the app goes live before every card is
// hydrated, and the cards hydrate one per task afterwards. A reader acting in that window
// must lose nothing: a click, a scripted click, a key press or a keystroke in the search
// box all land, once, with their toggle events.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { standalonePages, watchConsole, waitLive } from "./helpers.mjs";

const pages = standalonePages();
before(() => pages.setup());
after(() => pages.teardown());

// Slow enough that the last cards are still waiting when the test acts.
const CPU = 20;

async function openSlow(path = "/") {
  const context = await pages.browser.newContext({ viewport: { width: 412, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
  await page.addInitScript(() => {
    window.__toggles = [];
    document.addEventListener("trd-explainer:toggle", (e) => window.__toggles.push([e.detail.id, e.detail.open]));
  });
  const log = watchConsole(page);
  await page.goto(pages.url + path);
  await waitLive(page);
  return { page, context, cdp, log };
}

// A card is hydrated once its list item hosts its own app (Yew brands the host).
const waiting = (page, id) =>
  page.evaluate((id) => document.getElementById(id).closest("li").__yew_subtree_id === undefined, id);
const expanded = (page, id) => page.getAttribute(`#${id}-button`, "aria-expanded");
const allHydrated = (page) =>
  page.waitForFunction(() => [...document.querySelectorAll(".trd-list__item")].every((li) => li.__yew_subtree_id !== undefined), null, {
    timeout: 60000,
  });

describe("progressive hydration", () => {
  test("the app is live before the last cards are hydrated, and they all hydrate without errors", async () => {
    const { page, context, cdp, log } = await openSlow();
    assert.equal(await waiting(page, "brain-imaging"), true, "the last cards are still waiting when the app goes live");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await allHydrated(page);
    // Every card now answers its own button, once.
    for (const id of ["ketamine", "brain-imaging"]) {
      await page.click(`#${id}-button`);
      assert.equal(await expanded(page, id), "true", id);
    }
    assert.deepEqual(await page.evaluate(() => window.__toggles), [["ketamine", true], ["brain-imaging", true]]);
    assert.deepEqual([...log.errors, ...log.pageErrors], []);
    await context.close();
  });

  test("a click, a scripted click and Enter on cards still waiting each open their card once", async () => {
    const { page, context, cdp, log } = await openSlow();
    const ids = ["neuroplasticity", "brain-imaging", "genetics"];
    for (const id of ids) assert.equal(await waiting(page, id), true, `${id} is still waiting`);
    await page.click("#neuroplasticity-button");
    // Checked and clicked in one go, so it is certainly still waiting when clicked.
    const scripted = await page.evaluate(() => {
      const waiting = document.getElementById("brain-imaging").closest("li").__yew_subtree_id === undefined;
      document.getElementById("brain-imaging-button").click();
      return waiting;
    });
    assert.equal(scripted, true, "brain-imaging was still waiting when clicked");
    await page.focus("#genetics-button");
    await page.keyboard.press("Enter");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await allHydrated(page);
    await page.waitForTimeout(200);
    for (const id of ids) {
      assert.equal(await expanded(page, id), "true", `${id} is open`);
      assert.equal(await page.getAttribute(`#${id}-panel`, "hidden"), null, `${id}'s panel shows`);
    }
    assert.deepEqual(
      (await page.evaluate(() => window.__toggles)).sort(),
      ids.map((id) => [id, true]).sort(),
      "one toggle event per card",
    );
    // And they close again: the app owns them now.
    await page.click("#genetics-button");
    assert.equal(await expanded(page, "genetics"), "false");
    assert.deepEqual([...log.errors, ...log.pageErrors], []);
    await context.close();
  });

  test("typing in the search box while cards hydrate loses no keystroke, and the waiting cards follow the search", async () => {
    const { page, context, cdp, log } = await openSlow();
    assert.equal(await waiting(page, "brain-imaging"), true);
    await page.click(".trd-find__summary");
    await page.locator(".trd-search input").pressSequentially("imaging");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    assert.equal(await page.inputValue(".trd-search input"), "imaging");
    await page.waitForFunction(() => document.getElementById("ketamine").closest("li").hidden);
    assert.equal(await page.evaluate(() => document.getElementById("brain-imaging").closest("li").hidden), false);
    // The waiting card hydrated on the change and shows the match highlighted.
    await page.waitForFunction(() => !!document.querySelector("#brain-imaging mark"));
    assert.deepEqual([...log.errors, ...log.pageErrors], []);
    await context.close();
  });
});
