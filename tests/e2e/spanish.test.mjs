// The Spanish edition: the standalone /es/ page, the element with lang="es", the element
// inside a Mexican-Spanish page with no attribute, and switching language at run time.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { launch, serveDist, watchConsole, watchLayoutShift, axe, formatViolations, waitLive, DIST } from "./helpers.mjs";
import { serve } from "./server.mjs";

let browser, site, cdn;

// A magazine page: the bare snippet, the loader from another origin, a strict CSP.
function article({ htmlLang, element, loader }) {
  return `<!DOCTYPE html><html lang="${htmlLang}"><head><meta charset="utf-8"><title>Revista</title></head>
    <body><main><h1>Artículo</h1>${element}</main><script type="module" src="${loader}"></script></body></html>`;
}

before(async () => {
  browser = await launch();
  cdn = await serve({ root: DIST, cors: true, prefix: "/cdn/v1" });
  const loader = `${cdn.url}/cdn/v1/trd-explainer.js`;
  const csp = `default-src 'self'; script-src 'self' ${cdn.url} 'wasm-unsafe-eval'; style-src 'self' ${cdn.url}`;
  const headers = { "content-security-policy": csp };
  site = await serveDist({
    routes: {
      "/embed-es.html": { body: article({ htmlLang: "en", element: `<trd-explainer id="w" lang="es"></trd-explainer>`, loader }), headers },
      "/embed-es-mx.html": { body: article({ htmlLang: "es-MX", element: `<trd-explainer id="w"></trd-explainer>`, loader }), headers },
      "/embed-es-plain.html": { body: article({ htmlLang: "es", element: `<trd-explainer id="w"></trd-explainer>`, loader }), headers },
      "/embed-es-419.html": { body: article({ htmlLang: "es-419", element: `<trd-explainer id="w"></trd-explainer>`, loader }), headers },
      "/embed-switch.html": { body: article({ htmlLang: "en", element: `<trd-explainer id="w" lang="en"></trd-explainer>`, loader: "/trd-explainer.js" }), headers },
      "/favicon.ico": { body: "", type: "image/x-icon" },
    },
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await cdn?.close();
});

// `locale` sets the reader's browser languages (navigator.languages), as a phone set to
// Mexican Spanish would.
async function open(path, { width = 1280, height = 900, scheme = "light", embed = false, locale = undefined } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, ...(locale ? { locale } : {}) });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
    // Every crisis line that has led the guide, in order, from the first frame on (in the
    // element's shadow root or on the page): a reader must never see one swapped for another.
    window.__leads = [];
    const watch = () => {
      const root = document.querySelector("trd-explainer")?.shadowRoot ?? document;
      const lead = root.querySelector(".trd-safety__line .trd-safety__who strong")?.textContent.trim();
      if (lead && window.__leads.at(-1) !== lead) window.__leads.push(lead);
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  const log = watchConsole(page);
  await watchLayoutShift(page);
  await page.goto(site.url + path);
  await waitLive(page, embed ? "trd-explainer" : null);
  return { page, log, context };
}

const visibleCards = (page) => page.$$eval(".trd-list__item:not([hidden]) > .trd-card", (cards) => cards.map((c) => c.id));
const regions = (page) =>
  page.$$eval(".trd-safety__line .trd-safety__who strong", (els) => els.map((e) => e.textContent.trim()));
const hrefs = (page) => page.$$eval(".trd-safety a", (as) => as.map((a) => a.getAttribute("href")));

describe("standalone /es/", () => {
  test("reads in Spanish, hydrates without console errors or layout shift, and links to English", async () => {
    const { page, log, context } = await open("/es/", { width: 360, height: 740 });
    await page.waitForTimeout(500);
    assert.equal(await page.getAttribute("html", "lang"), "es");
    assert.equal(await page.getAttribute(".trd", "lang"), "es");
    assert.match(await page.textContent("h1"), /Depresión resistente al tratamiento/);
    assert.equal(await page.locator(".trd-card").count(), 19);
    assert.match(await page.textContent("#ect-button"), /Terapia electroconvulsiva/);
    assert.equal(await page.locator(".trd-expand-all").textContent().then((t) => t.trim()), "Desplegar todo");
    // Head alternates need the site's absolute address (TRD_SITE_URL; see the native
    // prerender test); the visible links carry hreflang in every build.
    const links = await page.$$eval(".page-languages a", (ls) => ls.map((l) => [l.hreflang, l.lang, new URL(l.href).pathname]));
    assert.deepEqual(links, [["en", "en", "/index.html"]]);
    const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(ld.inLanguage, "es");
    assert.equal(ld.about.name, "Depresión resistente al tratamiento");
    assert.match(ld.about.possibleTreatment.find((t) => t.name.includes("electroconvulsiva")).name, /Terapia/);
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, [], `console errors:\n${log.all.join("\n")}`);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `CLS ${cls}`);
    await context.close();
  });

  test("the English page links to the Spanish one", async () => {
    const { page, context } = await open("/");
    assert.equal(new URL(await page.locator('.page-languages a[hreflang="es"]').evaluate((a) => a.href)).pathname, "/es/index.html");
    assert.equal(await page.getAttribute('.page-languages a[hreflang="es"]', "lang"), "es");
    await context.close();
  });

  test("lists the crisis lines for Spanish speakers: 988 press 2 or AYUDA, Spain 024, Mexico, 112 and 911", async () => {
    const { page, context } = await open("/es/");
    const lines = await regions(page);
    assert.equal(lines[0], "Otros países", `a language without a region leads with the directory: ${lines}`);
    for (const region of ["Estados Unidos", "España", "México", "Si corre peligro inmediato"]) assert.ok(lines.includes(region), region);
    const links = await hrefs(page);
    for (const href of ["tel:988", "sms:988?body=AYUDA", "tel:024", "tel:8009112000", "tel:112", "tel:911", "https://findahelpline.com"]) {
      assert.ok(links.includes(href), `${href} in ${links}`);
    }
    await context.close();
  });

  test("search understands Spanish accents, with or without them", async () => {
    const { page, context } = await open("/es/");
    // Search sits behind one control (issue 16): open it as a reader would.
    await page.click(".trd-find__summary");
    for (const query of ["electroconvulsiva", "ELECTROCONVULSIVA", "electroconvulsíva"]) {
      await page.fill("#trd-search-input", query);
      await page.waitForFunction(() => document.querySelector(".trd-list__item:not([hidden]) > .trd-card")?.id === "ect");
    }
    await page.fill("#trd-search-input", "depresión");
    await page.waitForFunction(() => document.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card").length > 0);
    const accented = await visibleCards(page);
    await page.fill("#trd-search-input", "depresion");
    await page.waitForFunction((n) => document.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card").length === n, accented.length);
    assert.deepEqual(await visibleCards(page), accented, "the same cards without the accent");
    await page.fill("#trd-search-input", "xyzzy");
    await page.waitForFunction(() => document.querySelectorAll(".trd-list__item:not([hidden]) > .trd-card").length === 0);
    assert.equal((await page.textContent(".trd-results__count")).trim(), "Ningún tratamiento coincide con «xyzzy»");
    await context.close();
  });

  for (const scheme of ["light", "dark"]) {
    test(`has no axe violations with every card open (${scheme})`, async () => {
      const { page, context } = await open("/es/", { scheme });
      await page.click(".trd-expand-all");
      await page.waitForSelector(".trd-card__panel[hidden]", { state: "detached" });
      // As on the English page: off-screen cards keep a closed card's placeholder height
      // (content-visibility: auto) until shown once, and open cards with their fact boxes
      // are tall enough for that stale geometry to put one card's controls over the next
      // in axe's eyes. Show each once, as a reader scrolling the page does.
      for (const card of await page.locator(".trd-card").all()) await card.scrollIntoViewIfNeeded();
      const violations = await axe(page);
      assert.equal(violations.length, 0, formatViolations(violations));
      await context.close();
    });
  }

  test("fits 320 px without horizontal scrolling, cards open or closed", async () => {
    const { page, context } = await open("/es/", { width: 320, height: 700 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(await overflow(), 0);
    await page.click(".trd-expand-all");
    await page.waitForSelector(".trd-card__panel[hidden]", { state: "detached" });
    assert.equal(await overflow(), 0);
    await context.close();
  });

  test("prints every card with its sources, in Spanish", async () => {
    const { page, context } = await open("/es/");
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll(".trd-card__panel")].filter((p) => p.getBoundingClientRect().height === 0).map((p) => p.id),
    );
    assert.deepEqual(hidden, []);
    assert.ok(await page.locator(".trd-card .trd-sources").first().isVisible());
    assert.match(await page.locator("#ect-panel").textContent(), /Cómo funciona/);
    await context.close();
  });
});

describe("a bare lang takes the region from the reader's own languages", () => {
  for (const [locale, first, href] of [
    ["es-MX", "México", "tel:8009112000"],
    ["es-ES", "España", "tel:024"],
  ]) {
    test(`lang="es" read in a browser set to ${locale}: ${first}'s line leads from the first frame`, async () => {
      const { page, log, context } = await open("/embed-es.html", { embed: true, locale });
      assert.equal(await page.evaluate(() => navigator.languages[0]), locale);
      const lines = await regions(page);
      assert.equal(lines[0], first, lines.join(", "));
      const lead = await page.$$eval("trd-explainer .trd-safety__lead a", (as) => as.map((a) => a.getAttribute("href")));
      assert.ok(lead.includes(href), `${href} in the first screen: ${lead}`);
      // The body prerendered for plain `es` (the directory first) was not shown, so the
      // line never swapped.
      assert.deepEqual(await page.evaluate(() => window.__leads), [first]);
      assert.deepEqual(log.errors, [], log.all.join("\n"));
      await context.close();
    });

    test(`the standalone /es/ page read in ${locale} leads with ${first}'s line once it starts`, async () => {
      const { page, log, context } = await open("/es/", { locale });
      await page.waitForFunction((name) => document.querySelector(".trd-safety__lead .trd-safety__who strong")?.textContent.trim() === name, first);
      const strip = await page.$$eval(".trd-strip__link", (as) => as.map((a) => a.getAttribute("href")));
      assert.ok(strip.includes(href), `the pinned strip offers ${href}: ${strip}`);
      // The static page was written for plain `es`: at most that one change, never back.
      const leads = await page.evaluate(() => window.__leads);
      assert.equal(leads.at(-1), first, leads.join(" → "));
      assert.ok(leads.length <= 2 && (leads.length === 1 || leads[0] === "Otros países"), leads.join(" → "));
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.errors, [], log.all.join("\n"));
      await context.close();
    });
  }

  test('lang="es" read in an English browser keeps the directory first, from the prerendered body', async () => {
    const { page, context } = await open("/embed-es.html", { embed: true, locale: "en-US" });
    const lines = await regions(page);
    assert.equal(lines[0], "Otros países", lines.join(", "));
    assert.deepEqual(await page.evaluate(() => window.__leads), ["Otros países"]);
    await context.close();
  });
});

