// The prerendered explainer's cards, working before (or without) the wasm.
//
// A classic script, so it also runs where module scripts cannot: from disk (file://)
// Chromium and Firefox refuse to load ES modules, so the app never starts there. It
// listens on the document, which reaches the standalone page and open shadow roots alike,
// and touches a widget only until the app has taken it over (`trd-explainer:ready`):
//   - card headers open and close with the app's ARIA states, Expand all works, and a
//     deep link (`#ect`) opens its card, all from first paint;
//   - when the app arrives, it replays the reader's changes as clicks, so the app ends in
//     the same state and emits its usual `trd-explainer:toggle` events;
//   - where the app cannot run (from disk, failure, timeout) the controls that need it are
//     hidden, with a one-line note saying how to get them.
// The build fills in the content's labels (src/bin/prerender.rs).
(() => {
  if (window.trdAccordion) return; // the page and a fragment may both include this file
  // Per language (expandAll, collapseAll from the content; fromDisk, unavailable): a
  // root's words follow its `lang`, English when there is none.
  const BY_LANG = __TRD_ACCORDION_STRINGS__;
  const strings = (root) => BY_LANG[root.getAttribute("lang")] ?? BY_LANG.en;
  // Ids inside "How this guide was made" (a native <details>) that links may point at.
  const ABOUT = __TRD_ABOUT_TARGETS__;
  // After this long without the app, stop waiting: show every card open, as without JS.
  const TIMEOUT_MS = 8000;

  const taken = new WeakSet(); // `.trd` roots the app has taken over
  const changes = new WeakMap(); // `.trd` root → Map(card id → open) made before the app
  const enhanced = new WeakSet(); // roots whose Expand all this script runs
  const settled = new WeakSet(); // roots already put in static mode

  const isLive = (root) => taken.has(root) || root.classList.contains("trd--live");
  const cards = (root) => [...root.querySelectorAll(".trd-card")];
  const isOpen = (card) => card.querySelector(".trd-card__button")?.getAttribute("aria-expanded") === "true";

  function setOpen(root, card, open, record = true) {
    const button = card.querySelector(".trd-card__button");
    const panel = card.querySelector(".trd-card__panel");
    if (!button || !panel) return;
    button.setAttribute("aria-expanded", String(open));
    card.classList.toggle("trd-card--open", open);
    // Closed panels stay findable by find-in-page, as in the app.
    if (open) panel.removeAttribute("hidden");
    else panel.setAttribute("hidden", "until-found");
    if (record) {
      if (!changes.has(root)) changes.set(root, new Map());
      changes.get(root).set(card.id, open);
    }
    syncExpandAll(root);
  }

  function syncExpandAll(root) {
    const button = root.querySelector(".trd-expand-all");
    if (!button) return;
    const all = cards(root);
    const allOpen = all.length > 0 && all.every(isOpen);
    button.setAttribute("aria-expanded", String(allOpen));
    const label = [...button.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const text = allOpen ? strings(root).collapseAll : strings(root).expandAll;
    if (label) label.textContent = text;
    else button.append(text);
  }

  // Cards and Expand all need no wasm: make Expand all usable and mark the question
  // checkboxes (which do need it) as not usable yet.
  function enhance(root) {
    if (isLive(root) || enhanced.has(root)) return;
    enhanced.add(root);
    root.querySelector(".trd-expand-all")?.removeAttribute("disabled");
    for (const box of root.querySelectorAll(".trd-question__box")) box.setAttribute("aria-disabled", "true");
    syncExpandAll(root);
  }

  // Where the app cannot run: hide what needs it, say why once, and (on failure) show
  // every card open as the no-JS page does, with working buttons.
  // `final`: the app will never run here (from disk, or it failed), so the note can go where
  // the hidden controls were; otherwise it stays outside the tree the app would hydrate.
  function settle(root, { note, openAll, final }) {
    if (isLive(root) || settled.has(root)) return;
    settled.add(root);
    enhance(root);
    const host = root.parentNode;
    host.classList?.add("trd-static");
    const p = document.createElement("p");
    p.className = "trd-static-note";
    p.setAttribute("role", "note");
    p.textContent = note;
    const toolbar = root.querySelector(".trd-toolbar");
    if (final && toolbar) toolbar.before(p);
    else host.before(p);
    const reader = changes.get(root)?.size > 0;
    if (openAll && !reader) for (const card of cards(root)) setOpen(root, card, true, false);
  }

  function roots() {
    const found = [...document.querySelectorAll("[data-trd-standalone] > .trd")];
    for (const el of document.querySelectorAll("trd-explainer")) {
      const root = el.shadowRoot?.querySelector(".trd-root > .trd:not(.trd--early)");
      if (root) found.push(root);
    }
    return found;
  }

  // Opens "How this guide was made" at `target` (the section or a part of it), scrolls
  // there and moves focus there, as the app does (src/app/about_links.rs).
  function openSection(target) {
    const details = target.closest("details");
    if (details) details.open = true;
    target.scrollIntoView();
    const whole = target.matches("details") || target.parentElement?.matches("details");
    if (!whole) target.setAttribute("tabindex", "-1"); // a heading: focusable by script only
    const focus = whole ? details?.querySelector("summary") : target;
    focus?.focus({ preventScroll: true });
  }

  function openFromHash() {
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    if (ABOUT.includes(id)) {
      const target = document.getElementById(id);
      const root = target?.closest(".trd");
      if (root && !isLive(root)) openSection(target);
      return;
    }
    const card = id ? document.getElementById(id) : null;
    const root = card?.classList.contains("trd-card") ? card.closest(".trd") : null;
    if (root && !isLive(root)) {
      enhance(root);
      setOpen(root, card, true);
    }
  }

  // A shared "link to highlight" (`#:~:text=…`) opened fresh: the browser strips the
  // directive from `location` and, once the app has hydrated, no longer reveals the closed
  // panel itself. Open the card that holds the text now, so hydration adopts it (and tells
  // the host) like any card opened before the app. The navigation entry keeps the URL.
  function openFromTextFragment() {
    const url = performance.getEntriesByType?.("navigation")[0]?.name ?? "";
    const directive = url.split(":~:")[1];
    if (!directive) return;
    for (const part of directive.split("&")) {
      if (!part.startsWith("text=")) continue;
      let terms;
      try {
        terms = part.slice(5).split(",").map(decodeURIComponent);
      } catch {
        continue;
      }
      // text=[prefix-,]start[,end][,-suffix]: keep `start`.
      const start = terms.find((t, i) => !(i === 0 && t.endsWith("-") && terms.length > 1) && !t.startsWith("-"));
      const wanted = start?.replace(/\s+/g, " ").trim().toLowerCase();
      if (!wanted) continue;
      for (const root of roots()) {
        if (isLive(root)) continue;
        const card = cards(root).find((c) =>
          c.querySelector(".trd-card__panel")?.textContent.replace(/\s+/g, " ").toLowerCase().includes(wanted),
        );
        if (card) {
          enhance(root);
          if (!isOpen(card)) setOpen(root, card, true);
          return;
        }
      }
    }
  }

  // A link into "How this guide was made": open it in the link's own widget. Inside a
  // shadow root the browser's fragment navigation finds nothing (and would change the
  // host page's URL), so this handles every such click until the app does.
  document.addEventListener("click", (event) => {
    const link = event.composedPath().find((n) => n instanceof Element && n.matches("a[href^='#']"));
    const id = link?.getAttribute("href").slice(1);
    const root = link?.closest(".trd");
    if (!root || isLive(root) || !ABOUT.includes(id)) return;
    const target = root.querySelector(`[id="${id}"]`);
    if (!target) return;
    event.preventDefault();
    openSection(target);
  });

  document.addEventListener("click", (event) => {
    const path = event.composedPath();
    const control = path.find((n) => n instanceof Element && n.matches(".trd-card__button, .trd-expand-all, .trd-question__box"));
    const root = control?.closest(".trd");
    if (!root || isLive(root)) return;
    enhance(root);
    if (control.matches(".trd-question__box")) {
      event.preventDefault(); // My questions needs the app
    } else if (control.matches(".trd-expand-all")) {
      const open = !cards(root).every(isOpen);
      for (const card of cards(root)) if (isOpen(card) !== open) setOpen(root, card, open);
    } else {
      const card = control.closest(".trd-card");
      if (card) setOpen(root, card, !isOpen(card));
    }
  });

  // Find-in-page opened a closed panel: follow it in the header's state.
  document.addEventListener(
    "beforematch",
    (event) => {
      const card = event.target instanceof Element && event.target.closest(".trd-card");
      const root = card?.closest(".trd");
      if (root && !isLive(root)) setOpen(root, card, true);
    },
    true,
  );

  window.addEventListener("hashchange", openFromHash);

  // Print shows every disclosure open (the full crisis list and introduction). The
  // stylesheet does it where `::details-content` is supported; this covers the rest, for
  // the app's widgets too (it never sets `open` on them), and closes them again after.
  let openedForPrint = [];
  window.addEventListener("beforeprint", () => {
    const all = [...document.querySelectorAll(".trd details")];
    for (const el of document.querySelectorAll("trd-explainer")) all.push(...(el.shadowRoot?.querySelectorAll(".trd details") ?? []));
    openedForPrint = all.filter((d) => !d.open);
    for (const d of openedForPrint) d.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const d of openedForPrint) d.open = false;
    openedForPrint = [];
  });

  // The app took over: undo static mode and replay the reader's changes as clicks, after
  // the app's first render (the event fires from its first effect) and before any paint.
  document.addEventListener("trd-explainer:ready", (event) => {
    const host = event.target;
    const scope = host.shadowRoot ?? host;
    const root = scope.querySelector(".trd");
    if (!root) return;
    taken.add(root);
    settled.delete(root);
    root.parentNode?.classList?.remove("trd-static");
    const note = root.parentNode?.previousElementSibling;
    if (note?.classList.contains("trd-static-note")) note.remove(); // only ever outside: see settle
    for (const box of root.querySelectorAll(".trd-question__box[aria-disabled]")) box.removeAttribute("aria-disabled");
    const wanted = changes.get(root);
    changes.delete(root);
    if (!wanted) return;
    queueMicrotask(() => {
      for (const [id, open] of wanted) {
        const card = [...root.querySelectorAll(".trd-card")].find((c) => c.id === id);
        const button = card?.querySelector(".trd-card__button");
        if (button && isOpen(card) !== open) button.click();
      }
    });
  });

  function start() {
    const fromDisk = location.protocol === "file:";
    for (const root of roots()) {
      enhance(root);
      if (fromDisk) settle(root, { note: strings(root).fromDisk, openAll: false, final: true });
    }
    openFromHash();
    openFromTextFragment();
    if (!fromDisk) {
      setTimeout(() => {
        for (const root of roots()) settle(root, { note: strings(root).unavailable, openAll: true, final: false });
      }, TIMEOUT_MS);
    }
  }

  window.trdAccordion = {
    /** The loader put prerendered markup into this `.trd-root` after this script started. */
    add(container) {
      const root = container.querySelector(":scope > .trd");
      if (!root || isLive(root)) return;
      enhance(root);
      // Weakly held: a removed widget's markup must not wait for this timer to be freed.
      const ref = new WeakRef(root);
      setTimeout(() => {
        const later = ref.deref();
        if (later?.isConnected) settle(later, { note: strings(later).unavailable, openAll: true, final: false });
      }, TIMEOUT_MS);
    },
    /** The app could not start in this `.trd-root` or standalone container. */
    failed(container) {
      const root = container.querySelector(":scope > .trd");
      if (root) settle(root, { note: strings(root).unavailable, openAll: true, final: true });
      return !!root;
    },
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
