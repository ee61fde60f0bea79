// Versioned releases: release.json's hashes are the files' own, the loader's hashes are
// release.json's, CHANGELOG.md and the README print this version's pinned snippet, and a
// tampered file is refused in every engine (the reader gets the could-not-load message
// and the crisis lines, and the changed file never runs).
import { test, before, after, describe } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { DIST, assets } from "./helpers.mjs";
import { serve } from "./server.mjs";
import { ENGINES, startEngine, waitFor } from "./engines.mjs";
import { crateVersion, withBlock, readmeWithSnippet } from "../../scripts/changelog.mjs";

const ROOT = new URL("../..", import.meta.url).pathname;
const version = crateVersion();
const RELEASE_DIR = join(DIST, `v${version}`);
const MAJOR_DIR = join(DIST, `v${version.split(".")[0]}`);
const release = () => JSON.parse(readFileSync(join(RELEASE_DIR, "release.json"), "utf8"));
const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");

function filesUnder(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

describe("release folders", () => {
  test(`release.json lists every file of v${version}/ with its size and sha384 hash`, () => {
    const { files, version: listed } = release();
    assert.equal(listed, version);
    const onDisk = filesUnder(RELEASE_DIR).filter((f) => f !== "release.json").sort();
    assert.deepEqual(Object.keys(files).sort(), onDisk, "release.json lists exactly the folder's files");
    assert.ok(onDisk.includes("trd-explainer.js") && onDisk.some((f) => f.endsWith("_bg.wasm")));
    for (const [path, { size, integrity }] of Object.entries(files)) {
      const bytes = readFileSync(join(RELEASE_DIR, path));
      assert.equal(size, bytes.length, `${path}: size`);
      assert.equal(integrity, sri(bytes), `${path}: integrity`);
    }
  });

  test("every link and source in a release's pages resolves inside the build", () => {
    // Relative URLs resolve in the page's own folder; root-relative ones ("/v0.1.0/…", the
    // fragments') in the build. Nothing a release holds may point at a file it lacks.
    const dead = [];
    for (const dir of [RELEASE_DIR, MAJOR_DIR]) {
      const pages = filesUnder(dir).filter((f) => f.endsWith(".html"));
      assert.ok(pages.length >= 4, `${dir}: pages`);
      for (const page of pages) {
        const html = readFileSync(join(dir, page), "utf8");
        for (const m of html.matchAll(/\s(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
          const url = m[1] ?? m[2] ?? m[3];
          if (/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(url)) continue;
          const file = url.split(/[?#]/)[0];
          if (!file) continue;
          const target = file.startsWith("/") ? join(DIST, file) : join(dir, dirname(page), file);
          if (!existsSync(target)) dead.push(`${page} → ${url}`);
        }
      }
    }
    assert.deepEqual(dead, [], "links to files the build lacks");
  });

  test("the loader carries release.json's hash of every file it loads", () => {
    const { files } = release();
    const loader = readFileSync(join(RELEASE_DIR, "trd-explainer.js"), "utf8");
    const a = assets();
    const loaded = [a.glue, a.wasm, a.wasmModule, a.css, a.accordion, ...Object.values(a.content).flatMap(Object.values), ...Object.values(a.body).flatMap(Object.values)];
    assert.ok(loaded.length >= 13, loaded.join());
    for (const name of loaded) {
      assert.ok(files[name], `${name} is in the release`);
      assert.ok(loader.includes(`"${name}":"${files[name].integrity}"`), `the loader pins ${name} to ${files[name].integrity}`);
    }
    assert.ok(!loader.includes("__TRD_INTEGRITY__"));
  });

  test("the version's fragments point into it and pin their files; the major channel pins nothing", () => {
    const { files } = release();
    const pinned = readFileSync(join(RELEASE_DIR, "trd-explainer.fragment.html"), "utf8");
    const loaderTag = pinned.match(/<script type="module"[^>]*>/)[0];
    assert.match(loaderTag, new RegExp(`src="/v${version.replace(/\./g, "\\.")}/trd-explainer\\.js"`));
    assert.ok(loaderTag.includes(`integrity="${files["trd-explainer.js"].integrity}"`), loaderTag);
    assert.match(loaderTag, /crossorigin="anonymous"/);
    const channel = readFileSync(join(MAJOR_DIR, "trd-explainer.fragment.html"), "utf8");
    assert.doesNotMatch(channel, /integrity=/);
    assert.match(channel, new RegExp(`src="/v${version.split(".")[0]}/trd-explainer\\.js"`));
    // Everything else is the same bundle.
    assert.equal(sri(readFileSync(join(MAJOR_DIR, "trd-explainer.js"))), files["trd-explainer.js"].integrity);
    assert.ok(!filesUnder(MAJOR_DIR).includes("release.json"), "no hashes in the channel");
  });

  test("CHANGELOG.md and the README print this version's pinned snippet and hashes", () => {
    const changelog = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const stale = "does not match this build's release.json: run `node scripts/changelog.mjs` (or bump the version)";
    assert.equal(withBlock(changelog, release()), changelog, `CHANGELOG.md ${stale}`);
    assert.equal(readmeWithSnippet(readme, release()), readme, `README.md ${stale}`);
    // Every version's section says whether it is breaking.
    const sections = changelog.split(/^## /m).slice(1);
    assert.ok(sections.length >= 1);
    for (const section of sections) {
      assert.match(section, /^\*\*Breaking:\*\* (yes|no)\b/m, `section ${section.split("\n")[0]} says whether it is breaking`);
    }
    assert.ok(changelog.includes(`integrity="${release().files["trd-explainer.js"].integrity}"`));
  });
});

// ---------------------------------------------------------------------------------------
// Tampering: a valid file, changed, is served in place of the build's. Without the
// integrity checks each of these would load and run.

const tamper = {
  // The wasm with an extra custom section: still a valid module.
  wasm: (bytes) => Buffer.concat([bytes, Buffer.from([0x00, 0x08, 0x07, ...Buffer.from("changed")])]),
  // A card title changed in the content: still valid JSON.
  json: (bytes) => Buffer.from(bytes.toString("utf8").replace("Electroconvulsive therapy", "TAMPERED TITLE")),
  // A script with one more statement: still valid JavaScript.
  js: (bytes) => Buffer.concat([bytes, Buffer.from('\nglobalThis.__tampered = true;\n')]),
};

const hostPage = (loader, element) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>` +
  `<body><main><h1>Article</h1>${element}</main><script type="module" src="${loader}"></script></body></html>`;
// A configured element: no prerendered guide, so the app is the only way to the cards.
const ELEMENT = `<trd-explainer id="w" heading-level="2"></trd-explainer>`;

const wanted = (process.env.TRD_ENGINES ?? "").split(",").filter(Boolean);
const engines = wanted.length ? ENGINES.filter((e) => wanted.includes(e)) : ENGINES;

describe("a tampered file is refused", () => {
  let site, cdn, host;
  const a = assets();
  const bytes = (name) => readFileSync(join(RELEASE_DIR, name));
  const prefix = `/v${version}`;
  // Same origin: the site serves the version folder, with one file changed per page.
  const sameOriginCases = {
    wasm: { file: a.wasm, body: tamper.wasm(bytes(a.wasm)), type: "application/wasm" },
    content: { file: a.content.en.json, body: tamper.json(bytes(a.content.en.json)), type: "application/json" },
  };
  // Another origin under a strict policy: the module forms.
  const crossOriginCases = {
    glue: { file: a.glue, body: tamper.js(bytes(a.glue)) },
    "wasm module": { file: a.wasmModule, body: tamper.js(bytes(a.wasmModule)) },
    "content module": { file: a.content.en.module, body: tamper.json(bytes(a.content.en.module)) },
  };

  before(async () => {
    // One server per tampered file would be slow; each case gets its own sub-folder
    // (`/<case>/v<version>/…`) whose one file is changed.
    const routes = { "/favicon.ico": { body: "", type: "image/x-icon" } };
    const folders = { ...sameOriginCases, ...crossOriginCases };
    for (const [name, c] of Object.entries(folders)) {
      const slug = name.replace(/ /g, "-");
      routes[`/${slug}${prefix}/${c.file}`] = { body: c.body, type: c.type ?? "text/javascript" };
    }
    const serveCases = (options) =>
      serve({
        root: RELEASE_DIR,
        routes,
        ...options,
      });
    // Paths `/<case>/v<version>/x` map to the version folder: the server strips the case.
    for (const name of [...Object.keys(sameOriginCases), "clean"]) {
      const slug = name.replace(/ /g, "-");
      routes[`/${slug}.html`] = { body: hostPage(`/${slug}${prefix}/trd-explainer.js`, ELEMENT) };
    }
    site = await serveCases({ prefixes: Object.keys(folders).map((n) => `/${n.replace(/ /g, "-")}${prefix}`).concat(["/clean" + prefix]) });
    cdn = await serveCases({ cors: true, prefixes: Object.keys(crossOriginCases).map((n) => `/${n.replace(/ /g, "-")}${prefix}`).concat(["/clean" + prefix]) });
    const csp = `default-src 'self'; script-src 'self' ${cdn.url} 'wasm-unsafe-eval'; style-src 'self' ${cdn.url}`;
    const hostRoutes = {};
    for (const name of [...Object.keys(crossOriginCases), "clean"]) {
      const slug = name.replace(/ /g, "-");
      hostRoutes[`/${slug}.html`] = { body: hostPage(`${cdn.url}/${slug}${prefix}/trd-explainer.js`, ELEMENT), headers: { "content-security-policy": csp } };
    }
    host = await serve({ root: "/nonexistent", routes: hostRoutes });
  });
  after(async () => {
    await site?.close();
    await cdn?.close();
    await host?.close();
  });

  const shown = `() => { const r = document.getElementById("w")?.shadowRoot; if (!r) return null;
    if (r.querySelector(".trd--live")) return "live";
    const alert = r.querySelector('[role="alert"]');
    if (!alert || !alert.textContent.trim() || alert.getBoundingClientRect().height === 0) return null;
    return { alert: alert.textContent.trim(), tel: r.querySelectorAll('a[href^="tel:"]').length,
      tampered: !!globalThis.__tampered || r.textContent.includes("TAMPERED") }; }`;

  for (const name of engines) {
    describe(name, () => {
      let engine;
      before(async () => {
        engine = await startEngine(name);
      });
      after(() => engine?.close());

      test("untouched files: the same pages start the app (same origin and from a CDN)", async () => {
        for (const url of [`${site.url}/clean.html`, `${host.url}/clean.html`]) {
          const tab = await engine.open(url);
          assert.equal(await waitFor(tab, shown, null, { what: `the app at ${url}`, timeout: 30000 }), "live", url);
          await tab.close();
        }
      });

      for (const [label, origin] of [
        ...Object.keys(sameOriginCases).map((k) => [k, "same"]),
        ...Object.keys(crossOriginCases).map((k) => [k, "cross"]),
      ]) {
        test(`${label} changed (${origin === "same" ? "same origin, fetch" : "from a CDN, module import"}): refused, the could-not-load message and crisis lines show`, async () => {
          const slug = label.replace(/ /g, "-");
          const tab = await engine.open(`${origin === "same" ? site.url : host.url}/${slug}.html`);
          const result = await waitFor(tab, shown, null, { what: `the could-not-load message (${name}, ${label})`, timeout: 30000 });
          assert.notEqual(result, "live", `the app started with a changed ${label}`);
          assert.ok(result.tel > 0, "crisis lines with tel: links");
          assert.equal(result.tampered, false, "the changed file never ran or showed");
          await tab.close();
        });
      }
    });
  }
});
