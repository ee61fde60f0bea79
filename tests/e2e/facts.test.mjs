// Fact boxes, "In numbers" (issue 22): every box open, axe in light, dark and forced
// colours; print in black and white, where solid and hollow squares carry the meaning
// rather than colour; the boxes in the HTML with JavaScript off and from disk; the
// comparison column and its sort; "See the numbers" from "What matters to me".
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { standalonePages, axe, formatViolations, DIST } from "./helpers.mjs";

const pages = standalonePages();
before(() => pages.setup());
after(() => pages.teardown());

/** Opens every card (Expand all) and waits until the last panel shows. */
async function expandAll(page) {
  await page.click(".trd-expand-all");
  await page.waitForFunction(() => !document.querySelector(".trd-card__panel[hidden]"));
  // Back to the top, where the pinned crisis strip covers nothing (axe counts a control
  // under it as too small).
  await page.evaluate(() => window.scrollTo(0, 0));
  // Cards far from the viewport skip layout (`content-visibility: auto`), and axe's
  // target-size check then reads stale boxes: at 360 px it found a source link of the
  // ECT card "overlapping" a checkbox 20 screens further down. Laid out, nothing
  // overlaps; every other rule gives the same result either way.
  await page.addStyleTag({ content: ".trd .trd-card { content-visibility: visible !important }" });
  await page.waitForTimeout(100);
}

const boxes = (page) => page.$$eval(".trd-fact-box", (all) => all.filter((b) => b.getBoundingClientRect().height > 0).length);

