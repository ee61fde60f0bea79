// "How this guide was made" (issue 25): in both languages, without JavaScript, in print,
// reachable from the disclaimer and the foot of every view, axe-clean; the publisher's
// reviewer shown (visible line and JSON-LD) only when configured.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { launch, serveDist, watchConsole, axe, formatViolations, waitLive } from "./helpers.mjs";

let browser, server;

const REVIEWER = `publisher-name="Example Health" reviewer-name="Dr Ana Ruiz" reviewer-credentials="MD, consultant psychiatrist"
  review-date="2026-12-01" report-contact="corrections@example.org" publisher-disclosure="Example Health is funded by its readers."`;
const LINE = "Medically reviewed for Example Health by Dr Ana Ruiz, MD, consultant psychiatrist, on 1 December 2026.";

function article(body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head>
    <body><main><h1>An article</h1>${body}</main><script type="module" src="/trd-explainer.js"></script></body></html>`;
}

before(async () => {
  browser = await launch();
  server = await serveDist({
    routes: {
      "/favicon.ico": { body: "", type: "image/x-icon" },
      "/bare.html": { body: article(`<trd-explainer id="bare"></trd-explainer>`) },
      "/reviewed.html": { body: article(`<trd-explainer id="attrs" ${REVIEWER}></trd-explainer>`) },
      "/json.html": {
        body: article(`<trd-explainer id="json" lang="es"><script type="application/json">
          {"publisher-name": "Salud Ejemplo", "reviewer-name": "Dra. Ana Ruiz", "review-date": "2026-12-01",
           "report-contact": "https://example.org/correcciones"}</script></trd-explainer>`),
      },
      "/bad.html": {
        body: article(`<trd-explainer id="bad" reviewer-name="Dr Ana Ruiz" review-date="1/12/2026" report-contact="javascript:alert(1)" publisher-name=""></trd-explainer>`),
      },
    },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path, { width = 1280, height = 900, js = true, scheme = "light", blockWasm = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: js, colorScheme: scheme });
  const page = await context.newPage();
  const log = watchConsole(page);
  if (blockWasm) await page.route(/\.wasm(\.js)?$/, (route) => route.abort());
  await page.goto(server.url + path);
  return { page, log, context };
}

/** The section's state in a document or in an element's shadow root. */
function section(page, host = null) {
  return page.evaluate((host) => {
    const scope = host ? document.getElementById(host).shadowRoot : document;
    const details = scope.getElementById("trd-how-made")?.closest("details");
    const active = host ? scope.activeElement : document.activeElement;
    const r = details?.getBoundingClientRect();
    return {
      exists: !!details,
      open: !!details?.open,
      summary: details?.querySelector("summary")?.textContent.trim(),
      text: details?.innerText ?? "",
      focused: active ? (active.id || active.tagName.toLowerCase()) : null,
      inView: !!r && r.top < innerHeight && r.bottom > 0,
      bodyHeight: details?.querySelector(".trd-how-made__body")?.getBoundingClientRect().height ?? 0,
    };
  }, host);
}

const bodyText = (page, host = null) =>
  page.evaluate((host) => (host ? document.getElementById(host).shadowRoot.querySelector(".trd").innerText : document.body.innerText), host);

describe("How this guide was made", () => {
  for (const [path, heading, decision] of [
    ["/", "How this guide was made", "choosing which treatments to ask about when depression has not improved after two or more antidepressants"],
    ["/es/", "Cómo se hizo esta guía", "elegir sobre qué tratamientos preguntar cuando la depresión no ha mejorado después de dos o más antidepresivos"],
  ]) {
    test(`is there without JavaScript and opens with a tap (${path})`, async () => {
      const { page, context } = await open(path, { js: false });
      const before = await section(page);
      assert.ok(before.exists, "the section is in the HTML");
      assert.equal(before.summary, heading);
      assert.equal(before.open, false, "closed at first: the page stays short");
      await page.click(".trd-how-made > summary");
      const after = await section(page);
      assert.ok(after.open && after.text.includes(decision), after.text.slice(0, 300));
      await context.close();
    });
  }

  test("a link to it opens it without JavaScript (#trd-how-made)", async () => {
    const { page, context } = await open("/", { js: false });
    await page.click(".trd-disclaimer__more a");
    await page.waitForFunction(() => document.getElementById("trd-how-made").closest("details").open);
    const s = await section(page);
    assert.ok(s.inView, "scrolled to");
    await context.close();
  });

  test("prints open, with its changes, and without the links to it", async () => {
    const { page, context } = await open("/");
    await waitLive(page);
    await page.emulateMedia({ media: "print" });
    const s = await section(page);
    assert.ok(s.bodyHeight > 200, `the section's text prints (${s.bodyHeight} px)`);
    assert.ok(await page.locator(".trd-how-made__changes time").first().isVisible());
    assert.equal(await page.locator(".trd-view__footer").isVisible(), false);
    await context.close();
  });

  for (const view of ["cards", "compare", "matters", "questions"]) {
    test(`the foot of the ${view} view links to it: it opens, scrolls into view and takes focus`, async () => {
      const { page, log, context } = await open(view === "cards" ? "/" : `/?trd-view=${view}`, { width: 360, height: 740 });
      await waitLive(page);
      await page.click(".trd-view .trd-view__footer a[href='#trd-how-made']");
      await page.waitForFunction(() => document.getElementById("trd-how-made").closest("details").open);
      const s = await section(page);
      assert.ok(s.inView, "scrolled to the section");
      assert.equal(s.focused, "summary", "focus on its summary");
      assert.deepEqual(log.pageErrors, []);
      await context.close();
    });
  }

  test("the disclaimer links to it, and 'Found a mistake?' to its reporting part", async () => {
    const { page, context } = await open("/");
    await waitLive(page);
    await page.click(".trd-disclaimer__more a");
    await page.waitForFunction(() => document.getElementById("trd-how-made").closest("details").open);
    await page.evaluate(() => (document.getElementById("trd-how-made").closest("details").open = false));
    await page.click(".trd-view__footer a[href='#trd-report']");
    await page.waitForFunction(() => document.getElementById("trd-how-made").closest("details").open);
    const s = await section(page);
    assert.equal(s.focused, "trd-report");
    assert.match(s.text, /contact page/);
    await context.close();
  });

  test("a deep link (#trd-privacy) opens it at the privacy statement", async () => {
    const { page, context } = await open("/#trd-privacy");
    await waitLive(page);
    await page.waitForFunction(() => document.getElementById("trd-how-made").closest("details").open);
    assert.ok(await page.locator("#trd-privacy").isVisible());
    assert.match(await page.locator(".trd-how-made").innerText(), /session storage/);
    await context.close();
  });

  test("links to it work before the wasm (held back)", async () => {
    const { page, context } = await open("/", { blockWasm: true });
    await page.waitForSelector(".trd-view__footer a");
    await page.click(".trd-view__footer a[href='#trd-how-made']");
    await page.waitForFunction(() => document.getElementById("trd-how-made").closest("details").open);
    await context.close();
  });

  for (const scheme of ["light", "dark"]) {
    test(`has no axe violations with the section open (${scheme})`, async () => {
      const { page, context } = await open("/", { scheme });
      await waitLive(page);
      await page.click(".trd-disclaimer__more a");
      await page.waitForFunction(() => document.getElementById("trd-how-made").closest("details").open);
      const violations = await axe(page, { include: [[".trd-how-made"], [".trd-disclaimer"], [".trd-view__footer"]] });
      assert.equal(violations.length, 0, formatViolations(violations));
      await context.close();
    });
  }

  test("without configuration no page says anyone reviewed it, and the JSON-LD names no reviewer", async () => {
    for (const path of ["/", "/es/"]) {
      const { page, context } = await open(path);
      await waitLive(page);
      await page.click(".trd-disclaimer__more a");
      const text = (await bodyText(page)).toLowerCase();
      for (const needle of ["reviewed by", "medically reviewed", "revisión médica", "revisado por"]) assert.ok(!text.includes(needle), `${path}: "${needle}"`);
      const ld = JSON.parse(await page.locator('head script[type="application/ld+json"]').textContent());
      assert.equal(ld.reviewedBy, undefined);
      assert.equal(await page.locator('.trd script[type="application/ld+json"]').count(), 0);
      await context.close();
    }
    const { page, context } = await open("/bare.html");
    await waitLive(page, "#bare");
    const text = (await bodyText(page, "bare")).toLowerCase();
    assert.ok(!text.includes("reviewed by") && !text.includes("medically reviewed"));
    assert.equal(await page.evaluate(() => document.getElementById("bare").shadowRoot.querySelectorAll('script[type="application/ld+json"]').length), 0);
    await context.close();
  });

  test("a configured reviewer is shown and written into the widget's JSON-LD", async () => {
    const { page, log, context } = await open("/reviewed.html");
    await waitLive(page, "#attrs");
    assert.ok((await bodyText(page, "attrs")).includes(LINE), "the line is visible in the disclaimer");
    const ld = await page.evaluate(() =>
      JSON.parse(document.getElementById("attrs").shadowRoot.querySelector('script[type="application/ld+json"]').textContent),
    );
    assert.equal(ld["@type"], "MedicalWebPage");
    assert.deepEqual(ld.reviewedBy, { "@type": "Person", name: "Dr Ana Ruiz", jobTitle: "MD, consultant psychiatrist" });
    assert.equal(ld.lastReviewed, "2026-12-01");
    assert.equal(ld.publisher.name, "Example Health");
    // Inside the section: the line, the statement, and the contact as a link.
    await page.evaluate(() => document.getElementById("attrs").shadowRoot.querySelector(".trd-view__footer a").click());
    const s = await section(page, "attrs");
    assert.ok(s.open && s.inView, "the link opened the section in the shadow root");
    assert.ok(s.text.includes(LINE) && s.text.includes("Example Health is funded by its readers."));
    assert.equal(
      await page.evaluate(() => document.getElementById("attrs").shadowRoot.querySelector("#trd-how-made a[href^='mailto:']").getAttribute("href")),
      "mailto:corrections@example.org",
    );
    assert.equal(new URL(page.url()).hash, "", "the host page's URL is left alone");
    assert.deepEqual(log.warnings.filter((w) => w.startsWith("<trd-explainer>")), []);
    const violations = await axe(page, { include: [["#attrs"]] });
    assert.equal(violations.length, 0, formatViolations(violations));
    await context.close();
  });

  test("the same options as JSON keys, in Spanish", async () => {
    const { page, context } = await open("/json.html");
    await waitLive(page, "#json");
    const text = await bodyText(page, "json");
    assert.ok(text.includes("Revisión médica para Salud Ejemplo de Dra. Ana Ruiz, el 1"), text.slice(-1500));
    await context.close();
  });

  test("bad values warn once each and the widget still works, claiming no review", async () => {
    const { page, log, context } = await open("/bad.html");
    await waitLive(page, "#bad");
    const warnings = log.warnings.filter((w) => w.startsWith("<trd-explainer>"));
    for (const needle of ['review-date="1/12/2026"', 'report-contact="javascript:alert(1)"', 'publisher-name=""', "review-date is not"]) {
      assert.equal(warnings.filter((w) => w.includes(needle)).length, 1, `one warning for ${needle}:\n${warnings.join("\n")}`);
    }
    const text = (await bodyText(page, "bad")).toLowerCase();
    assert.ok(!text.includes("medically reviewed"));
    assert.equal(await page.evaluate(() => document.getElementById("bad").shadowRoot.querySelectorAll(".trd-card").length), 19);
    assert.equal(await page.evaluate(() => document.getElementById("bad").shadowRoot.querySelectorAll("a[href^='javascript']").length), 0);
    await context.close();
  });
});
