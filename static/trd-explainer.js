// <trd-explainer>: the embeddable TRD treatment explainer.
//
// This file keeps a stable name (short cache); the build writes the content-hashed
// names of everything it loads into the constants below, resolved against this file's
// own URL, so the bundle works from any origin or sub-path. It owns the shadow root,
// lazy start and the config plumbing; rendering and validation live in the wasm.

// The names this script shares with the markup and the wasm (class names, data attributes,
// events), declared once on the Rust side (src/contract.rs) and filled in at build time.
const NAMES = __TRD_NAMES__;

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
// and the other values a `crisis-region` may name (["us", …, "intl"]), filled in from the
// Rust side at build time (content.rs `Region::from_attribute` reads the same).
const REGION_OF = __TRD_REGIONS__;
const CRISIS_REGIONS = __TRD_CRISIS_REGIONS__;
const regionOf = (value) => {
  const key = value.trim().toLowerCase();
  if (Object.hasOwn(REGION_OF, key)) return REGION_OF[key];
  return CRISIS_REGIONS.includes(key) ? key : "";
};

// The reader's own languages, most preferred first (the browser's settings; as the wasm
// reads them, browser.rs `reader_languages`).
function readerLanguages() {
  return [...(navigator.languages ?? [])].filter((t) => typeof t === "string");
}

// A language tag's subtags (`es-MX`, `es_mx`); its language is the first, lower-cased, as
// content.rs `match_locale` reads it.
const subtags = (tag) => tag.trim().split(/[-_]/);
const primaryOf = (tag) => subtags(tag)[0].toLowerCase();

// The line a tag's region subtag leads with (es-MX → mx), or "" (as content.rs
// `Region::from_locale_tag`: a region subtag has two letters).
function regionOfTag(tag) {
  const sub = subtags(tag).slice(1).find((t) => /^[a-z]{2}$/i.test(t));
  return sub ? regionOf(sub) : "";
}

// The element's language tag as the app reads it: its `lang`, else the closest
// ancestor's (the page's `<html lang>`).
const tagOf = (el) => (el.getAttribute("lang") ?? el.parentElement?.closest("[lang]")?.getAttribute("lang") ?? "").trim();

// The locale whose content an element shows: its language if translated, else the default.
function localeOf(el) {
  const primary = primaryOf(tagOf(el));
  return Object.hasOwn(CONTENT, primary) ? primary : NAMES.defaultLocale;
}

// The crisis line that leads for this element, by the Rust side's rule
// (src/config/regions.rs, `lead_region`): its `crisis-region`, else its tag's own region,
// else the first of the reader's own languages in the same language with a line (`es`
// read in an `es-MX` browser → mx), else the language's default (`words.region`).
function crisisRegion(el) {
  const tag = tagOf(el);
  const words = CRISIS_BY_LANG[localeOf(el)];
  const asked = regionOf(el.getAttribute("crisis-region") ?? "");
  const sameLanguage = readerLanguages().filter((t) => primaryOf(t) === primaryOf(tag));
  const own = Object.hasOwn(CRISIS_BY_LANG, primaryOf(tag)) ? [tag, ...sameLanguage].map(regionOfTag).find(Boolean) : "";
  return { words, region: asked || own || words.region };
}

// The attributes the element reads, filled in from the Rust side's list at build time.
const OBSERVED = "__TRD_ATTRIBUTES__".split(",");

// Whether the element's first render is the build's markup of its language (the body of a
// bare snippet, or a fragment's, in `markup` when there is some): no JSON configuration,
// the markup in the element's language, and no attribute that changes the markup (the
// crisis region included, which a regional `lang` or the reader's own languages may
// choose: the markup leads with the language's default line). This script alone decides
// whether the app hydrates the markup (src/contract.rs); otherwise the app renders afresh,
// so the reader never sees one widget, or one crisis line, swapped for another.
function showsPrerendered(el, config, markup) {
  if (config !== undefined || el.querySelector(':scope > script[type="application/json"]')) return false;
  if (!Object.hasOwn(BODY, localeOf(el))) return false;
  const lang = markup?.querySelector(`.${NAMES.widget}[lang]`)?.getAttribute("lang");
  if (markup && lang !== localeOf(el)) return false;
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
// in the banner's own classes. The build lists them in the content's order with the
// emergency numbers last (src/contract.rs `crisis_order`); the line that leads is lifted
// to the top, which gives the banner's order.
function crisisBlock(CRISIS, region) {
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };
  const lines = [...CRISIS.lines];
  const lead = lines.findIndex((line) => line.region === region);
  if (lead > 0) lines.unshift(...lines.splice(lead, 1));
  const list = el("ul", NAMES.safetyLines);
  list.setAttribute("role", "list");
  for (const line of lines) {
    const item = el("li", NAMES.safetyLine);
    const who = el("p", NAMES.safetyWho);
    who.append(el("strong", "", line.label), ` · ${line.name}`);
    item.append(who, el("p", NAMES.safetyDetail, line.detail));
    if (line.contacts.length) {
      const contacts = el("p", NAMES.safetyContacts);
      for (const c of line.contacts) {
        const a = el("a", NAMES.safetyLink, c.label);
        a.href = c.href;
        contacts.append(a);
      }
      item.append(contacts);
    }
    list.append(item);
  }
  const safety = el("section", NAMES.safety);
  safety.append(el("h2", NAMES.safetyHeading, CRISIS.heading), list);
  const status = el("p", NAMES.earlyStatus);
  status.setAttribute("role", "status");
  const inner = el("div", NAMES.inner);
  inner.append(safety, status);
  const root = el("section", `${NAMES.widget} ${NAMES.early}`);
  root.setAttribute("aria-label", CRISIS.label);
  root.setAttribute("lang", CRISIS.lang);
  root.append(inner);
  return root;
}

