// <trd-explainer>: the embeddable TRD treatment explainer.
//
// This file keeps a stable name (short cache); the build writes the content-hashed
// names of everything it loads into the constants below, resolved against this file's
// own URL, so the bundle works from any origin or sub-path. It owns the shadow root,
// lazy start and the config plumbing; rendering and validation live in the wasm.

const ASSETS = {
  glue: "__TRD_GLUE__",
  wasm: "__TRD_WASM__",
  // The same wasm as a JS module, for cross-origin hosts (see wasmSource).
  wasmModule: "__TRD_WASM_JS__",
  css: "__TRD_CSS__",
  // Makes prerendered cards answer clicks before the wasm (the fragment loads it itself).
  accordion: "__TRD_ACCORDION__",
};
// Each locale's content ({ en: { json, module } }): the wasm carries none, so a reader
// downloads only the language they read.
const CONTENT = __TRD_CONTENT__;
// Each locale's widget as the build rendered it for a bare element ({ en: { html, module } }):
// shown at once, so readers get the cards before the wasm, which then hydrates them.
const BODY = __TRD_BODY__;
// The attributes that change that markup, with the one value it was rendered with (null:
// any value changes it), filled in from the Rust side at build time.
const PRERENDERED_WITH = __TRD_PRERENDERED_WITH__;

