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

// A card waits for its own hydration while its list item says so (src/progressive.rs,
// `data-trd-waiting` in src/contract.rs).
const WAITING = "data-trd-waiting";
const waiting = (page, id) =>
  page.evaluate(([id, attr]) => document.getElementById(id).closest("li").hasAttribute(attr), [id, WAITING]);
const expanded = (page, id) => page.getAttribute(`#${id}-button`, "aria-expanded");
const allHydrated = (page) =>
  page.waitForFunction((attr) => [...document.querySelectorAll(".trd-list__item")].every((li) => !li.hasAttribute(attr)), WAITING, {
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

  // Each interaction on the last card (hydrated last), on a fresh page where it is still
  // waiting when the interaction starts (retried if the machine was too quick for that).
  const LAST = "neuroplasticity";
  async function onWaitingCard(act) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const opened = await openSlow();
      if (await act(opened.page)) return opened;
      await opened.context.close();
    }
    assert.fail(`${LAST} was hydrated before the test could act, three times`);
  }
  async function assertOpenedOnce({ page, context, cdp, log }) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await allHydrated(page);
    await page.waitForTimeout(200);
    assert.equal(await expanded(page, LAST), "true", `${LAST} is open`);
    assert.equal(await page.getAttribute(`#${LAST}-panel`, "hidden"), null, "its panel shows");
    assert.deepEqual(await page.evaluate(() => window.__toggles), [[LAST, true]], "one toggle event");
    // The app owns it now: it closes again.
    await page.click(`#${LAST}-button`);
    assert.equal(await expanded(page, LAST), "false");
    assert.deepEqual([...log.errors, ...log.pageErrors], []);
    await context.close();
  }

  test("a scripted click() on a card still waiting opens it once", async () => {
    const opened = await onWaitingCard((page) =>
      // Checked and clicked in one task, so it is certainly still waiting when clicked.
      page.evaluate(
        ([id, attr]) => {
          const waiting = document.getElementById(id).closest("li").hasAttribute(attr);
          if (waiting) document.getElementById(`${id}-button`).click();
          return waiting;
        },
        [LAST, WAITING],
      ),
    );
    await assertOpenedOnce(opened);
  });

  test("a real click on a card still waiting opens it once", async () => {
    const opened = await onWaitingCard(async (page) => {
      if (!(await waiting(page, LAST))) return false;
      await page.click(`#${LAST}-button`);
      return true;
    });
    await assertOpenedOnce(opened);
  });

  test("Enter on a card still waiting opens it once", async () => {
    const opened = await onWaitingCard(async (page) => {
      if (!(await waiting(page, LAST))) return false;
      await page.focus(`#${LAST}-button`);
      await page.keyboard.press("Enter");
      return true;
    });
    await assertOpenedOnce(opened);
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
