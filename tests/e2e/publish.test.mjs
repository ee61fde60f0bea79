// The publisher's page (dist/publish.html, src/publish): every attribute of the table has a
// control; options picked on the page reach the live preview and every form of code; each
// form, copied and pasted into a blank page, shows the same guide as the preview; the
// element's own checks show beside the fields; keyboard, screen-reader and axe checks at
// 360 px and on a desktop, light and dark, under a strict CSP, in English and Spanish.
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, assets, launch, serveDist, watchConsole, axe, formatViolations } from "./helpers.mjs";
import { crateVersion } from "../../scripts/changelog.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// The blank pages code is pasted into: filled in by the tests (the server reads routes
// when a request comes).
const routes = { "/favicon.ico": { body: "", type: "image/x-icon" } };
let browser, server;
// The release this build wrote (the e2e tests run on a release build), and the README's
// iframe code, which the page's iframe form must match.
const VERSION = crateVersion();
const MAJOR = VERSION.split(".")[0];
const RELEASE_FILE = join(DIST, `v${VERSION}`, "release.json");
const release = () => JSON.parse(readFileSync(RELEASE_FILE, "utf8"));
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const README_IFRAME = README.match(/<iframe src="https:\/\/cdn\.example\/trd\/v0\/embed\.html"[^>]*><\/iframe>/)?.[0];

before(async () => {
  browser = await launch();
  // CORS as the README asks: a sandboxed frame (the iframe form) has an opaque origin, so
  // its requests to the build are cross-origin.
  server = await serveDist({ routes, cors: true, headers: () => ({ "content-security-policy": CSP }) });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// CSP violations, recorded by an init script (which no page policy applies to).
const VIOLATIONS = () => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

async function open(path = "/publish.html", { width = 1280, height = 900, scheme = "light", clipboard = false, init } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  if (clipboard) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await context.newPage();
  await page.addInitScript(VIOLATIONS);
  if (init) await page.addInitScript(init);
  const log = watchConsole(page);
  await page.goto(server.url + path);
  // The app has rendered its controls, and the card list (from the content) is in.
  await page.waitForSelector('[data-attribute="open"] input[type="checkbox"]');
  return { page, log, context };
}

const PREVIEW = ".publish-preview trd-explainer";

/**
 * What the guide in `selector`'s shadow root shows, with the colours its host was given.
 * Self-contained: it runs in the page (no `new Function`, which a strict CSP refuses).
 */
function readGuide(selector) {
  const host = document.querySelector(selector);
  const root = host?.shadowRoot;
  const trd = root?.querySelector(".trd");
  if (!trd) return null;
  const style = getComputedStyle(host);
  return {
    live: trd.classList.contains("trd--live"),
    lang: trd.getAttribute("lang"),
    region: root.querySelector(".trd-safety__lead .trd-safety__who strong")?.textContent.trim() ?? null,
    cards: [...root.querySelectorAll(".trd-card")].map((c) => c.id).sort(),
    open: [...root.querySelectorAll(".trd-card--open")].map((c) => c.id).sort(),
    theme: trd.classList.contains("trd--dark") ? "dark" : trd.classList.contains("trd--light") ? "light" : "auto",
    accent: style.getPropertyValue("--trd-color-accent").trim(),
    accentDark: style.getPropertyValue("--trd-color-accent-dark").trim(),
  };
}

const guideIn = (page, selector) => page.evaluate(readGuide, selector);

/** The attributes of the first `<iframe>` tag in `html`. */
function iframeAttributes(html) {
  const tag = html.match(/<iframe [^>]*>/)?.[0] ?? "";
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value.replaceAll("&amp;", "&").replaceAll("&quot;", '"')]));
}