describe("fact boxes", () => {
  for (const scheme of ["light", "dark"]) {
    test(`axe finds nothing with every fact box open (${scheme}, 360 px)`, async () => {
      const { page, log, context } = await pages.open("/", { width: 360, height: 780, scheme });
      await expandAll(page);
      assert.ok((await boxes(page)) >= 12, "the boxes are shown");
      const violations = await axe(page);
      assert.equal(violations.length, 0, formatViolations(violations));
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }

  test("axe finds nothing in forced colours, and the icon arrays take the system text colour", async () => {
    const context = await pages.browser.newContext({ viewport: { width: 1000, height: 800 }, forcedColors: "active" });
    const page = await context.newPage();
    await page.goto(pages.url + "/");
    await page.waitForSelector(".trd--live");
    await expandAll(page);
    const violations = await axe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    const colours = await page.evaluate(() => {
      const text = getComputedStyle(document.querySelector(".trd-fact-group__text")).color;
      const paths = [...document.querySelectorAll(".trd-icons path")].map((p) => getComputedStyle(p).stroke);
      return { text, strokes: [...new Set(paths)] };
    });
    assert.deepEqual(colours.strokes, [colours.text], "both states in the system text colour");
    await context.close();
  });

  test("print: every box open, in black, solid against hollow rather than by colour", async () => {
    const { page, context } = await pages.open("/", { width: 800, height: 900 });
    await page.emulateMedia({ media: "print" });
    assert.ok((await boxes(page)) >= 12, "closed cards print open, with their boxes");
    const icons = await page.$$eval(".trd-icons", (svgs) =>
      svgs.map((svg) => {
        const [empty, filled] = [".trd-icons__empty", ".trd-icons__filled"].map((sel) => {
          const p = svg.querySelector(sel);
          const s = getComputedStyle(p);
          return { attr: p.getAttribute("stroke"), stroke: s.stroke, width: parseFloat(s.strokeWidth) };
        });
        return { empty, filled, shown: svg.getBoundingClientRect().width > 0 };
      }),
    );
    assert.ok(icons.length >= 30);
    for (const { empty, filled, shown } of icons) {
      assert.ok(shown, "every icon array prints");
      for (const p of [empty, filled]) {
        assert.equal(p.attr, "currentColor");
        assert.equal(p.stroke, "rgb(0, 0, 0)", "black on white paper");
      }
      assert.ok(filled.width >= 6 * empty.width, "filled squares are solid, the rest outlines");
    }
    await page.emulateMedia({ media: "screen" });
    await context.close();
  });

  for (const [path, phrase] of [["/", "27 out of 100"], ["/es/", "27 de cada 100"]]) {
    test(`with JavaScript off, the boxes are in the page (${path})`, async () => {
      const { page, context } = await pages.open(path, { js: false, width: 360, height: 780 });
      const found = await page.$$eval(".trd-facts", (all) => all.map((f) => f.id));
      assert.ok(found.length >= 11, found.join(" "));
      for (const id of ["ketamine", "augmentation", "lithium", "tms", "ect", "vns", "psilocybin", "cbt", "mindfulness"]) {
        assert.ok(found.includes(`${id}-facts`), id);
      }
      const text = await page.textContent("[id=ketamine-facts]");
      assert.ok(text.includes(phrase), text.slice(0, 200));
      assert.ok(await page.isVisible("[id=ketamine-facts] .trd-icons"), "shown: every card is open without JavaScript");
      await context.close();
    });
  }

  test("from disk, a card's numbers are there when it opens", async () => {
    const context = await pages.browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(DIST, "index.html")).href);
    await page.waitForLoadState("load");
    await page.click("[id=cbt-button]");
    await page.waitForFunction(() => document.getElementById("cbt-facts")?.getBoundingClientRect().height > 0);
    assert.match(await page.textContent("[id=cbt-facts]"), /46 out of 100/);
    await context.close();
  });

  test("the comparison table's numbers column sorts by the difference and says the studies differ", async () => {
    const { page, context } = await pages.open("/", { width: 1280, height: 900 });
    await page.click(".trd-tab:has-text('Compare')");
    await page.waitForSelector(".trd-table");
    const column = await page.$$eval(".trd-table thead th", (ths) => ths.findIndex((th) => th.textContent.includes("In numbers")));
    assert.ok(column > 0, "an In numbers column");
    assert.match(await page.textContent(".trd-compare__note"), /head to head/);
    const cells = () =>
      page.$$eval(
        ".trd-table tbody tr",
        (rows, column) => rows.map((r) => [r.querySelector("th label").textContent, r.children[column].textContent]),
        column,
      );
    const ketamine = (await cells()).find(([t]) => t.startsWith("Ketamine"))[1];
    assert.match(ketamine, /^27 out of 100 vs 18 out of 100 \(another treatment\): few or no symptoms left, at week 8$/);
    await page.click(`.trd-table thead th:nth-child(${column + 1}) button`);
    await page.waitForSelector(`.trd-table thead th:nth-child(${column + 1})[aria-sort=ascending]`);
    const differences = (await cells())
      .map(([, cell]) => cell.match(/^(\d+) out of 100 vs (\d+) out of 100/))
      .filter(Boolean)
      .map(([, a, b]) => a - b);
    assert.ok(differences.length >= 11);
    assert.deepEqual(differences, [...differences].sort((x, y) => x - y), "ascending by treatment minus comparison");
    const last = (await cells()).at(-1)[1];
    assert.equal(last, "—", "treatments without numbers sort last");
    await context.close();
  });

  test("with the keyboard alone: Enter on See the numbers puts focus on the box, and Tab goes on from there", async () => {
    const { page, context } = await pages.open("/", { width: 360, height: 780 });
    await page.focus(".trd-tab:has-text('What matters')");
    await page.keyboard.press("Enter");
    await page.focus(".trd-chip[data-issue=evidence]");
    await page.keyboard.press("Space");
    await page.waitForSelector(".trd-issue__answer[data-card=cbt] .trd-issue__numbers");
    await page.focus(".trd-issue__answer[data-card=cbt] .trd-issue__numbers");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "cbt-facts");
    assert.equal(await page.getAttribute("[id=cbt-button]", "aria-expanded"), "true");
    assert.match(await page.textContent("[id=cbt-facts]"), /46 out of 100/);
    // The box is a focus target only for the link: Tab leaves it for the next control
    // in the card, and Shift+Tab does not land on it again.
    await page.keyboard.press("Tab");
    const next = await page.evaluate(() => ({ id: document.activeElement?.id, inBox: !!document.activeElement?.closest(".trd-facts") }));
    assert.notEqual(next.id, "cbt-facts");
    await page.keyboard.press("Shift+Tab");
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), "cbt-facts", "no tab stop on the box itself");
    await context.close();
  });

  test("See the numbers in What matters opens the card at its box, with focus there", async () => {
    const { page, context } = await pages.open("/", { width: 360, height: 780 });
    await page.click(".trd-tab:has-text('What matters')");
    await page.click(".trd-chip[data-issue=evidence]");
    const link = page.locator(".trd-issue__answer[data-card=ect] .trd-issue__numbers");
    assert.equal(await link.getAttribute("href"), "#ect-facts");
    await link.click();
    await page.waitForFunction(() => document.activeElement?.id === "ect-facts");
    assert.equal(await page.getAttribute("[id=ect-button]", "aria-expanded"), "true");
    const top = await page.evaluate(() => document.getElementById("ect-facts").getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 400, `scrolled to the box (top ${top})`);
    const violations = await axe(page);
    assert.equal(violations.length, 0, formatViolations(violations));
    await context.close();
  });
});
