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
};

const here = import.meta.url;
const assetUrl = (name) => new URL(name, here).href;

// Shown if the wasm cannot run at all and there is no prerendered content to fall back on.
const FALLBACK =
  "This treatment guide could not load. If you need help now, call or text 988 in the US, " +
  "call Samaritans on 116 123 in the UK and Ireland, or visit findahelpline.com.";

// The attributes the element reads, filled in from the Rust side's list at build time.
const OBSERVED = "__TRD_ATTRIBUTES__".split(",");

// Same origin: fetch the .wasm (streaming compile). From another origin (a CDN), a
// strict host policy may allow our scripts but not fetch() (connect-src), so take the
// bytes from a script module instead: it works wherever this loader itself was allowed.
async function wasmSource() {
  if (new URL(here).origin === location.origin) return assetUrl(ASSETS.wasm);
  const text = (await import(assetUrl(ASSETS.wasmModule))).default;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

// One download and compile per page, however many instances there are.
let booting;
function boot() {
  booting ??= Promise.all([import(assetUrl(ASSETS.glue)), wasmSource()]).then(async ([glue, source]) => {
    await glue.default({ module_or_path: source });
    return glue;
  });
  return booting;
}

function stylesheet(root) {
  let link = root.querySelector('link[rel="stylesheet"][data-trd]');
  if (!link) {
    link = document.createElement("link");
    link.rel = "stylesheet";
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
    const prerendered = !!container?.firstElementChild;
    if (!container) {
      container = document.createElement("div");
      container.className = "trd-root";
      shadow.append(container);
      // Hold a screen's height until the widget renders so the page below does not jump
      // while it is in view (set through the CSSOM, which strict CSPs allow).
      this.style.minHeight = "var(--trd-reserve-height, 100vh)";
    }
    const css = stylesheet(shadow);
    boot().catch(() => {}); // start fetching now; mounting may wait for the viewport

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

  async #start(container, prerendered, css) {
    this.#starting = true;
    try {
      const [glue] = await Promise.all([boot(), css]);
      if (!this.isConnected) return;
      this.#widget = new glue.Widget(this, container, this.#configText(), prerendered);
      if (this.#config !== undefined) this.#call((w) => w.setConfig(this.#config));
      this.#watchConfigChild();
    } catch (error) {
      console.error("<trd-explainer>: could not start.", error);
      container.classList.add("trd-no-app");
      if (!container.firstElementChild) {
        const p = document.createElement("p");
        p.className = "trd-fallback";
        p.setAttribute("role", "alert");
        p.textContent = FALLBACK;
        container.append(p);
      }
    } finally {
      this.#starting = false;
      this.style.removeProperty("min-height");
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
    if (oldValue !== newValue) this.#call((w) => w.setAttribute(name, newValue));
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