/** The frame of `page` showing an embed page, once it is there. */
async function embedFrame(page) {
  for (let i = 0; i < 150; i++) {
    const frame = page.frames().find((f) => /embed\.html/.test(f.url()));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error("no embed frame");
}

/** Waits until the guide in `selector` (of a page or a frame) is live and shows `expected` (or any, if null). */
async function waitGuide(page, selector, expected = null) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  let last;
  for (let i = 0; i < 150; i++) {
    last = await guideIn(page, selector);
    if (last?.live && (!expected || JSON.stringify(last) === JSON.stringify(expected))) return last;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(last, expected, `the guide in ${selector} never showed the expected configuration`);
  return last;
}

function pageData() {
  const html = readFileSync(join(DIST, "publish.html"), "utf8");
  const json = html.match(/<script type="application\/json" id="trd-publish-data">([^<]*)<\/script>/)[1];
  return JSON.parse(json);
}

describe("the publisher's page", () => {
  test("every attribute of config::ATTRIBUTES has a labelled control, and nothing else is missing", async () => {
    const { page, log, context } = await open();
    // The list the build wrote from the table, and the loader's own list (filled in from the
    // same table): both must match the page's controls.
    const names = (await page.getAttribute("#trd-publisher", "data-attributes")).split(",");
    const observed = await page.evaluate(async () => {
      await customElements.whenDefined("trd-explainer");
      return customElements.get("trd-explainer").observedAttributes;
    });
    assert.deepEqual([...names].sort(), [...observed].sort());
    assert.ok(names.length >= 9, names.join());
    const fields = await page.evaluate(() =>
      [...document.querySelectorAll("[data-attribute]")].map((field) => {
        const controls = [...field.querySelectorAll("input, select, textarea")];
        const named = field.querySelector("legend, label")?.textContent.trim() ?? "";
        return {
          name: field.dataset.attribute,
          named: named.length > 0,
          controls: controls.length,
          unlabelled: controls.filter((c) => c.labels.length === 0).map((c) => c.id),
        };
      }),
    );
    assert.deepEqual(
      fields.map((f) => f.name),
      names,
      "one field per attribute, in the table's order",
    );
    for (const f of fields) {
      assert.ok(f.named && f.controls > 0, `${f.name}: a named field with a control`);
      assert.deepEqual(f.unlabelled, [], `${f.name}: every control has a label`);
    }
    // This build's forms: the snippet and the fragment always; the iframe and the pinned
    // release when the build has them, and only then.
    const data = pageData();
    const forms = await page.$$eval("[data-form]", (els) => els.map((e) => e.dataset.form));
    assert.deepEqual(forms, ["snippet", "fragment", ...(data.forms.iframe ? ["iframe"] : [])]);
    const snippet = await page.inputValue("#publish-code-snippet");
    assert.equal(snippet.includes("integrity="), !!data.forms.pinned, snippet);
    // A release build pins the snippet to its release.json, written before the page.
    assert.equal(!!data.forms.pinned, existsSync(RELEASE_FILE));
    if (data.forms.pinned) {
      assert.deepEqual(data.forms.pinned, {
        version: VERSION,
        loader: `v${VERSION}/trd-explainer.js`,
        integrity: release().files["trd-explainer.js"].integrity,
      });
    }
    assert.deepEqual(await page.evaluate(() => window.__violations), [], "no CSP violation");
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, [], log.all.join("\n"));
    await context.close();
  });

  test("options picked on the page reach the preview, and each form of code pasted into a blank page shows the same guide", async () => {
    const { page, log, context } = await open("/publish.html", { clipboard: true });
    await page.fill("#publish-lang", "es");
    await page.selectOption("#publish-crisis-region", "mx");
    await page.check("#publish-categories-medication");
    await page.check("#publish-categories-stimulation");
    // The card list follows the language: Spanish titles once its content is in.
    const spanish = JSON.parse(readFileSync(join(DIST, assets().content.es.json), "utf8"));
    const title = spanish.cards.find((c) => c.id === "ketamine").title;
    await page.waitForFunction((title) => document.querySelector('label[for="publish-open-ketamine"]')?.textContent === title, title);
    await page.check("#publish-open-ketamine");
    await page.check("#publish-theme-dark");
    await page.fill("#publish-color-accent", "#8a1538");
    await page.fill("#publish-color-accent-dark", "rgb(242 167 189)");

    const expected = {
      live: true,
      lang: "es",
      region: "México",
      cards: spanish.cards.filter((c) => ["medication", "stimulation"].includes(c.category)).map((c) => c.id).sort(),
      open: ["ketamine"],
      theme: "dark",
      accent: "#8a1538",
      accentDark: "rgb(242 167 189)",
    };
    const preview = await waitGuide(page, PREVIEW, expected);
    assert.deepEqual(preview, expected);
    // No field has a warning for these values.
    assert.deepEqual(await page.$$eval(".publish-warnings li, .publish-warning:not(:empty)", (els) => els.map((e) => e.textContent)), []);

    const forms = await page.$$eval("[data-form]", (els) => els.map((e) => e.dataset.form));
    assert.ok(forms.includes("snippet") && forms.includes("fragment"), forms.join());
    // The release build offers every form, pinned where a hash can pin it.
    assert.deepEqual(forms, ["snippet", "fragment", "iframe"]);
    assert.ok(existsSync(RELEASE_FILE), `the tests run on a release build: ${RELEASE_FILE}`);
    const { files } = release();
    const pinnedLoader = `src="${server.url}/v${VERSION}/trd-explainer.js" integrity="${files["trd-explainer.js"].integrity}" crossorigin="anonymous"`;
    // Colours and the call-to-action cannot travel in the frame's URL: the page says so.
    const data = pageData();
    assert.ok((await page.textContent('[data-form="iframe"]')).includes(data.strings.iframe_not_carried));
    for (const form of forms) {
      const area = `#publish-code-${form}`;
      await page.waitForSelector(area);
      const code = await page.inputValue(area);
      await page.click(`[data-form="${form}"] button`);
      await page.waitForFunction((form) => document.querySelector(".publish-status")?.textContent.includes(document.querySelector(`[data-form="${form}"] h3`).textContent), form);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, code, `${form}: the clipboard holds the code shown`);
      if (form === "iframe") {
        // The README's frame, its options as the URL parameters the embed page reads.
        const frame = iframeAttributes(copied);
        const readme = iframeAttributes(README_IFRAME);
        for (const name of ["width", "height", "loading", "sandbox", "allow"]) assert.equal(frame[name], readme[name], `iframe ${name}`);
        assert.equal(frame.title, spanish.meta.title);
        const src = new URL(frame.src);
        assert.equal(`${src.origin}${src.pathname}`, `${server.url}/v${MAJOR}/es/embed.html`, "the frame follows the major, as in the README");
        assert.deepEqual(Object.fromEntries(src.searchParams), {
          lang: "es",
          "crisis-region": "mx",
          categories: "medication,stimulation",
          open: "ketamine",
          theme: "dark",
        });
        assert.match(copied, /[?&]lang=es[&"]/, form);
      } else {
        assert.match(copied, /lang="es"/, form);
        // The version's own loader with its hash (the fragment: the version's fragment,
        // its stylesheet hashed too).
        assert.ok(copied.includes(pinnedLoader), `${form}: pinned to v${VERSION}\n${copied}`);
      }
      if (form === "fragment") {
        const css = assets().css;
        assert.ok(copied.includes(`href="${server.url}/v${VERSION}/${css}" data-trd integrity="${files[css].integrity}" crossorigin="anonymous"`), copied);
      }

      // A blank page with nothing but the pasted code, on the server the build is served by.
      const path = `/pasted-${form}.html`;
      routes[path] = {
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body><main><h1>An article</h1>\n${copied}\n</main></body></html>`,
      };
      const blank = await context.newPage();
      await blank.addInitScript(VIOLATIONS);
      const blankLog = watchConsole(blank);
      await blank.goto(server.url + path);
      // The iframe's guide is in its frame; no colours reach it.
      const guideOf = async (page) => (form === "iframe" ? embedFrame(page) : page);
      const uncoloured = { ...expected, accent: "", accentDark: "" };
      // Under the same strict CSP, the colours in the pasted <style> are refused (the note
      // says to move them into a stylesheet): compare the guide itself.
      const pasted = await waitGuide(await guideOf(blank), "trd-explainer", uncoloured);
      assert.equal(pasted.lang, preview.lang, form);
      const violations = await blank.evaluate(() => window.__violations);
      if (copied.includes("<style>")) assert.ok(violations.every((v) => v.startsWith("style-src")), violations.join());
      else assert.deepEqual(violations, []);
      assert.deepEqual(blankLog.warnings, [], `${form}: no console warning\n${blankLog.all.join("\n")}`);
      assert.deepEqual(blankLog.pageErrors, []);
      // The hashes verified: nothing was refused, and the guide came from the version pinned.
      assert.deepEqual(blankLog.all.filter((m) => /integrity/i.test(m)), [], `${form}: no integrity error`);
      if (form !== "iframe") {
        const loaded = await blank.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
        assert.ok(loaded.includes(`${server.url}/v${VERSION}/trd-explainer.js`), `${form}: the pinned loader ran\n${loaded.join("\n")}`);
      }
      await blank.close();

      // Without the policy, the pasted colours apply too (not through a frame's URL).
      const open = `/pasted-${form}-open.html`;
      routes[open] = { ...routes[path], headers: { "content-security-policy": "default-src * 'unsafe-inline' 'wasm-unsafe-eval'" } };
      const free = await context.newPage();
      await free.goto(server.url + open);
      const same = form === "iframe" ? uncoloured : expected;
      assert.deepEqual(await waitGuide(await guideOf(free), "trd-explainer", same), same, `${form}: the same guide, colours included where they travel`);
      await free.close();

      // The check can fail: the same code with another hash is refused and shows nothing.
      if (form === "snippet") {
        const hash = files["trd-explainer.js"].integrity;
        const forged = `sha384-${hash.slice(7, 8) === "A" ? "B" : "A"}${hash.slice(8)}`;
        const tampered = `/pasted-${form}-tampered.html`;
        routes[tampered] = { body: routes[path].body.replace(hash, forged) };
        const bad = await context.newPage();
        const badLog = watchConsole(bad);
        await bad.goto(server.url + tampered);
        await bad.waitForTimeout(1500);
        assert.equal(await bad.evaluate(() => customElements.get("trd-explainer") === undefined), true, "a loader that fails its hash never runs");
        assert.ok(badLog.errors.some((m) => /integrity/i.test(m)), badLog.all.join("\n"));
        await bad.close();
      }
    }
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });

  test("the fragment says when the chosen options differ from those it was prerendered with", async () => {
    const { page, context } = await open();
    const note = () => page.textContent('[data-form="fragment"] .publish-note');
    const data = pageData();
    assert.match(await note(), new RegExp(data.strings.fragment_same.slice(0, 30)));
    // Options that do not change the markup keep the note.
    await page.fill("#publish-storage-key", "article-1");
    await page.check("#publish-deep-links-off");
    assert.match(await note(), new RegExp(data.strings.fragment_same.slice(0, 30)));
    await page.check("#publish-theme-dark");
    await page.check("#publish-heading-level-2");
    const differs = await note();
    assert.ok(differs.includes(data.strings.labels.theme) && differs.includes(data.strings.labels["heading-level"]), differs);
    await context.close();
  });

  test("the element's own warnings show beside the field as the publisher types", async () => {
    const { page, context } = await open();
    const warnings = (name) => page.$$eval(`#publish-${name}-warnings li`, (els) => els.map((e) => e.textContent));
    await page.fill("#publish-lang", "Spanish");
    await page.waitForFunction(() => document.querySelector("#publish-lang-warnings li"));
    assert.match((await warnings("lang")).join(), /lang="Spanish" is not valid; use a language with a translation/);
    assert.equal(await page.getAttribute("#publish-lang", "aria-invalid"), "true");
    assert.equal(await page.getAttribute("#publish-lang-warnings ul", "lang"), "en");
    await page.fill("#publish-lang", "");
    // A card opened at start that the chosen groups hide.
    await page.check("#publish-open-ketamine");
    await page.check("#publish-categories-research");
    await page.waitForFunction(() => document.querySelector("#publish-open-warnings li"));
    assert.match((await warnings("open")).join(), /open: "ketamine" is not a card shown here/);
    await page.uncheck("#publish-categories-research");
    await page.waitForFunction(() => !document.querySelector("#publish-open-warnings li"));
    // A call-to-action the element would not show.
    await page.fill("#publish-cta-label", "Find a specialist");
    await page.waitForFunction(() => document.querySelector("#publish-cta-warnings li"));
    assert.match((await warnings("cta")).join(), /config\.cta/);
    await page.fill("#publish-cta-url", "https://example.org/find");
    await page.fill("#publish-cta-sponsor", "Example Health");
    await page.waitForFunction(() => !document.querySelector("#publish-cta-warnings li"));
    // A colour the browser's CSS parser refuses stays out of the code.
    await page.fill("#publish-color-text", "blurple");
    await page.waitForFunction(() => document.querySelector("#publish-color-text-warning")?.textContent.includes("blurple"));
    assert.ok(!(await page.inputValue("#publish-code-snippet")).includes("blurple"));
    await page.fill("#publish-color-text", "#222");
    await page.waitForFunction(() => document.querySelector("#publish-code-snippet").value.includes("--trd-color-text: #222;"));
    await context.close();
  });

  test("with the keyboard alone: an option changes the preview and a form is copied", async () => {
    const { page, context } = await open("/publish.html", { clipboard: true });
    const focused = () => page.evaluate(() => document.activeElement?.id ?? "");
    // Tab to the theme's radio group (its checked radio takes the focus).
    let steps = 0;
    while ((await focused()) !== "publish-theme-auto") {
      await page.keyboard.press("Tab");
      assert.ok(++steps < 150, "the theme can be reached with Tab");
    }
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert.equal(await focused(), "publish-theme-dark");
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("theme") === "dark", PREVIEW);
    await page.waitForFunction(() => document.querySelector("#publish-code-snippet").value.includes('theme="dark"'));
    while (!(await page.evaluate(() => document.activeElement?.matches('[data-form="snippet"] button')))) {
      await page.keyboard.press("Tab");
      assert.ok(++steps < 400, "the copy button can be reached with Tab");
    }
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".publish-status").textContent.trim() !== "");
    assert.equal(await page.getAttribute(".publish-status", "role"), "status");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue("#publish-code-snippet"));
    await context.close();
  });

  test("when the clipboard refuses, the code is selected and the page says how to copy it", async () => {
    const { page, context } = await open("/publish.html", {
      init: () => {
        Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
        document.execCommand = () => false;
      },
    });
    await page.click('[data-form="snippet"] button');
    await page.waitForFunction(() => document.querySelector(".publish-status").textContent.trim() !== "");
    const data = pageData();
    assert.equal((await page.textContent(".publish-status")).trim(), data.strings.copy_failed);
    const selection = await page.evaluate(() => {
      const area = document.activeElement;
      return { id: area.id, whole: area.selectionStart === 0 && area.selectionEnd === area.value.length && area.value.length > 0 };
    });
    assert.deepEqual(selection, { id: "publish-code-snippet", whole: true });
    await context.close();
  });

  for (const scheme of ["light", "dark"]) {
    for (const [width, height] of [[360, 780], [1280, 900]]) {
      test(`axe finds nothing at ${width} px, ${scheme}, and nothing is wider than the screen`, async () => {
        const { page, context } = await open("/publish.html", { width, height, scheme });
        await waitGuide(page, PREVIEW);
        // A warning and the colours' second list shown, so they are checked too.
        await page.fill("#publish-lang", "xx");
        await page.waitForSelector("#publish-lang-warnings li");
        await page.click(".publish-more summary");
        const violations = await axe(page);
        assert.deepEqual(violations, [], formatViolations(violations));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${overflow}px wider than the screen`);
        await context.close();
      });
    }
  }

  test("the Spanish page speaks Spanish and its preview follows the page's language", async () => {
    const { page, context } = await open("/es/publish.html");
    assert.equal(await page.getAttribute("html", "lang"), "es");
    const data = JSON.parse(await page.textContent("#trd-publish-data"));
    assert.equal(await page.textContent("h1"), data.strings.title);
    assert.equal(await page.textContent("#publish-options-heading"), data.strings.options_heading);
    const guide = await waitGuide(page, PREVIEW);
    assert.equal(guide.lang, "es");
    // The other language's page, named in its own language.
    assert.equal(await page.getAttribute('a[hreflang="en"]', "href"), "../publish.html");
    await context.close();
  });

  test("the standalone pages link publishers to this page", async () => {
    for (const file of ["index.html", join("es", "index.html")]) {
      const html = readFileSync(join(DIST, file), "utf8");
      assert.match(html, /<a href="?publish\.html"?>/, file);
    }
  });
});
