// Issue 16: on a phone the treatment cards start on the first screen, with a crisis line
// to call above them. Measured at 360 × 780 (and 1280 × 900), light and dark, on the
// standalone page and embedded in an article, with the prerendered page before the wasm.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { launch, serveDist, waitLive, axe, formatViolations } from "./helpers.mjs";

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };
// A bare snippet with another crisis region.
const NZ = `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Bare</title></head>
<body><trd-explainer crisis-region="nz"></trd-explainer><script type="module" src="/trd-explainer.js"></script></body></html>`;
const env = {};
before(async () => {
  env.browser = await launch();
  env.server = await serveDist({ routes: { "/nz.html": { body: NZ } } });
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
});

/** Opens the standalone page, or the demo article with its first `<trd-explainer>`. */
async function open({ embed, viewport = PHONE, scheme = "light", path, wasm = true }) {
  const context = await env.browser.newContext({ viewport, colorScheme: scheme, reducedMotion: "reduce" });
  const page = await context.newPage();
  // Held, not failed: the page as the reader sees it while the wasm is on its way.
  if (!wasm) await page.route(/\.wasm$/, () => {});
  await page.goto(env.server.url + (path ?? (embed ? "/demo/article.html" : "/index.html")));
  if (wasm && embed) await page.waitForFunction(() => document.querySelector("trd-explainer")?.shadowRoot?.querySelector(".trd--live"));
  else if (wasm) await waitLive(page);
  else await page.waitForFunction(() => (document.querySelector("trd-explainer")?.shadowRoot ?? document).querySelector(".trd-card"));
  return { page, context };
}

/**
 * Where the first card starts, from the widget's top (embed) or the page's top
 * (standalone), and whether a crisis `tel:` link is fully inside the first screen: the
 * viewport scrolled to the widget's top (embed) or the page's (standalone).
 */
async function measure(page, embed) {
  return page.evaluate((embed) => {
    const scope = embed ? document.querySelector("trd-explainer").shadowRoot : document;
    const root = scope.querySelector(".trd");
    const widgetTop = root.getBoundingClientRect().top + scrollY;
    window.scrollTo(0, embed ? widgetTop : 0);
    const top = embed ? widgetTop : 0;
    const card = scope.querySelector(".trd-card__button") ?? scope.querySelector(".trd-card");
    const tel = [...root.querySelectorAll('a[href^="tel:"]')].find((a) => {
      const r = a.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && getComputedStyle(a).visibility === "visible";
    });
    // Before anything else in the widget: nothing focusable comes first.
    const focusable = [...root.querySelectorAll("a[href], button, input, summary")].find((el) => el.getClientRects().length > 0 && !el.closest(".trd-strip"));
    return {
      card: Math.round(card.getBoundingClientRect().top + scrollY - top),
      tel: tel?.getAttribute("href") ?? null,
      firstFocusable: focusable?.getAttribute("href") ?? focusable?.textContent,
    };
  }, embed);
}

const ALLOWANCE = { embed: PHONE.height, standalone: PHONE.height * 1.5 };

for (const scheme of ["light", "dark"]) {
  describe(`first screen at 360 × 780 (${scheme})`, () => {
    for (const embed of [true, false]) {
      const where = embed ? "embed" : "standalone";
      test(`${where}: the first card starts within ${ALLOWANCE[where]} px, under a crisis line to call`, async () => {
        const { page, context } = await open({ embed, scheme });
        const m = await measure(page, embed);
        assert.ok(m.card <= ALLOWANCE[where], `first card at ${m.card} px (allowed ${ALLOWANCE[where]})`);
        assert.ok(m.tel, `a crisis tel: link in the first screen: ${JSON.stringify(m)}`);
        assert.match(m.firstFocusable ?? "", /^tel:/, "the crisis line comes before anything else in the widget");
        console.log(`# ${where} ${scheme}: first card at ${m.card} px, ${m.tel} in sight`);
        await context.close();
      });
    }
  });
}

describe("desktop, 1280 × 900", () => {
  for (const embed of [true, false]) {
    test(`${embed ? "embed" : "standalone"}: the first card starts within the first screen`, async () => {
      const { page, context } = await open({ embed, viewport: DESKTOP });
      const m = await measure(page, embed);
      assert.ok(m.card < DESKTOP.height, `first card at ${m.card} px`);
      assert.ok(m.tel, "a crisis tel: link in the first screen");
      console.log(`# desktop ${embed ? "embed" : "standalone"}: first card at ${m.card} px`);
      await context.close();
    });
  }
});

describe("before the wasm", () => {
  test("the prerendered page has the same compact layout", async () => {
    const { page: live, context: c1 } = await open({ embed: false });
    const after = await measure(live, false);
    await c1.close();
    const { page, context } = await open({ embed: false, wasm: false });
    const early = await measure(page, false);
    assert.ok(Math.abs(early.card - after.card) <= 1, `before ${early.card} px, after ${after.card} px`);
    assert.equal(early.tel, after.tel);
    // The disclosures are native: they open before the wasm too.
    await page.click(".trd-safety__more > summary");
    assert.ok(await page.locator(".trd-safety__lines a[href='tel:116123']").isVisible(), "every line one tap away");
    await context.close();
  });
});