// What the reader sees when the app is late (`slow`) or cannot start.
function tellReader(container, CRISIS, region, text, alert) {
  let status = container.querySelector(`.${NAMES.early} .${NAMES.earlyStatus}`);
  if (!status) {
    container.append(crisisBlock(CRISIS, region));
    status = container.querySelector(`.${NAMES.earlyStatus}`);
  }
  if (alert) status.setAttribute("role", "alert");
  status.textContent = text;
}

function stylesheet(root) {
  let link = root.querySelector(`link[rel="stylesheet"][${NAMES.stylesheet}]`);
  if (!link) {
    link = document.createElement("link");
    link.rel = "stylesheet";
    // Checked like every other file (integrity across origins needs a CORS request).
    link.integrity = integrityOf(ASSETS.css);
    link.crossOrigin = "anonymous";
    link.href = assetUrl(ASSETS.css);
    link.setAttribute(NAMES.stylesheet, "");
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
      try {
        console.error("<trd-explainer>:", error);
      } catch {
        // A host page's broken console must not make this throw either.
      }
    }
  }

  connectedCallback() {
    if (this.#widget || this.#starting) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    let container = shadow.querySelector(`.${NAMES.container}`);
    // Markup from the build (not the crisis lines this loader put there) can be hydrated.
    const prerendered = !!container?.querySelector(`:scope > :not(.${NAMES.early})`);
    if (!container) {
      container = document.createElement("div");
      container.className = NAMES.container;
      shadow.append(container);
      // Hold a screen's height until the widget renders so the page below does not jump
      // while it is in view (set through the CSSOM, which strict CSPs allow).
      this.style.minHeight = `var(${NAMES.reserveHeight}, 100vh)`;
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
    } catch {
      // No body: the app renders the widget itself (html stays null).
    }
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
        this.removeEventListener(NAMES.ready, done);
        resolve();
      };
      this.addEventListener(NAMES.ready, done);
      timer = setTimeout(done, 5000);
    });
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
      // The render is a task of its own, not the tail of the one that started the wasm.
      // Prerendered cards already answer clicks (trd-accordion.js), so hydration waits for
      // a quiet moment; a fresh render goes next.
      await later(prerendered || this.#early === "shown");
      if (!this.isConnected) return;
      // Whether the app hydrates the markup: decided here alone, as it starts.
      const hydrate = (prerendered || this.#early === "shown") && showsPrerendered(this, this.#config, container);
      this.#widget = new glue.Widget(this, container, this.#configText(), hydrate);
      if (this.#config !== undefined) this.#call((w) => w.setConfig(this.#config));
      this.#watchConfigChild();
    } catch (error) {
      console.error("<trd-explainer>: could not start.", error);
      // A prerendered body on its way is still worth showing: its cards work without the app.
      if (this.#early === "pending") await Promise.race([this.#earlyDone, sleep(3000)]);
      if (this.#early === "pending") this.#early = "off";
      if (prerendered || this.#early === "shown") {
        // Every card open with working buttons (trd-accordion.js); CSS alone if that
        // script is missing.
        if (this.#early === "shown") await loadAccordion();
        if (!window.trdAccordion?.failed(container)) container.classList.add(NAMES.noApp);
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
      this.shadowRoot?.querySelector(`.${NAMES.container}`)?.replaceChildren();
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

const defined = customElements.get(NAMES.element);
if (!defined) {
  customElements.define(NAMES.element, TrdExplainer);
} else if (!defined.trdLoader) {
  console.error(
    "<trd-explainer>: this page already defines a different <trd-explainer> element, so the " +
      "treatment explainer cannot start. Remove the other definition or rename it.",
  );
}

export { TrdExplainer };
