// The page built for framing (embed.html): takes the element's options from its own URL
// and reports its height to the host page. A classic script after the element and before
// the loader (a module, so it runs later): the attributes are in place when it starts.
//
// Options: the element's attributes as URL parameters, the names from the attribute table
// (filled in at build time): embed.html?lang=es&categories=stimulation&heading-level=2.
// The element itself checks the values (a bad one warns and keeps its default).
// `compact` (or a WordPress frame) keeps search and the views in reach while the page
// scrolls inside a capped frame.
//
// Height, to the parent, in three dialects, whenever it changes:
//   { type: "trd-explainer:height", height }            this guide's own (trd-embed-resize.js)
//   { secret, message: "height", value: height }        WordPress (with the `#?secret=` it adds)
//   { sentinel: "amp", type: "embed-size", height }     AMP's amp-iframe
(() => {
  const NAMES = "__TRD_ATTRIBUTES__".split(",");
  const element = document.querySelector("trd-explainer");
  const frame = document.querySelector(".trd-embed");
  if (!element || !frame) return;
  const params = new URLSearchParams(location.search);
  for (const name of NAMES) {
    const value = params.get(name);
    if (value !== null) element.setAttribute(name, value);
  }

  // WordPress frames an untrusted provider's page with `#?secret=<token>` and shows the
  // frame only once the page has posted its height with that token.
  const secret = /[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash)?.[1] ?? null;
  const compact = params.has("compact") ? params.get("compact") !== "off" : secret !== null;
  if (compact) element.classList.add("trd-compact");

  // A sandboxed frame without allow-same-origin has an opaque origin: storage throws, so
  // ticked questions last only until a reload. Say so; everything else works.
  try {
    sessionStorage.setItem("trd-embed", "1");
    sessionStorage.removeItem("trd-embed");
  } catch {
    document.getElementById("trd-embed-note")?.removeAttribute("hidden");
  }

  // Links that leave the guide open in a new tab, not inside the frame.
  document.addEventListener(
    "click",
    (event) => {
      const link = event.composedPath().find((n) => n instanceof HTMLAnchorElement);
      if (!link || !/^https?:$/.test(link.protocol)) return;
      if (link.origin === location.origin && link.pathname === location.pathname) return;
      link.target = "_blank";
      link.rel = `${link.rel} noopener`.trim();
    },
    true,
  );

  let last = -1;
  const report = (force) => {
    const height = Math.ceil(frame.getBoundingClientRect().height);
    if (parent === window || (!force && height === last)) return;
    last = height;
    parent.postMessage({ type: "trd-explainer:height", height }, "*");
    if (secret) parent.postMessage({ secret, message: "height", value: height }, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
  };
  new ResizeObserver(() => report(false)).observe(frame);
  addEventListener("load", () => report(true));
  // WordPress asks again once its own script is ready.
  addEventListener("message", (event) => {
    if (event.source === parent && event.data?.message === "ready" && event.data.secret === secret) report(true);
  });
})();