describe("crisis lines", () => {
  test("every line and country is one tap away, by keyboard, and in the page for find-in-page", async () => {
    const { page, context } = await open({ embed: false });
    const list = page.locator(".trd-safety__lines");
    assert.equal(await list.isVisible(), false, "closed at first");
    const summary = page.locator(".trd-safety__more > summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    assert.ok(await list.isVisible(), "Enter opens it");
    for (const href of ["tel:988", "sms:988", "tel:116123", "tel:131114", "tel:1737", "https://findahelpline.com", "tel:112"]) {
      assert.ok(await list.locator(`a[href="${href}"]`).first().isVisible(), `${href} listed`);
    }
    await page.keyboard.press("Enter");
    assert.equal(await list.isVisible(), false, "and closes it");
    // A closed <details> keeps its text in the page, where find-in-page finds it and
    // opens it (Chromium, Firefox, Safari); a script cannot drive the browser's find bar.
    assert.match(await page.locator(".trd-safety__more").textContent(), /Samaritans/);
    await context.close();
  });

  test("the crisis-region's line leads, with its call and text links", async () => {
    const { page, context } = await open({ embed: true, path: "/nz.html" });
    const lead = await page.evaluate(() => {
      const root = document.querySelector("trd-explainer").shadowRoot;
      return [...root.querySelectorAll(".trd-safety__lead a")].map((a) => a.getAttribute("href"));
    });
    assert.deepEqual(lead, ["tel:1737", "sms:1737"]);
    await context.close();
  });

  test("the pinned strip takes over once the block scrolls off", async () => {
    const { page, context } = await open({ embed: false });
    await page.evaluate(() => window.scrollTo(0, 1500));
    await page.waitForSelector(".trd-strip--shown");
    const inView = await page.evaluate(() => {
      const a = document.querySelector(".trd-strip a[href^='tel:']");
      const r = a.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    assert.ok(inView, "strip's tel: link in sight");
    await context.close();
  });

  test("print shows every crisis line, the whole introduction and every card", async () => {
    const { page, context } = await open({ embed: false });
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator(".trd-safety__lines a[href='tel:116123']").isVisible(), "full crisis list printed");
    assert.ok(await page.locator(".trd-intro__body p", { hasText: "STAR*D" }).isVisible(), "full intro printed");
    assert.ok(await page.locator(".trd-intro__sources li").first().isVisible(), "intro sources printed");
    const panels = await page.$$eval(".trd-card__panel", (ps) => ps.filter((p) => p.getBoundingClientRect().height > 0).length);
    assert.equal(panels, 19, "every card printed open");
    await context.close();
  });
});

describe("search and filter behind one control", () => {
  test("says how many treatments show and how many filters are on, and opens in place", async () => {
    const { page, context } = await open({ embed: false });
    const summary = page.locator(".trd-find__summary");
    assert.match(await summary.textContent(), /^Search and filter \(19 treatments\)$/);
    assert.equal(await page.locator("#trd-search-input").isVisible(), false, "closed at first");
    await summary.click();
    await page.fill("#trd-search-input", "magnetic");
    await page.locator(".trd-chip", { hasText: "Brain stimulation" }).click();
    await page.waitForFunction(() => /2 filters on/.test(document.querySelector(".trd-find__summary").textContent));
    assert.match(await summary.textContent(), /\(\d+ treatments?, 2 filters on\)/);
    await context.close();
  });

  test("a URL with a search or filter opens it", async () => {
    const { page, context } = await open({ embed: false, path: "/index.html?trd-q=seizure" });
    await page.waitForFunction(() => document.querySelector(".trd-find")?.open);
    assert.equal(await page.inputValue("#trd-search-input"), "seizure");
    assert.ok(await page.locator("#trd-search-input").isVisible());
    assert.match(await page.locator(".trd-find__summary").textContent(), /1 filter on/);
    await context.close();
  });

  test("keyboard order: crisis line, then the controls, then the cards", async () => {
    const { page, context } = await open({ embed: false });
    const order = [];
    for (let i = 0; i < 40 && !order.includes("card"); i++) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate(() => {
          const el = document.activeElement;
          if (!el?.closest(".trd")) return "page";
          if (el.matches("a[href^='tel:']")) return "tel";
          if (el.matches(".trd-find__summary")) return "search";
          if (el.matches(".trd-card__button")) return "card";
          return "other";
        }),
      );
    }
    const inWidget = order.filter((o) => o !== "page");
    assert.equal(inWidget[0], "tel", order.join(" "));
    assert.ok(inWidget.indexOf("search") > 0 && inWidget.indexOf("search") < inWidget.indexOf("card"), order.join(" "));
    await context.close();
  });
});

describe("no regressions", () => {
  for (const scheme of ["light", "dark"]) {
    test(`axe finds nothing at 360 px with every disclosure open (${scheme})`, async () => {
      const { page, context } = await open({ embed: false, scheme });
      await page.evaluate(() => document.querySelectorAll(".trd details").forEach((d) => (d.open = true)));
      const violations = await axe(page);
      assert.equal(violations.length, 0, formatViolations(violations));
      await context.close();
    });
  }

  test("no sideways scrolling at 320 px, with everything open", async () => {
    const { page, context } = await open({ embed: false, viewport: { width: 320, height: 700 } });
    await page.evaluate(() => document.querySelectorAll(".trd details").forEach((d) => (d.open = true)));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `${overflow} px wider than the screen`);
    await context.close();
  });
});