// The integrity hash of each file this loader loads ({ "<name>": "sha384-…" }), filled in
// by the build once the files are final (src/release.rs): every fetch and module import
// carries its file's hash, so a file changed on the way or on the server is refused.
const INTEGRITY = __TRD_INTEGRITY__;
const integrityOf = (name) => INTEGRITY[name.replace(/^\.\//, "")] ?? "";

const here = import.meta.url;
const assetUrl = (name) => new URL(name, here).href;
const sameOrigin = new URL(here).origin === location.origin;

// The crisis lines and the could-not-load message of each language, filled in from the
// content at build time: a bare snippet shows the lines at once, before (and without)
// the wasm.
const CRISIS_BY_LANG = __TRD_CRISIS__;
// After this long without the app, the reader is told it is late (the lines stay).
const SLOW_MS = 8000;

// Each country code with a crisis line of its own and that line's region ({ gb: "uk" }),
// filled in from the Rust side at build time.
const REGION_OF = __TRD_REGIONS__;
const regionOfCode = (code) => (Object.hasOwn(REGION_OF, code) ? REGION_OF[code] : "");

// The reader's own languages, most preferred first (the browser's settings; as the wasm
// reads them, browser.rs `reader_languages`).
function readerLanguages() {
  return [...(navigator.languages ?? [])].filter((t) => typeof t === "string");
}

// The line a tag's region subtag leads with (es-MX → mx), or "".
function regionOfTag(tag) {
  const sub = tag.split(/[-_]/).slice(1).find((t) => /^[a-z]{2}$/i.test(t));
  return sub ? regionOfCode(sub.toLowerCase()) : "";
}

// The element's language as the app will choose it: its `lang`, else the closest
// ancestor's (the page's `<html lang>`), matched on the primary subtag (`es-419` → es);
// and the crisis line that language leads with, by the Rust side's rule (config.rs
// `lead_region`): the tag's own region, else the first of the reader's own languages in
// the same language with a line (`es` read in an `es-MX` browser → mx), else "" (the
// language's default, `words.region`).
function language(el) {
  const own = el.getAttribute("lang");
  const tag = (own ?? el.parentElement?.closest("[lang]")?.getAttribute("lang") ?? "").trim();
  const primary = tag.split(/[-_]/)[0].toLowerCase();
  const words = CRISIS_BY_LANG[primary];
  if (!words) return { words: CRISIS_BY_LANG.en, region: "" };
  const sameLanguage = readerLanguages().filter((t) => t.split(/[-_]/)[0].toLowerCase() === primary);
  const region = [tag, ...sameLanguage].map(regionOfTag).find(Boolean) ?? "";
  return { words, region };
}

// The crisis line that leads for this element: its `crisis-region`, else its language's.
function crisisRegion(el) {
  const { words, region } = language(el);
  const asked = (el.getAttribute("crisis-region") ?? "").trim().toLowerCase();
  return { words, region: regionOfCode(asked) || asked || region || words.region };
}

// The attributes the element reads, filled in from the Rust side's list at build time.
const OBSERVED = "__TRD_ATTRIBUTES__".split(",");

// Whether the element's first render is the prerendered body of its language: no JSON
// configuration, and no attribute that changes the markup (the crisis region included,
// which a regional `lang` or the reader's own languages may choose: the body leads with
// the language's default line). Otherwise the app renders afresh, so the reader never
// sees one widget, or one crisis line, swapped for another.
function showsPrerendered(el, config) {
  if (config !== undefined || el.querySelector(':scope > script[type="application/json"]')) return false;
  if (!Object.hasOwn(BODY, localeOf(el))) return false;
  for (const [name, value] of Object.entries(PRERENDERED_WITH)) {
    const own = el.getAttribute(name);
    if (own !== null && own.trim().toLowerCase() !== value) return false;
  }
  const { words, region } = crisisRegion(el);
  return region === words.region;
}

// A module import that the browser refuses unless the file is the build's. import() cannot
// carry integrity (an import map could, but only from the host page, where a strict policy
// forbids inline script), so the file is first loaded by a module script element with its
// integrity, and imported only once that has loaded: the import then takes the checked
// module from the page's module map (one request, one evaluation). A changed file fails
// the element and is never imported. (A `modulepreload` link would do the same, but WebKit
// ignores its integrity, and Chromium's import() fetches again after a refused preload.)
// Under Trusted Types, where a script's `src` needs the page's policy, a modulepreload
// link instead, checked in Chromium and Firefox.
const checks = new Map();
function importChecked(name) {
  const url = assetUrl(name);
  if (!checks.has(url)) {
    const loaded = new Promise((resolve, reject) => {
      let el = document.createElement("script");
      try {
        el.type = "module";
        el.integrity = integrityOf(name);
        el.src = url;
      } catch {
        el = document.createElement("link");
        el.rel = "modulepreload";
        el.integrity = integrityOf(name);
        el.href = url;
      }
      el.onload = () => resolve(el.remove());
      el.onerror = () => reject(new Error(`${name}: not loaded, or refused by its integrity check`), el.remove());
      (document.head ?? document.documentElement).append(el);
    });
    loaded.catch(() => checks.delete(url));
    checks.set(url, loaded);
  }
  return checks.get(url).then(() => import(url));
}

// Same origin: fetch the .wasm (streaming compile), checked against its integrity. From
// another origin (a CDN), a strict host policy may allow our scripts but not fetch()
// (connect-src), so take the bytes from a script module instead: it works wherever this
// loader itself was allowed.
async function wasmSource() {
  if (sameOrigin) return fetch(assetUrl(ASSETS.wasm), { integrity: integrityOf(ASSETS.wasm) });
  const text = (await importChecked(ASSETS.wasmModule)).default;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// One download and compile per page, however many instances there are.
let booting;
// Resolves after a yield to the browser: when it is idle (within 2 s) if `idle`.
function later(idle) {
  return new Promise((resolve) => {
    if (idle && typeof requestIdleCallback === "function") requestIdleCallback(resolve, { timeout: 2000 });
    else setTimeout(resolve, 0);
  });
}

function boot() {
  booting ??= Promise.all([importChecked(ASSETS.glue), wasmSource()]).then(async ([glue, source]) => {
    await glue.default({ module_or_path: source });
    return glue;
  });
  return booting;
}

// The locale whose content an element shows: its language if translated, else English.
function localeOf(el) {
  const own = el.getAttribute("lang");
  const tag = own ?? el.parentElement?.closest("[lang]")?.getAttribute("lang") ?? "";
  const primary = tag.trim().split(/[-_]/)[0].toLowerCase();
  return Object.hasOwn(CONTENT, primary) ? primary : "en";
}

// A text asset: fetched from the same origin; imported as a module (whose default export
// is the text) from another, where a strict host policy allows our scripts but not
// fetch() (connect-src), as for the wasm. A failed download may be retried later.
function textAsset(cache, key, { text: name, module }) {
  if (!cache.has(key)) {
    const text = sameOrigin
      ? fetch(assetUrl(name), { integrity: integrityOf(name) }).then((r) => {
          if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
          return r.text();
        })
      : importChecked(module).then((m) => m.default);
    text.catch(() => cache.delete(key));
    cache.set(key, text);
  }
  return cache.get(key);
}

// A locale's content (started alongside the wasm, not after it) and prerendered body.
const contentText = new Map();
const fetchContent = (code) => textAsset(contentText, code, { text: CONTENT[code].json, module: CONTENT[code].module });
const bodyText = new Map();
const fetchBody = (code) => textAsset(bodyText, code, { text: BODY[code].html, module: BODY[code].module });

// trd-accordion.js, once per page. A module import: no script element to create, so a
// Trusted Types policy has nothing to refuse. It may already be on the page (fragment).
let accordion;
function loadAccordion() {
  accordion ??= window.trdAccordion ? Promise.resolve() : importChecked(ASSETS.accordion).catch(() => {});
  return accordion;
}

// Resolves once the wasm is up and has `code`'s content (then in `loaded`).
const added = new Map();
const loaded = new Set();
function locale(code) {
  if (!added.has(code)) {
    // Parsed in several tasks: resolves when done.
    const ready = Promise.all([boot(), fetchContent(code)]).then(async ([glue, text]) => {
      await glue.addLocale(code, text);
      loaded.add(code);
    });
    ready.catch(() => added.delete(code));
    added.set(code, ready);
  }
  return added.get(code);
}

// The crisis lines as plain DOM (no HTML parsing, so Trusted Types policies allow it),
// in the banner's own classes; the chosen region leads and emergency numbers close.
function crisisBlock(CRISIS, region) {
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const rank = (r) => (r === region ? 0 : r === "emergency" ? 2 : 1);
  const lines = [...CRISIS.lines].sort((a, b) => rank(a.region) - rank(b.region));
  const list = el("ul", "trd-safety__lines");
  list.setAttribute("role", "list");
  for (const line of lines) {
    const item = el("li", "trd-safety__line");
    const who = el("p", "trd-safety__who");
    who.append(el("strong", "", line.label), ` · ${line.name}`);
    item.append(who, el("p", "trd-safety__detail", line.detail));
    if (line.contacts.length) {
      const contacts = el("p", "trd-safety__contacts");
      for (const c of line.contacts) {
        const a = el("a", "trd-safety__link", c.label);
        a.href = c.href;
        contacts.append(a);
      }
      item.append(contacts);
    }
    list.append(item);
  }
  const safety = el("section", "trd-safety");
  safety.append(el("h2", "trd-safety__heading", CRISIS.heading), list);
  const status = el("p", "trd-early__status");
  status.setAttribute("role", "status");
  const inner = el("div", "trd-inner");
  inner.append(safety, status);
  const root = el("section", "trd trd--early");
  root.setAttribute("aria-label", CRISIS.label);
  root.setAttribute("lang", CRISIS.lang);
  root.append(inner);
  return root;
}

// What the reader sees when the app is late (`slow`) or cannot start.
function tellReader(container, CRISIS, region, text, alert) {
  let status = container.querySelector(".trd--early .trd-early__status");
  if (!status) {
    container.append(crisisBlock(CRISIS, region));
    status = container.querySelector(".trd-early__status");
  }
  if (alert) status.setAttribute("role", "alert");
  status.textContent = text;
}

function stylesheet(root) {
  let link = root.querySelector('link[rel="stylesheet"][data-trd]');
  if (!link) {
    link = document.createElement("link");
    link.rel = "stylesheet";
    // Checked like every other file (integrity across origins needs a CORS request).
    link.integrity = integrityOf(ASSETS.css);
    link.crossOrigin = "anonymous";
    link.href = assetUrl(ASSETS.css);
    link.dataset.trd = "";
    root.prepend(link);
  }
  if (link.sheet) return Promise.resolve();
  return new Promise((resolve) => {
    // Both removed when either fires: a reconnect reloads the sheet and would stack them.
    const done = () => {
      link.removeEventListener("load", done);
      link.removeEventListener("error", done);
      resolve();
    };
    link.addEventListener("load", done);
    // A blocked stylesheet must not keep the widget from working.
    link.addEventListener("error", done);
  });
}

class TrdExplainer extends HTMLElement {
  static observedAttributes = OBSERVED;
  static trdLoader = true;

  #widget = null;
  #config = undefined;
  #observer = null;
  #children = null;
  #starting = false;
  #slow = 0;
  // The prerendered body of a bare element: "pending" while it downloads, "shown", or
  // "off" (not used, failed, or late: the app started without it).
  #early = "off";
  #earlyDone = null;
  #bodyFirst = null;
  // Attribute changes waiting for a language's content, applied in order.
  #pending = null;

  constructor() {
    super();
    // `config` set by a page script before this module ran is an own property that would
    // shadow the setter: take it over (the usual upgrade-property pattern).
    if (Object.hasOwn(this, "config")) {
      const value = this.config;
      delete this.config;
      this.config = value;
    }
  }

  get config() {
    return this.#config;
  }

  set config(value) {
    this.#config = value;
    this.#call((w) => w.setConfig(value ?? null));
  }

  // The wasm catches what host data throws; this is the last guard, so a call can never
  // throw into the host page's code.
  #call(method) {
    try {
      if (this.#widget) method(this.#widget);
    } catch (error) {
      try { console.error("<trd-explainer>:", error); } catch {}
    }
  }

  connectedCallback() {
    if (this.#widget || this.#starting) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    let container = shadow.querySelector(".trd-root");
    // Markup from the build (not the crisis lines this loader put there) can be hydrated.
    const prerendered = !!container?.querySelector(":scope > :not(.trd--early)");
    if (!container) {
      container = document.createElement("div");
      container.className = "trd-root";
      shadow.append(container);
      // Hold a screen's height until the widget renders so the page below does not jump
      // while it is in view (set through the CSSOM, which strict CSPs allow).
      this.style.minHeight = "var(--trd-reserve-height, 100vh)";
    }

    const css = stylesheet(shadow);
    // The cards before the wasm: the build's markup for this language, when it is what the
    // app will render (then the app hydrates it, as it does a fragment).
    this.#early = !prerendered && !container.firstElementChild && showsPrerendered(this, this.#config) ? "pending" : "off";
    this.#earlyDone = this.#early === "pending" ? this.#showBody(container, css, localeOf(this)) : null;
    // Then the wasm and this element's content, in parallel (mounting may wait for the
    // viewport). With a body to show, they start once it has painted (or after 2 s at
    // most): started with it, their 230 KiB would share the reader's network with its
    // 24 and hold the cards back, while the cards already work without them.
    // Prerendered markup (a fragment) is on screen already: the wasm follows its first
    // paint instead of competing with it (and a wasm that finished first was counted into
    // that paint by Lighthouse's simulation).
    this.#bodyFirst = this.#earlyDone
      ? Promise.race([this.#earlyDone, sleep(2000)])
      : prerendered
        ? Promise.race([new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))), sleep(500)])
        : null;
    const fetchApp = () => {
      boot().catch(() => {});
      fetchContent(localeOf(this)).catch(() => {});
    };
    if (this.#bodyFirst) this.#bodyFirst.then(fetchApp);
    else fetchApp();
    if (!prerendered) this.#showCrisisLines(container, css);

    const start = () => {
      this.#observer?.disconnect();
      this.#observer = null;
      this.#start(container, prerendered, css);
    };
    if ("IntersectionObserver" in window && !prerendered) {
      this.#observer = new IntersectionObserver(
        (entries) => entries.some((e) => e.isIntersecting) && start(),
        { rootMargin: "800px 0px" },
      );
      this.#observer.observe(this);
    } else {
      start();
    }
  }

  // The prerendered body, once it and the stylesheet are in, unless the app has started
  // without it. Its cards answer clicks at once (trd-accordion.js).
  async #showBody(container, css, code) {
    loadAccordion();
    let html = null;
    try {
      [html] = await Promise.all([fetchBody(code), css]);
    } catch {}
    if (this.#early !== "pending" || !this.isConnected || html === null) {
      if (this.#early === "pending") this.#early = "off";
      return;
    }
    try {
      // One HTML parse, straight into the shadow root (it replaces crisis lines shown
      // while it downloaded). No script in it; a Trusted Types policy may refuse it.
      container.innerHTML = html;
    } catch {
      this.#early = "off";
      return;
    }
    this.#early = "shown";
    loadAccordion().then(() => window.trdAccordion?.add?.(container));
    // Resolves once the body has been painted.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }

  // Crisis lines first, whatever the network does; the app replaces them. Shown once the
  // stylesheet is in (so they do not jump when it applies), or after a second regardless;
  // not at all when the prerendered body (which holds them) comes first.
  async #showCrisisLines(container, css) {
    clearTimeout(this.#slow);
    const { words, region } = crisisRegion(this);
    this.#slow = setTimeout(() => {
      if (!this.#widget && this.isConnected && this.#early !== "shown") tellReader(container, words, region, words.slow, false);
    }, SLOW_MS);
    await Promise.race([Promise.all([css, this.#earlyDone]), sleep(1000)]);
    if (this.#widget || container.firstElementChild) return;
    container.append(crisisBlock(words, region));
  }

  async #start(container, prerendered, css) {
    this.#starting = true;
    // The reserved height stays until the app has drawn itself (its `ready` event, or a
    // few seconds at most), so the page below never jumps up in between.
    let timer;
    const drawn = new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer); // nothing may keep a removed element alive (leak test)
        this.removeEventListener("trd-explainer:ready", done);
        resolve();
      };
      this.addEventListener("trd-explainer:ready", done);
      timer = setTimeout(done, 5000);
    });
    let hydrate = prerendered;
    try {
      await this.#bodyFirst;
      const [glue] = await Promise.all([boot(), css]);
      // Its language may change while the content downloads: wait for the current one.
      let code;
      do {
        code = localeOf(this);
        await locale(code);
      } while (code !== localeOf(this));
      // A prerendered body still on its way is not waited for: the app renders instead.
      if (this.#early === "pending") this.#early = "off";
      hydrate = prerendered || this.#early === "shown";
      // The render is a task of its own, not the tail of the one that started the wasm.
      // Prerendered cards already answer clicks (trd-accordion.js), so hydration waits for
      // a quiet moment; a fresh render goes next.
      await later(hydrate);
      if (!this.isConnected) return;
      this.#widget = new glue.Widget(this, container, this.#configText(), hydrate);
      if (this.#config !== undefined) this.#call((w) => w.setConfig(this.#config));
      this.#watchConfigChild();
    } catch (error) {
      console.error("<trd-explainer>: could not start.", error);
      // A prerendered body on its way is still worth showing: its cards work without the app.
      if (this.#early === "pending") await Promise.race([this.#earlyDone, sleep(3000)]);
      if (this.#early === "pending") this.#early = "off";
      if (hydrate || this.#early === "shown") {
        // Every card open with working buttons (trd-accordion.js); CSS alone if that
        // script is missing.
        if (this.#early === "shown") await loadAccordion();
        if (!window.trdAccordion?.failed(container)) container.classList.add("trd-no-app");
      } else {
        const { words, region } = crisisRegion(this);
        tellReader(container, words, region, words.fallback, true);
      }
    } finally {
      clearTimeout(this.#slow);
      this.#starting = false;
      if (this.#widget) drawn.then(() => this.style.removeProperty("min-height"));
      else this.style.removeProperty("min-height");
    }
  }

  #configText() {
    const script = this.querySelector(':scope > script[type="application/json"]');
    return script ? script.textContent : null;
  }

  #watchConfigChild() {
    this.#children ??= new MutationObserver(() => this.#call((w) => w.setConfigText(this.#configText())));
    this.#children.observe(this, { childList: true, subtree: true, characterData: true });
  }

  disconnectedCallback() {
    clearTimeout(this.#slow);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#children?.disconnect();
    if (this.#widget) {
      this.#call((w) => w.destroy());
      this.#call((w) => w.free?.());
      this.#widget = null;
      this.shadowRoot?.querySelector(".trd-root")?.replaceChildren();
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    const apply = () => this.#call((w) => w.setAttribute(name, newValue));
    // A new language is shown once its content is in (the old one stays until then);
    // later changes wait behind it so they apply in order.
    const code = name === "lang" && this.#widget ? localeOf(this) : null;
    if (!this.#pending && (!code || loaded.has(code))) return apply();
    const step = (this.#pending ?? Promise.resolve())
      .then(() => code && locale(code))
      .then(apply, (error) => console.error(`<trd-explainer>: could not load the "${code}" content.`, error));
    this.#pending = step;
    step.finally(() => {
      if (this.#pending === step) this.#pending = null;
    });
  }
}

const defined = customElements.get("trd-explainer");
if (!defined) {
  customElements.define("trd-explainer", TrdExplainer);
} else if (!defined.trdLoader) {
  console.error(
    "<trd-explainer>: this page already defines a different <trd-explainer> element, so the " +
      "treatment explainer cannot start. Remove the other definition or rename it.",
  );
}

export { TrdExplainer };