describe("the element in Spanish", () => {
  test('lang="es" shows the Spanish edition under a strict cross-origin CSP', async () => {
    const { page, log, context } = await open("/embed-es.html", { embed: true });
    assert.equal(await page.locator("trd-explainer .trd").getAttribute("lang"), "es");
    assert.match(await page.locator("trd-explainer #ect-button").textContent(), /Terapia electroconvulsiva/);
    const links = await hrefs(page);
    for (const href of ["tel:024", "tel:8009112000", "sms:988?body=AYUDA"]) assert.ok(links.includes(href), href);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.errors, [], log.all.join("\n"));
    await context.close();
  });

  test('inside <html lang="es-MX"> with no attribute: Spanish, Mexico\'s line first', async () => {
    const { page, context } = await open("/embed-es-mx.html", { embed: true });
    assert.equal(await page.locator("trd-explainer .trd").getAttribute("lang"), "es");
    const lines = await regions(page);
    assert.equal(lines[0], "México", lines.join(", "));
    assert.ok((await hrefs(page)).includes("tel:8009112000"));
    await context.close();
  });

  test('inside <html lang="es"> with the bare snippet: Spain\'s and Mexico\'s lines, the directory first', async () => {
    const { page, context } = await open("/embed-es-plain.html", { embed: true });
    const lines = await regions(page);
    assert.equal(lines[0], "Otros países", lines.join(", "));
    assert.ok(lines.includes("España") && lines.includes("México"), lines.join(", "));
    await context.close();
  });

  test("es-419 falls back to es", async () => {
    const { page, context } = await open("/embed-es-419.html", { embed: true });
    assert.equal(await page.locator("trd-explainer .trd").getAttribute("lang"), "es");
    assert.match(await page.locator("trd-explainer #ect-button").textContent(), /Terapia electroconvulsiva/);
    await context.close();
  });

  test("changing lang keeps open cards, the search and ticked questions", async () => {
    const { page, context } = await open("/embed-switch.html", { embed: true });
    const w = page.locator("trd-explainer#w");
    await w.locator("#ect-button").click();
    await w.locator("#ect-q0").check();
    await w.locator(".trd-find__summary").click();
    await w.locator("#trd-search-input").fill("ECT");
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector(".trd-list__item:not([hidden]) > .trd-card")?.id === "ect");
    await page.evaluate(() => document.querySelector("#w").setAttribute("lang", "es"));
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector(".trd")?.getAttribute("lang") === "es");
    assert.match(await w.locator("#ect-button").textContent(), /Terapia electroconvulsiva/);
    assert.equal(await w.locator("#ect-button").getAttribute("aria-expanded"), "true", "the card stays open");
    assert.equal(await w.locator("#trd-search-input").inputValue(), "ECT", "the search stays");
    assert.ok(await w.locator("#ect-q0").isChecked(), "the ticked question stays");
    await page.evaluate(() => document.querySelector("#w").setAttribute("lang", "en"));
    await page.waitForFunction(() => document.querySelector("#w").shadowRoot.querySelector(".trd")?.getAttribute("lang") === "en");
    assert.equal(await w.locator("#ect-button").getAttribute("aria-expanded"), "true");
    await context.close();
  });
});
